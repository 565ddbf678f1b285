import type { Worker } from 'node:worker_threads';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import type { Report } from '../report/report.js';
import type { Config } from './config.js';
import { sibling, spawnWorker } from './spawn.js';

/** Default time one document may take, in milliseconds (`--time-budget`). */
export const DEFAULT_TIME_BUDGET_MS = 30_000;

/** What the worker needs to analyze like `analyzeArticle` does (structured-cloneable). */
export interface RunnerSetup {
  config?: Config;
  published?: string | null;
  /** The index to trace reuse against: the worker opens its own read connection. */
  db?: string;
  /** Tests only: a module (URL) whose `analyzers` export replaces the registry in the worker. */
  analyzersModule?: string;
}

export interface RunnerOptions extends RunnerSetup {
  /** Milliseconds one document may take (default DEFAULT_TIME_BUDGET_MS). */
  timeBudgetMs?: number;
}

/** An article as a JSON Lines record carries it (see articleFromRecord in src/ingest/index.ts). */
export interface ArticleRecord {
  id: string;
  text?: string;
  html?: string;
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  url?: string | null;
  /** Largest accepted text or HTML, in bytes. */
  maxBytes: number;
}

type Failure = { ok: false; message: string; fatal?: boolean };
export type RunResult = { ok: true; report: Report } | Failure;
export type ExtractResult = { ok: true; article: Article } | Failure;

/**
 * Analyzes documents one at a time in a worker thread, each within a time budget.
 *
 * Why a worker: a check between analyzer passes cannot stop a pass that never returns (a regex that
 * backtracks, a loop that does not advance — "Mr. Mr. Smith" once looped forever in the entities pass), and
 * JavaScript cannot interrupt a running function in its own thread. A worker can be terminated from
 * outside at any instruction. So each document goes to the worker with a timer; when the timer fires first,
 * the worker is terminated, the document becomes an error with its reason, and the next document gets a
 * fresh worker (its model loads again, ~0.2 s, only after a timeout). A crash of the worker (out of memory,
 * an uncaught error) is contained the same way. The cost is one worker start per run and copying each
 * article in and each report out, small against the analysis.
 */
export class AnalysisRunner {
  private worker: Worker | null = null;
  private starting: Promise<Worker> | null = null;
  private job = 0;
  readonly timeBudgetMs: number;

  constructor(private readonly options: RunnerOptions = {}) {
    this.timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  }

  private start(): Promise<Worker> {
    const { timeBudgetMs: _, ...setup } = this.options;
    const w = spawnWorker(sibling('worker', import.meta.url), { workerData: setup });
    return new Promise<Worker>((resolve, reject) => {
      const fail = (e: Error) => {
        cleanup();
        reject(e);
      };
      const exit = (code: number) => fail(new Error(`analysis worker exited with code ${code} while starting`));
      const ready = (m: { ready?: boolean; message?: string }) => {
        if (m.ready === undefined) return;
        cleanup();
        if (m.ready) resolve(w);
        else {
          void w.terminate();
          reject(new UserError(m.message ?? 'analysis worker could not start'));
        }
      };
      const cleanup = () => {
        w.off('message', ready);
        w.off('error', fail);
        w.off('exit', exit);
      };
      w.on('message', ready);
      w.once('error', fail);
      w.once('exit', exit);
    });
  }

  private async ensure(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.starting ??= this.start();
    try {
      this.worker = await this.starting;
    } finally {
      this.starting = null;
    }
    return this.worker;
  }

  private discard(w: Worker): void {
    if (this.worker === w) this.worker = null;
    void w.terminate();
  }

  /** The report of one article, or the reason there is none (over budget, crashed, failed). */
  async analyze(article: Article): Promise<RunResult> {
    // The raw input is not read by the analyzers: it is not copied to the worker.
    const { raw: _raw, ...bare } = article;
    return this.run({ article: bare });
  }

  /**
   * The report of a record ({id, text | html, title?, byline?, published?, url?}, as one JSON line of a batch)
   * read in the worker: the HTML extraction then runs within the time budget too (the server's requests).
   */
  async analyzeRecord(record: ArticleRecord): Promise<RunResult> {
    return this.run({ record });
  }

  /** The Article of a record, read in the worker within the time budget (no analysis). */
  async extractRecord(record: ArticleRecord): Promise<ExtractResult> {
    return this.run<ExtractResult>({ extract: record });
  }

  private async run<R extends { ok: true } | Failure = RunResult>(payload: { article: Article } | { record: ArticleRecord } | { extract: ArticleRecord }): Promise<R | Failure> {
    const w = await this.ensure();
    const job = this.job++;
    return new Promise<R | Failure>((resolve) => {
      const done = (r: R | Failure) => {
        clearTimeout(timer);
        w.off('message', message);
        w.off('error', error);
        w.off('exit', exit);
        resolve(r);
      };
      const timer = setTimeout(() => {
        this.discard(w);
        done({ ok: false, message: `analysis stopped after the time budget of ${this.timeBudgetMs} ms (--time-budget)` });
      }, this.timeBudgetMs);
      const message = (m: { job?: number } & (R | Failure)) => {
        if (m.job !== job) return;
        if (!m.ok) done(m.fatal ? { ok: false, message: m.message, fatal: true } : { ok: false, message: m.message });
        else {
          const { job: _job, ...result } = m;
          done(result as R);
        }
      };
      const error = (e: Error) => {
        this.discard(w);
        done({ ok: false, message: `internal error: ${e.message.split('\n')[0]}` });
      };
      const exit = (code: number) => {
        if (this.worker === w) this.worker = null;
        done({ ok: false, message: `analysis worker exited with code ${code}` });
      };
      w.on('message', message);
      w.once('error', error);
      w.once('exit', exit);
      w.postMessage({ job, ...payload });
    });
  }

  async close(): Promise<void> {
    const w = this.worker ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.worker = null;
    if (w) await w.terminate();
  }
}
