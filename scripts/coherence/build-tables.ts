// Builds the two tables coherence/off-topic reads, from the BBC articles whose file number is 1 mod 4 only: a
// quarter of the odd (tuning) half. The weights and thresholds are fitted on the other odd quarter (3 mod 4,
// bench/coherence-fit.ts), articles the tables never saw, as the even half that bench/coherence.ts reports
// never was. Counts and numbers, no text:
//   - data/coherence/df.txt.gz: "<articles>\n" then "stem count" lines, for content stems
//     (src/analyzers/coherence/profile.ts) in at least 2 articles: how many articles use the stem. Rare words
//     tie a sentence to its article more than words every story uses.
//   - data/coherence/topics.bin.gz: a latent topic vector per stem in at least MIN_TOPIC_DF articles, from a
//     truncated SVD of the article-by-stem matrix (latent semantic analysis): "striker" and "goal" point the
//     same way though they are different words. Format in src/analyzers/coherence/rarity.ts.
//
//   node --import tsx scripts/coherence/build-tables.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentWords } from '../../src/analyzers/coherence/profile.js';
import { encodeTopics } from '../../src/analyzers/coherence/rarity.js';
import { DATA } from '../../bench/lib/data.js';

const MIN_DF = 2;
const MIN_TOPIC_DF = 3;
const K = 48;
const ITERATIONS = 12;

const root = path.join(DATA, 'corpora/bbc');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const docs: Set<string>[] = [];
for (const cat of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(path.join(root, cat)).filter((x) => x.endsWith('.txt')).sort()) {
    if (Number.parseInt(f, 10) % 4 !== 1) continue; // the table quarter of the odd half
    let text: string;
    try {
      text = utf8.decode(readFileSync(path.join(root, cat, f)));
    } catch {
      continue; // the one file that is not UTF-8
    }
    docs.push(contentWords(text, 0, text.length));
  }
}
const df = new Map<string, number>();
for (const d of docs) for (const w of d) df.set(w, (df.get(w) ?? 0) + 1);
const rows = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => (a[0] < b[0] ? -1 : 1));
const dfText = `${docs.length}\n${rows.map(([w, n]) => `${w} ${n}`).join('\n')}\n`;
const dfGz = gzipSync(Buffer.from(dfText), { level: 9 });
writeFileSync(new URL('../../data/coherence/df.txt.gz', import.meta.url), dfGz);
console.log(`${docs.length} articles, ${rows.length} stems, df table ${dfGz.length} bytes`);

// ---- latent topics: subspace iteration on the article-by-stem matrix (binary, idf-weighted, rows unit length)
const terms = rows.filter(([, n]) => n >= MIN_TOPIC_DF).map(([w]) => w);
const col = new Map(terms.map((w, j) => [w, j]));
const idf = (w: string) => Math.log((docs.length + 1) / ((df.get(w) ?? 1) + 1));
const A: { j: number; v: number }[][] = docs.map((d) => {
  const r = [...d].filter((w) => col.has(w)).map((w) => ({ j: col.get(w) as number, v: idf(w) }));
  const norm = Math.sqrt(r.reduce((t, e) => t + e.v * e.v, 0)) || 1;
  for (const e of r) e.v /= norm;
  return r;
});
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff - 0.5;
};
const T = terms.length;
let Q: Float64Array[] = Array.from({ length: K }, () => Float64Array.from({ length: T }, rand));
const orth = (vs: Float64Array[]) => {
  for (let a = 0; a < vs.length; a++) {
    for (let b = 0; b < a; b++) {
      let dot = 0;
      for (let t = 0; t < T; t++) dot += vs[a][t] * vs[b][t];
      for (let t = 0; t < T; t++) vs[a][t] -= dot * vs[b][t];
    }
    let n = 0;
    for (let t = 0; t < T; t++) n += vs[a][t] * vs[a][t];
    n = Math.sqrt(n) || 1;
    for (let t = 0; t < T; t++) vs[a][t] /= n;
  }
  return vs;
};
const timesA = (q: Float64Array) => A.map((r) => r.reduce((t, e) => t + e.v * q[e.j], 0));
const timesAt = (y: number[]) => {
  const z = new Float64Array(T);
  A.forEach((r, i) => {
    for (const e of r) z[e.j] += e.v * y[i];
  });
  return z;
};
Q = orth(Q);
for (let it = 0; it < ITERATIONS; it++) Q = orth(Q.map((q) => timesAt(timesA(q))));
// Singular values, then a stem's vector is its row of V_k S_k.
const sv = Q.map((q) => Math.sqrt(timesA(q).reduce((t, v) => t + v * v, 0)));
const vectors = terms.map((_, t) => Q.map((q, k) => q[t] * sv[k]));
const topicsGz = gzipSync(encodeTopics(terms, vectors), { level: 9 });
writeFileSync(new URL('../../data/coherence/topics.bin.gz', import.meta.url), topicsGz);
console.log(`${T} stems x ${K} topics, singular values ${sv.slice(0, 4).map((v) => v.toFixed(2)).join(', ')} ... ${sv[K - 1].toFixed(2)}, topics table ${topicsGz.length} bytes`);
