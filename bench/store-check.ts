/**
 * `npm run bench:store`: what checking an index on open costs. Builds a synthetic index (no third-party
 * text; bench/lib/perf-corpus.ts) of each size and times opening it for reading with the header checks only
 * and with the full `PRAGMA quick_check` (src/store/sqlite.ts runs the latter on every open for writing and
 * on read-opens up to READ_CHECK_MAX_BYTES). Medians of 7 opens after one warm-up.
 *
 *   npm run bench:store -- [--sizes 1000,10000] [--keep DIR]
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { indexArticles } from '../src/reuse/index.js';
import { READ_CHECK_MAX_BYTES, SqliteStore } from '../src/store/sqlite.js';
import { syntheticArticle, vocabulary } from './lib/perf-corpus.js';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000' }, keep: { type: 'string' } } });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'unspun-bench-store-'));
console.log(`load average ${loadavg()[0].toFixed(1)}; read-opens check files up to ${READ_CHECK_MAX_BYTES / 2 ** 20} MiB`);
console.log('| documents | index MB | open, header checks (ms) | open + quick_check (ms) |');
console.log('|---:|---:|---:|---:|');
try {
  const v = vocabulary();
  for (const size of args.sizes!.split(',').map(Number)) {
    const file = join(dir, `index-${size}.db`);
    const store = new SqliteStore(file, { create: true });
    await indexArticles(store, (function* () {
      for (let i = 0; i < size; i++) yield syntheticArticle(v, 7, i);
    })(), { workers: 1 });
    store.close();
    const time = (checkLimit: number) => {
      const ms: number[] = [];
      for (let k = 0; k < 8; k++) {
        const t = performance.now();
        new SqliteStore(file, { create: false, checkLimit }).close();
        if (k > 0) ms.push(performance.now() - t);
      }
      return median(ms);
    };
    console.log(`| ${size} | ${(statSync(file).size / 1e6).toFixed(1)} | ${time(0).toFixed(1)} | ${time(Infinity).toFixed(0)} |`);
  }
} finally {
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}
