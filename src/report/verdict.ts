import type { Report } from './report.js';
import { round } from './round.js';
import { EVIDENCE_RULES, extractFeatures, FEATURES, type FeatureName } from './features.js';
import { VERDICT_MODEL } from './verdict-model.js';

/** A logistic model over named features: p = 1 / (1 + e^-(bias + Σ w·x)). */
export interface LinearModel {
  bias: number;
  weights: number[];
  /** Each feature's mean over the fit's original articles: a reason is what lifts the score above it. */
  reference: number[];
}

/** The fitted verdict: one model for analysis without a corpus, one for analysis against an index. */
export interface VerdictModel {
  /** The command and data that produced it; null before the first fit. */
  fitted: { command: string; date: string; articles: number; seed: number } | null;
  features: string[];
  intrinsic: LinearModel;
  corpus: LinearModel;
}

export interface VerdictOptions {
  /** Whether the article was traced against an index (picks the model). */
  corpus?: boolean;
  model?: VerdictModel;
}

const CORPUS_RULES = ['attribution/mismatch', 'quote/stripped', 'quote/fabricated', 'reuse/altered-fact'] as const;

// Above this probability the article is more likely a content-farm product than not: with corpus evidence
// of several sources or spin, that is enough to call it spliced.
const THRESHOLD = 0.5;
// Without corpus evidence the label accuses on intrinsic signs alone: it takes a high score. At 0.8 no
// unaltered BBC article of the FIT half gets there, and 4 in 5 stitched ones do (bench/integrity).
const SUSPICIOUS = 0.8;
// A reason must move the score by at least this much on the log-odds scale to be named.
const MIN_CONTRIBUTION = 0.05;

const RULE_TEXT: Record<(typeof EVIDENCE_RULES)[number], [string, string]> = {
  'coherence/off-topic': ['sentence shares', 'sentences share'],
  'coherence/dangling-reference': ['sentence leans', 'sentences lean'],
  'coherence/voice-shift': ['first-person passage', 'first-person passages'],
  'consistency/headline': ['headline contradicts', 'headline contradictions of'],
  'consistency/date': ['date contradicts', 'dates contradict'],
  'consistency/claim': ['contradiction', 'contradictions'],
  'spin/formal-name': ['official name', 'official names'],
  'spin/unnatural-phrase': ['unnatural phrase', 'unnatural phrases'],
  'spin/tense-shift': ['tense shift', 'tense shifts'],
  'attribution/mismatch': ['credit', 'credits'],
  'quote/stripped': ['quotation', 'quotations'],
  'quote/fabricated': ['direct quotation', 'direct quotations'],
  'reuse/altered-fact': ['altered fact', 'altered facts'],
};

const RULE_TAIL: Record<(typeof EVIDENCE_RULES)[number], string> = {
  'coherence/off-topic': 'nothing with the article around it',
  'coherence/dangling-reference': 'on something the article never said',
  'coherence/voice-shift': 'in a third-person article, outside quotation marks',
  'consistency/headline': 'the body',
  'consistency/date': 'the publication date',
  'consistency/claim': 'between statements of the article',
  'spin/formal-name': 'where news style uses the short one',
  'spin/unnatural-phrase': 'no writer would choose (synonym swaps)',
  'spin/tense-shift': 'inside one reported sequence',
  'attribution/mismatch': 'to an outlet the source does not name',
  'quote/stripped': 'with their marks or speaker stripped',
  'quote/fabricated': 'made from reported speech',
  'reuse/altered-fact': 'changed from the source',
};

function reasonText(name: string, count: number, r: Omit<Report, 'verdict'>, findings: number[]): string {
  const rule = (EVIDENCE_RULES as readonly string[]).includes(name) ? (name as (typeof EVIDENCE_RULES)[number]) : null;
  if (rule) {
    const [one, many] = RULE_TEXT[rule];
    const n = Math.round(count);
    return `${n === 1 ? `1 ${one}` : `${n} ${many}`} ${RULE_TAIL[rule]} (${rule})`;
  }
  if (name.endsWith('/*other')) {
    const rules = [...new Set(findings.map((i) => r.findings[i].ruleId))].join(', ');
    return `${Math.round(count)} ${name.split('/')[0]} finding${count === 1 ? '' : 's'} (${rules})`;
  }
  if (name === 'boilerplate/template-line') return `${Math.round(count)} lines of site-template residue in the body`;
  if (name === 'cohesion') return `sentences share little vocabulary with the rest of the article (bag-of-words distance ${count.toFixed(2)})`;
  if (name === 'reuse') {
    const { reusedSentences, sentences, sources } = r.summary;
    return `${reusedSentences} of ${sentences} sentences reuse indexed text from ${sources.length} source${sources.length === 1 ? '' : 's'}`;
  }
  if (name === 'reuse/spun-share') return `${Math.round(count)} sentences are spun (words swapped for synonyms or formal names)`;
  return name;
}

