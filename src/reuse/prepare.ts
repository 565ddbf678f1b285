// What indexing computes for one document, in a worker thread: sentences, fingerprints, the minhash
// signature used by `dupes`, and the compressed text.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { mix, tokenize, type Tok } from './normalize.js';
import { splitSentences } from './split.js';

/** Fingerprints kept per sentence (min-k of its content-word pairs). */
export const FINGERPRINTS_PER_SENTENCE = 4;
/** Pairs are formed between content words at most this many content words apart. */
export const PAIR_WINDOW = 2;
/** Sentence ids pack the document number and the sentence index: doc * SENTENCE_SLOTS + index. */
export const SENTENCE_SLOTS = 1024;
export const SIGNATURE_SIZE = 16;

export interface DocInput {
  id: string;
  title: string | null;
  text: string;
}

export interface PreparedDoc {
  id: string;
  title: string | null;
  hash: Buffer;
  body: Buffer;
  /** Minhash signature (SIGNATURE_SIZE int32 values). */
  sig: Buffer;
  /** Fingerprint, sentence index, fingerprint, sentence index, ... */
  postings: Int32Array;
  sentences: number;
}

export function contentHash(text: string): Buffer {
  return createHash('sha1').update(text).digest().subarray(0, 8);
}

export function compressText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: 6 });
}

export function decompressText(body: Buffer | Uint8Array): string {
  return inflateRawSync(body).toString('utf8');
}

/**
 * All fingerprints of a token run: unordered pairs of content words up to PAIR_WINDOW apart, skipping pairs
 * of two news-common words ("said ... year"). Unordered, so that a reordered clause keeps its pairs.
 */
export function pairFingerprints(toks: Tok[], out: number[] = []): number[] {
  const c: Tok[] = [];
  for (const t of toks) if (t.content) c.push(t);
  for (let i = 0; i < c.length; i++) {
    for (let j = i + 1; j <= i + PAIR_WINDOW && j < c.length; j++) {
      const a = c[i];
      const b = c[j];
      if ((a.common && b.common) || a.key === b.key) continue;
      out.push(a.key < b.key ? mix(a.key, b.key) : mix(b.key, a.key));
    }
  }
  return out;
}

/** The k smallest distinct values (min-k selection keeps the same fingerprints for the same text). */
export function minK(values: number[], k: number): number[] {
  const s = [...new Set(values)].sort((a, b) => a - b);
  return s.slice(0, k);
}

export function prepareDoc(d: DocInput): PreparedDoc {
  const spans = splitSentences(d.text);
  const postings: number[] = [];
  const shingles: number[] = [];
  let prev: Tok[] = [];
  for (let i = 0; i < spans.length && i < SENTENCE_SLOTS; i++) {
    const toks = tokenize(d.text, spans[i].start, spans[i].end);
    for (const fp of minK(pairFingerprints(toks), FINGERPRINTS_PER_SENTENCE)) postings.push(fp, i);
    prev = toks;
    const c = prev.filter((t) => t.content);
    for (let j = 0; j + 2 < c.length; j++) shingles.push(mix(mix(c[j].key, c[j + 1].key), c[j + 2].key));
  }
  const sig = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  for (const s of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(s, k * 0x3c6ef372 + 1);
      if (h < sig[k]) sig[k] = h;
    }
  }
  return {
    id: d.id,
    title: d.title,
    hash: contentHash(d.text),
    body: compressText(d.text),
    sig: Buffer.from(sig.buffer),
    postings: Int32Array.from(postings),
    sentences: spans.length,
  };
}
