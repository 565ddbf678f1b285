/**
 * Publication dates on ../shared/data/bench/dates (htmldate's MediaCloud 2020 pages): unspun's extractor
 * and plain Readability's `publishedTime`, side by side in one run.
 *   npm run bench:dates [-- --misses]
 * "Right to the day": the date equals the truth, or both are null. Precision, recall and F1 follow
 * htmldate's evaluation: a date found and right is a true positive, found and wrong a false positive,
 * none found where the truth has one a false negative, none found where the truth has none a true negative.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decode } from '../src/ingest/decode.js';
import { extractPage } from '../src/ingest/html.js';
import { parseDateValue } from '../src/ingest/metadata-dates.js';
import { DATA, listFiles, median, readGz, readJson } from './lib/data.js';

const dir = path.join(DATA, 'bench/dates');
const truth = readJson<Record<string, { url: string; date: string | null }>>(path.join(dir, 'ground-truth.json'));
const showMisses = process.argv.includes('--misses');

function unspun(html: string, url: string): string | null {
  // The page's date whether or not the extractor finds an article in it.
  return extractPage(html, url).published;
}

function readability(html: string): string | null {
  const { document } = parseHTML(html);
  const t = new Readability(document as never).parse()?.publishedTime;
  // Readability hands back the raw attribute: its calendar day is what it dates the page to.
  return parseDateValue(t ?? null, false);
}

interface Tally {
  right: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  ms: number[];
}
const systems = { unspun, readability } as const;
type Name = keyof typeof systems;
const tally: Record<Name, Tally> = {
  unspun: { right: 0, tp: 0, fp: 0, fn: 0, tn: 0, ms: [] },
  readability: { right: 0, tp: 0, fp: 0, fn: 0, tn: 0, ms: [] },
};
const misses: string[] = [];
const files = await listFiles(path.join(dir, 'html'), '.html.gz');
let n = 0;
for (const f of files) {
  const key = f.replace(/\.gz$/, '');
  const t = truth[key];
  if (!t) continue;
  n++;
  const html = decode(readGz(path.join(dir, 'html', f)), { name: f, html: true });
  for (const name of Object.keys(systems) as Name[]) {
    const t0 = performance.now();
    const got = systems[name](html, t.url);
    tally[name].ms.push(performance.now() - t0);
    const s = tally[name];
    if (got === t.date) s.right++;
    if (got && t.date) {
      if (got === t.date) s.tp++;
      else s.fp++;
    } else if (got && !t.date) s.fp++;
    else if (!got && t.date) s.fn++;
    else s.tn++;
    if (name === 'unspun' && got !== t.date) misses.push(`${key} truth ${t.date} got ${got} ${t.url}`);
  }
}

const fmt = (x: number) => x.toFixed(3);
console.log(`${n} pages of bench/dates`);
console.log('system        right to the day  precision  recall  F1     median ms/page');
for (const name of Object.keys(systems) as Name[]) {
  const s = tally[name];
  const p = s.tp / (s.tp + s.fp || 1);
  const r = s.tp / (s.tp + s.fn || 1);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`${name.padEnd(13)} ${`${fmt(s.right / n)} (${s.right}/${n})`.padStart(16)}  ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt(f1)}  ${median(s.ms).toFixed(1).padStart(14)}`);
}
if (showMisses) console.log(misses.join('\n'));
