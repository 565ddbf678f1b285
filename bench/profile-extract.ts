/**
 * Extraction alone in a loop over the shared aeb pages, for a CPU profile (no scoring, no Readability run):
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-extract.ts [rounds]
 * With --dump FILE it writes every page's extracted text, title, byline and dates as JSON lines instead, so
 * that two versions of the code can be diffed for identical outputs. UNSPUN_PAGES=<dir of .html> reads another
 * set's pages (set T: /work/cache/meta-tune-t/html).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { decode } from '../src/ingest/decode.js';
import { extractPage } from '../src/ingest/html.js';
import { DATA } from './lib/data.js';

const args = process.argv.slice(2);
const dumpAt = args.indexOf('--dump');
const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const dirs = process.env.UNSPUN_PAGES ? [process.env.UNSPUN_PAGES] : [path.join(DATA, 'bench/aeb/html'), path.join(DATA, 'bench/dates/html')];
const pages: { id: string; html: string; url: string | null }[] = [];
for (const dir of dirs) {
  // The page's URL where the set gives one (the date rules read it).
  let urls: Record<string, { url?: string }> = {};
  try {
    urls = JSON.parse(readFileSync(path.join(dir, '..', dir.includes('meta-') ? 'annotations.json' : 'ground-truth.json'), 'utf8'));
  } catch { /* no URLs */ }
  for (const f of readdirSync(dir).sort()) {
    if (!/\.html(\.gz)?$/.test(f)) continue;
    const raw = readFileSync(path.join(dir, f));
    const key = f.replace(/\.gz$/, '');
    const url = urls[key]?.url ?? urls[key.replace(/\.html$/, '')]?.url ?? null;
    pages.push({ id: f, url, html: decode(f.endsWith('.gz') ? gunzipSync(raw) : raw, { name: f, html: true }) });
  }
}
if (dumpAt >= 0) {
  const out = pages.map(({ id, html, url }) => {
    try {
      return JSON.stringify({ id, ...extractPage(html, url) });
    } catch (e) {
      return JSON.stringify({ id, error: String(e) });
    }
  });
  writeFileSync(args[dumpAt + 1], out.join('\n') + '\n');
} else {
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const { html, url } of pages) try { extractPage(html, url); } catch { /* counted as a page */ }
  console.log(`${pages.length} pages x ${rounds}: ${((performance.now() - t0) / rounds / pages.length).toFixed(2)} ms/page`);
}
