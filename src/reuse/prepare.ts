// What indexing computes for one document, in a worker thread: sentences, fingerprints, the minhash
// signature used by `dupes`, and the compressed text.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { DamagedIndexError } from '../store/errors.js';
import { COMMON_WORD, contentKeys, FIXED, mix, RARE, type Tok } from './normalize.js';
import { splitSentences } from './split.js';
import { COMMON, STOPWORDS } from './stopwords.js';

/** Fingerprints kept per sentence (min-k of its content-word pairs). */
export const FINGERPRINTS_PER_SENTENCE = 3;
/** Pairs are formed between content words at most this many content words apart. */
export const PAIR_WINDOW = 2;
import { SENTENCE_SLOTS } from '../store/store.js';
export { SENTENCE_SLOTS };
export const SIGNATURE_SIZE = 8;

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

// A preset dictionary of English function and news words, the most frequent last (deflate codes near
// matches shortest): the first "the", "said", "government" of an article is then a back-reference too.
// 4% smaller bodies on BBC text and on the benchmark's. Changing it changes every stored body: bump the
// index format (src/store/sqlite.ts).
const TOP_WORDS = `the of and to a in is that for it was on with he as be by at said his from have are this an but not
they were had who has will its their which after been more one would also new people about than two year first
over there when up into she last out other her government could we all you if can what so no years told minister
them some only time made just now world our him us may like because most any three these police million per cent
company market since such many while before where back during mr those week under down being against through
still then well between both each four five much how make did very`.split(/\s+/);
const TEXT_DICTIONARY = (() => {
  const top = new Set(TOP_WORDS);
  const rest = [...STOPWORDS, ...COMMON].filter((w) => w.length > 1 && !top.has(w));
  return Buffer.from(` ${[...rest, ...[...top].reverse()].join(' ')} `);
})();

// Raw deflate: brotli (quality 5) was 7% smaller on BBC text but 3% larger on the benchmark's text.
export function compressText(text: string): Buffer {
  return deflateRawSync(Buffer.from(text, 'utf8'), { level: 6, dictionary: TEXT_DICTIONARY });
}

export function decompressText(body: Buffer | Uint8Array): string {
  return inflateRawSync(body, { dictionary: TEXT_DICTIONARY }).toString('utf8');
}

/** A stored document's text; a body that does not inflate means the index file is damaged. */
export function storedText(store: { location: string }, d: { id: string; body: Uint8Array }): string {
  try {
    return decompressText(d.body);
  } catch (e) {
    throw new DamagedIndexError(store.location, `the body of document ${JSON.stringify(d.id)} does not decompress (${(e as Error).message})`);
  }
}

/** Fixed words (names, numbers, words without synonyms) are also paired at any distance, up to this many. */
export const MAX_FIXED_PAIRED = 8;

/**
 * Candidate fingerprints of a sentence: unordered pairs of content words up to PAIR_WINDOW apart (not two
 * news-common words: "said ... year"), plus every pair of fixed words, which no spinner can swap ("the
 * port authority said on Tuesday that Baltmarine will refit the ferries": Baltmarine, Tuesday). Unordered, so that a reordered clause keeps its pairs. `tier` ranks them for indexing: pairs of
 * two fixed words first, then one, then none.
 */
function candidates(keys: number[], flags: number[], each: (h: number, i: number, j: number, tier: number) => void): void {
  const n = keys.length;
  const fixed: number[] = [];
  for (let i = 0; i < n; i++) if (flags[i] & FIXED && fixed.length < MAX_FIXED_PAIRED) fixed.push(i);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= i + PAIR_WINDOW && j < n; j++) {
      const a = keys[i];
      const b = keys[j];
      if ((flags[i] & COMMON_WORD && flags[j] & COMMON_WORD) || a === b) continue;
      const tier = 2 - ((flags[i] & FIXED) >> 1) - ((flags[j] & FIXED) >> 1);
      if (tier === 0 && fixed.includes(i) && fixed.includes(j)) continue; // produced below
      each(a < b ? mix(a, b) : mix(b, a), i, j, tier);
    }
  }
  for (let x = 0; x < fixed.length; x++) {
    for (let y = x + 1; y < fixed.length; y++) {
      const a = keys[fixed[x]];
      const b = keys[fixed[y]];
      if (a !== b) each(a < b ? mix(a, b) : mix(b, a), fixed[x], fixed[y], 0);
    }
  }
}

