import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { textToArticle } from '../../src/ingest/text.js';
import { indexArticles } from '../../src/reuse/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';

/**
 * Runs `fn` with a temporary SQLite index holding `sources` (ids source-1, source-2, ...), for rules and
 * tests that need a corpus. The index is deleted afterwards.
 */
export async function withSourceStore<T>(sources: string[], fn: (store: Store) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-store-'));
  const store = await openStore(path.join(dir, 'index.db'), { create: true });
  try {
    const articles = sources.map((s, i) => textToArticle(s, { id: `source-${i + 1}`, origin: null }));
    await indexArticles(store, articles, { workers: 0 });
    return await fn(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
