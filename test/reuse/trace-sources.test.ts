import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../../src/ingest/text.js';
import { indexArticles, openStore, traceSentences, type Store } from '../../src/reuse/index.js';

// Fictional stories written for this test: one sentence copied word for word from a wire story, which itself
// edited the port authority's own notice (it shares fewer of the index's fingerprints with the copy than the
// wire story does).
const WIRE = 'The Velmish port authority approved on Tuesday a plan to rebuild the crumbling northern pier at Marrowby before the winter storms.';
const NOTICE = 'The Velmish port authority on Tuesday backed a plan to rebuild the crumbling northern pier at Marrowby before the winter storms.';

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-sources-'));
  store = await openStore(path.join(dir, 'index.db'), { create: true });
  const doc = (id: string, text: string) => ({ ...textToArticle(text, { id, origin: null }), text });
  await indexArticles(store, [doc('wire', WIRE), doc('notice', NOTICE)], { workers: 0 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('trace: every source of a copied sentence', () => {
  it('finds the story a sentence was copied from and the notice that story edited', async () => {
    const out = await traceSentences(store, WIRE, [{ start: 0, end: WIRE.length }]);
    const ids = out[0].map((m) => m.docId);
    expect(out[0][0]).toMatchObject({ docId: 'wire', kind: 'verbatim' });
    expect(ids).toContain('notice');
  });
});
