// `unspun queue status | failed | retry`: what the queues hold, what failed and why, and putting it back.
import { Queue } from 'bullmq';
import { ANALYZE_QUEUE, durability, INDEX_QUEUE, openQueue, redact } from './connection.js';
import { jobDocId } from './jobs.js';

export interface QueueStatus {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  done: number;
  failed: number;
  /** Jobs done per minute: over the last minute and on average over the last 15. */
  perMinute: { last: number; avg15: number };
  failedPerMinute: { last: number; avg15: number };
  workers: number;
}

const NAMES = [INDEX_QUEUE, ANALYZE_QUEUE];

async function withQueues<T>(url: string, f: (qs: Queue[]) => Promise<T>): Promise<T> {
  const qs: Queue[] = [];
  try {
    for (const n of NAMES) qs.push(await openQueue(n, url));
    return await f(qs);
  } finally {
    await Promise.all(qs.map((q) => q.close().catch(() => {})));
  }
}

function rates(data: number[]): { last: number; avg15: number } {
  // BullMQ keeps one count per minute, the newest first; the current minute is not in it yet.
  const d = data.slice(0, 15);
  return { last: d[0] ?? 0, avg15: d.reduce((a, b) => a + b, 0) / 15 };
}

export async function queueStatus(url: string): Promise<{ queues: QueueStatus[]; warnings: string[] }> {
  return withQueues(url, async (qs) => {
    const queues = await Promise.all(
      qs.map(async (q) => {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        const done = await q.getMetrics('completed', 0, 15);
        const failed = await q.getMetrics('failed', 0, 15);
        const workers = (await q.getWorkers()).length;
        return {
          queue: q.name,
          waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
          active: c.active ?? 0,
          delayed: c.delayed ?? 0,
          // Metrics count every completion, also of jobs since removed; the completed set is only the last ones.
          done: Math.max(done.meta.count ?? 0, c.completed ?? 0),
          failed: c.failed ?? 0,
          perMinute: rates(done.data),
          failedPerMinute: rates(failed.data),
          workers,
        };
      }),
    );
    return { queues, warnings: await durability(qs[0]) };
  });
}

export interface FailedJob {
  queue: string;
  job: string;
  doc: string;
  attempts: number;
  reason: string;
  failedAt: string | null;
}

export async function failedJobs(url: string, limit: number): Promise<{ jobs: FailedJob[]; total: number }> {
  return withQueues(url, async (qs) => {
    const jobs: FailedJob[] = [];
    let total = 0;
    for (const q of qs) {
      total += await q.getFailedCount();
      if (jobs.length >= limit) continue;
      for (const j of await q.getFailed(0, limit - jobs.length - 1)) {
        jobs.push({
          queue: q.name,
          job: String(j.id),
          doc: jobDocId(j.data),
          attempts: j.attemptsMade,
          reason: (j.failedReason ?? '').split('\n')[0],
          failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        });
      }
    }
    return { jobs, total };
  });
}

/** Puts every failed job back in its queue; returns how many. */
export async function retryFailed(url: string): Promise<number> {
  return withQueues(url, async (qs) => {
    let n = 0;
    for (const q of qs) {
      const count = await q.getFailedCount();
      if (!count) continue;
      await q.retryJobs({ state: 'failed', count: 1000 });
      n += count;
    }
    return n;
  });
}

export { redact };
