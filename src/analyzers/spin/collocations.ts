// Word and word-pair counts from real news, and a synonym index over them, loaded lazily from
// data/spin/collocations.bin.gz (built by scripts/spin/build-collocations.ts). Binary layout, little-endian,
// every section padded to 4 bytes:
//   "SPC2" | u32 total tokens | u32 nWords | u32 bytes, words joined by "\n" | u32 counts[nWords]
//   | u32 nPairs | u32 keys[nPairs] (a * 65536 + b, sorted) | u16 pairCounts[nPairs]
//   | the same for gap pairs (a and b with one function word between them: "bank of england")
//   | u32 bytes, synonym forms joined by "\n" (sorted) | u32 nForms | u32 offsets[nForms + 1] | u16 ids[]
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface TableInput {
  words: string[];
  counts: number[];
  total: number;
  pairs: [number, number][];
  gapPairs: [number, number][];
  synonyms: [string, number[]][];
}

export interface Collocations {
  total: number;
  words: string[];
  /** Word -> id (ids are in descending frequency). */
  id: Map<string, number>;
  count(w: number): number;
  /** How often word a was directly followed by word b. */
  pair(a: number, b: number): number;
  /** How often word a was followed by b with one function word between them. */
  gapPair(a: number, b: number): number;
  /** Vocabulary ids the form, as this part of speech (n, v, a, r), is a WordNet synonym of, inflected alike. */
  synonymsOf(form: string, pos: 'n' | 'v' | 'a' | 'r'): number[];
  /** Load time in ms and size on disk in bytes, for the benchmark. */
  loadMs: number;
  bytes: number;
}

/** The key a token counts under: lowercase words (with an apostrophe part), "#" for numbers; null otherwise. */
export function wordKey(token: string): string | null {
  const t = token.toLowerCase().replace(/’/g, "'");
  if (/^[a-z]+(?:'[a-z]+)?$/.test(t) || /^'[a-z]+$/.test(t) || t === "n't") return t;
  if (/^\d[\d.,]*$/.test(t)) return '#';
  return null;
}

const pad = (n: number) => (n + 3) & ~3;

export function encodeTable(t: TableInput): Buffer {
  const enc = new TextEncoder();
  const words = enc.encode(t.words.join('\n'));
  const forms = enc.encode(t.synonyms.map(([w]) => w).join('\n'));
  const nIds = t.synonyms.reduce((a, [, s]) => a + s.length, 0);
  const size =
    4 + 4 + 4 + 4 + pad(words.length) + 4 * t.words.length + 4 + 4 * t.pairs.length + pad(2 * t.pairs.length) + 4 + 4 * t.gapPairs.length + pad(2 * t.gapPairs.length) + 4 + pad(forms.length) + 4 + 4 * (t.synonyms.length + 1) + pad(2 * nIds);
  const buf = Buffer.alloc(size);
  let o = 0;
  buf.write('SPC2', 0, 'latin1');
  o = 4;
  const u32 = (v: number) => {
    buf.writeUInt32LE(v, o);
    o += 4;
  };
  u32(t.total);
  u32(t.words.length);
  u32(words.length);
  buf.set(words, o);
  o += pad(words.length);
  for (const c of t.counts) u32(c);
  for (const list of [t.pairs, t.gapPairs]) {
    u32(list.length);
    for (const [k] of list) u32(k);
    for (const [, c] of list) {
      buf.writeUInt16LE(Math.min(c, 65535), o);
      o += 2;
    }
    o = pad(o);
  }
  u32(forms.length);
  buf.set(forms, o);
  o += pad(forms.length);
  u32(t.synonyms.length);
  let at = 0;
  for (const [, s] of t.synonyms) {
    u32(at);
    at += s.length;
  }
  u32(at);
  for (const [, s] of t.synonyms)
    for (const i of s) {
      buf.writeUInt16LE(i, o);
      o += 2;
    }
  return buf;
}

export function decodeTable(gz: Buffer, loadStart = performance.now()): Collocations {
  const raw = gunzipSync(gz);
  // Typed-array views need an aligned, owned buffer.
  const ab = raw.byteOffset % 4 === 0 ? raw.buffer : raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length);
  const base = raw.byteOffset % 4 === 0 ? raw.byteOffset : 0;
  const dv = new DataView(ab, base);
  if (String.fromCharCode(dv.getUint8(0), dv.getUint8(1), dv.getUint8(2), dv.getUint8(3)) !== 'SPC2') throw new Error('collocations: bad file');
  let o = 4;
  const u32 = () => {
    const v = dv.getUint32(o, true);
    o += 4;
    return v;
  };
  const dec = new TextDecoder();
  const total = u32();
  const nWords = u32();
  const wLen = u32();
  const words = dec.decode(new Uint8Array(ab, base + o, wLen)).split('\n');
  o += pad(wLen);
  const counts = new Uint32Array(ab, base + o, nWords);
  o += 4 * nWords;
  const pairTable = () => {
    const n = u32();
    const keys = new Uint32Array(ab, base + o, n);
    o += 4 * n;
    const counts = new Uint16Array(ab, base + o, n);
    o += pad(2 * n);
    return (a: number, b: number) => {
      const k = a * 65536 + b;
      let lo = 0;
      let hi = keys.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = keys[mid];
        if (v < k) lo = mid + 1;
        else if (v > k) hi = mid - 1;
        else return counts[mid];
      }
      return 0;
    };
  };
  const pair = pairTable();
  const gapPair = pairTable();
  const fLen = u32();
  const forms = dec.decode(new Uint8Array(ab, base + o, fLen)).split('\n');
  o += pad(fLen);
  const nForms = u32();
  const offsets = new Uint32Array(ab, base + o, nForms + 1);
  o += 4 * (nForms + 1);
  const ids = new Uint16Array(ab, base + o, offsets[nForms]);
  const id = new Map<string, number>();
  for (let i = 0; i < words.length; i++) id.set(words[i], i);
  const formIndex = new Map<string, number>();
  for (let i = 0; i < forms.length; i++) formIndex.set(forms[i], i);
  return {
    total,
    words,
    id,
    count: (w) => counts[w] ?? 0,
    pair,
    gapPair,
    synonymsOf(form, pos) {
      const i = formIndex.get(`${form}|${pos}`);
      return i === undefined ? [] : Array.from(ids.subarray(offsets[i], offsets[i + 1]));
    },
    loadMs: performance.now() - loadStart,
    bytes: gz.length,
  };
}

let loaded: Collocations | null = null;

/** The table, read on first use (data/spin/ sits at the package root, beside src/ and dist/). */
export function collocations(): Collocations {
  if (loaded) return loaded;
  const t0 = performance.now();
  const gz = readFileSync(new URL('../../../data/spin/collocations.bin.gz', import.meta.url));
  loaded = decodeTable(gz, t0);
  return loaded;
}
