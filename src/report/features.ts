// The verdict's features: what the fitted model (verdict-model.ts) reads from a report. Pure: the same
// function runs in the CLI and in the fit (bench/integrity/fit.ts), so they cannot drift apart.
import type { Finding } from '../model/types.js';
import { stem } from '../reuse/stem.js';
import { COMMON, STOPWORDS } from '../reuse/stopwords.js';
import type { Report } from './report.js';

/** Rules whose warning-or-error findings each get a feature of their own. */
export const EVIDENCE_RULES = [
  'coherence/off-topic',
  'coherence/dangling-reference',
  'coherence/voice-shift',
  'consistency/headline',
  'consistency/date',
  'consistency/claim',
  'spin/formal-name',
  'spin/unnatural-phrase',
  'spin/tense-shift',
  'attribution/mismatch',
  'quote/stripped',
  'quote/fabricated',
  'reuse/altered-fact',
] as const;

/** Integrity families: a rule of theirs not listed above counts in its family's "other" feature. */
export const INTEGRITY_FAMILIES = ['coherence', 'consistency', 'spin', 'attribution', 'quote'] as const;

export const FEATURES = [
  ...EVIDENCE_RULES,
  ...INTEGRITY_FAMILIES.map((f) => `${f}/*other`),
  'boilerplate/template-line',
  'cohesion/mean',
  'cohesion/max',
  'cohesion/neighbour',
  'cohesion/lede',
  'cohesion/outside-largest',
  'cohesion/lone-entities',
  'reuse/share',
  'reuse/sources',
  'reuse/beyond-first',
  'reuse/spun-share',
] as const;

export type FeatureName = (typeof FEATURES)[number];

/** Feature values in FEATURES order, and for each feature the findings behind it (indices into findings). */
export interface Features {
  values: number[];
  findings: number[][];
  /** Raw figures for the reasons' wording. */
  counts: number[];
}

const RULE_SLOT = new Map<string, number>(EVIDENCE_RULES.map((r, i) => [r, i]));
const slot = (name: FeatureName) => FEATURES.indexOf(name);

function findingSlot(f: Finding): number {
  if (f.ruleId === 'boilerplate/template-line') return slot('boilerplate/template-line');
  if (f.severity === 'info') return -1;
  const r = RULE_SLOT.get(f.ruleId);
  if (r !== undefined) return r;
  const fam = f.ruleId.split('/')[0];
  return (INTEGRITY_FAMILIES as readonly string[]).includes(fam) ? slot(`${fam}/*other` as FeatureName) : -1;
}

const WORD = /[a-z][a-z'’]+/g;

/** Content words of a sentence as a term-frequency map (lowercased, function words dropped; no stemming). */
function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    m.set(w, (m.get(w) ?? 0) + 1);
  }
  return m;
}

/**
 * The plain bag-of-words cohesion baseline: for each sentence, one minus its mean cosine to every other
 * sentence; the article's mean and max of that. A stitched article's sentences share fewer words.
 */
export function cohesion(sentences: string[]): { mean: number; max: number } {
  const bags = sentences.map(bag).filter((b) => b.size > 0);
  const n = bags.length;
  if (n < 2) return { mean: 0, max: 0 };
  const norms = bags.map((b) => Math.sqrt([...b.values()].reduce((a, x) => a + x * x, 0)));
  const sum = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [small, big] = bags[i].size < bags[j].size ? [bags[i], bags[j]] : [bags[j], bags[i]];
      let dot = 0;
      for (const [w, x] of small) dot += x * (big.get(w) ?? 0);
      const cos = dot / (norms[i] * norms[j]);
      sum[i] += cos;
      sum[j] += cos;
    }
  }
  const dis = sum.map((s) => 1 - s / (n - 1));
  return { mean: dis.reduce((a, x) => a + x, 0) / n, max: Math.max(...dis) };
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  if (!a.size || !b.size) return 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [w, x] of small) dot += x * (big.get(w) ?? 0);
  const na = Math.sqrt([...a.values()].reduce((s, x) => s + x * x, 0));
  const nb = Math.sqrt([...b.values()].reduce((s, x) => s + x * x, 0));
  return dot / (na * nb);
}

