/**
 * `npm run bench:scale`: the embedded SQLite index against PostgreSQL on one generated corpus (the synthetic
 * ~570-word articles of bench:index, no third-party text), per corpus size:
 * - ingest rate: the real `unspun index corpus.jsonl --db ...` (and any other path in bench/scale/ingest.ts,
 *   such as the BullMQ queue with 1 and 2 workers), wall clock from start to exit, peak RSS of that process;
 * - index bytes per article (PostgreSQL: pg_total_relation_size of the tables, after VACUUM ANALYZE, which is
 *   timed too), with the documents/postings split that docs/scaling.md's sizing sheet is derived from;
 * - trace latency p50/p99 (segment + reuse analyzers) of the same queries against each index, and whether
 *   both indexes gave identical reports.
 *
 *   npm run bench:scale -- [--sizes 10000,100000] [--queries 200] [--seed 7] [--workers N]
 *                          [--only sqlite|postgres|<ingester name part>] [--pg URL] [--keep]
 *
 * PostgreSQL: $UNSPUN_BENCH_PG or --pg (default postgres://postgres@127.0.0.1:5432/test); each run uses new
 * schemas unspun_bench_<size>_<time>, dropped at the end unless --keep.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadEngine } from './lib/reuse-engine.js';
import { queryArticle, syntheticArticle, vocabulary } from './lib/perf-corpus.js';
import { prng } from './reuse/generate.js';
import { INGESTERS, type Ingester } from './scale/ingest.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    workers: { type: 'string' },
    only: { type: 'string' },
    pg: { type: 'string', default: process.env.UNSPUN_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test' },
    keep: { type: 'boolean', default: false },
  },
});

const seed = Number(args.seed);
const workers = args.workers ? Number(args.workers) : availableParallelism();
const nQueries = Number(args.queries);
const log = (s: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${s}\n`);
const stamp = Date.now().toString(36);

interface Row {
  size: number;
  ingester: Ingester;
  secs: number;
  rate: number;
  rssMB: number;
  vacuumSecs: number | null;
  bytes: number;
  parts: string;
  p50: number;
  p99: number;
  traced: number;
  reports: string[];
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

async function writeCorpus(file: string, size: number): Promise<void> {
  const v = vocabulary();
  const out = createWriteStream(file);
  for (let i = 0; i < size; i++) {
    const a = syntheticArticle(v, seed, i);
    if (!out.write(JSON.stringify({ id: a.id, text: a.text }) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function pgQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = [], url = args.pg!): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

const schemaUrl = (schema: string) => `${args.pg}${args.pg!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

async function timed(ingester: Ingester, ctx: Parameters<Ingester['run']>[0]): Promise<{ secs: number; rssMB: number }> {
  const t0 = performance.now();
  const r = await ingester.run(ctx);
  return { secs: r.secs ?? (performance.now() - t0) / 1000, rssMB: r.peakRssMB ?? NaN };
}

async function traceAll(db: string, size: number): Promise<{ p50: number; p99: number; traced: number; reports: string[] }> {
  const engine = await loadEngine({ analyzers: ['segment', 'reuse'] });
  const v = vocabulary();
  const store = await engine.openStore(db, { create: false });
  try {
    const r = prng(seed + 99);
    const times: number[] = [];
    const reports: string[] = [];
    let traced = 0;
    for (let q = -5; q < nQueries; q++) {
      const i = Math.floor(r() * size);
      const query = queryArticle(v, syntheticArticle(v, seed, i), seed * 1000 + q);
      const t = performance.now();
      const { report } = await engine.trace(query, store);
      const ms = performance.now() - t;
      if (q < 0) continue; // warm-up: caches and connections
      times.push(ms);
      reports.push(JSON.stringify(report.sentences.map((s) => s.sources)));
      const counts = new Map<string, number>();
      for (const id of report.summary.spliceMap) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (top && top[0] === `synth/${seed}/${i}`) traced++;
    }
    return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), traced, reports };
  } finally {
    await store.close();
  }
}

async function pgParts(url: string, schema: string): Promise<{ bytes: number; parts: string }> {
  const rows = await pgQuery<{ t: string; heap: string; idx: string; total: string }>(
    `SELECT CASE WHEN c.relname LIKE 'postings%' THEN 'postings' ELSE c.relname END AS t,
            sum(pg_table_size(c.oid))::bigint AS heap, sum(pg_indexes_size(c.oid))::bigint AS idx, sum(pg_total_relation_size(c.oid))::bigint AS total
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' GROUP BY 1 ORDER BY 1`,
    [schema],
    url,
  );
  const bytes = rows.reduce((t, r) => t + Number(r.total), 0);
  const parts = rows
    .filter((r) => ['docs', 'postings'].includes(r.t))
    .map((r) => `${r.t} ${(Number(r.heap) / 2 ** 20).toFixed(0)}+${(Number(r.idx) / 2 ** 20).toFixed(0)} MiB`)
    .join(', ');
  return { bytes, parts: `${parts} (table+indexes)` };
}

async function main(): Promise<void> {
  const sizes = args.sizes!.split(',').map(Number);
  const only = args.only?.toLowerCase();
  const ingesters = INGESTERS.filter((i) => !only || i.store === only || i.name.toLowerCase().includes(only));
  const dir = mkdtempSync(join(tmpdir(), 'unspun-bench-scale-'));
  const schemas: string[] = [];
  const rows: Row[] = [];
  const pgSettings = ingesters.some((i) => i.store === 'postgres')
    ? (await pgQuery<{ name: string; value: string }>(
        "SELECT name, current_setting(name) AS value FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'synchronous_commit', 'max_wal_size') ORDER BY name",
      ))
        .map((s) => `${s.name}=${s.value}`)
        .join(', ')
    : '';
  const pgVersion = ingesters.some((i) => i.store === 'postgres') ? (await pgQuery<{ v: string }>('SELECT version() AS v'))[0].v.split(' on ')[0] : '';
  try {
    for (const size of sizes) {
      const corpus = join(dir, `corpus-${size}.jsonl`);
      log(`writing ${size} synthetic articles to ${corpus}...`);
      await writeCorpus(corpus, size);
      log(`  ${(statSync(corpus).size / 2 ** 20).toFixed(0)} MiB`);
      for (const ing of ingesters) {
        let db: string;
        let schema = '';
        if (ing.store === 'sqlite') db = join(dir, `index-${size}-${rows.length}.db`);
        else {
          schema = `unspun_bench_${size}_${stamp}_${rows.length}`;
          schemas.push(schema);
          db = schemaUrl(schema);
        }
        log(`${ing.name}: ingesting ${size}...`);
        const { secs, rssMB } = await timed(ing, { corpus, db, workers });
        let vacuumSecs: number | null = null;
        let bytes: number;
        let parts = '';
        if (ing.store === 'postgres') {
          // Steady state: autovacuum would get there; timed so that its cost is in the figures.
          const t = performance.now();
          await pgQuery('VACUUM ANALYZE', [], db);
          vacuumSecs = (performance.now() - t) / 1000;
          ({ bytes, parts } = await pgParts(args.pg!, schema));
        } else {
          bytes = statSync(db).size;
        }
        log(`  ${(size / secs).toFixed(0)} articles/s (${secs.toFixed(1)} s, peak RSS ${rssMB.toFixed(0)} MB)${vacuumSecs !== null ? `, VACUUM ANALYZE ${vacuumSecs.toFixed(1)} s` : ''}, ${(bytes / size).toFixed(0)} bytes/article ${parts}`);
        log(`  tracing ${nQueries} queries...`);
        const tr = await traceAll(db, size);
        log(`  trace p50 ${tr.p50.toFixed(1)} ms, p99 ${tr.p99.toFixed(1)} ms, ${tr.traced}/${nQueries} traced to their source`);
        rows.push({ size, ingester: ing, secs, rate: size / secs, rssMB, vacuumSecs, bytes, parts, ...tr });
        if (ing.store === 'sqlite' && !args.keep) rmSync(db, { force: true });
      }
      rmSync(corpus, { force: true });
    }
  } finally {
    if (!args.keep) {
      for (const s of schemas) await pgQuery(`DROP SCHEMA IF EXISTS "${s}" CASCADE`).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    } else log(`kept: ${dir}, schemas ${schemas.join(', ')}`);
  }

  const lines: string[] = [];
  lines.push(`load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}; ${workers} prepare threads per ingest; ${nQueries} queries after 5 warm-up; seed ${seed}`);
  if (pgSettings) lines.push(`${pgVersion}: ${pgSettings}`);
  lines.push('');
  lines.push('| corpus | ingest path | articles/s | ingest peak RSS MB | index bytes/article | trace p50 ms | trace p99 ms | traced | same reports as SQLite |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const base = rows.find((x) => x.size === r.size && x.ingester.store === 'sqlite');
    const same = base && base !== r ? `${r.reports.filter((x, i) => x === base.reports[i]).length}/${r.reports.length}` : '';
    const vac = r.vacuumSecs !== null ? ` + VACUUM ${r.vacuumSecs.toFixed(1)} s` : '';
    lines.push(
      `| ${r.size.toLocaleString('en')} | ${r.ingester.name} | ${r.rate.toFixed(0)} (${r.secs.toFixed(1)} s${vac}) | ${Number.isNaN(r.rssMB) ? '?' : r.rssMB.toFixed(0)} | ${(r.bytes / r.size).toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.traced}/${nQueries} | ${same} |`,
    );
  }
  const pgRows = rows.filter((r) => r.parts);
  if (pgRows.length) {
    lines.push('');
    for (const r of pgRows) lines.push(`PostgreSQL at ${r.size.toLocaleString('en')} (${r.ingester.name}): ${r.parts}`);
  }
  console.log(lines.join('\n'));
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:scale: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
