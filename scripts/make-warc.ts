/**
 * Writes a generated WARC.gz of about --mb megabytes (compressed) in the Common Crawl News layout: a
 * warcinfo record, then per page a request and a response record, one gzip member each. Pages carry the
 * synthetic articles of bench:index / bench:scale (no third-party text) inside the weight a real news page
 * has around its article (navigation and an inline script blob), so that bytes on disk are realistic.
 *
 *   npx tsx scripts/make-warc.ts --mb 1024 --out /tmp/big.warc.gz [--seed 7]
 *
 * Streamed: memory stays flat however big the file. Not committed anywhere: the output is for measuring
 * that `unspun index big.warc.gz` streams (docs/benchmarks.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { syntheticArticle, vocabulary } from '../bench/lib/perf-corpus.js';
import { prng } from '../bench/reuse/generate.js';
import { requestRecord, responseRecord, warcinfo } from '../test/helpers/warc.js';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '1024' }, out: { type: 'string' }, seed: { type: 'string', default: '7' } } });
if (!values.out) throw new Error('give --out FILE.warc.gz');
const target = Number(values.mb) * 1024 * 1024;
const seed = Number(values.seed);
const v = vocabulary();
const r = prng(seed);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function blob(bytes: number): string {
  // An inline script of encoded data, as trackers and inlined images make it: it compresses about as much.
  const b = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i += 4) b.writeUInt32LE((r() * 0x100000000) >>> 0, Math.min(i, bytes - 4));
  return b.toString('base64');
}

async function main(): Promise<void> {
  const out = createWriteStream(values.out!);
  let written = 0;
  const put = async (buf: Buffer) => {
    const gz = gzipSync(buf, { level: 6 });
    written += gz.length;
    if (!out.write(gz)) await once(out, 'drain');
  };
  await put(warcinfo());
  let i = 0;
  const t0 = Date.now();
  while (written < target) {
    const a = syntheticArticle(v, seed, i);
    const url = `https://news.example/${i % 97}/story-${i}.html`;
    const paras = a.text.split(/\n\n/).map((p) => `<p>${escape(p)}</p>`).join('\n');
    const nav = Array.from({ length: 20 }, (_, k) => `<li><a href="/section/${k}">Section ${k}</a></li>`).join('');
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Story ${i}</title><script>var d="${blob(12_000)}";</script></head><body><nav><ul>${nav}</ul></nav><article><h1>Story ${i}</h1>${paras}</article><footer>Fictional site, generated page ${i}</footer></body></html>`;
    await put(requestRecord(url));
    await put(responseRecord({ url, date: `2026-0${(i % 9) + 1}-1${i % 10}T08:00:00Z`, html }));
    i++;
    if (i % 5000 === 0) process.stderr.write(`${i} pages, ${(written / 1024 / 1024).toFixed(0)} MB, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  }
  out.end();
  await once(out, 'finish');
  process.stderr.write(`wrote ${values.out}: ${i} pages, ${(written / 1024 / 1024).toFixed(0)} MB\n`);
}

await main();
