// What a job carries, and how producers add them. Jobs carry the article itself (not a path): a worker on
// another machine needs nothing but the queue and the index.
import type { JobsOptions } from 'bullmq';
import type { Article } from '../model/document.js';
import type { Config } from '../pipeline/config.js';

/** An article to index, or a document the producer could not read (it goes straight to the failed set). */
export type IndexJob = { run: string; article: Article } | { run: string; error: { id: string; origin: string | null; message: string } };

export interface AnalyzeSetup {
  config?: Config;
  published?: string | null;
  timeBudgetMs?: number;
}

export type AnalyzeJob = { run: string; seq: number; setup: AnalyzeSetup } & ({ article: Article } | { error: { id: string; origin: string | null; message: string } });

/** Attempts per job by default: a store that is down for a minute is waited out (1+2+4+8+16+32 s). */
export const DEFAULT_ATTEMPTS = 6;
export const BACKOFF_MS = 1000;

export function jobOptions(attempts: number, keepDone: boolean): JobsOptions {
  return {
    attempts,
    backoff: { type: 'exponential', delay: BACKOFF_MS },
    // Indexed documents are in the index: the queue keeps only the last thousand for inspection. Analysis
    // results are taken (and removed) by the producer that waits for them.
    removeOnComplete: keepDone ? false : { count: 1000 },
    removeOnFail: false,
  };
}

/** The article as a job carries it: without the raw page (the index and the analysis need only the text and metadata). */
export function slim(a: Article): Article {
  const { raw: _raw, ...rest } = a;
  return rest;
}

/** The document id a job is about (for listings). */
export function jobDocId(data: unknown): string {
  const d = data as { article?: { id?: string }; error?: { id?: string } } | undefined;
  return d?.article?.id ?? d?.error?.id ?? '?';
}
