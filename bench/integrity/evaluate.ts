/**
 * Runs the whole analysis (every analyzer, as the CLI does) over a half of the labelled set, without a
 * corpus and against a temporary SQLite index of the half's sources built with the project's indexArticles.
 * Shared by the fit (bench/integrity/fit.ts) and the benchmark (bench/integrity/run.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { buildReport } from '../../src/report/build.js';
import type { Report } from '../../src/report/report.js';
import { indexArticles } from '../../src/reuse/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import type { Half, Item } from './generate.js';

export interface Row {
  item: Item;
  report: Report;
  ms: number;
}

export async function analyzeItems(items: Item[], store?: Store): Promise<Row[]> {
  const rows: Row[] = [];
  for (const item of items) {
    const t = performance.now();
    const doc = await analyzeArticle(item.article, store ? { store } : {});
    const report = buildReport(doc);
    rows.push({ item, report, ms: performance.now() - t });
  }
  return rows;
}

export interface HalfRuns {
  plain: Row[];
  corpus: Row[] | null;
  indexSecs: number;
}

/** Both runs of a half; `corpus: false` skips the indexed one. */
export async function runHalf(half: Half, o: { corpus?: boolean; log?: (s: string) => void } = {}): Promise<HalfRuns> {
  const log = o.log ?? (() => {});
  // Warm-up: the language layer loads its model on first use; keep that out of the timings.
  await analyzeItems(half.items.slice(0, 5));
  const plain = await analyzeItems(half.items);
  log(`${half.name}: analyzed ${plain.length} articles without a corpus`);
  if (o.corpus === false) return { plain, corpus: null, indexSecs: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'unspun-integrity-'));
  try {
    const store = await openStore(join(dir, 'index.db'), { create: true });
    const t = performance.now();
    await indexArticles(store, half.index);
    const indexSecs = (performance.now() - t) / 1000;
    log(`${half.name}: indexed ${half.index.length} source documents in ${indexSecs.toFixed(1)} s`);
    const corpus = await analyzeItems(half.items, store);
    await store.close();
    log(`${half.name}: analyzed ${corpus.length} articles against the index`);
    return { plain, corpus, indexSecs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
