// Builds the document frequencies coherence/off-topic weighs shared words by (rare words tie a sentence to its
// article more than words every story uses): for each content stem (src/analyzers/coherence/profile.ts), in
// how many BBC articles whose file number is ODD it occurs. Only the odd (tuning) half is read, so the even
// half that bench/coherence.ts reports stays unseen. Counts only, no text: "<articles>\n" then "stem count"
// lines for stems in at least 2 articles, gzipped, in data/coherence/df.txt.gz.
//
//   node --import tsx scripts/coherence/build-df.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentWords } from '../../src/analyzers/coherence/profile.js';
import { DATA } from '../../bench/lib/data.js';

const MIN_DF = 2;
const root = path.join(DATA, 'corpora/bbc');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const df = new Map<string, number>();
let docs = 0;
for (const cat of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(path.join(root, cat)).filter((x) => x.endsWith('.txt')).sort()) {
    if (Number.parseInt(f, 10) % 2 !== 1) continue; // odd half only
    let text: string;
    try {
      text = utf8.decode(readFileSync(path.join(root, cat, f)));
    } catch {
      continue; // the one file that is not UTF-8
    }
    docs++;
    for (const w of contentWords(text, 0, text.length)) df.set(w, (df.get(w) ?? 0) + 1);
  }
}
const rows = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const out = `${docs}\n${rows.map(([w, n]) => `${w} ${n}`).join('\n')}\n`;
const gz = gzipSync(Buffer.from(out), { level: 9 });
writeFileSync(new URL('../../data/coherence/df.txt.gz', import.meta.url), gz);
console.log(`${docs} articles, ${rows.length} stems, ${gz.length} bytes`);
