// How rare a content stem is in news: inverse document frequency over a quarter of the BBC corpus (odd files
// 1 mod 4; data/coherence/df.txt.gz, built by scripts/coherence/build-tables.ts). Sharing "striker" or "tariff" with the
// article ties a sentence to it; sharing "people" or "government" hardly does.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

interface Table {
  docs: number;
  df: Map<string, number>;
}

let loaded: Table | null = null;

function table(): Table {
  if (loaded) return loaded;
  const text = gunzipSync(readFileSync(new URL('../../../data/coherence/df.txt.gz', import.meta.url))).toString('utf8');
  const lines = text.split('\n');
  const df = new Map<string, number>();
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const sp = line.indexOf(' ');
    if (sp > 0) df.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  loaded = { docs: Number(lines[0]) || 1, df };
  return loaded;
}

/** log((N + 1) / (df + 1)): 0 for a stem in every article; stems the table lacks (df < 2) count as df 1. */
export function idf(stem: string): number {
  const t = table();
  return Math.log((t.docs + 1) / ((t.df.get(stem) ?? 1) + 1));
}

/** The largest idf (a stem seen in no article): scales weighted counts to "rare words". */
export function maxIdf(): number {
  const t = table();
  return Math.log((t.docs + 1) / 2);
}

// ---- latent topics (data/coherence/topics.bin.gz) ---------------------------------------------------------
// Layout, little-endian: uint32 stems n, uint16 dimensions k, n float32 vector lengths, n*k int8 directions
// (unit vector times 127), then the n stems joined by "\n" (UTF-8).

/** The table's bytes for stems and their vectors (scripts/coherence/build-tables.ts). */
export function encodeTopics(stems: readonly string[], vectors: readonly (readonly number[])[]): Buffer {
  const n = stems.length;
  const k = vectors[0]?.length ?? 0;
  const head = Buffer.alloc(6 + 4 * n + n * k);
  head.writeUInt32LE(n, 0);
  head.writeUInt16LE(k, 4);
  vectors.forEach((v, i) => {
    const len = Math.sqrt(v.reduce((t, x) => t + x * x, 0));
    head.writeFloatLE(len, 6 + 4 * i);
    for (let d = 0; d < k; d++) head.writeInt8(len ? Math.round((127 * v[d]) / len) : 0, 6 + 4 * n + i * k + d);
  });
  return Buffer.concat([head, Buffer.from(stems.join('\n'), 'utf8')]);
}

interface Topics {
  k: number;
  index: Map<string, number>;
  vectors: Float32Array;
}

let topicsLoaded: Topics | null = null;

function topics(): Topics {
  if (topicsLoaded) return topicsLoaded;
  const buf = gunzipSync(readFileSync(new URL('../../../data/coherence/topics.bin.gz', import.meta.url)));
  const n = buf.readUInt32LE(0);
  const k = buf.readUInt16LE(4);
  const vectors = new Float32Array(n * k);
  const base = 6 + 4 * n;
  for (let i = 0; i < n; i++) {
    const len = buf.readFloatLE(6 + 4 * i) / 127;
    for (let d = 0; d < k; d++) vectors[i * k + d] = buf.readInt8(base + i * k + d) * len;
  }
  const stems = buf.toString('utf8', base + n * k).split('\n');
  topicsLoaded = { k, index: new Map(stems.map((s, i) => [s, i])), vectors };
  return topicsLoaded;
}

/** Adds weight times the topic vector of each stem the table knows to a vector of the table's dimensions. */
export function addTopics(into: Float64Array, stems: Iterable<string>, weight: (stem: string) => number): Float64Array {
  const t = topics();
  for (const s of stems) {
    const i = t.index.get(s);
    if (i === undefined) continue;
    const w = weight(s);
    for (let d = 0; d < t.k; d++) into[d] += w * t.vectors[i * t.k + d];
  }
  return into;
}

export function topicDimensions(): number {
  return topics().k;
}

export function cosine(a: Float64Array, b: Float64Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let d = 0; d < a.length; d++) {
    ab += a[d] * b[d];
    aa += a[d] * a[d];
    bb += b[d] * b[d];
  }
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}
