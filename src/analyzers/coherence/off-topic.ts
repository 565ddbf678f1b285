import type { Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import type { Profiles } from './profile.js';

/**
 * How little a sentence shares with the rest of its article (lexical cohesion, Halliday and Hasan's ties):
 * content stems and their 5-letter prefixes ("elect"/"election"), entities, the
 * headline, the sentences next to it. Each feature is a count or share; `WEIGHTS` combine them into the
 * log-odds that the sentence was pasted in from another article (logistic regression fitted on the odd half
 * of the BBC set with sentences inserted from another category, bench/coherence-fit.ts).
 */
export const FEATURES = [
  'log own words',
  'log shared words',
  'log shared entities',
  'log spread of shared words',
  'has quotation marks',
  'log ties to the 2 sentences either side',
  'log ties to the headline',
  'shares no word',
  'log most ties to one sentence',
  'log entities of its own only',
  'log tokens',
  'log spread of shared prefixes',
  'share of prefixes shared',
  'log capitalised words the rest of the article never writes',
  'log capitalised words',
  'has a digit',
  'log ties to its own paragraph',
] as const;

// Fitted weights (same order as FEATURES) and bias: `npx tsx bench/coherence-fit.ts` (odd half only).
export const WEIGHTS = [1.84, -0.95, -0.76, -0.7, -0.64, -0.67, -0.81, -1.27, -0.73, 0.39, 0.79, -0.79, -1.48, 0.6, -0.43, 0.33, -0.9];
export const BIAS = -4.46;

/** The cohesion features of sentence i (see FEATURES). */
export function cohesionFeatures(doc: Document, p: Profiles, i: number): number[] {
  const own = p.sentences[i];
  const n = doc.sentences.length;
  let sharedWords = 0;
  let spread = 0;
  for (const w of own.words) {
    const df = p.df.get(w) ?? 0;
    if (df > 1) {
      sharedWords++;
      spread += Math.min(df - 1, 3);
    }
  }
  let sharedEntities = 0;
  let ownOnly = 0;
  for (const e of own.entities) {
    if ((p.entityDf.get(e) ?? 0) > 1) sharedEntities++;
    else ownOnly++;
  }
  const ties = (j: number) => {
    const q = p.sentences[j];
    let c = 0;
    for (const w of own.words) if (q.words.has(w)) c++;
    for (const e of own.entities) if (q.entities.has(e)) c++;
    return c;
  };
  let near = 0;
  let most = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const c = ties(j);
    if (Math.abs(j - i) <= 2) near += c;
    if (c > most) most = c;
  }
  let title = 0;
  for (const w of own.words) if (p.title.words.has(w)) title++;
  for (const e of own.entities) if (p.title.entities.has(e)) title++;
  const ownPrefixes = p.prefixes[i];
  let prefixSpread = 0;
  let prefixShared = 0;
  for (const x of ownPrefixes) {
    const df = (p.prefixDf.get(x) ?? 0) - 1;
    if (df > 0) {
      prefixShared++;
      prefixSpread += Math.min(df, 3);
    }
  }
  const words = own.words.size;
  const sentence = doc.sentences[i];
  const tokens = sentence.text.split(/\s+/).length;
  // Names the entity pass may not know ("Graeme Souness", "T-Mobile"): capitals after the first word.
  const caps = sentence.text.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? [];
  const rest = `${doc.text.slice(0, sentence.start)} ${doc.text.slice(sentence.end)} ${doc.article.title ?? ''}`;
  let newCaps = 0;
  for (const c of caps) if (!rest.includes(c)) newCaps++;
  let para = 0;
  for (const q of doc.sentences) if (q.paragraph === sentence.paragraph && q.index !== i) for (const w of own.words) if (p.sentences[q.index].words.has(w)) para++;
  return [
    Math.log1p(words),
    Math.log1p(sharedWords),
    Math.log1p(sharedEntities),
    Math.log1p(spread),
    /["“”]/.test(doc.sentences[i].text) ? 1 : 0,
    Math.log1p(near),
    Math.log1p(title),
    sharedWords === 0 ? 1 : 0,
    Math.log1p(most),
    Math.log1p(ownOnly),
    Math.log1p(tokens),
    Math.log1p(prefixSpread),
    prefixShared / Math.max(words, 1),
    Math.log1p(newCaps),
    Math.log1p(caps.length),
    /\d/.test(sentence.text) ? 1 : 0,
    Math.log1p(para),
  ];
}

export function offTopicScore(features: readonly number[]): number {
  let z = BIAS;
  for (let k = 0; k < features.length; k++) z += WEIGHTS[k] * features[k];
  return z;
}

// Thresholds on the log-odds and on the margin over the article's next least cohesive sentence, tuned on the
// odd half (margin: bench/coherence-fit.ts; warning: `bench/coherence.ts --grid`): weak (info) to keep
// recall, strong (warning) to keep unaltered articles nearly free of warnings.
export const WEAK = { score: -4.5, margin: 0.5 };
export const STRONG = { score: 2.5, margin: 1.0 };

/**
 * Reports the body sentence that shares least with the article around it, when it stands apart from the rest:
 * "It was signed on March 17, 1949." in a story about a summit shares no word, name or synonym with it.
 */
export function findOffTopic(doc: Document, p: Profiles, ctx: AnalyzerContext): void {
  const body = doc.sentences.filter((s) => s.role === 'body');
  if (body.length < 4) return; // too little article to be off the topic of
  const scored = body.map((s) => ({ s, z: offTopicScore(cohesionFeatures(doc, p, s.index)) }));
  for (const { s, z } of scored) {
    if (z <= WEAK.score) continue;
    let next = -Infinity;
    for (const o of scored) if (o.s !== s && o.z > next) next = o.z;
    const margin = z - next;
    if (margin <= WEAK.margin) continue;
    const strong = z > STRONG.score && margin > STRONG.margin;
    const own = p.sentences[s.index];
    const shared = [...own.words].filter((w) => (p.df.get(w) ?? 0) > 1);
    ctx.report({
      ruleId: 'coherence/off-topic',
      message: shared.length
        ? `Shares almost nothing with the rest of the article: ${shared.length} of ${own.words.size} content words (${shared.slice(0, 4).join(', ')})`
        : `Shares no word or name with the rest of the article (${own.words.size} content word${own.words.size === 1 ? '' : 's'}: ${[...own.words].slice(0, 6).join(', ')})`,
      start: s.start,
      end: s.end,
      sentence: s.index,
      weak: !strong,
      data: { score: Math.round(z * 100) / 100, margin: Math.round(margin * 100) / 100, shared, strength: strong ? 'strong' : 'weak' },
    });
  }
}
