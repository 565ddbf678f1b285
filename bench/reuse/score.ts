/**
 * Scoring traced sentences against the generator's labels.
 *
 * A reused sentence is traced correctly when its best source is the labelled document and the source
 * passage overlaps the labelled source sentence. Recall = correct / labelled; precision = correct / sentences
 * for which a source was given. Off-topic and template sentences count as false positives when traced.
 */
import type { AlterKind, GenArticle, GenSentence } from './generate.js';

export interface Prediction {
  docId: string;
  start: number;
  end: number;
  similarity?: number;
  kind?: string;
}

/** A traced sentence of the article under test, in its own offsets (e.g. a report sentence). */
export interface TracedSpan {
  start: number;
  end: number;
  sources: Prediction[];
}

export interface Outcome {
  kind: AlterKind;
  strength?: number;
  predicted: Prediction | null;
  correct: boolean;
  /** Finer groups: "edited:tense", "spun:reordered", ... */
  tags: string[];
}

const overlap = (a0: number, a1: number, b0: number, b1: number) => Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

export function isCorrect(s: GenSentence, p: Prediction | null): boolean {
  if (!p) return false;
  return s.label.sources.some((src) => src.docId === p.docId && overlap(src.start, src.end, p.start, p.end) > 0);
}

/**
 * The traced span that covers most of each labelled sentence, and its best source. A tracer's own
 * sentence splitter may cut differently: the span with the largest overlap stands for the sentence.
 */
export function alignPredictions(gen: GenArticle, spans: TracedSpan[]): (Prediction | null)[] {
  return gen.sentences.map((s) => {
    let best: TracedSpan | null = null;
    let bestOv = 0;
    for (const sp of spans) {
      const ov = overlap(s.start, s.end, sp.start, sp.end);
      if (ov > bestOv) {
        best = sp;
        bestOv = ov;
      }
    }
    return best?.sources[0] ?? null;
  });
}

export function scoreArticle(gen: GenArticle, predictions: (Prediction | null)[]): Outcome[] {
  return gen.sentences.map((s, i) => ({
    kind: s.label.kind,
    strength: s.label.kind === 'spun' ? s.label.strength : undefined,
    predicted: predictions[i],
    correct: isCorrect(s, predictions[i]),
    tags: [
      ...(s.label.edits ?? []).map((e) => `edited:${e}`),
      ...(s.label.reordered ? ['spun:reordered'] : []),
      ...(s.label.ops ?? []).map((op) => `paraphrased:${op}`),
    ],
  }));
}

export interface Cell {
  n: number;
  predicted: number;
  correct: number;
}

export const precision = (c: Cell) => (c.predicted ? c.correct / c.predicted : NaN);
export const recall = (c: Cell) => (c.n ? c.correct / c.n : NaN);

/** Groups outcomes: by kind, spun also by strength ("spun@30%"), plus "spun>=30%" and "all reuse". */
export function aggregate(outcomes: Outcome[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const add = (key: string, o: Outcome) => {
    const c = cells.get(key) ?? { n: 0, predicted: 0, correct: 0 };
    c.n++;
    if (o.predicted) c.predicted++;
    if (o.correct) c.correct++;
    cells.set(key, c);
  };
  for (const o of outcomes) {
    add(o.kind, o);
    if (o.kind === 'spun' && o.strength !== undefined) {
      add(`spun@${Math.round(o.strength * 100)}%`, o);
      if (o.strength >= 0.3 - 1e-9) add('spun>=30%', o);
    }
    for (const t of o.tags) add(t, o);
    if (o.kind !== 'offtopic' && o.kind !== 'template') add('all reuse', o);
    else add('non-reuse', o);
  }
  return cells;
}

/** False-positive rate: share of sentences that should have no source and got one. */
export function fpRate(flags: boolean[]): number {
  return flags.length ? flags.filter(Boolean).length / flags.length : NaN;
}
