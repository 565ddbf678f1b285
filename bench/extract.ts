/**
 * Body extraction on ../shared/data/bench/aeb: unspun's extractor and plain Readability (textContent),
 * side by side in one run, scored with the benchmark's word 4-gram shingle metric.
 *   npm run bench:extract [-- --worst N] [-- --only ID] [-- --repeat N]
 * Times are per page the best of N runs (default 3), then the median over pages.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decode } from '../src/ingest/decode.js';
import { htmlToArticle } from '../src/ingest/html.js';
import { DATA, listFiles, median, readGz, readJson } from './lib/data.js';
import { scores, shingleCounts, type Counts } from './lib/shingles.js';

const dir = path.join(DATA, 'bench/aeb');
const truth = readJson<Record<string, { articleBody: string; url?: string }>>(path.join(dir, 'ground-truth.json'));
const args = process.argv.slice(2);
const worst = args.includes('--worst') ? Number(args[args.indexOf('--worst') + 1]) : 0;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
// Each page's time is the best of `repeat` runs: on a shared machine one run measures the neighbours' load.
const repeat = args.includes('--repeat') ? Number(args[args.indexOf('--repeat') + 1]) : 3;

function plainReadability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

function unspun(html: string, url: string | undefined): string {
  try {
    return htmlToArticle(html, { id: 'x', origin: null, url }).text;
  } catch {
    return '';
  }
}

const files = (await listFiles(path.join(dir, 'html'), '.html.gz')).filter((f) => !only || f.startsWith(only));
const systems = { unspun, readability: (h: string) => plainReadability(h) } as const;
type Name = keyof typeof systems;
const counts: Record<Name, Counts[]> = { unspun: [], readability: [] };
const ms: Record<Name, number[]> = { unspun: [], readability: [] };
const perPage: { id: string; f: Record<Name, number> }[] = [];

for (const f of files) {
  const id = f.replace('.html.gz', '');
  const t = truth[id];
  if (!t) continue;
  const html = decode(readGz(path.join(dir, 'html', f)), { name: f, html: true });
  const row = { id, f: {} as Record<Name, number> };
  // Alternate the order so neither system always runs on a warm cache.
  const order: Name[] = perPage.length % 2 ? ['readability', 'unspun'] : ['unspun', 'readability'];
  const best: Record<Name, number> = { unspun: Infinity, readability: Infinity };
  const texts = {} as Record<Name, string>;
  for (let r = 0; r < repeat; r++) {
    for (const name of order) {
      const t0 = performance.now();
      texts[name] = systems[name](html, t.url);
      best[name] = Math.min(best[name], performance.now() - t0);
    }
  }
  for (const name of order) {
    ms[name].push(best[name]);
    const c = shingleCounts(t.articleBody, texts[name]);
    counts[name].push(c);
    row.f[name] = scores([c]).pageF1;
  }
  perPage.push(row);
}

const fmt = (x: number) => x.toFixed(3);
console.log(`${files.length} pages of bench/aeb; ms/page: median over pages of the best of ${repeat} runs`);
console.log('system        precision  recall  F1     mean page F1  median ms/page');
for (const name of Object.keys(systems) as Name[]) {
  const s = scores(counts[name]);
  console.log(`${name.padEnd(13)} ${fmt(s.precision).padStart(9)}  ${fmt(s.recall).padStart(6)}  ${fmt(s.f1)}  ${fmt(s.pageF1).padStart(12)}  ${median(ms[name]).toFixed(1).padStart(14)}`);
}
console.log(`time ratio unspun/readability: ${(median(ms.unspun) / median(ms.readability)).toFixed(2)}`);
if (worst) {
  perPage.sort((a, b) => a.f.unspun - a.f.readability - (b.f.unspun - b.f.readability));
  for (const r of perPage.slice(0, worst)) console.log(`${r.id.slice(0, 12)} unspun ${fmt(r.f.unspun)} readability ${fmt(r.f.readability)}`);
  perPage.sort((a, b) => a.f.unspun - b.f.unspun);
  console.log('lowest:');
  for (const r of perPage.slice(0, worst)) console.log(`${r.id.slice(0, 12)} unspun ${fmt(r.f.unspun)} readability ${fmt(r.f.readability)}`);
}
