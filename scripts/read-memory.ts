/**
 * The streamed readers alone, without an index: reads every document of the inputs through readInputs
 * (as `unspun index` does) and prints, every --every records, the live JavaScript heap after a full
 * garbage collection and the process's RSS. Flat numbers mean constant memory whatever the input's size.
 *
 *   node --expose-gc --import tsx scripts/read-memory.ts big.warc.gz [--every 5000] [--max N]
 */
import { parseArgs } from 'node:util';
import { DEFAULT_INGEST, readInputs } from '../src/ingest/index.js';

const { values, positionals } = parseArgs({ options: { every: { type: 'string', default: '5000' }, max: { type: 'string' } }, allowPositionals: true });
const every = Number(values.every);
const max = values.max ? Number(values.max) : Infinity;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
let n = 0;
let failed = 0;
let bytes = 0;
const t0 = Date.now();
for await (const item of readInputs(positionals, { ...DEFAULT_INGEST, onRead: (p) => (bytes = p.bytes) })) {
  n++;
  if (!item.ok) failed++;
  if (n % every === 0) {
    gc!();
    const m = process.memoryUsage();
    process.stdout.write(`${n} records, ${mb(bytes)} MB read, ${((Date.now() - t0) / 1000).toFixed(0)} s: heap after GC ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB\n`);
  }
  if (n >= max) break;
}
process.stdout.write(`${n} records (${failed} errors), ${mb(bytes)} MB read\n`);
