// Fault tests of the distributed path against real servers of its own (never the machine's shared ones):
// a worker killed with -9 mid-run, PostgreSQL restarted mid-run, Redis restarted without persistence,
// malformed records. Every document must end up indexed exactly once: the index's counts (documents,
// sentences, postings — postings of a document written twice would be counted twice) equal those of a
// SQLite index of the same corpus built in one go.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INGEST, readInputs } from '../../src/ingest/index.js';
import type { Article } from '../../src/model/document.js';
import { indexArticles } from '../../src/reuse/index.js';
import { openStore } from '../../src/store/index.js';
import type { StoreStats } from '../../src/store/store.js';
import { enqueueIndex, waitForRun } from '../../src/queue/produce.js';
import { failedJobs, queueStatus } from '../../src/queue/status.js';
import { QueueWorker } from '../../src/queue/worker.js';
import { runCli, type RunResult } from '../helpers/cli.js';
import { fictionalText } from '../helpers/warc.js';
import { havePostgresBinaries, PostgresServer, RedisServer } from './services.js';

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'unspun-faults-'));

const started: ChildProcess[] = [];

/** A CLI process left running (a worker), with its output so far; killed after each test if still there. */
function startCli(args: string[]): { child: ChildProcess; done: Promise<RunResult>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<RunResult>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, done, stderr: () => stderr };
}

const N = 160;
/** The kill test's corpus is bigger: the worker must still be at work when it is killed. */
const N_KILL = 800;
function writeCorpus(file: string, n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify({ id: `doc-${i}`, text: fictionalText(i, 3) }));
  // Malformed records: they go to the failed set with their reasons, and the rest go on.
  lines.splice(17, 0, '{"id": "broken-json", "text": ');
  lines.splice(90, 0, JSON.stringify({ id: 'no-body', title: 'A record with neither text nor html' }));
  writeFileSync(file, lines.join('\n') + '\n');
  return lines;
}
const corpus = path.join(dir, 'corpus.jsonl');
const lines = writeCorpus(corpus, N);
const killCorpus = path.join(dir, 'kill.jsonl');
writeCorpus(killCorpus, N_KILL);
// Analysis is slower than indexing: its test takes the first 20 lines (line 18 is the broken one).
const small = path.join(dir, 'small.jsonl');
writeFileSync(small, lines.slice(0, 20).join('\n') + '\n');

let expected: StoreStats;
let expectedKill: StoreStats;
let pgs: PostgresServer;

async function pgStats(url: string): Promise<StoreStats> {
  const s = await openStore(url, { create: false });
  try {
    return await s.stats();
  } finally {
    await s.close();
  }
}

async function until(what: string, check: () => Promise<boolean>, ms: number, everyMs = 200): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const counts = (s: StoreStats) => ({ documents: s.documents, sentences: s.sentences, postings: s.postings });

