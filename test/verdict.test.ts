import { describe, expect, it } from 'vitest';
import { chooseLambda, fitLogistic, predict } from '../bench/integrity/lr.js';
import { auc, ece } from '../bench/integrity/metrics.js';
import type { Finding } from '../src/model/types.js';
import { evidence } from '../src/render/common.js';
import { renderHtml } from '../src/render/html.js';
import { cohesion, cohesionShape, extractFeatures, FEATURES } from '../src/report/features.js';
import type { Report } from '../src/report/report.js';
import { verdict, type VerdictModel } from '../src/report/verdict.js';
import { VERDICT_MODEL } from '../src/report/verdict-model.js';

// A fictional article: sentences about one harbour strike.
const STRIKE = [
  'Ferry workers in Port Ellery voted to strike over pay on Monday.',
  'The ferry workers union said the strike would close the harbour for two days.',
  'Harbour managers offered the ferry workers a pay rise of three per cent.',
  'The union rejected the pay offer and the strike goes ahead.',
];

function report(sentences: string[], findings: Partial<Finding>[] = [], summary: Partial<Report['summary']> = {}): Omit<Report, 'verdict'> {
  let at = 0;
  const ss = sentences.map((text, index) => {
    const s = { index, start: at, end: at + text.length, text, role: 'body' as const, paragraph: index, sources: [] };
    at += text.length + 1;
    return s;
  });
  return {
    schema: 'unspun.report/1',
    article: { id: 't', title: null, byline: null, published: null, url: null, text: sentences.join(' ') },
    sentences: ss,
    findings: findings.map((f) => ({ ruleId: 'x/y', severity: 'warning', message: 'm', start: 0, end: 1, sentence: 0, ...f })),
    entities: [],
    quotes: [],
    timeline: [],
    summary: { sentences: ss.length, reusedSentences: 0, originality: 1, sources: [], spliceMap: ss.map(() => null), ...summary },
  };
}

const slot = (name: string) => FEATURES.indexOf(name as (typeof FEATURES)[number]);

describe('cohesion (the bag-of-words baseline)', () => {
  it('is higher when a sentence shares no words with the rest', () => {
    const on = cohesion(STRIKE);
    const off = cohesion([...STRIKE, 'The treaty was signed in a palace garden in 1949.']);
    expect(off.max).toBeGreaterThan(on.max);
    expect(off.mean).toBeGreaterThan(on.mean);
    expect(off.max).toBe(1); // no content word in common: cosine 0 with every other sentence
  });

  it('is 0 for a text of fewer than two sentences with content words', () => {
    expect(cohesion(['The strike.'])).toEqual({ mean: 0, max: 0 });
  });
});

describe('cohesionShape', () => {
  const OTHER = ['Museum curators in Arle catalogued a collection of painted tiles.', 'The painted tiles were found in a chapel cellar by the curators.'];

  it('falls apart into groups when two unrelated stories are stitched together', () => {
    const one = cohesionShape('Ferry workers vote to strike', STRIKE);
    const two = cohesionShape('Ferry workers vote to strike', [...STRIKE, ...OTHER]);
    expect(one.outsideLargest).toBe(0);
    expect(two.outsideLargest).toBeCloseTo(2 / 6);
    // The museum sentences owe nothing to the headline and lede.
    expect(two.lede).toBeGreaterThan(one.lede);
    // But each has a close neighbour: the other museum sentence.
    expect(two.neighbour).toBeLessThan(cohesionShape(null, [...STRIKE, OTHER[0]]).neighbour);
  });
});

