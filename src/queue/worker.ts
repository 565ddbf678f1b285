/**
 * `unspun worker`: takes documents off the queue and indexes them with the code `unspun index` uses
 * (src/reuse/index.ts: prepared in worker threads, written in one transaction per batch), and runs queued
 * analyses. Any number of workers on any machines may share a queue and an index.
 *
 * - Exactly-once effect: the store's writes are upserts keyed on id and content hash, so a job done twice (a
 *   worker killed after its commit, before BullMQ heard of it) leaves the index as once.
 * - A document that cannot be indexed (no text, over the time budget) fails at once, with its reason; a
 *   store that cannot be reached fails the batch, whose jobs are retried with exponential backoff.
 * - close(): stops taking jobs, finishes the batch in hand (or, past a grace period, hands its jobs back to
 *   the queue, where another worker takes them once their lock runs out).
 */
import { UnrecoverableError, Worker, MetricsTime, type Job } from 'bullmq';
import { availableParallelism } from 'node:os';
import { AnalysisRunner, DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
import { indexBatch, Pool, type BatchOutcome } from '../reuse/index.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { ANALYZE_QUEUE, connection, INDEX_QUEUE, rawClient, redact, runKey } from './connection.js';
import type { AnalyzeJob, IndexJob } from './jobs.js';
import type { RedisClient } from './connection.js';
import { Queue } from 'bullmq';

export interface WorkerOptions {
  queue: string;
  db: string;
  /** Threads preparing documents (default 1: run one worker process per core, or raise this). */
  concurrency?: number;
  /** Documents per write transaction (default 64). */
  batch?: number;
  /** How long a job's lock lasts without renewal (ms): a killed worker's jobs return to the queue after it. */
  lockMs?: number;
  timeBudgetMs?: number;
  log?: (line: string) => void;
}

export interface WorkerCounts {
  added: number;
  unchanged: number;
  failed: number;
  retried: number;
  analyzed: number;
}

interface Waiting {
  job: Job<IndexJob>;
  resolve: (o: BatchOutcome) => void;
  reject: (e: Error) => void;
}

export class QueueWorker {
  private pending: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  /** Idle analysis runners by setup: one per job in hand (a runner analyzes one article at a time). */
  private runners = new Map<string, AnalysisRunner[]>();
  private allRunners: AnalysisRunner[] = [];
  readonly counts: WorkerCounts = { added: 0, unchanged: 0, failed: 0, retried: 0, analyzed: 0 };
  private constructor(
    private readonly opts: Required<Omit<WorkerOptions, 'log'>> & Pick<WorkerOptions, 'log'>,
    private readonly store: Store,
    private readonly pool: Pool | null,
    private readonly workers: Worker[],
    private readonly counters: Queue,
  ) {}

  static async start(o: WorkerOptions): Promise<QueueWorker> {
    const opts = {
      queue: o.queue,
      db: o.db,
      concurrency: o.concurrency ?? 1,
      batch: o.batch ?? 64,
      lockMs: o.lockMs ?? 30_000,
      timeBudgetMs: o.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
      log: o.log,
    };
    const store = await openStore(opts.db, { create: true });
    const pool = await Pool.start(Math.min(opts.concurrency, Math.max(1, availableParallelism() * 2)), opts.timeBudgetMs);
    // The counters queue object only lends its connection for the per-run counters.
    const counters = new Queue(INDEX_QUEUE, { connection: connection(opts.queue) });
    counters.on('error', () => {});
    const w = new QueueWorker(opts, store, pool, [], counters);
    const common = {
      connection: connection(opts.queue),
      lockDuration: opts.lockMs,
      stalledInterval: Math.max(1000, Math.floor(opts.lockMs / 2)),
      maxStalledCount: 3,
      metrics: { maxDataPoints: MetricsTime.ONE_WEEK },
    };
    // Twice the batch in flight: the next batch fills while one is written.
    w.workers.push(new Worker<IndexJob>(INDEX_QUEUE, (job) => w.index(job), { ...common, concurrency: opts.batch * 2 }));
    w.workers.push(new Worker<AnalyzeJob>(ANALYZE_QUEUE, (job) => w.analyze(job), { ...common, concurrency: opts.concurrency }));
    for (const worker of w.workers) {
      // Connection errors repeat on every retry: one line per queue every 30 s while they last.
      let said = 0;
      worker.on('error', (e) => {
        if (Date.now() - said < 30_000) return;
        said = Date.now();
        opts.log?.(`queue ${redact(opts.queue)}: ${e.message.split('\n')[0]} (retrying)`);
      });
    }
    await Promise.all(w.workers.map((x) => x.waitUntilReady()));
    return w;
  }

  private async bump(run: string, field: string): Promise<void> {
    try {
      const c: RedisClient = await rawClient(this.counters);
      await c.runCommand('hincrby', [runKey(run), field, 1]);
      await c.runCommand('expire', [runKey(run), 7 * 24 * 3600]);
    } catch {
      // Counters are for watching a run; the work itself is done.
    }
  }

  private final(job: Job, e: Error): boolean {
    return e instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  }

  private async index(job: Job<IndexJob>): Promise<string> {
    const data = job.data;
    if ('error' in data) {
      this.counts.failed++;
      await this.bump(data.run, 'failed');
      throw new UnrecoverableError(data.error.message);
    }
    let outcome: BatchOutcome;
    try {
      outcome = await new Promise<BatchOutcome>((resolve, reject) => {
        this.pending.push({ job, resolve, reject });
        if (this.pending.length >= this.opts.batch) this.flush();
        else this.timer ??= setTimeout(() => this.flush(), 50);
      });
    } catch (e) {
      const err = e as Error;
      if (this.final(job, err)) {
        this.counts.failed++;
        await this.bump(data.run, 'failed');
      } else this.counts.retried++;
      throw err;
    }
    if (outcome.status === 'failed') {
      const err = outcome.cause === 'document' ? new UnrecoverableError(outcome.reason) : new Error(outcome.reason);
      if (this.final(job, err)) {
        this.counts.failed++;
        await this.bump(data.run, 'failed');
      } else this.counts.retried++;
      throw err;
    }
    this.counts[outcome.status]++;
    await this.bump(data.run, outcome.status);
    return outcome.status;
  }

  /** Writes the waiting jobs as one batch (batches run one after another). */
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.pending.splice(0, this.opts.batch);
    if (!batch.length) return;
    this.running = this.running.then(async () => {
      try {
        const docs = batch.map(({ job }) => {
          const a = (job.data as { article: { id: string; title: string | null; text: string } }).article;
          return { id: a.id, title: a.title, text: a.text };
        });
        const outcomes = await indexBatch(this.store, docs, this.pool, this.opts.concurrency);
        batch.forEach((w, i) => w.resolve(outcomes[i]));
      } catch (e) {
        const reason = `index ${redact(this.opts.db)} unreachable: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`;
        this.opts.log?.(`${reason}: ${batch.length} jobs go back to the queue, to be retried with backoff`);
        for (const w of batch) w.reject(new Error(reason));
      }
    });
    if (this.pending.length) this.timer = setTimeout(() => this.flush(), 0);
  }

  private async analyze(job: Job<AnalyzeJob>): Promise<string> {
    const data = job.data;
    if ('error' in data) throw new UnrecoverableError(data.error.message);
    const key = JSON.stringify(data.setup);
    const idle = this.runners.get(key) ?? [];
    this.runners.set(key, idle);
    let runner = idle.pop();
    if (!runner) {
      runner = new AnalysisRunner({ config: data.setup.config, published: data.setup.published ?? null, db: this.opts.db, timeBudgetMs: data.setup.timeBudgetMs ?? this.opts.timeBudgetMs });
      this.allRunners.push(runner);
    }
    let r;
    try {
      r = await runner.analyze(data.article);
    } finally {
      idle.push(runner);
    }
    if (!r.ok) throw r.fatal ? new Error(r.message) : new UnrecoverableError(r.message);
    this.counts.analyzed++;
    return JSON.stringify(r.report);
  }

  /**
   * Stops: no new jobs; the jobs in hand are finished within `graceMs`, else handed back (their locks are
   * dropped with the connection, and the stalled-job check returns them to the queue).
   */
  async close(graceMs = 10_000): Promise<void> {
    this.flush();
    const graceful = Promise.all(this.workers.map((w) => w.close()));
    const timedOut = await Promise.race([graceful.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), graceMs).unref())]);
    if (timedOut) {
      await Promise.all(this.workers.map((w) => w.close(true)));
      for (const w of this.pending.splice(0)) w.reject(new Error('worker stopped'));
    }
    await this.counters.close().catch(() => {});
    await Promise.all(this.allRunners.map((r) => r.close()));
    await this.pool?.close();
    await this.store.close();
  }
}
