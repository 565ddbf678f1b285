/**
 * The anchor: sentence-level MinHash-LSH as datasketch does it (word 3-shingles, 128 permutations, bands
 * and rows chosen for a Jaccard threshold by the same weighted false-positive/false-negative integral),
 * written here so it runs in the same process on the same sentences. A query's candidates are ranked by
 * estimated Jaccard; the best one is its traced source.
 */
import { words } from '../lib/reuse-corpus.js';
import type { Prediction } from './score.js';

const NUM_PERM = 128;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// murmur3's finaliser, keyed per permutation: a cheap independent-enough hash family.
function fmix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: NUM_PERM }, (_, i) => fmix(0x9e3779b9 * (i + 1)));

export function shingles(text: string): string[] {
  const w = words(text);
  if (w.length < 3) return w.length ? [w.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= w.length; i++) out.push(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(NUM_PERM).fill(0xffffffff);
  for (const sh of new Set(shingles(text))) {
    const h = fnv(sh);
    for (let p = 0; p < NUM_PERM; p++) {
      const v = fmix(h ^ SEEDS[p]);
      if (v < sig[p]) sig[p] = v;
    }
  }
  return sig;
}

function integrate(f: (x: number) => number, a: number, b: number): number {
  const n = 200;
  const h = (b - a) / n;
  let s = (f(a) + f(b)) / 2;
  for (let i = 1; i < n; i++) s += f(a + i * h);
  return s * h;
}

/** Bands and rows minimising 0.5·FP + 0.5·FN areas around the threshold (datasketch's criterion). */
export function optimalParams(threshold: number, numPerm = NUM_PERM): { b: number; r: number } {
  let best = { b: 1, r: numPerm, err: Infinity };
  for (let b = 1; b <= numPerm; b++) {
    for (let r = 1; b * r <= numPerm; r++) {
      const fp = integrate((s) => 1 - Math.pow(1 - Math.pow(s, r), b), 0, threshold);
      const fn = integrate((s) => 1 - (1 - Math.pow(1 - Math.pow(s, r), b)), threshold, 1);
      const err = 0.5 * fp + 0.5 * fn;
      if (err < best.err) best = { b, r, err };
    }
  }
  return { b: best.b, r: best.r };
}

export interface Passage {
  docId: string;
  start: number;
  end: number;
  text: string;
}

export class SentenceLsh {
  readonly b: number;
  readonly r: number;
  private tables: Map<string, number[]>[];
  private sigs: Uint32Array[] = [];
  private passages: Passage[] = [];

  constructor(readonly threshold: number) {
    ({ b: this.b, r: this.r } = optimalParams(threshold));
    this.tables = Array.from({ length: this.b }, () => new Map());
  }

  private key(sig: Uint32Array, band: number): string {
    return Array.from(sig.subarray(band * this.r, (band + 1) * this.r)).join(',');
  }

  /** Adds a passage; a precomputed signature can be shared between indexes of different thresholds. */
  insert(p: Passage, sig = signature(p.text)): void {
    const id = this.passages.length;
    this.passages.push(p);
    this.sigs.push(sig);
    for (let band = 0; band < this.b; band++) {
      const k = this.key(sig, band);
      const list = this.tables[band].get(k);
      if (list) list.push(id);
      else this.tables[band].set(k, [id]);
    }
  }

  query(text: string, sig = signature(text)): Prediction | null {
    const cands = new Set<number>();
    for (let band = 0; band < this.b; band++) for (const id of this.tables[band].get(this.key(sig, band)) ?? []) cands.add(id);
    let best: Prediction | null = null;
    for (const id of cands) {
      const other = this.sigs[id];
      let eq = 0;
      for (let p = 0; p < NUM_PERM; p++) if (other[p] === sig[p]) eq++;
      const sim = eq / NUM_PERM;
      if (!best || sim > (best.similarity ?? 0)) {
        const ps = this.passages[id];
        best = { docId: ps.docId, start: ps.start, end: ps.end, similarity: sim };
      }
    }
    return best;
  }
}
