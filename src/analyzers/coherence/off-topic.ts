import type { Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';
import type { Profiles } from './profile.js';
import { addTopics, cosine, idf, topicDimensions } from './rarity.js';

/**
 * How little a sentence shares with the rest of its article (lexical cohesion, Halliday and Hasan's ties):
 * content stems and their 5-letter prefixes ("elect"/"election"), weighed by how rare they are in news,
 * entities, the headline, the sentences next to it, and latent topics ("striker" and "goal" are about the
 * same thing). Each feature is a count, share or cosine; `WEIGHTS` combine them into the log-odds that the
 * sentence was pasted in from another article (logistic regression fitted on the odd BBC files 3 mod 4 with
 * sentences inserted from another category, bench/coherence-fit.ts; the rarity and topic tables come from the
 * odd files 1 mod 4).
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
  'rarity-weighted share of words shared',
  'log rarity-weighted shared words',
  'log rarity-weighted words of its own only',
  'log rarity-weighted ties to the 2 sentences either side',
  'log rarity-weighted ties to the headline',
  'log ties to the previous sentence',
  'starts with a pronoun or connective',
  'topic cosine to the rest of the article',
  'topic cosine to the 2 sentences either side',
] as const;

// Per article: each sentence's latent topic vector (rarity-weighted), the headline's, and their sum.
const TOPICS = new WeakMap<Profiles, { sentences: Float64Array[]; total: Float64Array }>();
function topicVectors(p: Profiles): { sentences: Float64Array[]; total: Float64Array } {
  const hit = TOPICS.get(p);
  if (hit) return hit;
  const k = topicDimensions();
  const sentences = p.sentences.map((q) => addTopics(new Float64Array(k), q.words, idf));
  const total = addTopics(new Float64Array(k), p.title.words, idf);
  for (const v of sentences) for (let d = 0; d < k; d++) total[d] += v[d];
  // The first latent dimension is what every news text shares; it would make any two sentences alike.
  for (const v of [...sentences, total]) v[0] = 0;
  const out = { sentences, total };
  TOPICS.set(p, out);
  return out;
}

// Fitted weights (same order as FEATURES) and bias: `npx tsx bench/coherence-fit.ts` (odd files 3 mod 4).
export const WEIGHTS = [1.99, -0.05, -0.94, -0.1, -0.67, 0.02, -0.35, -1.24, -0.42, 0.33, 0.63, -0.42, -0.67, 0.55, -0.18, 0.5, -0.65, -0.97, -1.02, -0.21, -0.1, -0.05, -0.19, -0.29, -4.09, -2.7];
export const BIAS = -3.43;

// A sentence that opens on a pronoun or connective leans on the one before it: "He added that ...", "But ...".
const LEANS_BACK = /^["“]?(?:he|she|it|they|this|that|these|those|his|her|its|their|but|however|also|and|so|yet|meanwhile|instead|still|then)\b/i;

/** The cohesion features of sentence i (see FEATURES). */
export function cohesionFeatures(doc: Document, p: Profiles, i: number): number[] {
  const own = p.sentences[i];
  const n = doc.sentences.length;
  // Ties to other sentences are read within WINDOW sentences either side: every sentence of a news article,
  // and linear time for a 50,000-line transcript ("a\na\na..." took 20 s when every pair was compared).
  const lo = Math.max(0, i - WINDOW);
  const hi = Math.min(n, i + WINDOW + 1);
  let sharedWords = 0;
  let spread = 0;
  let rareShared = 0;
  let rareOwn = 0;
  const rarity = new Map<string, number>();
  for (const w of own.words) {
    const df = p.df.get(w) ?? 0;
    const r = idf(w);
    rarity.set(w, r);
    if (df > 1) {
      sharedWords++;
      spread += Math.min(df - 1, 3);
      rareShared += r;
    } else rareOwn += r;
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
  const rareTies = (q: { words: Set<string> }) => {
    let c = 0;
    for (const [w, r] of rarity) if (q.words.has(w)) c += r;
    return c;
  };
  const tv = topicVectors(p);
  const mine = tv.sentences[i];
  const restTopic = tv.total.map((x, d) => x - mine[d]);
  const around = new Float64Array(mine.length);
  let near = 0;
  let rareNear = 0;
  let most = 0;
  let previous = 0;
  for (let j = lo; j < hi; j++) {
    if (j === i) continue;
    const c = ties(j);
    if (Math.abs(j - i) <= 2) {
      near += c;
      rareNear += rareTies(p.sentences[j]);
      const v = tv.sentences[j];
      for (let d = 0; d < v.length; d++) around[d] += v[d];
    }
    if (j === i - 1) previous = c;
    if (c > most) most = c;
  }
  let title = 0;
  const rareTitle = rareTies(p.title);
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
  const capsAll = capitalsOf(doc);
  // This sentence's own uses, read as in the whole text (its first word counts after the whitespace before it).
  const inSentence = new Map<string, number>();
  for (const c of doc.text.slice(Math.max(0, sentence.start - 1), sentence.end).match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []) inSentence.set(c, (inSentence.get(c) ?? 0) + 1);
  let newCaps = 0;
  for (const c of caps) if ((capsAll.get(c) ?? 0) <= (inSentence.get(c) ?? 0)) newCaps++;
  let para = 0;
  for (let j = lo; j < hi; j++) {
    const q = doc.sentences[j];
    if (q.paragraph === sentence.paragraph && j !== i) for (const w of own.words) if (p.sentences[j].words.has(w)) para++;
  }
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
    rareShared / Math.max(rareShared + rareOwn, 1e-9),
    Math.log1p(rareShared),
    Math.log1p(rareOwn),
    Math.log1p(rareNear),
    Math.log1p(rareTitle),
    Math.log1p(previous),
    LEANS_BACK.test(sentence.text) ? 1 : 0,
    cosine(mine, restTopic),
    cosine(mine, around),
  ];
}

const WINDOW = 60;

/** Capitalised words of the text and the headline, counted once per document (a name used elsewhere). */
const CAPITALS = new WeakMap<Document, Map<string, number>>();
function capitalsOf(doc: Document): Map<string, number> {
  let m = CAPITALS.get(doc);
  if (m) return m;
  m = new Map();
  for (const src of [doc.text, doc.article.title ?? '']) for (const c of src.match(/(?<=\s)\p{Lu}[\p{L}-]+/gu) ?? []) m.set(c, (m.get(c) ?? 0) + 1);
  CAPITALS.set(doc, m);
  return m;
}

export function offTopicScore(features: readonly number[]): number {
  let z = BIAS;
  for (let k = 0; k < features.length; k++) z += WEIGHTS[k] * features[k];
  return z;
}

// Thresholds on the log-odds and on the margin over the article's next least cohesive sentence, tuned on the
// odd files 3 mod 4 (`bench/coherence.ts --half odd --quarter 3 --grid`): weak (info) to keep
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
  // The two highest scores: each sentence's margin is over the highest of the others.
  let top = -Infinity;
  let second = -Infinity;
  for (const { z } of scored) {
    if (z > top) [top, second] = [z, top];
    else if (z > second) second = z;
  }
  for (const { s, z } of scored) {
    if (z <= WEAK.score) continue;
    const next = z === top ? second : top;
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
      ...(strong ? {} : { severity: 'info' as const }),
      data: { score: Math.round(z * 100) / 100, margin: Math.round(margin * 100) / 100, shared, strength: strong ? 'strong' : 'weak' },
    });
  }
}
