// Builds data/entities/clusters.txt.gz: word classes for the entity tagger from the project's GloVe table
// (data/vectors/glove100-int8.bin.gz: 40,000 lowercase words of Wikipedia and Gigaword newswire). Words used
// alike fall in one class — towns that name clubs ("plymouth", "exeter"), companies, surnames, given names —
// so a name the training data never showed still carries what its class learned (word classes as NER
// features: Ratinov & Roth 2009). Three levels of spherical k-means, 32 × 16 × 8 (the tagger uses each
// level's path). Deterministic (seeded, no shuffling). Run once after the vector table changes:
//
//   npx tsx scripts/entities/clusters.ts
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { vectors } from '../../src/reuse/vectors.js';

const t = vectors();
const words = [...t.index.keys()];
const n = words.length;
const D = t.dims;
const X = new Float32Array(n * D);
for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) X[i * D + d] = t.data[i * D + d] / t.norms[i];

/** Spherical k-means of the rows `ids` into k classes; initial centres spread over the frequency order. */
function kmeans(ids: number[], k: number, iters = 12): number[] {
  if (ids.length <= k) return ids.map((_, i) => i);
  const C = new Float32Array(k * D);
  for (let c = 0; c < k; c++) {
    const r = ids[Math.floor(((c + 0.5) * ids.length) / k)];
    C.set(X.subarray(r * D, r * D + D), c * D);
  }
  const a = new Array<number>(ids.length).fill(0);
  for (let it = 0; it < iters; it++) {
    for (let j = 0; j < ids.length; j++) {
      const o = ids[j] * D;
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = 0; d < D; d++) s += X[o + d] * C[c * D + d];
        if (s > bs) {
          bs = s;
          best = c;
        }
      }
      a[j] = best;
    }
    C.fill(0);
    for (let j = 0; j < ids.length; j++) for (let d = 0; d < D; d++) C[a[j] * D + d] += X[ids[j] * D + d];
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += C[c * D + d] ** 2;
      s = Math.sqrt(s) || 1;
      for (let d = 0; d < D; d++) C[c * D + d] /= s;
    }
  }
  return a;
}

const path = new Array<string>(n).fill('');
const split = (ids: number[], ks: number[]) => {
  if (!ks.length) return;
  const a = kmeans(ids, ks[0]);
  const parts = new Map<number, number[]>();
  a.forEach((c, j) => {
    path[ids[j]] += c.toString(36).padStart(1, '0') + '.';
    const p = parts.get(c);
    if (p) p.push(ids[j]);
    else parts.set(c, [ids[j]]);
  });
  for (const p of parts.values()) split(p, ks.slice(1));
};
split(
  words.map((_, i) => i),
  [32, 16, 8],
);
const out = words.map((w, i) => `${w} ${path[i].slice(0, -1)}`).join('\n') + '\n';
const file = new URL('../../data/entities/clusters.txt.gz', import.meta.url);
const buf = gzipSync(Buffer.from(out, 'utf8'), { level: 9 });
writeFileSync(file, buf);
console.log(`${n} words -> ${file.pathname} (${(buf.length / 1024).toFixed(0)} KB)`);
for (const w of ['plymouth', 'exeter', 'barnsley', 'microsoft', 'bundesbank', 'smith', 'john', 'paris', 'reuters', 'said']) {
  const i = t.index.get(w);
  if (i !== undefined) console.log(w, path[i], words.filter((_, j) => path[j] === path[i]).slice(0, 12).join(' '));
}
