/**
 * Producers: `unspun index --queue` adds documents as jobs (in bulk), `unspun analyze --queue` adds
 * articles and collects their reports in input order. Both watch the queue's epoch: when Redis comes back
 * empty (restarted without persistence) they say what was lost instead of waiting for jobs that no longer exist.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, type Queue } from 'bullmq';
import type { Ingested } from '../ingest/index.js';
import { UserError } from '../model/errors.js';
import type { Report, ReportError } from '../report/report.js';
import { SCHEMA_ID } from '../report/report.js';
import { ANALYZE_QUEUE, currentEpoch, durability, epoch, INDEX_QUEUE, openQueue, rawClient, redact, runKey } from './connection.js';
import { jobOptions, slim, type AnalyzeJob, type AnalyzeSetup, type IndexJob } from './jobs.js';

/** Redis lost the queue's data under a run. */
export class QueueLostError extends UserError {
  override name = 'QueueLostError';
}

function lostMessage(url: string, what: string): string {
  return `the queue at ${redact(url)} lost its data (Redis restarted without persistence, or was flushed): ${what}; run the same command again to enqueue them (documents already indexed are skipped). See docs/scaling.md for the Redis settings that keep queued work.`;
}

export interface EnqueueResult {
  run: string;
  /** Jobs added (documents, and unreadable documents that go straight to the failed set). */
  enqueued: number;
  unreadable: number;
}

export interface EnqueueOptions {
  attempts: number;
  /** Jobs per bulk add (default 200). */
  bulk?: number;
  onProgress?: (enqueued: number) => void;
  log?: (line: string) => void;
}

/** Adds every document of `items` to the index queue. */
export async function enqueueIndex(items: AsyncIterable<Ingested>, url: string, o: EnqueueOptions): Promise<EnqueueResult & { queue: Queue; epoch: string }> {
  const q = await openQueue(INDEX_QUEUE, url);
  try {
    const ep = await epoch(q);
    for (const w of await durability(q)) o.log?.(`warning: Redis at ${redact(url)}: ${w}`);
    const run = randomUUID().slice(0, 8);
    const opts = jobOptions(o.attempts, false);
    let enqueued = 0;
    let unreadable = 0;
    let bulk: { name: string; data: IndexJob; opts: typeof opts }[] = [];
    const send = async () => {
      if (!bulk.length) return;
      const jobs = bulk;
      bulk = [];
      try {
        await q.addBulk(jobs);
      } catch (e) {
        throw new UserError(`cannot add jobs to the queue at ${redact(url)} (${(e as Error).message.split('\n')[0]}); ${enqueued} documents were enqueued before`);
      }
      if ((await currentEpoch(q)) !== ep) throw new QueueLostError(lostMessage(url, `the ${enqueued} documents enqueued before this point are gone`));
      enqueued += jobs.length;
      await (await rawClient(q)).hset(runKey(run), { enqueued });
      o.onProgress?.(enqueued);
    };
    for await (const item of items) {
      if (item.ok) bulk.push({ name: 'index', data: { run, article: slim(item.article) }, opts });
      else {
        unreadable++;
        o.log?.(`unspun: ${item.message}`);
        // The failed set lists it with the others, with its reason; no attempt can mend it.
        bulk.push({ name: 'index', data: { run, error: { id: item.id, origin: item.origin, message: item.message } }, opts: { ...opts, attempts: 1 } });
      }
      if (bulk.length >= (o.bulk ?? 200)) await send();
    }
    await send();
    return { run, enqueued, unreadable, queue: q, epoch: ep };
  } catch (e) {
    await q.close().catch(() => {});
    throw e;
  }
}

export interface RunCounts {
  enqueued: number;
  added: number;
  unchanged: number;
  failed: number;
}