describe('extractFeatures', () => {
  it('counts warning-or-error findings per rule, log-scaled, and keeps their indices', () => {
    const r = report(STRIKE, [
      { ruleId: 'spin/formal-name' },
      { ruleId: 'spin/formal-name', severity: 'error' },
      { ruleId: 'spin/formal-name', severity: 'info' },
      { ruleId: 'coherence/some-new-rule' },
      { ruleId: 'time/no-anchor' },
    ]);
    const f = extractFeatures(r);
    expect(f.values[slot('spin/formal-name')]).toBeCloseTo(Math.log(3));
    expect(f.findings[slot('spin/formal-name')]).toEqual([0, 1]);
    expect(f.findings[slot('coherence/*other')]).toEqual([3]);
    expect(f.values.filter((v, i) => v && !FEATURES[i].startsWith('cohesion/')).length).toBe(2);
  });

  it('reads the reuse summary: share, sources, sentences beyond the main source, spun sentences', () => {
    const r = report(STRIKE, [{ ruleId: 'reuse/spun', severity: 'warning' }, { ruleId: 'reuse/verbatim', severity: 'info' }], {
      reusedSentences: 3,
      sources: [
        { docId: 'a', sentences: 2 },
        { docId: 'b', sentences: 1 },
      ],
    });
    const f = extractFeatures(r);
    expect(f.values[slot('reuse/share')]).toBeCloseTo(0.75);
    expect(f.values[slot('reuse/beyond-first')]).toBeCloseTo(0.25);
    expect(f.values[slot('reuse/spun-share')]).toBeCloseTo(0.25);
    expect(f.counts[slot('reuse/sources')]).toBe(2);
  });
});

describe('verdict', () => {
  // A hand-made model: formal names weigh 2, sources 1.5 (log-scaled); bias -1, -1.5 with a corpus.
  const weights = FEATURES.map((f) => (f === 'spin/formal-name' ? 2 : f === 'reuse/sources' ? 1.5 : 0));
  const model: VerdictModel = {
    fitted: null,
    features: [...FEATURES],
    intrinsic: { bias: -1, weights, reference: FEATURES.map(() => 0) },
    corpus: { bias: -1.5, weights, reference: FEATURES.map(() => 0) },
  };

  it('scores with the logistic model, picking the corpus model only when the article was traced', () => {
    const r = report(STRIKE, [{ ruleId: 'spin/formal-name' }]);
    expect(verdict(r, { model }).score).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 2 * Math.log(2)))), 3);
    // An index that traced none of its sentences says nothing about it: the model without a corpus.
    expect(verdict(r, { model, corpus: true }).score).toBe(verdict(r, { model }).score);
    const traced = report(STRIKE, [{ ruleId: 'spin/formal-name' }], { reusedSentences: 1, sources: [{ docId: 'a', sentences: 1 }] });
    const z = -1.5 + 2 * Math.log(2) + 1.5 * extractFeatures(traced).values[FEATURES.indexOf('reuse/sources')];
    expect(verdict(traced, { model, corpus: true }).score).toBeCloseTo(1 / (1 + Math.exp(-z)), 3);
  });

  it('labels an article with lifting findings and a high score suspicious, and cites the findings first', () => {
    const r = report(STRIKE, [{ ruleId: 'time/no-anchor' }, { ruleId: 'spin/formal-name' }, { ruleId: 'spin/formal-name' }, { ruleId: 'spin/formal-name' }]);
    const v = verdict(r, { model });
    expect(v.score).toBeGreaterThan(0.8);
    expect(v.label).toBe('suspicious');
    expect(v.reasons[0].findings).toEqual([1, 2, 3]);
    expect(v.reasons[0].text).toContain('3 official names');
    // Two of them: score 0.77, not high enough to accuse without corpus evidence.
    const two = verdict(report(STRIKE, [{ ruleId: 'spin/formal-name' }, { ruleId: 'spin/formal-name' }]), { model });
    expect(two.score).toBeLessThan(0.8);
    expect(two.label).toBe('original');
  });

  it('labels two sources spliced, one faithful source syndicated, and nothing original', () => {
    const two = report(STRIKE, [], { reusedSentences: 4, sources: [{ docId: 'a', sentences: 2 }, { docId: 'b', sentences: 2 }] });
    expect(verdict(two, { model, corpus: true }).label).toBe('spliced');
    expect(verdict(two, { model, corpus: true }).reasons[0].text).toBe('4 of 4 sentences reuse indexed text from 2 sources');
    const one = report(STRIKE, [], { reusedSentences: 4, sources: [{ docId: 'a', sentences: 4 }] });
    expect(verdict(one, { model, corpus: true }).label).toBe('syndicated');
    // One source, but a quotation stripped of its marks: an altered copy, not syndication.
    const m: VerdictModel = { ...model, corpus: { ...model.corpus, weights: FEATURES.map((f) => (f === 'quote/stripped' ? 3 : 0)) } };
    const stripped = report(STRIKE, [{ ruleId: 'quote/stripped' }], { reusedSentences: 4, sources: [{ docId: 'a', sentences: 4 }] });
    expect(verdict(stripped, { model: m, corpus: true }).label).toBe('spliced');
    const plain = verdict(report(STRIKE), { model });
    expect(plain.label).toBe('original');
    expect(plain.reasons).toEqual([]);
  });

  it('orders reasons by their lift on the score', () => {
    const m: VerdictModel = { ...model, intrinsic: { ...model.intrinsic, weights: FEATURES.map((f) => (f === 'consistency/claim' ? 3 : f === 'spin/formal-name' ? 1 : 0)) } };
    const v = verdict(report(STRIKE, [{ ruleId: 'spin/formal-name' }, { ruleId: 'consistency/claim' }]), { model: m });
    expect(v.reasons.map((x) => x.findings)).toEqual([[1], [0]]);
  });

  it('has a committed model fitted on the current feature list', () => {
    expect(VERDICT_MODEL.fitted?.command).toBe('npm run fit:verdict');
    expect(VERDICT_MODEL.features).toEqual([...FEATURES]);
    for (const m of [VERDICT_MODEL.intrinsic, VERDICT_MODEL.corpus]) {
      expect(m.weights).toHaveLength(FEATURES.length);
      // Evidence only ever raises the score.
      FEATURES.forEach((f, i) => f.startsWith('cohesion/') || expect(m.weights[i], f).toBeGreaterThanOrEqual(0));
    }
  });
});