/** Every candidate fingerprint of a tokenized sentence (what tracing looks up). */
export function pairFingerprints(toks: Tok[], out: number[] = []): number[] {
  const keys: number[] = [];
  const flags: number[] = [];
  for (const t of toks) {
    if (!t.content) continue;
    keys.push(t.key);
    flags.push((t.common ? COMMON_WORD : 0) | (t.fixed ? FIXED : 0));
  }
  return keyPairs(keys, flags, out);
}

/** `pairFingerprints` over content-word keys and flags (see `contentKeys`). */
export function keyPairs(keys: number[], flags: number[], out: number[] = []): number[] {
  candidates(keys, flags, (h) => out.push(h));
  return out;
}

/**
 * The fingerprints indexed for one sentence: by tier (fixed words first), then smallest hash, skipping
 * pairs that share a word with one already taken, so one swapped word can destroy at most one of them
 * ("replaced" -> "supplanted" must not take out every fingerprint of "Ana Ruiz has since been replaced as
 * harbour master by Tom Hale"). Pairs sharing words fill in when there are too few disjoint ones.
 */
export function selectFingerprints(keys: number[], flags: number[], k: number): number[] {
  // Fast path (every indexed sentence): one sortable number per candidate, tier, hash and order packed
  // into a double (tier * 2^44 + unsigned hash * 2^12 + order), no object per candidate.
  let nc = 0;
  candidates(keys, flags, (h, i, j, t) => {
    if (nc < MAX_PACKED) {
      packed[nc] = t * 2 ** 44 + (h + 2 ** 31) * 4096 + nc;
      candI[nc] = i;
      candJ[nc] = j;
    }
    nc++;
  });
  if (nc > MAX_PACKED) return selectFingerprintsSlow(keys, flags, k);
  const order = packed.subarray(0, nc).sort();
  const out: number[] = [];
  const used: number[] = [];
  for (let x = 0; x < nc && out.length < k; x++) {
    const c = order[x] % 4096;
    const h = Math.floor(order[x] / 4096) % 2 ** 32 - 2 ** 31;
    const a = keys[candI[c]];
    const b = keys[candJ[c]];
    if (used.includes(a) || used.includes(b) || out.includes(h)) continue;
    used.push(a, b);
    out.push(h);
  }
  for (let x = 0; x < nc && out.length < k; x++) {
    const h = Math.floor(order[x] / 4096) % 2 ** 32 - 2 ** 31;
    if (!out.includes(h)) out.push(h);
  }
  return out;
}
const MAX_PACKED = 4096;
const packed = new Float64Array(MAX_PACKED);
const candI = new Int32Array(MAX_PACKED);
const candJ = new Int32Array(MAX_PACKED);

function selectFingerprintsSlow(keys: number[], flags: number[], k: number): number[] {
  const cand: { h: number; i: number; j: number; t: number }[] = [];
  candidates(keys, flags, (h, i, j, t) => cand.push({ h, i, j, t }));
  cand.sort((x, y) => x.t - y.t || x.h - y.h);
  const out: number[] = [];
  const used = new Set<number>();
  for (const c of cand) {
    if (out.length >= k) break;
    if (used.has(keys[c.i]) || used.has(keys[c.j]) || out.includes(c.h)) continue;
    used.add(keys[c.i]);
    used.add(keys[c.j]);
    out.push(c.h);
  }
  for (const c of cand) {
    if (out.length >= k) break;
    if (!out.includes(c.h)) out.push(c.h);
  }
  return out;
}

