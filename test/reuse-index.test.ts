import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Article } from '../src/model/document.js';
import { findDuplicates, indexArticles, openStore, Pool, traceSentences, type Store } from '../src/reuse/index.js';
import { generatedArticle } from './helpers/generated.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-index-'));
  store = await openStore(path.join(dir, 'i.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const art = (id: string, text: string): Article => ({ id, kind: 'text', origin: null, text, title: null, byline: null, published: null, url: null });

describe('indexArticles', () => {
  it('is idempotent: the same content again adds nothing', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => art(`g/${i}.txt`, generatedArticle(i, 12)));
    const progress: number[] = [];
    const first = await indexArticles(store, docs, { workers: 0, batchSize: 16, onProgress: (p) => progress.push(p.done) });
    expect(first).toEqual({ added: 60, unchanged: 0, failed: 0, failures: [] });
    expect(progress.at(-1)).toBe(60);
    const stats1 = await store.stats();
    const second = await indexArticles(store, docs, { workers: 0, batchSize: 16 });
    expect(second).toEqual({ added: 0, unchanged: 60, failed: 0, failures: [] });
    expect(await store.stats()).toEqual(stats1);
  });

  it('replaces a document whose content changed, and traces only the new content', async () => {
    const old = 'The Arden glassworks will close in June after ninety years of production, its owners said on Friday.';
    const neu = 'The Arden glassworks will stay open after a buyer from Greyhaven offered to keep all 312 workers.';
    await indexArticles(store, [art('a', old)], { workers: 0 });
    const r = await indexArticles(store, [art('a', neu)], { workers: 0 });
    expect(r).toEqual({ added: 1, unchanged: 0, failed: 0, failures: [] });
    expect((await store.stats()).documents).toBe(1);
    const [oldHit] = await traceSentences(store, old, [{ start: 0, end: old.length }]);
    const [newHit] = await traceSentences(store, neu, [{ start: 0, end: neu.length }]);
    expect(oldHit).toEqual([]);
    expect(newHit[0]).toMatchObject({ docId: 'a', kind: 'verbatim' });
  });

  it('a document traced, then replaced (here or through another connection), no longer resolves', async () => {
    const old = 'The Arden glassworks will close in June after ninety years of production, its owners said on Friday.';
    const neu = 'The Arden glassworks will stay open after a buyer from Greyhaven offered to keep all 312 workers.';
    const span = [{ start: 0, end: old.length }];
    await indexArticles(store, [art('a', old)], { workers: 0 });
    expect((await traceSentences(store, old, span))[0][0]).toMatchObject({ docId: 'a', kind: 'verbatim' });
    await indexArticles(store, [art('a', neu)], { workers: 0 });
    expect((await traceSentences(store, old, span))[0]).toEqual([]);
    // Another writer on the same file: tracing must not answer from documents it parsed before.
    const other = await openStore(store.location);
    await indexArticles(other, [art('b', old)], { workers: 0 });
    expect((await traceSentences(store, old, span))[0][0]).toMatchObject({ docId: 'b', kind: 'verbatim' });
    await indexArticles(other, [art('b', neu)], { workers: 0 });
    await other.close();
    expect((await traceSentences(store, old, span))[0]).toEqual([]);
  });

  it('counts empty documents as failed', async () => {
    const r = await indexArticles(store, [art('e', '   '), art('ok', generatedArticle(1, 5))], { workers: 0 });
    expect(r).toEqual({ added: 1, unchanged: 0, failed: 1, failures: [{ id: "e", reason: "no text" }] });
  });

  it('accepts async iterables', async () => {
    async function* gen() {
      for (let i = 0; i < 5; i++) yield art(`a${i}`, generatedArticle(100 + i, 6));
    }
    expect(await indexArticles(store, gen(), { workers: 0 })).toEqual({ added: 5, unchanged: 0, failed: 0, failures: [] });
  });
});

describe('indexing workers: a time budget per document', () => {
  it('indexes through worker threads as it does in this thread', async () => {
    const docs = Array.from({ length: 4 }, (_, i) => art(`w${i}`, generatedArticle(300 + i, 6)));
    expect(await indexArticles(store, docs, { workers: 1 })).toEqual({ added: 4, unchanged: 0, failed: 0, failures: [] });
    expect(await indexArticles(store, docs, { workers: 0 })).toEqual({ added: 0, unchanged: 4, failed: 0, failures: [] });
  });

  it('stops a document that never finishes, fails it with its reason, and prepares the others', async () => {
    const pool = await Pool.start(1, 3000, new URL('./fixtures/spin-prepare-worker.ts', import.meta.url));
    expect(pool).not.toBeNull();
    try {
      const doc = (id: string, extra = '') => ({ id, title: null, text: generatedArticle(id.length * 7 + 400, 4) + extra });
      // two jobs queued on the one worker: the second waits behind the stuck document and still completes
      const [first, second] = await Promise.all([
        pool!.run([doc('a'), doc('bb', ' SPIN-FOREVER'), doc('ccc'), doc('dddd', ' THROW-NOW')]),
        pool!.run([doc('eeeee')]),
      ]);
      const summary = (r: ({ id: string } & ({ error: string } | { sentences: number }))[]) =>
        r.map((d) => [d.id, 'error' in d ? d.error : 'ok']).sort((x, y) => x[0].localeCompare(y[0]));
      expect(summary(first)).toEqual([
        ['a', 'ok'],
        ['bb', 'preparing it took longer than the time budget of 3000 ms (--time-budget)'],
        ['ccc', 'ok'],
        ['dddd', 'deliberate failure'],
      ]);
      expect(summary(second)).toEqual([['eeeee', 'ok']]);
    } finally {
      await pool!.close();
    }
  });
});

describe('findDuplicates', () => {
  it('clusters exact and near copies, leaves distinct documents out', async () => {
    const base = generatedArticle(7, 20);
    const near = base.replace(/\.\s[^.]*\./, '. The mayor of Greyhaven opened a new bridge over the river.');
    const docs = [art('orig', base), art('copy', base), art('near', near), ...Array.from({ length: 30 }, (_, i) => art(`other${i}`, generatedArticle(200 + i, 20)))];
    await indexArticles(store, docs, { workers: 0 });
    const clusters = await findDuplicates(store, { threshold: 0.8 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0].docs.map((d) => d.id)).toEqual(['copy', 'near', 'orig']);
    expect(clusters[0].similarity).toBeGreaterThanOrEqual(0.8);
    expect(clusters[0].similarity).toBeLessThan(1);
    const exact = await findDuplicates(store, { threshold: 0.999 });
    expect(exact.map((c) => c.docs.map((d) => d.id))).toEqual([['copy', 'orig']]);
  });
});
