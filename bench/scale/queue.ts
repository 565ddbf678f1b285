/**
 * bench:scale's queue rows: the same JSONL corpus enqueued on BullMQ (a throwaway redis-server on a free
 * port, so the machine's Redis is never touched) and indexed into PostgreSQL by 1 or 2 `unspun worker`
 * processes, the machine's cores shared between them. Timed from the first enqueued document to the last
 * one done (`unspun index --queue --wait`), once the workers are up: starting processes is not ingest.
 * Peak RSS is the largest of the workers' (each says its own when it stops: GNU time would not pass
 * SIGTERM on to the worker).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/queue/services.js';
import type { Ingester, IngestContext } from './ingest.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));


function cli(args: string[]): { child: ChildProcess; done: Promise<{ code: number | null; err: string }>; err: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, err }))), err: () => err };
}

async function run(ctx: IngestContext, workers: number): Promise<{ peakRssMB?: number; secs: number }> {
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const procs: ReturnType<typeof cli>[] = [];
  try {
    await sleep(300);
    const threads = String(Math.max(1, Math.floor(ctx.workers / workers)));
    for (let i = 0; i < workers; i++) procs.push(cli(['worker', '--queue', url, '--db', ctx.db, '--concurrency', threads]));
    // Up when each has said so.
    for (;;) {
      const dead = procs.find((p) => p.child.exitCode !== null);
      if (dead) throw new Error(`a worker exited: ${(await dead.done).err.trim().split('\n').pop()}`);
      if (procs.every((p) => / worker \d+ on /.test(p.err()))) break;
      await sleep(200);
    }
    const t0 = performance.now();
    const producer = cli(['index', ctx.corpus, '--queue', url, '--wait']);
    const r = await producer.done;
    const secs = (performance.now() - t0) / 1000;
    if (r.code !== 0) throw new Error(`unspun index --queue exited with ${r.code}: ${r.err.trim().split('\n').pop()}`);
    for (const p of procs) p.child.kill('SIGTERM');
    const ends = await Promise.all(procs.map((p) => p.done));
    const peaks = ends.map((e) => /peak RSS (\d+) MB/.exec(e.err)).filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
    return { secs, peakRssMB: peaks.length ? Math.max(...peaks) : undefined };
  } finally {
    for (const p of procs) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    redis.kill('SIGKILL');
  }
}

export const QUEUE_INGESTERS: Ingester[] = [1, 2].map((n) => ({
  name: `PostgreSQL, queue (${n} worker${n > 1 ? 's' : ''})`,
  store: 'postgres' as const,
  writers: n,
  run: (c: IngestContext) => run(c, n),
}));
