/**
 * The reuse engine as the benchmarks use it, through its public API only: openStore (src/store),
 * indexArticles (src/reuse), and tracing through analyzeArticle + buildReport. Loaded dynamically so that
 * the benchmarks fail with one clear line, not a type error, when the engine is not built yet.
 */
import type { Article } from '../../src/model/document.js';
import type { Store } from '../../src/store/store.js';
import type { TracedSpan } from '../reuse/score.js';

export interface IndexResult {
  added: number;
  unchanged: number;
  failed: number;
}

export interface Engine {
  openStore(path: string, opts: { create?: boolean }): Promise<Store>;
  indexArticles(
    store: Store,
    articles: Iterable<Article> | AsyncIterable<Article> | Article[],
    opts?: { workers?: number; onProgress?: (p: unknown) => void },
  ): Promise<IndexResult>;
  /** Traces one article; the report's sentences with their sources (best first). */
  trace(article: Article, store: Store): Promise<{ spans: TracedSpan[]; report: TraceReport }>;
}

export interface TraceReport {
  sentences: { start: number; end: number; text: string; role: string; sources: { docId: string; text?: string; start: number; end: number; similarity: number; kind: string; substitutions?: unknown }[] }[];
  summary: { spliceMap: (string | null)[]; reusedSentences: number; sentences: number };
  findings?: { ruleId: string; start: number; end: number; sentence: number | null; data?: Record<string, unknown> }[];
}

export async function loadEngine(opts: { analyzers?: string[] } = {}): Promise<Engine> {
  const storeMod = (await import('../../src/store/index.js')) as { openStore: Engine['openStore'] };
  const reusePath = '../../src/reuse/index.js';
  let reuseMod: { indexArticles?: Engine['indexArticles'] };
  try {
    reuseMod = (await import(reusePath)) as typeof reuseMod;
  } catch (e) {
    throw new Error(`the reuse engine is not available (src/reuse/index.ts): ${(e as Error).message}`);
  }
  if (typeof reuseMod.indexArticles !== 'function') throw new Error('src/reuse/index.ts does not export indexArticles yet');
  const { analyzeArticle } = await import('../../src/pipeline/analyze.js');
  const { buildReport } = await import('../../src/report/build.js');
  const { analyzers: registry } = await import('../../src/analyzers/index.js');
  // Tracing needs only some analyzers; which ones is the caller's choice (default: all, as the CLI runs).
  const chosen = opts.analyzers ? registry.filter((a) => opts.analyzers!.includes(a.name)) : undefined;
  return {
    openStore: storeMod.openStore,
    indexArticles: reuseMod.indexArticles,
    async trace(article, store) {
      const doc = await analyzeArticle(article, { store, ...(chosen ? { analyzers: chosen } : {}) });
      const report = buildReport(doc) as unknown as TraceReport;
      return { spans: report.sentences.map((s) => ({ start: s.start, end: s.end, sources: s.sources })), report };
    },
  };
}
