/**
 * The text-reuse engine: index a corpus, trace sentences to the passages they reuse.
 *
 * Public API (used by the CLI, the reuse analyzer and the benchmarks):
 * - `openStore(location, {create?})` (src/store/index.ts): a SQLite file path; postgres:// is a later issue.
 * - `indexArticles(store, articles, {workers?, onProgress?})`: adds Articles (src/model/document.ts) to the
 *   store; idempotent by id and content hash (same content: unchanged; same id, new content: replaced).
 *   Worker threads parse and fingerprint, the caller's thread writes, committing in batches.
 * - Tracing is the reuse analyzer: `analyzeArticle(article, {store})` fills `doc.data.reuse.sources`, one
 *   SourceMatch[] per sentence, best first; `traceSentences(store, text, spans)` is the engine call under it.
 * - `findDuplicates(store, {threshold})`: clusters of near-duplicate indexed documents.
 * - `store.stats()` ({documents, sentences, bytes, postings}) and `store.close()`.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article } from '../model/document.js';
import type { Store, StoredDocInput } from '../store/store.js';
import { contentHash, prepareDoc, type DocInput, type PreparedDoc } from './prepare.js';

export { traceSentences } from './trace.js';
export { findDuplicates, type DuplicateCluster } from './dupes.js';
export { openStore } from '../store/index.js';
export type { Store, StoreStats } from '../store/store.js';

export interface IndexProgress {
  done: number;
  added: number;
  unchanged: number;
  failed: number;
}

export interface IndexOptions {
  /** Worker threads for parsing and fingerprinting (default: one per core; 0 = in this thread). */
  workers?: number;
  onProgress?: (p: IndexProgress) => void;
  /** Documents per committed transaction (default 1024: each commit rewrites every postings page it touches, and a batch touches most of them). */
  batchSize?: number;
}

type Prepared = PreparedDoc | { id: string; error: string };

/** A pool of worker threads; `null` jobs run inline when workers cannot start (e.g. under a test runner). */
class Pool {
  private workers: Worker[] = [];
  private waiting = new Map<number, (docs: Prepared[]) => void>();
  private next = 0;
  private job = 0;

  static async start(n: number): Promise<Pool | null> {
    const pool = new Pool();
    const ts = import.meta.url.endsWith('.ts');
    const url = new URL(ts ? './worker.ts' : './worker.js', import.meta.url);
    try {
      await Promise.all(
        Array.from({ length: n }, () => {
          const w = new Worker(url, { execArgv: process.execArgv });
          pool.workers.push(w);
          return new Promise<void>((resolve, reject) => {
            const onMsg = (m: { ready?: boolean }) => {
              if (m.ready) {
                w.off('error', reject);
                resolve();
              }
            };
            w.on('message', onMsg);
            w.once('error', reject);
            w.once('exit', () => reject(new Error('worker exited')));
          });
        }),
      );
    } catch {
      await pool.close();
      return null;
    }
    for (const w of pool.workers) {
      w.on('message', (m: { job?: number; docs?: Prepared[] }) => {
        if (m.job === undefined) return;
        const cb = pool.waiting.get(m.job);
        pool.waiting.delete(m.job);
        cb?.(m.docs!);
      });
      w.on('error', (e) => {
        for (const cb of pool.waiting.values()) cb([{ id: '?', error: String(e) }]);
        pool.waiting.clear();
      });
    }
    return pool;
  }

  run(docs: DocInput[]): Promise<Prepared[]> {
    const job = this.job++;
    const w = this.workers[this.next++ % this.workers.length];
    return new Promise((resolve) => {
      this.waiting.set(job, resolve);
      w.postMessage({ job, docs });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function prepareInline(docs: DocInput[]): Prepared[] {
  return docs.map((d) => {
    try {
      return prepareDoc(d);
    } catch (e) {
      return { id: d.id, error: (e as Error).message };
    }
  });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Adds articles to the store (see the module comment). Resolves with the counts once all are committed. */
export async function indexArticles(
  store: Store,
  articles: Iterable<Article> | AsyncIterable<Article>,
  opts: IndexOptions = {},
): Promise<{ added: number; unchanged: number; failed: number }> {
  const nWorkers = opts.workers ?? Math.max(1, availableParallelism());
  const batchSize = opts.batchSize ?? 1024;
  const pool = nWorkers > 0 ? await Pool.start(nWorkers) : null;
  const p: IndexProgress = { done: 0, added: 0, unchanged: 0, failed: 0 };
  const inflight: Promise<Prepared[]>[] = [];
  const maxInflight = Math.max(2, nWorkers * 2);

  const commit = async (prepared: Prepared[]) => {
    const ok: StoredDocInput[] = [];
    for (const d of prepared) {
      if ('error' in d) p.failed++;
      else
        ok.push({ id: d.id, title: d.title, hash: d.hash, body: d.body, sig: d.sig, postings: d.postings, sentences: d.sentences });
    }
    if (ok.length) await store.write(ok);
    p.added += ok.length;
    p.done += prepared.length;
    opts.onProgress?.({ ...p });
  };

  let batch: DocInput[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const docs = batch;
    batch = [];
    // Unchanged documents (same id, same content hash) are skipped before any work is done on them.
    const hashes = docs.map((d) => contentHash(d.text));
    const known = await store.hashes(docs.map((d) => d.id));
    const todo: DocInput[] = [];
    docs.forEach((d, i) => {
      const h = known.get(d.id);
      if (h && sameBytes(h, hashes[i])) {
        p.unchanged++;
        p.done++;
      } else todo.push(d);
    });
    if (!todo.length) {
      opts.onProgress?.({ ...p });
      return;
    }
    inflight.push(pool ? pool.run(todo) : Promise.resolve(prepareInline(todo)));
    while (inflight.length >= maxInflight || (!pool && inflight.length)) await commit(await inflight.shift()!);
  };

  try {
    for await (const a of articles as AsyncIterable<Article>) {
      if (!a.text || !a.text.trim()) {
        p.failed++;
        p.done++;
        continue;
      }
      batch.push({ id: a.id, title: a.title, text: a.text });
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    while (inflight.length) await commit(await inflight.shift()!);
  } finally {
    await pool?.close();
  }
  return { added: p.added, unchanged: p.unchanged, failed: p.failed };
}