/**
 * Cohesion beyond the baseline, each 0 (tight) to 1 (loose):
 * - neighbour: one minus each sentence's best cosine to another sentence, averaged — a pasted-in sentence
 *   has no close neighbour anywhere;
 * - lede: one minus each later sentence's cosine to the headline and first sentence, averaged — a story's
 *   sentences come back to what its top says, a stitched one's drift to other stories;
 * - outsideLargest: the share of sentences outside the largest group linked by a shared word stem (news
 *   words like "said" or "year" excluded) — stitched sources fall apart into groups.
 */
export function cohesionShape(title: string | null, sentences: string[]): { neighbour: number; lede: number; outsideLargest: number } {
  const bags = sentences.map(bag).filter((b) => b.size > 0);
  const n = bags.length;
  if (n < 2) return { neighbour: 0, lede: 0, outsideLargest: 0 };
  let neighbour = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 0; j < n; j++) if (i !== j) best = Math.max(best, cosine(bags[i], bags[j]));
    neighbour += 1 - best;
  }
  const top = new Map(bags[0]);
  for (const [w, x] of bag(title ?? '')) top.set(w, (top.get(w) ?? 0) + x);
  let lede = 0;
  for (let i = 1; i < n; i++) lede += 1 - cosine(top, bags[i]);

  const stems = bags.map((b) => new Set([...b.keys()].filter((w) => !COMMON.has(w)).map(stem)));
  const parent = stems.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      if (find(i) === find(j)) continue;
      for (const w of stems[i])
        if (stems[j].has(w)) {
          parent[find(i)] = find(j);
          break;
        }
    }
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  return { neighbour: neighbour / n, lede: lede / (n - 1), outsideLargest: 1 - Math.max(...sizes.values()) / n };
}

/** The share of named people, organizations and places mentioned in one sentence only. */
function loneEntities(r: Omit<Report, 'verdict'>): number {
  if (!r.entities.length) return 0;
  const sentenceOf = (at: number) => r.sentences.findIndex((s) => at >= s.start && at < s.end);
  const lone = r.entities.filter((e) => new Set(e.mentions.map((m) => sentenceOf(m.start))).size <= 1).length;
  return lone / r.entities.length;
}

/** The features of a report (its verdict aside). Counts are log-scaled: the fifth finding adds less than the first. */
export function extractFeatures(r: Omit<Report, 'verdict'>): Features {
  const counts = new Array<number>(FEATURES.length).fill(0);
  const findings: number[][] = FEATURES.map(() => []);
  r.findings.forEach((f, i) => {
    const k = findingSlot(f);
    if (k < 0) return;
    counts[k]++;
    findings[k].push(i);
  });
  const values = counts.map((c) => Math.log1p(c));

  const body = r.sentences.filter((s) => s.role === 'body');
  const coh = cohesion(body.map((s) => s.text));
  values[slot('cohesion/mean')] = coh.mean;
  values[slot('cohesion/max')] = coh.max;
  const shape = cohesionShape(r.article.title, body.map((s) => s.text));
  values[slot('cohesion/neighbour')] = shape.neighbour;
  values[slot('cohesion/lede')] = shape.lede;
  values[slot('cohesion/outside-largest')] = shape.outsideLargest;
  values[slot('cohesion/lone-entities')] = loneEntities(r);
  for (const name of FEATURES) if (name.startsWith('cohesion/')) counts[slot(name)] = values[slot(name)];

  const n = r.summary.sentences || 1;
  const reuseIdx = r.findings.flatMap((f, i) => (f.ruleId.startsWith('reuse/') && f.ruleId !== 'reuse/altered-fact' ? [i] : []));
  const spunIdx = reuseIdx.filter((i) => r.findings[i].ruleId === 'reuse/spun');
  const top = r.summary.sources[0]?.sentences ?? 0;
  const set = (name: FeatureName, value: number, count: number, idx: number[]) => {
    values[slot(name)] = value;
    counts[slot(name)] = count;
    findings[slot(name)] = idx;
  };
  set('reuse/share', r.summary.reusedSentences / n, r.summary.reusedSentences, reuseIdx);
  set('reuse/sources', Math.log1p(r.summary.sources.length), r.summary.sources.length, reuseIdx);
  set('reuse/beyond-first', (r.summary.reusedSentences - top) / n, r.summary.reusedSentences - top, reuseIdx);
  set('reuse/spun-share', spunIdx.length / n, spunIdx.length, spunIdx);
  return { values, findings, counts };
}
