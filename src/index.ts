/**
 * unspun as a library: the same pipeline the CLI runs.
 *
 *   import { analyze, indexArticles, openStore } from 'unspun';
 *   const store = await openStore('corpus.db', { create: true });
 *   await indexArticles(store, articles);
 *   const report = await analyze(articleText, { store, published: '2019-04-26' });
 */
import { articleFromString } from './ingest/index.js';
import type { Article } from './model/document.js';
import { analyzeArticle, type AnalyzeOptions } from './pipeline/analyze.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/report.js';

/** Analyzes one article given as text (with an optional header) or HTML, or as an Article. */
export async function analyze(input: string | Article, options: AnalyzeOptions & { id?: string; url?: string } = {}): Promise<Report> {
  const article = typeof input === 'string' ? articleFromString(input, { id: options.id ?? 'article', origin: null, url: options.url ?? null }) : input;
  return buildReport(await analyzeArticle(article, options));
}

export { analyzers } from './analyzers/index.js';
export type { Analyzer, AnalyzerContext, FindingInput, RuleMeta } from './analyzers/index.js';
export { DEFAULT_INGEST, readInputs, type Ingested, type IngestOptions } from './ingest/index.js';
export { createDocument, type Article, type Document, type Paragraph, type Sentence, type Token } from './model/document.js';
export { UserError } from './model/errors.js';
export type * from './model/types.js';
export { analyzeArticle, allRules, type AnalyzeOptions } from './pipeline/analyze.js';
export type { Config } from './pipeline/config.js';
export { buildReport } from './report/build.js';
export { SCHEMA_ID, type Report, type ReportError } from './report/report.js';
export { renderHtml } from './render/html.js';
export { renderJson } from './render/json.js';
export { renderPretty } from './render/pretty.js';
export { findDuplicates, indexArticles, type DuplicateCluster, type IndexOptions, type IndexProgress } from './reuse/index.js';
export { openStore, type Store, type StoreStats } from './store/index.js';
