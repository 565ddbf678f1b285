/**
 * `npm run bench:serve`: the HTTP API under load. Builds an index of generated articles (no third-party
 * text; bench/lib/perf-corpus.ts), starts `unspun serve` on it in a child process, and drives
 * POST /api/analyze with autocannon:
 *
 *   1. "same article": the specimen (read from ../shared/data/seed/article.txt at run time), 50 connections —
 *      the target (p99 ≤ 250 ms, no errors, no RSS growth);
 *   2. "distinct articles": the specimen with a different closing sentence on every request, so that no
 *      report comes from the cache: what fresh analyses cost under the same load.
 *
 *   npm run bench:serve -- [--docs 10000] [--connections 50] [--duration 30] [--workers N] [--specimen FILE]
 *
 * The server runs with --rate 0: all the load comes from one address, which the default per-client limit
 * would (rightly) answer with 429s.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { indexArticles } from '../src/reuse/index.js';
import { openStore } from '../src/store/index.js';
import { syntheticArticle, vocabulary } from './lib/perf-corpus.js';
import { median } from './lib/data.js';

const { values: args } = parseArgs({
  options: {
    docs: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '30' },
    workers: { type: 'string' },
    specimen: { type: 'string' },
    'skip-distinct': { type: 'boolean', default: false },
  },
});
const log = (s: string) => process.stderr.write(s + '\n');
const docs = Number(args.docs);
const connections = Number(args.connections);
const duration = Number(args.duration);

function findSpecimen(): string {
  const candidates = [args.specimen, path.resolve('../shared/data/seed/article.txt'), '/work/shared/data/seed/article.txt'].filter(Boolean) as string[];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`specimen not found (tried ${candidates.join(', ')}): pass --specimen FILE`);
  return found;
}

/** CPU seconds the server process has used, its analysis threads included (utime + stime, in ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const specimen = readFileSync(findSpecimen(), 'utf8');
const dir = mkdtempSync(path.join(tmpdir(), 'unspun-bench-serve-'));
const db = path.join(dir, 'index.db');

try {
  // 1. The index.
  const t0 = performance.now();
  const store = await openStore(db, { create: true });
  const v = vocabulary();
  function* corpus() {
    for (let i = 0; i < docs; i++) yield syntheticArticle(v, 7, i);
  }
  const r = await indexArticles(store, corpus());
  const stats = await store.stats();
  await store.close();
  log(`index: ${r.added} generated articles in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${(stats.bytes / 1024 / 1024).toFixed(1)} MiB`);

  // 2. The server.
  const serveArgs = ['--import', 'tsx', 'src/cli/bin.ts', 'serve', '--db', db, '--port', '0', '--rate', '0', ...(args.workers ? ['--workers', args.workers] : [])];
  const child = spawn(process.execPath, serveArgs, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, UNSPUN_TOKEN: '' } });
  let stderr = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on http:\/\/[^:]+:(\d+)\//.exec(stderr);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${stderr}`)));
  });
  const url = `http://127.0.0.1:${port}/api/analyze`;
  const post = async (text: string) => {
    const t = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
    await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return performance.now() - t;
  };

  try {
    // Fresh analyses one at a time: the cost of one report with nothing else running.
    const cold = await post(specimen);
    const single: number[] = [];
    for (let i = 0; i < 15; i++) single.push(await post(`${specimen}\n\nReference ${i} was added by the benchmark.`));
    log(`first request (uncached): ${cold.toFixed(0)} ms; fresh analyses one at a time: median ${median(single).toFixed(0)} ms`);

    const run = async (label: string, distinct: boolean) => {
      let n = 0;
      const before = rssMB(child.pid!);
      const cpu0 = cpuSeconds(child.pid!);
      const load0 = loadavg()[0];
      const result = await autocannon({
        url,
        connections,
        duration,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: specimen }),
        ...(distinct
          ? { requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify({ text: `${specimen}\n\nLoad request ${n++} closes here.` }) }) }] }
          : {}),
      });
      const cpu = cpuSeconds(child.pid!) - cpu0;
      const load = Math.round(((load0 + loadavg()[0]) / 2) * 10) / 10;
      await new Promise((res) => setTimeout(res, 2000));
      const after = rssMB(child.pid!);
      const row = {
        label,
        rps: Math.round(result.requests.average * 10) / 10,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        rssBefore: before,
        rssAfter: after,
        // Contention-free cost: the server's CPU time per answered request (other work shares the cores).
        cpuMsPerRequest: Math.round((cpu * 1000 * 100) / Math.max(1, result.requests.total - result.non2xx)) / 100,
        load,
      };
      log(
        `${label}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms (max ${row.max}), ${row.requests} requests, ${row.errors} errors, ${row.timeouts} timeouts, ${row.non2xx} non-2xx, RSS ${before} → ${after} MB, server CPU ${row.cpuMsPerRequest} ms per 2xx answer, load average ${load}`,
      );
      return row;
    };
    const rows = [await run('same article', false)];
    if (!args['skip-distinct']) rows.push(await run('distinct articles', true));
    process.stdout.write(
      JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), load: loadavg()[0], docs, connections, duration, cold, single: median(single), rows }, null, 1) + '\n',
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