/** The k smallest distinct values (min-k selection keeps the same fingerprints for the same text). */
export function minK(values: number[], k: number): number[] {
  const best: number[] = [];
  for (const v of values) {
    if (best.length === k && v >= best[k - 1]) continue;
    if (best.includes(v)) continue;
    let i = best.length < k ? best.length : k - 1;
    while (i > 0 && best[i - 1] > v) {
      best[i] = best[i - 1];
      i--;
    }
    best[i] = v;
  }
  return best;
}

/**
 * Anchor fingerprints: pairs of a sentence's anchors (names, numbers, words without synonyms, not news-common),
 * at any distance and salted apart from the word-pair fingerprints. A reworded sentence keeps its anchors when
 * it keeps few of its words: the meaning tier (src/reuse/meaning.ts) retrieves its candidates through them.
 */
// Two of each made the index 5.2 KB per article instead of 3.0 (bench:index, 100k): two anchor pairs, one rare word.
export const ANCHOR_POSTINGS_PER_SENTENCE = 2;
/** Anchors of a sentence paired, at most (the first ones). */
export const MAX_ANCHORS_PAIRED = 8;
const ANCHOR_SALT = 0x5bd1e995;

/** Rare-word fingerprints per sentence (src/reuse/normalize.ts: RARE): retrieve a lifted phrase in new wording. */
export const RARE_POSTINGS_PER_SENTENCE = 1;
const RARE_SALT = 0x27d4eb2f;

/** Fingerprints of the rare words of a sentence (what tracing looks up; indexing keeps the min-k). */
export function rarePrints(keys: number[], flags: number[], out: number[] = []): number[] {
  for (let i = 0; i < keys.length; i++) if (flags[i] & RARE) out.push(mix(keys[i], RARE_SALT));
  return out;
}

/**
 * Anchor fingerprints of a sentence given its content-word keys and flags: every pair of its first anchors
 * (what tracing looks up), or with `adjacent` only pairs of consecutive anchors (what indexing chooses from: a
 * reworded or cut-down sentence keeps a clause, and a clause's anchors stand next to each other: "on March 17,
 * 1949").
 */
export function anchorPairs(keys: number[], flags: number[], out: number[] = [], adjacent = false): number[] {
  const a: number[] = [];
  for (let i = 0; i < keys.length && a.length < MAX_ANCHORS_PAIRED; i++)
    if (flags[i] & FIXED && !(flags[i] & COMMON_WORD) && !a.includes(keys[i])) a.push(keys[i]);
  for (let x = 0; x < a.length; x++)
    for (let y = x + 1; y < (adjacent ? Math.min(a.length, x + 2) : a.length); y++) out.push(mix(a[x] < a[y] ? mix(a[x], a[y]) : mix(a[y], a[x]), ANCHOR_SALT));
  return out;
}

export function prepareDoc(d: DocInput): PreparedDoc {
  const spans = splitSentences(d.text);
  const postings: number[] = [];
  const shingles: number[] = [];
  const keys: number[] = [];
  const flags: number[] = [];
  const anchors: number[] = [];
  for (let i = 0; i < spans.length && i < SENTENCE_SLOTS; i++) {
    keys.length = 0;
    flags.length = 0;
    contentKeys(d.text, spans[i].start, spans[i].end, keys, flags);
    for (const fp of selectFingerprints(keys, flags, FINGERPRINTS_PER_SENTENCE)) postings.push(fp, i);
    anchors.length = 0;
    for (const fp of minK(anchorPairs(keys, flags, anchors, true), ANCHOR_POSTINGS_PER_SENTENCE)) postings.push(fp, i);
    anchors.length = 0;
    for (const fp of minK(rarePrints(keys, flags, anchors), RARE_POSTINGS_PER_SENTENCE)) postings.push(fp, i);
    for (let j = 2; j < keys.length; j++) shingles.push(mix(mix(keys[j - 2], keys[j - 1]), keys[j]));
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
