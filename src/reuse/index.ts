/**
 * The text-reuse engine: index a corpus, trace sentences to the passages they reuse.
 *
 * Public API (used by the CLI, the reuse analyzer and the benchmarks):
 * - `openStore(location, {create?})` (src/store/index.ts): a SQLite file path or a postgres:// URL.
 * - `indexArticles(store, articles, {workers?, onProgress?})`: adds Articles (src/model/document.ts) to the
 *   store; idempotent by id and content hash (same content: unchanged; same id, new content: replaced).
 *   Worker threads parse and fingerprint, the caller's thread writes, committing in batches.
 * - Tracing is the reuse analyzer: `analyzeArticle(article, {store})` fills `doc.data.reuse.sources`, one
 *   SourceMatch[] per sentence, best first; `traceSentences(store, text, spans)` is the engine call under it.
 * - `findDuplicates(store, {threshold})`: clusters of near-duplicate indexed documents.
 * - `store.stats()` ({documents, sentences, bytes, postings}) and `store.close()`.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Article } from '../model/document.js';
import { sibling, spawnWorker } from '../pipeline/spawn.js';
import { DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
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
  /** Milliseconds one document may take to prepare in a worker (default 30 s); not enforced with workers: 0. */
  timeBudgetMs?: number;
  /** Documents per committed transaction (default 1024: each commit rewrites every postings page it touches, and a batch touches most of them). */
  batchSize?: number;
}

type Prepared = PreparedDoc | { id: string; error: string };

export interface IndexFailure {
  id: string;
  reason: string;
}

export interface IndexResult {
  added: number;
  unchanged: number;
  /** Documents not indexed (empty, failed, over the time budget). */
  failed: number;
  /** The first MAX_FAILURES_KEPT of them, with their reasons. */
  failures: IndexFailure[];
}

const MAX_FAILURES_KEPT = 100;

interface Job {
  id: number;
  docs: DocInput[];
  /** Documents taken out of the job for running past the time budget. */
  failed: Prepared[];
  resolve: (docs: Prepared[]) => void;
}

interface Slot {
  worker: Worker;
  /** (job, index) of the document the worker is on, written by the worker (see worker.ts). */
  progress: Int32Array;
  jobs: Job[];
  seen: { job: number; index: number; since: number };
}

/**
 * Worker threads with a per-document time budget. A worker stuck on one document (a pass that never
 * returns cannot be interrupted in its own thread) is terminated and replaced; that document fails with
 * its reason and the rest of its job, and the jobs queued behind it, go to the new worker.
 */
export class Pool {
  private slots: Slot[] = [];
  private next = 0;
  private job = 0;
  private watchdog: NodeJS.Timeout | null = null;
  private constructor(
    private readonly module: URL,
    private readonly budgetMs: number,
  ) {}

  static async start(n: number, budgetMs: number, module = sibling('worker', import.meta.url)): Promise<Pool | null> {
    const pool = new Pool(module, budgetMs);
    try {
      pool.slots = await Promise.all(Array.from({ length: n }, () => pool.spawn()));
    } catch {
      await pool.close();
      return null;
    }
    pool.watchdog = setInterval(() => pool.check(), Math.max(20, Math.min(500, budgetMs / 4)));
    pool.watchdog.unref();
    return pool;
  }