describe.skipIf(!havePostgresBinaries)('queue faults (own Redis and PostgreSQL)', () => {
  beforeAll(async () => {
    // The references: the same corpora indexed in one go into SQLite.
    async function reference(file: string): Promise<StoreStats> {
      const ref = await openStore(path.join(dir, `${path.basename(file)}.db`));
      async function* articles(): AsyncGenerator<Article> {
        for await (const it of readInputs([file], DEFAULT_INGEST)) if (it.ok) yield it.article;
      }
      await indexArticles(ref, articles(), { workers: 0 });
      const s = await ref.stats();
      await ref.close();
      return s;
    }
    expected = await reference(corpus);
    expectedKill = await reference(killCorpus);
    expect(expected.documents).toBe(N);
    expect(expectedKill.documents).toBe(N_KILL);
    pgs = await PostgresServer.start();
  }, 60_000);

  afterEach(() => {
    for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  afterAll(async () => {
    await pgs?.stop();
  });

  it('kill -9 of a worker mid-run: after a restart every document is indexed exactly once; malformed records are in the failed set with their reasons', async () => {
    const redis = await RedisServer.start();
    const db = pgs.schemaUrl('killed');
    try {
      const worker = startCli(['worker', '--queue', redis.url, '--db', db, '--batch', '8', '--lock-ms', '2000']);
      const enq = await runCli(['index', killCorpus, '--queue', redis.url]);
      expect(enq.stderr).toMatch(new RegExp(`enqueued ${N_KILL + 2} documents`));
      expect(enq.stderr).toMatch(/malformed JSON on line 18/);
      // Kill it while it is part way through.
      const c = new pg.Client({ connectionString: pgs.url });
      await c.connect();
      const count = () => c.query<{ n: string }>('SELECT count(*) AS n FROM killed.docs').then((r) => Number(r.rows[0].n), () => 0);
      try {
        await until('the first documents', async () => (await count()) >= 16, 40_000, 20);
        worker.child.kill('SIGKILL');
        await worker.done;
        expect(await count()).toBeLessThan(N_KILL);
        // A new worker (here in this process) takes the jobs the dead one held once their locks run out.
        const second = await QueueWorker.start({ queue: redis.url, db, batch: 32, lockMs: 2000 });
        try {
          await until('every document', async () => (await count()) >= N_KILL, 60_000);
          await until('an empty queue', async () => {
            const idx = (await queueStatus(redis.url)).queues.find((q) => q.queue === 'unspun-index')!;
            return idx.waiting + idx.active + idx.delayed === 0 && idx.failed === 2;
          }, 20_000);
        } finally {
          await second.close();
        }
      } finally {
        await c.end();
      }
      expect(counts(await pgStats(db))).toEqual(counts(expectedKill));
      const failed = await failedJobs(redis.url, 10);
      expect(failed.total).toBe(2);
      expect(failed.jobs.map((j) => j.reason).sort()).toEqual([expect.stringMatching(/kill\.jsonl:18: malformed JSON on line 18/), expect.stringMatching(/kill\.jsonl:91: record has neither "text" nor "html"/)]);
    } finally {
      await redis.stop();
    }
  }, 90_000);

  it('PostgreSQL restarted mid-run: the workers reconnect, retry and finish; nothing is doubled', async () => {
    const redis = await RedisServer.start();
    const db = pgs.schemaUrl('restarted');
    let worker: QueueWorker | null = null;
    try {
      worker = await QueueWorker.start({ queue: redis.url, db, batch: 8, lockMs: 5000 });
      const producer = startCli(['index', killCorpus, '--queue', redis.url, '--wait', '--progress']);
      const c = new pg.Client({ connectionString: pgs.url });
      await c.connect();
      c.on('error', () => {}); // the restart cuts this connection too
      const count = () => c.query<{ n: string }>('SELECT count(*) AS n FROM restarted.docs').then((r) => Number(r.rows[0].n), () => 0);
      await until('the first documents', async () => (await count()) >= 16, 40_000, 20);
      const before = await count();
      await pgs.restart(1500);
      await c.end().catch(() => {});
      expect(before).toBeLessThan(N_KILL);
      const r = await producer.done;
      expect(r.stderr).toMatch(new RegExp(`run \\w+ done .*: \\d+ added, \\d+ unchanged, 2 failed`));
      const m = /(\d+) added, (\d+) unchanged/.exec(r.stderr.split('\n').filter((l) => l.startsWith('run ')).pop()!)!;
      expect(Number(m[1]) + Number(m[2])).toBe(N_KILL);
      expect(r.code).toBe(2); // the two malformed records
      expect(counts(await pgStats(db))).toEqual(counts(expectedKill));
    } finally {
      await worker?.close();
      await redis.stop();
    }
  }, 90_000);

  it('Redis restarted without persistence: the waiting run says what was lost instead of hanging, a new run completes, a running worker reconnects', async () => {
    const redis = await RedisServer.start();
    const db = pgs.schemaUrl('redislost');
    try {
      // No worker yet: every job is waiting in Redis when it goes.
      const producer = startCli(['index', corpus, '--queue', redis.url, '--wait']);
      await until('the documents to be enqueued', async () => /enqueued \d+ documents/.test(producer.stderr()), 40_000);
      await redis.kill();
      await redis.up();
      const r = await producer.done;
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/lost its data \(Redis restarted without persistence, or was flushed\): 0 of the 162 documents of this run had been processed .*the other 162 were lost/);
      expect(r.stderr).toMatch(/warning: .*appendonly no/);
      // The same run again, with a worker: done, each document once.
      const worker = startCli(['worker', '--queue', redis.url, '--db', db, '--batch', '32']);
      const again = await enqueueIndex(readInputs([corpus], DEFAULT_INGEST), redis.url, { attempts: 3 });
      try {
        expect(await waitForRun(again.queue, redis.url, again.run, again.epoch, again.enqueued)).toEqual({ enqueued: N + 2, added: N, unchanged: 0, failed: 2 });
      } finally {
        await again.queue.close();
      }
      expect(counts(await pgStats(db))).toEqual(counts(expected));
      // Analysis on the workers: reports in input order.
      const out = path.join(dir, 'reports.jsonl');
      const a = await runCli(['analyze', small, '--queue', redis.url, '--format', 'json', '--out', out]);
      expect(a.stderr).toMatch(/analyzed 20 documents on the queue .*, 1 failed/);
      const got = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { article?: { id: string }; error?: { message: string } });
      expect(got).toHaveLength(20);
      expect(got[17].error?.message).toMatch(/malformed JSON on line 18/);
      expect(got.filter((x) => x.article).map((x) => x.article!.id)).toEqual(Array.from({ length: 19 }, (_, i) => `doc-${i}`));
      expect(a.code).toBe(2);
      const failed = await runCli(['queue', 'failed', '--queue', redis.url]);
      // The two records of the index queue; the analysis run took its failed job's reason into its output.
      expect(failed.stdout).toMatch(/^2 failed jobs/);
      expect(failed.stdout).toMatch(/unspun-index #\d+ broken-json|malformed JSON on line 18/);
      expect(failed.stdout).toMatch(/no-body \(1 attempt\): .*neither "text" nor "html"/);
      // Redis goes again under the running worker: it reconnects and takes the next run's jobs.
      await redis.kill();
      await redis.up();
      const third = await enqueueIndex(readInputs([small], DEFAULT_INGEST), redis.url, { attempts: 3 });
      try {
        expect(await waitForRun(third.queue, redis.url, third.run, third.epoch, third.enqueued)).toEqual({ enqueued: 20, added: 0, unchanged: 19, failed: 1 });
      } finally {
        await third.queue.close();
      }
      worker.child.kill('SIGTERM');
      const end = await worker.done;
      expect(end.code).toBe(0);
      expect(end.stderr).toMatch(/SIGTERM: finishing the jobs in hand/);
    } finally {
      await redis.stop();
    }
  }, 120_000);
});