describe('the fit (bench/integrity/lr.ts) and the measures', () => {
  // Labels drawn from a known logistic model over two features; a third feature is noise.
  function sample(n: number, seed: number) {
    let s = seed;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const x = [rand() * 4 - 2, rand() * 4 - 2, rand()];
      X.push(x);
      y.push(rand() < 1 / (1 + Math.exp(-(0.5 + 2 * x[0] - 1 * x[1]))) ? 1 : 0);
    }
    return { X, y };
  }

  it('recovers the weights of a logistic model from its samples', () => {
    const { X, y } = sample(3000, 7);
    const m = fitLogistic(X, y, { lambda: 0.01 });
    expect(m.weights[0]).toBeCloseTo(2, 0);
    expect(m.weights[1]).toBeCloseTo(-1, 0);
    expect(Math.abs(m.weights[2])).toBeLessThan(0.5);
    expect(m.bias).toBeCloseTo(0.5, 0);
    // Calibrated on fresh samples of the same model.
    const t = sample(3000, 99);
    expect(ece(t.X.map((x) => predict(m, x)), t.y.map(Boolean))).toBeLessThan(0.05);
  });

  it('drops a non-negative feature whose weight comes out negative', () => {
    const { X, y } = sample(1000, 3);
    const m = fitLogistic(X, y, { lambda: 0.01, nonNegative: [false, true, false] });
    expect(m.weights[1]).toBe(0);
    expect(m.weights[0]).toBeGreaterThan(0);
  });

  it('chooses a lambda by cross-validation', () => {
    const { X, y } = sample(400, 5);
    const { lambda, losses } = chooseLambda(X, y, [0.01, 1000], {});
    expect(lambda).toBe(0.01);
    expect(losses[1]).toBeGreaterThan(losses[0]);
  });

  it('computes ROC AUC with ties and the calibration error', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(0.75);
    expect(auc([0.5, 0.5], [false, true])).toBe(0.5);
    expect(ece([0.9, 0.9, 0.1, 0.1], [true, true, false, false])).toBeCloseTo(0.1);
  });
});

describe('evidence', () => {
  it('names the data of a finding and resolves a span of the article to its words', () => {
    const r = report(STRIKE) as Report;
    const ev = evidence(r, { data: { short: 'Russia', formalCount: 3, other: { start: 0, end: 13, sentence: 0 }, strength: 'weak' } });
    expect(ev).toEqual([
      { key: 'short', value: 'Russia' },
      { key: 'formal count', value: '3' },
      { key: 'other', value: 'sentence 1: “Ferry workers”' },
    ]);
  });

  it('is escaped in the HTML report', () => {
    const r = { ...report(STRIKE, [{ ruleId: 'spin/formal-name', data: { short: '<img src=x onerror=alert(1)>' } }]) } as Report;
    r.verdict = verdict(r);
    const html = renderHtml([r]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });
});