  private async spawn(): Promise<Slot> {
    const shared = new SharedArrayBuffer(8);
    const progress = new Int32Array(shared);
    progress[0] = -1;
    progress[1] = -1;
    const worker = spawnWorker(this.module, { workerData: { progress: shared } });
    const slot: Slot = { worker, progress, jobs: [], seen: { job: -1, index: -1, since: 0 } };
    await new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (!m.ready) return;
        worker.off('message', onMsg);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMsg);
      worker.once('error', reject);
    });
    worker.on('message', (m: { job?: number; docs?: Prepared[] }) => {
      if (m.job === undefined) return;
      const i = slot.jobs.findIndex((j) => j.id === m.job);
      if (i < 0) return;
      const [job] = slot.jobs.splice(i, 1);
      job.resolve([...m.docs!, ...job.failed]);
    });
    worker.on('error', (e) => this.replace(slot, `worker failed: ${String(e).split('\n')[0]}`));
    return slot;
  }

  private post(slot: Slot, job: Job): void {
    slot.jobs.push(job);
    slot.worker.postMessage({ job: job.id, docs: job.docs });
  }

  run(docs: DocInput[]): Promise<Prepared[]> {
    const slot = this.slots[this.next++ % this.slots.length];
    return new Promise((resolve) => this.post(slot, { id: this.job++, docs, failed: [], resolve }));
  }

  private check(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (!slot.jobs.length) continue;
      const job = Atomics.load(slot.progress, 0);
      const index = Atomics.load(slot.progress, 1);
      if (job !== slot.seen.job || index !== slot.seen.index) slot.seen = { job, index, since: now };
      else if (index >= 0 && job === slot.jobs[0].id && now - slot.seen.since > this.budgetMs)
        this.replace(slot, `preparing it took longer than the time budget of ${this.budgetMs} ms (--time-budget)`);
    }
  }

  /** Terminates a stuck or failed worker: the document it was on fails with `reason`, the rest is redone. */
  private replace(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    const index = Atomics.load(slot.progress, 1);
    const [first, ...rest] = slot.jobs;
    const jobs: Job[] = [];
    if (first) {
      const stuck = Atomics.load(slot.progress, 0) === first.id && index >= 0 ? index : -1;
      if (stuck >= 0) first.failed.push({ id: first.docs[stuck].id, error: reason });
      jobs.push({ ...first, docs: first.docs.filter((_, k) => k !== stuck) });
    }
    jobs.push(...rest);
    void this.spawn().then(
      (fresh) => {
        this.slots.push(fresh);
        for (const j of jobs) this.post(fresh, j);
      },
      (e: unknown) => {
        for (const j of jobs) j.resolve([...j.docs.map((d) => ({ id: d.id, error: `no worker: ${String(e)}` })), ...j.failed]);
      },
    );
  }

  async close(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
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

/** What became of one document of a batch (see indexBatch). */
export type BatchOutcome =
  | { id: string; status: 'added' | 'unchanged' }
  /** `document`: the document itself failed (no text, over the time budget) and will fail again; `store`: the write did. */
  | { id: string; status: 'failed'; cause: 'document' | 'store'; reason: string };

/**
 * Indexes one batch and says what became of each document, in order: the same steps as indexArticles
 * (unchanged ids and hashes skipped, prepared by the pool or inline, written in one transaction, one by
 * one when the store refuses the batch). The queue's workers call it; a store that cannot be reached
 * throws, and the caller retries the whole batch.
 */
export async function indexBatch(store: Store, docs: DocInput[], pool: Pool | null, threads = 1): Promise<BatchOutcome[]> {
  const out = new Map<string, BatchOutcome>();
  const hashes = docs.map((d) => contentHash(d.text));
  const known = await store.hashes(docs.map((d) => d.id));
  const todo: DocInput[] = [];
  docs.forEach((d, i) => {
    const h = known.get(d.id);
    if (!d.text.trim()) out.set(d.id, { id: d.id, status: 'failed', cause: 'document', reason: 'no text' });
    else if (h && sameBytes(h, hashes[i])) out.set(d.id, { id: d.id, status: 'unchanged' });
    // Two jobs for one id in a batch (a job retried beside its redo): written once, both told the outcome.
    else if (!todo.some((t) => t.id === d.id)) todo.push(d);
  });
  // The pool gives each call to one thread: split the batch so that every thread has a share.
  const per = Math.max(1, Math.ceil(todo.length / Math.max(1, threads)));
  const parts: DocInput[][] = [];
  for (let i = 0; i < todo.length; i += per) parts.push(todo.slice(i, i + per));
  const prepared = (await Promise.all(parts.map((p) => (pool ? pool.run(p) : Promise.resolve(prepareInline(p)))))).flat();
  const ok: StoredDocInput[] = [];
  for (const d of prepared) {
    if ('error' in d) out.set(d.id, { id: d.id, status: 'failed', cause: 'document', reason: d.error });
    else ok.push({ id: d.id, title: d.title, hash: d.hash, body: d.body, sig: d.sig, postings: d.postings, sentences: d.sentences });
  }
  if (ok.length) {
    try {
      await store.write(ok);
      for (const d of ok) out.set(d.id, { id: d.id, status: 'added' });
    } catch (batchError) {
      // One document the store refuses must not cost the batch; when every one fails, the store itself does.
      let stored = 0;
      for (const d of ok) {
        try {
          await store.write([d]);
          out.set(d.id, { id: d.id, status: 'added' });
          stored++;
        } catch (e) {
          out.set(d.id, { id: d.id, status: 'failed', cause: 'store', reason: `not stored: ${(e as Error)?.message ?? String(e)}` });
        }
      }
      if (!stored && ok.length > 1) throw batchError;
    }
  }
  return docs.map((d) => out.get(d.id) ?? { id: d.id, status: 'failed', cause: 'document', reason: 'not prepared' });
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Adds articles to the store (see the module comment). Resolves with the counts once all are committed. */
export async function indexArticles(
  store: Store,
  articles: Iterable<Article> | AsyncIterable<Article>,
  opts: IndexOptions = {},
): Promise<IndexResult> {
  const nWorkers = opts.workers ?? Math.max(1, availableParallelism());
  const batchSize = opts.batchSize ?? 1024;
  const pool = nWorkers > 0 ? await Pool.start(nWorkers, opts.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS) : null;
  const p: IndexProgress = { done: 0, added: 0, unchanged: 0, failed: 0 };
  const failures: IndexFailure[] = [];
  const fail = (id: string, reason: string) => {
    p.failed++;
    if (failures.length < MAX_FAILURES_KEPT) failures.push({ id, reason });
  };
  const inflight: Promise<Prepared[]>[] = [];
  const maxInflight = Math.max(2, nWorkers * 2);

  const commit = async (prepared: Prepared[]) => {
    const ok: StoredDocInput[] = [];
    for (const d of prepared) {
      if ('error' in d) fail(d.id, d.error);
      else
        ok.push({ id: d.id, title: d.title, hash: d.hash, body: d.body, sig: d.sig, postings: d.postings, sentences: d.sentences });
    }
    if (ok.length) {
      try {
        await store.write(ok);
        p.added += ok.length;
      } catch {
        // One document the store refuses must not cost the batch: write them one by one, keep the failures.
        for (const d of ok) {
          try {
            await store.write([d]);
            p.added++;
          } catch (e) {
            fail(d.id, `not stored: ${(e as Error)?.message ?? String(e)}`);
          }
        }
      }
    }
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
        fail(a.id, 'no text');
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
  return { added: p.added, unchanged: p.unchanged, failed: p.failed, failures };
}
