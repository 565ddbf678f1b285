/**
 * The article-extraction-benchmark metric: word 4-gram shingles (a word is a run of Unicode letters, digits
 * or "_", case kept, as Python's `\w+`), TP/FP/FN counted with multiplicity and normalized per page so long
 * pages weigh no more than short ones. Precision is averaged over pages with a prediction, recall over pages
 * with a truth; F1 is their harmonic mean (the figure the benchmark publishes).
 */
const WORD = /[\p{L}\p{N}_]+/gu;

export type Counts = [tp: number, fp: number, fn: number];

function shingles(text: string, n = 4): Map<string, number> {
  const toks = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const s = toks.slice(i, i + n);
    if (s.length === 0) continue;
    const k = s.join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export function shingleCounts(truth: string, pred: string): Counts {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, tc] of t) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fn += Math.max(0, tc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (t.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

export function precision([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recall([tp, fp, fn]: Counts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  /** Mean of the per-page F1s (a stricter figure, also reported). */
  pageF1: number;
}

export function scores(all: Counts[]): Scores {
  const p = mean(all.filter(([tp, fp]) => tp + fp > 0).map(precision));
  const r = mean(all.filter(([tp, , fn]) => tp + fn > 0).map(recall));
  const pageF1 = mean(
    all.map((c) => {
      const pp = precision(c);
      const rr = recall(c);
      return pp + rr > 0 ? (2 * pp * rr) / (pp + rr) : 0;
    }),
  );
  return { precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, pageF1 };
}