/** Waits until the workers have done (or failed) every job of a run; throws QueueLostError when Redis loses it. */
export async function waitForRun(q: Queue, url: string, run: string, ep: string, enqueued: number, onProgress?: (c: RunCounts) => void): Promise<RunCounts> {
  let seen: RunCounts = { enqueued, added: 0, unchanged: 0, failed: 0 };
  for (;;) {
    let h: Record<string, string>;
    let now: string | null;
    try {
      const c = await rawClient(q);
      h = await c.hgetall(runKey(run));
      now = await currentEpoch(q);
    } catch (e) {
      throw new UserError(`lost the connection to the queue at ${redact(url)} (${(e as Error).message.split('\n')[0]}) while waiting: ${seen.added + seen.unchanged + seen.failed} of ${enqueued} documents were done`);
    }
    if (now !== ep) {
      const done = seen.added + seen.unchanged + seen.failed;
      throw new QueueLostError(
        lostMessage(url, `${done} of the ${enqueued} documents of this run had been processed (${seen.added} added, ${seen.unchanged} unchanged, ${seen.failed} failed); the other ${enqueued - done} were lost`),
      );
    }
    seen = { enqueued, added: Number(h.added ?? 0), unchanged: Number(h.unchanged ?? 0), failed: Number(h.failed ?? 0) };
    onProgress?.(seen);
    if (seen.added + seen.unchanged + seen.failed >= enqueued) return seen;
    await sleep(300);
  }
}

/**
 * Analyzes articles on the workers: at most `window` jobs are out at once, and reports come back in input
 * order (a failed job becomes the document's error line).
 */
export async function* analyzeOnQueue(items: AsyncIterable<Ingested>, url: string, setup: AnalyzeSetup, o: { attempts: number; window?: number; log?: (line: string) => void }): AsyncGenerator<Report | ReportError> {
  const q = await openQueue(ANALYZE_QUEUE, url);
  try {
    const ep = await epoch(q);
    for (const w of await durability(q)) o.log?.(`warning: Redis at ${redact(url)}: ${w}`);
    const run = randomUUID().slice(0, 8);
    const window = o.window ?? 64;
    const out: { id: string; item: Ingested }[] = [];
    const it = items[Symbol.asyncIterator]();
    let seq = 0;
    let done = false;
    let delivered = 0;
    const fill = async () => {
      while (!done && out.length < window) {
        const r = await it.next();
        if (r.done) {
          done = true;
          break;
        }
        const item = r.value;
        const data: AnalyzeJob = item.ok ? { run, seq, setup, article: slim(item.article) } : { run, seq, setup, error: { id: item.id, origin: item.origin, message: item.message } };
        seq++;
        const job = await q.add('analyze', data, { ...jobOptions(item.ok ? o.attempts : 1, true) });
        out.push({ id: job.id!, item });
      }
    };
    await fill();
    while (out.length) {
      const head = out[0];
      // The state first, then the job: a job read before it completed would carry no result.
      const state = await q.getJobState(head.id);
      const job = state === 'unknown' ? undefined : await Job.fromId(q, head.id);
      if (!job) {
        if ((await currentEpoch(q)) !== ep)
          throw new QueueLostError(lostMessage(url, `${delivered} reports had been written; the ${seq - delivered} articles enqueued after them were lost`));
        throw new UserError(`job ${head.id} is no longer in the queue (removed by someone else?)`);
      }
      if (state === 'completed') {
        yield JSON.parse(job.returnvalue as string) as Report;
      } else if (state === 'failed') {
        const id = head.item.ok ? head.item.article.id : head.item.id;
        const origin = head.item.ok ? head.item.article.origin : head.item.origin;
        const message = head.item.ok ? `${origin ?? id}: ${job.failedReason}` : job.failedReason;
        yield { schema: SCHEMA_ID, error: { id, origin, message } };
      } else {
        if ((await currentEpoch(q)) !== ep)
          throw new QueueLostError(lostMessage(url, `${delivered} reports had been written; the ${seq - delivered} articles enqueued after them were lost`));
        await sleep(50);
        continue;
      }
      delivered++;
      await job.remove().catch(() => {});
      out.shift();
      await fill();
    }
  } finally {
    await q.close().catch(() => {});
  }
}
