import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { AnalysisRunner, type ArticleRecord, type ExtractResult, type RunnerOptions, type RunResult } from '../pipeline/runner.js';

export interface AnalysisServiceOptions extends RunnerOptions {
  /** Analysis workers (default: one per core). Each analyzes one document at a time. */
  workers?: number;
  /** Requests waiting for a worker beyond this many are turned away (503) rather than queued without end. */
  maxQueue?: number;
  /** Bytes of report JSON kept in memory by request content (0: no cache). */
  cacheBytes?: number;
}

/** A report as served: its JSON and its id (a hash of that JSON, so the same report keeps one permalink). */
export interface Analyzed {
  ok: true;
  id: string;
  json: string;
}

export type ServiceResult = Analyzed | { ok: false; message: string; fatal?: boolean; busy?: boolean };

export function reportId(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 22);
}

/**
 * The server's analyses: a few AnalysisRunners (each one worker thread with the CLI's per-document time
 * budget, so that no request can stall the server), one document per runner at a time — a runner that
 * runs out of budget terminates its worker, and anything else queued on that worker would die with it —
 * a bounded queue in front, and a cache of reports by request content and index generation.
 *
 * Why the cache: the same article is analyzed again and again (a link shared in a newsroom, a page
 * reloaded, a monitoring system polling); its report changes only when the index does. Keyed on a hash of
 * the request and the store's generation, an entry is never stale.
 */
export class AnalysisService {
  private readonly idle: AnalysisRunner[] = [];
  private readonly all: AnalysisRunner[] = [];
  private readonly waiting: ((r: AnalysisRunner) => void)[] = [];
  private readonly cache = new Map<string, Analyzed>();
  private cached = 0;
  private readonly inflight = new Map<string, { result: Promise<ServiceResult>; signals: (AbortSignal | undefined)[] }>();
  private readonly maxQueue: number;
  private readonly cacheBytes: number;
  readonly timeBudgetMs: number;
  private closed = false;

  constructor(options: AnalysisServiceOptions = {}) {
    const { workers, maxQueue, cacheBytes, ...runner } = options;
    const n = Math.max(1, workers ?? availableParallelism());
    for (let i = 0; i < n; i++) {
      const r = new AnalysisRunner(runner);
      this.all.push(r);
      this.idle.push(r);
    }
    this.timeBudgetMs = this.all[0].timeBudgetMs;
    this.maxQueue = maxQueue ?? 64;
    this.cacheBytes = cacheBytes ?? 64 * 1024 * 1024;
  }

  /** Starts every worker now (their model load), so that the first requests do not pay for it. */
  async warm(): Promise<void> {
    const probe: ArticleRecord = { id: 'warm-up', text: 'The ferry to Port Ellery sailed on Monday.', maxBytes: 1024 };
    await Promise.all(this.all.map((r) => r.analyzeRecord(probe)));
  }

  /**
   * The report for one request, with `generation` naming the state of the index it is traced against.
   * `signal`: the client went away — when every client waiting for this analysis has, it is not started.
   */
  async analyze(record: ArticleRecord, generation = '', signal?: AbortSignal): Promise<ServiceResult> {
    const key = createHash('sha256').update(JSON.stringify([generation, record])).digest('base64url');
    const hit = this.cacheBytes > 0 ? this.cache.get(key) : undefined;
    if (hit) {
      this.cache.delete(key); // most recently used last
      this.cache.set(key, hit);
      return hit;
    }
    // The same request arriving while it is being analyzed waits for that analysis instead of queueing again.
    const pending = this.inflight.get(key);
    if (pending) {
      pending.signals.push(signal);
      return pending.result;
    }
    if (this.idle.length === 0 && this.waiting.length >= this.maxQueue)
      return { ok: false, busy: true, message: `the server is busy (${this.waiting.length} analyses waiting): try again shortly` };
    const signals = [signal];
    const gone = () => signals.every((s) => s?.aborted);
    const run = this.run(record, gone).then((r): ServiceResult => {
      this.inflight.delete(key);
      if (!r.ok) return r;
      const json = JSON.stringify(r.report);
      const out: Analyzed = { ok: true, id: reportId(json), json };
      // UTF-16 strings: two bytes a character.
      if (json.length * 2 <= this.cacheBytes / 4) {
        this.cache.set(key, out);
        this.cached += json.length * 2;
        for (const [k, v] of this.cache) {
          if (this.cached <= this.cacheBytes) break;
          this.cache.delete(k);
          this.cached -= v.json.length * 2;
        }
      }
      return out;
    });
    this.inflight.set(key, { result: run, signals });
    return run;
  }

  /**
   * The Article of a record read in a worker, within the time budget: a page's extraction (Readability over a
   * DOM) is the one costly step of indexing that would otherwise run on the server's thread.
   */
  async extract(record: ArticleRecord): Promise<ExtractResult> {
    return this.withRunner((runner) => runner.extractRecord(record), () => false);
  }

  private run(record: ArticleRecord, gone: () => boolean): Promise<RunResult> {
    return this.withRunner((runner) => runner.analyzeRecord(record), gone);
  }

  private async withRunner<R extends RunResult | ExtractResult>(work: (r: AnalysisRunner) => Promise<R>, gone: () => boolean): Promise<R | { ok: false; message: string; fatal?: boolean }> {
    const runner = this.idle.pop() ?? (await new Promise<AnalysisRunner>((resolve) => this.waiting.push(resolve)));
    try {
      // Under overload, clients give up while queued: their analyses would only delay everyone behind them.
      if (gone()) return { ok: false, message: 'the client went away before its analysis started' };
      return await work(runner);
    } catch (e) {
      // A worker that cannot start (a damaged index, say) answers this request; the next one tries again.
      return { ok: false, message: (e as Error)?.message ?? String(e), fatal: true };
    } finally {
      const next = this.waiting.shift();
      if (next) next(runner);
      else this.idle.push(runner);
    }
  }

  /** Analyses waiting for a worker. */
  get queued(): number {
    return this.waiting.length;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.all.map((r) => r.close()));
  }
}
