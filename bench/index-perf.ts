/**
 * `npm run bench:index`: speed of the reuse engine on synthetic corpora (Zipf vocabulary, ~600 words per
 * article, no third-party text): ingest rate with the engine's worker threads, trace latency p50/p99 for a
 * 30-sentence article drawn from the corpus with some spinning, index bytes per article, peak RSS, for each
 * corpus size; side by side, datasketch MinHash (num_perm=128, update_batch, permutations reused) on the
 * same documents when Python and datasketch are at hand.
 *
 *   npm run bench:index -- [--sizes 10000,100000] [--workers N] [--queries 200] [--seed 7]
 *                          [--datasketch /tmp/datasketch-src] [--datasketch-docs 5000] [--no-datasketch]
 *
 * Each size runs in its own child process, so that peak RSS (VmHWM: main thread and workers, one process)
 * belongs to that size alone.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadEngine } from './lib/reuse-engine.js';
import { queryArticle, syntheticArticle, vocabulary } from './lib/perf-corpus.js';
import { prng } from './reuse/generate.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    workers: { type: 'string' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    datasketch: { type: 'string', default: process.env.DATASKETCH_PATH ?? '/tmp/datasketch-src' },
    'datasketch-docs': { type: 'string', default: '5000' },
    'no-datasketch': { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

const seed = Number(args.seed);
const workers = args.workers ? Number(args.workers) : availableParallelism();
const log = (s: string) => process.stderr.write(s + '\n');

interface SizeResult {
  size: number;
  workers: number;
  ingestSecs: number;
  rate: number;
  words: number;
  bytes: number;
  bytesPerDoc: number;
  p50: number;
  p99: number;
  traced: number;
  queries: number;
  hwmMB: number;
}

function vmHwmMB(): number {
  // Peak resident set of the whole process (worker threads included).
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function runSize(size: number): Promise<SizeResult> {
  const v = vocabulary();
  const engine = await loadEngine({ analyzers: ['segment', 'reuse'] });
  const dir = mkdtempSync(join(tmpdir(), 'unspun-bench-index-'));
  try {
    const store = await engine.openStore(join(dir, 'index.db'), { create: true });
    let words = 0;
    function* corpus() {
      for (let i = 0; i < size; i++) {
        const a = syntheticArticle(v, seed, i);
        if (i < 1000) words += a.text.split(/\s+/).length;
        yield a;
      }
    }
    let t = performance.now();
    const res = await engine.indexArticles(store, corpus(), { workers });
    const ingestSecs = (performance.now() - t) / 1000;
    if (res.added !== size) throw new Error(`indexed ${res.added} of ${size} (failed ${res.failed})`);
    const stats = (await store.stats()) as { documents: number; bytes: number };
    // Trace latency: 30-sentence articles drawn from the corpus, half their sentences spun at 20%.
    const r = prng(seed + 99);
    const n = Number(args.queries);
    const times: number[] = [];
    let traced = 0;
    for (let q = -5; q < n; q++) {
      const i = Math.floor(r() * size);
      const query = queryArticle(v, syntheticArticle(v, seed, i), seed * 1000 + q);
      t = performance.now();
      const { report } = await engine.trace(query, store);
      const ms = performance.now() - t;
      if (q < 0) continue; // warm-up: tables loaded on first use
      times.push(ms);
      const counts = new Map<string, number>();
      for (const id of report.summary.spliceMap) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (top && top[0] === `synth/${seed}/${i}`) traced++;
    }
    await store.close();
    return {
      size,
      workers,
      ingestSecs,
      rate: size / ingestSecs,
      words: words / Math.min(size, 1000),
      bytes: stats.bytes,
      bytesPerDoc: stats.bytes / size,
      p50: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      traced,
      queries: n,
      hwmMB: vmHwmMB(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// datasketch: the same documents, fingerprinted one by one (word 3-shingles, num_perm=128, shared perms).
const PY = String.raw`
import sys, time
from datasketch import MinHash
path = sys.argv[1]
docs = [l.rstrip('\n') for l in open(path, encoding='utf-8')]
perm = MinHash(num_perm=128, seed=1).permutations
def shingles(t):
    w = t.lower().split()
    return [' '.join(w[i:i+3]).encode('utf-8') for i in range(max(1, len(w) - 2))]
t = time.perf_counter()
for d in docs:
    m = MinHash(num_perm=128, permutations=perm)
    m.update_batch(shingles(d))
dt = time.perf_counter() - t
print(len(docs), dt)
`;

async function runDatasketch(n: number): Promise<{ docs: number; secs: number; rate: number } | string> {
  const py = '/usr/bin/python3';
  if (args['no-datasketch']) return 'skipped (--no-datasketch)';
  if (!existsSync(py)) return 'skipped: /usr/bin/python3 not found';
  const env = { ...process.env, PYTHONPATH: args.datasketch };
  const probe = spawnSync(py, ['-c', 'import numpy, scipy, datasketch'], { env, encoding: 'utf8' });
  if (probe.status !== 0)
    return `skipped: cannot import numpy/scipy/datasketch (fetch github:ekzhu/datasketch, git archive it into ${args.datasketch}; apt-get install python3-numpy python3-scipy)`;
  const dir = mkdtempSync(join(tmpdir(), 'unspun-bench-ds-'));
  try {
    const v = vocabulary();
    const file = join(dir, 'docs.txt');
    const out = createWriteStream(file);
    for (let i = 0; i < n; i++) if (!out.write(syntheticArticle(v, seed, i).text.replace(/\s+/g, ' ') + '\n')) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    writeFileSync(join(dir, 'fp.py'), PY);
    const res = spawnSync(py, [join(dir, 'fp.py'), file], { env, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (res.status !== 0) return `failed: ${res.stderr.trim().split('\n').pop()}`;
    const [docs, secs] = res.stdout.trim().split(' ').map(Number);
    return { docs, secs, rate: docs / secs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args.child) {
  const res = await runSize(Number(args.child));
  process.stdout.write(JSON.stringify(res) + '\n');
} else {
  const sizes = args.sizes!.split(',').map(Number);
  const results: SizeResult[] = [];
  const self = fileURLToPath(import.meta.url);
  for (const size of sizes) {
    log(`indexing ${size} synthetic articles with ${workers} workers...`);
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--child', String(size), '--workers', String(workers), '--seed', String(seed), '--queries', args.queries!], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`size ${size}: child exited with ${child.status}`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as SizeResult;
    results.push(r);
    log(`  ${r.rate.toFixed(0)} articles/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${(r.bytesPerDoc / 1024).toFixed(2)} KB/article, peak RSS ${r.hwmMB.toFixed(0)} MB`);
  }
  const dsN = Math.min(Number(args['datasketch-docs']), Math.max(...sizes));
  log(`datasketch on ${dsN} of the same documents...`);
  const ds = await runDatasketch(dsN);
  // The engine's fingerprinting alone, one thread, the same documents, right after: like for like with
  // datasketch (which neither stores nor runs in parallel).
  const { prepareDoc } = await import('../src/reuse/prepare.js');
  const v = vocabulary();
  const docs = Array.from({ length: dsN }, (_, i) => syntheticArticle(v, seed, i));
  const t1 = performance.now();
  for (const d of docs) prepareDoc({ id: d.id, title: d.title, text: d.text });
  const fpRate = dsN / ((performance.now() - t1) / 1000);

  const lines: string[] = [];
  lines.push(`load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')} (other work on this 2-core machine slows every column)`);
  lines.push(`${workers} worker threads; ~${results[0].words.toFixed(0)} words per article; trace = segment + reuse analyzers, ${results[0].queries} queries after 5 warm-up`);
  lines.push('');
  lines.push('| corpus | ingest articles/s | trace p50 ms | trace p99 ms | index bytes/article | peak RSS MB | queries traced to their source |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of results)
    lines.push(
      `| ${r.size.toLocaleString('en')} | ${r.rate.toFixed(0)} (${r.ingestSecs.toFixed(1)} s) | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.bytesPerDoc.toFixed(0)} | ${r.hwmMB.toFixed(0)} | ${r.traced}/${r.queries} |`,
    );
  if (results.length > 1) {
    const a = results[0];
    const b = results[results.length - 1];
    const g = (x: number, y: number) => `×${(y / x).toFixed(2)}`;
    lines.push(
      `| growth ${a.size / 1000}k→${b.size / 1000}k | ${g(a.rate, b.rate)} | ${g(a.p50, b.p50)} | ${g(a.p99, b.p99)} | ${g(a.bytesPerDoc, b.bytesPerDoc)} | ${g(a.hwmMB, b.hwmMB)} | |`,
    );
  }
  lines.push('');
  lines.push(`engine fingerprinting alone (prepareDoc, one thread, no store) on ${dsN} of the documents: ${fpRate.toFixed(0)} documents/s`);
  if (typeof ds === 'string') lines.push(`datasketch: ${ds}`);
  else {
    const best = results[0].rate;
    lines.push(
      `datasketch MinHash (num_perm=128, update_batch, permutations reused, word 3-shingles, one Python thread) on the same ${ds.docs}: ${ds.rate.toFixed(0)} documents/s (${ds.secs.toFixed(1)} s)`,
      `ratios to datasketch: engine ingest (${workers} workers, fingerprint + store) at ${results[0].size.toLocaleString('en')} ×${(best / ds.rate).toFixed(2)}; engine fingerprinting, one thread ×${(fpRate / ds.rate).toFixed(2)}`,
    );
  }
  console.log(lines.join('\n'));
}