// Features that read as one reason: the reuse summary is one fact, cohesion's mean and max another.
function group(name: FeatureName): string {
  if (name === 'reuse/share' || name === 'reuse/sources' || name === 'reuse/beyond-first') return 'reuse';
  if (name.startsWith('cohesion/')) return 'cohesion';
  return name;
}

/**
 * The article's label, the calibrated probability that it is a content-farm product (a logistic model fitted
 * on labelled stitched, spun and original articles by `npm run fit:verdict`), and the reasons behind it:
 * the features that lift the score, largest lift first, each citing its findings.
 */
export function verdict(r: Omit<Report, 'verdict'>, options: VerdictOptions = {}): Report['verdict'] {
  const model = options.model ?? VERDICT_MODEL;
  // The corpus model was fitted where the index held the positives' sources, so it reads "nothing traced" as
  // clean. An index that traces none of the article's sentences says nothing about it (most of the web is not
  // indexed): such an article is judged on its intrinsic signs, as without an index.
  const lm = options.corpus && r.summary.reusedSentences > 0 ? model.corpus : model.intrinsic;
  const f = extractFeatures(r);
  let z = lm.bias;
  const groups = new Map<string, { lift: number; count: number; findings: number[] }>();
  FEATURES.forEach((name, i) => {
    const k = model.features.indexOf(name);
    const w = k < 0 ? 0 : (lm.weights[k] ?? 0);
    z += w * f.values[i];
    const lift = w * (f.values[i] - (k < 0 ? 0 : (lm.reference[k] ?? 0)));
    const g = group(name);
    const cur = groups.get(g) ?? { lift: 0, count: 0, findings: [] };
    cur.lift += lift;
    // Cohesion's figure is the baseline's mean distance; the reuse group's wording reads the summary.
    if (name === 'cohesion/mean' || g !== 'cohesion') cur.count = Math.max(cur.count, f.counts[i]);
    for (const x of f.findings[i]) if (!cur.findings.includes(x)) cur.findings.push(x);
    groups.set(g, cur);
  });
  const score = 1 / (1 + Math.exp(-z));

  const { sentences, reusedSentences, sources } = r.summary;
  const spun = f.counts[FEATURES.indexOf('reuse/spun-share')];
  // A copy the corpus shows altered (a credit, quotation or fact changed from its source) counts as spun.
  const altered = CORPUS_RULES.some((rule) => f.counts[FEATURES.indexOf(rule)] > 0);
  const integrity = EVIDENCE_RULES.some((_, i) => f.counts[i] > 0) || FEATURES.some((n, i) => n.endsWith('/*other') && f.counts[i] > 0);

  // Named: what lifts the score, and the reuse found (the label reads it).
  const reasons = [...groups]
    .filter(([name, g]) => g.lift > MIN_CONTRIBUTION || (name === 'reuse' && reusedSentences > 0))
    .sort((a, b) => b[1].lift - a[1].lift)
    .map(([name, g]) => ({ text: reasonText(name, g.count, r, g.findings), findings: g.findings.sort((a, b) => a - b) }));

  // Suspicious needs a finding that lifts the score: a low cohesion alone is how many real stories read.
  const findingLift = [...groups].some(([name, g]) => name !== 'cohesion' && name !== 'reuse' && g.findings.length > 0 && g.lift > MIN_CONTRIBUTION);
  let label: Report['verdict']['label'];
  if (sources.length === 1 && sentences > 0 && reusedSentences / sentences >= 0.5 && spun === 0 && !integrity) label = 'syndicated';
  else if (score >= THRESHOLD && (sources.length >= 2 || spun > 0 || altered)) label = 'spliced';
  else if (score >= SUSPICIOUS && findingLift) label = 'suspicious';
  else label = 'original';
  return { label, score: round(score), reasons };
}
