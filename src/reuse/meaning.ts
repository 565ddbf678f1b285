// The meaning tier: is an untraced sentence the same statement as a candidate source sentence, reworded?
// Word vectors (src/reuse/vectors.ts) and WordNet align content words softly; a fitted verifier (logistic
// regression or boosted trees, src/reuse/verifier-model.ts, written by `npm run fit:paraphrase`) weighs the
// alignment and machine-translation metrics against the facts that differ (numbers, names, negation). Pure: no store, no I/O beyond the lazily loaded vector table.
import { aliasTable } from './aliases.js';
import type { Tok } from './normalize.js';
import { areSynonyms } from './synonyms.js';
import { cosine, vectors, type VectorTable } from './vectors.js';
import { VERIFIER } from './verifier-model.js';

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', 'nowhere']);
const isNegation = (t: Tok) => NEGATIONS.has(t.low) || /n['’]t$/.test(t.low);
const isNumber = (t: Tok) => /^\d/.test(t.norm);

/** A content word as the meaning tier sees it. */
export interface MeaningWord {
  /** Index into the sentence's tokens. */
  i: number;
  norm: string;
  /** Row in the vector table, -1 when the word has none (a name, a number, a rare word). */
  row: number;
  /** Rarity weight: frequent words ("said", "year") count little; words outside the table most. */
  w: number;
  /** A name, number, place or rare word: what a rewording keeps and an independent report may share too. */
  anchor: boolean;
}

export interface MeaningSide {
  toks: Tok[];
  words: MeaningWord[];
  negations: number;
  /** Weighted mean of the unit word vectors (null when no word has a vector). */
  vec: Float32Array | null;
  /** Per token: inside quotation marks (quoted words are shared by independent reports of one statement). */
  quoted: Uint8Array;
}

/** Tokens inside quotation marks in text[start, end); a closing mark with no opening one closes a quotation begun earlier. */
function quotedTokens(toks: Tok[], text: string | undefined, start: number, end: number): Uint8Array {
  const out = new Uint8Array(toks.length);
  if (!text) return out;
  const marks: [number, boolean | null][] = []; // offset, opens (null: straight, toggles)
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '“' || c === '«') marks.push([i, true]);
    else if (c === '”' || c === '»') marks.push([i, false]);
    else if (c === '"') marks.push([i, null]);
  }
  if (!marks.length) return out;
  let inside = marks.find(([, o]) => o !== null)?.[1] === false && marks[0][1] === false;
  let k = 0;
  for (let t = 0; t < toks.length; t++) {
    while (k < marks.length && marks[k][0] < toks[t].start) {
      const o = marks[k][1];
      inside = o === null ? !inside : o;
      k++;
    }
    out[t] = inside ? 1 : 0;
  }
  return out;
}

/** Weight of a word by its frequency rank in the vector table (GloVe's rows are ordered by frequency). */
const rankWeight = (row: number) => (row < 0 ? OOV_WEIGHT : Math.log(2 + row / 100));
const OOV_WEIGHT = Math.log(2 + 60_000 / 100);

function rowOf(t: VectorTable, tok: Tok): number {
  const bare = tok.low.replace(/['’]s$/, '');
  return t.index.get(bare) ?? t.index.get(tok.norm) ?? -1;
}

/** The words of one sentence, ready for `compare` (compute once per sentence, reuse for every candidate). */
export function meaningSide(toks: Tok[], text?: string, start = toks[0]?.start ?? 0, end = toks[toks.length - 1]?.end ?? 0): MeaningSide {
  const t = vectors();
  const words: MeaningWord[] = [];
  let negations = 0;
  let vec: Float32Array | null = null;
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (isNegation(tok)) negations++;
    if (!tok.content) continue;
    const row = isNumber(tok) ? -1 : rowOf(t, tok);
    // Capitalised inside the sentence, a number, a country, or no synonyms and rare: an anchor.
    const capital = i > 0 && /^\p{Lu}/u.test(tok.surface);
    const anchor = isNumber(tok) || tok.norm.startsWith('@') || capital || (tok.fixed && !tok.common && (row < 0 || row > 20_000));
    words.push({ i, norm: tok.norm, row, w: rankWeight(row), anchor });
    if (row >= 0) {
      vec ??= new Float32Array(t.dims);
      const k = rankWeight(row) / t.norms[row];
      for (let d = 0; d < t.dims; d++) vec[d] += k * t.data[row * t.dims + d];
    }
  }
  return { toks, words, negations, vec, quoted: quotedTokens(toks, text, start, end) };
}

function vecCos(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b) return 0;
  let s = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    s += a[d] * b[d];
    na += a[d] * a[d];
    nb += b[d] * b[d];
  }
  return na && nb ? s / Math.sqrt(na * nb) : 0;
}

/** Cosine of two sentences' weighted mean vectors: cheap, to rank candidates before comparing them. */
export function sentenceCosine(a: MeaningSide, b: MeaningSide): number {
  return vecCos(a.vec, b.vec);
}

/** Similarity of two content words: same stem 1, WordNet synonyms 0.9, else the cosine of their vectors. */
function wordSim(t: VectorTable, a: MeaningWord, b: MeaningWord, qa: Tok, sb: Tok): number {
  if (a.norm === b.norm || qa.key === sb.key) return 1;
  if (a.anchor && b.anchor) return 0; // different names or numbers are different facts, however close
  let s = a.row >= 0 && b.row >= 0 ? Math.max(0, cosine(t, a.row, b.row)) : 0;
  if (s < 0.9 && areSynonyms(a.norm, b.norm)) s = 0.9;
  return s;
}

/** A fact of the source that the restatement changed. */
export interface MeaningFact {
  kind: 'number' | 'name' | 'negation';
  /** Source wording ("" when absent there). */
  from: string;
  /** Article wording ("" when absent there). */
  to: string;
  /** Article offsets (for a dropped negation: the whole sentence). */
  start: number;
  end: number;
}

export interface Comparison {
  /** Verifier features, in VERIFIER.features order. */
  x: number[];
  /** The verifier's probability that q restates s. */
  p: number;
  /** The same with the fact features (numbers, names, negation) set to agree: "the rest matches" (computed only when `facts` is not empty; p otherwise). */
  pRest: number;
  /** Soft-coverage similarity (0..1): the weaker of the two directions. */
  similarity: number;
  /** Source word -> article word pairs that differ in wording, with their similarity. */
  aligned: { from: string; to: string; score: number }[];
  /** Anchors both share, as the article writes them. */
  anchors: string[];
  facts: MeaningFact[];
}

/** Feature names (the model file lists them too; a mismatch fails loudly at fit time). */
export const FEATURES = [
  'coverMin', 'coverMax', 'cosine', 'anchorsShared', 'anchorsOnlyQ', 'anchorsOnlyS', 'numberChanged', 'numberOneSide',
  'negationDiff', 'lengthRatio', 'inOrder', 'unalignedQ', 'unalignedS', 'lcsMin', 'lcsMax', 'bigramMin', 'bigramMax',
  'unalignedMaxQ', 'unalignedMaxS', 'lengthDiff', 'wordsMin',
  'ngram1Min', 'ngram1Max', 'ngram2Min', 'ngram2Max', 'ngram3Min', 'ngram3Max', 'ngram4Min', 'ngram4Max', 'editRate',
  'unalignedCountMin', 'unalignedCountMax', 'unalignedRunMax', 'tokenLengthDiff',
] as const;
/** Features that describe changed facts: zeroed for `pRest`. */
export const FACT_FEATURES = new Set<string>(['anchorsOnlyQ', 'anchorsOnlyS', 'numberChanged', 'numberOneSide', 'negationDiff']);

/** Aligned word pairs at or above this similarity are evidence; below, the word counts as unaligned. */
const ALIGNED = 0.5;

/**
 * How well one side's content words are covered by the other's (`at(word, otherWord)` is their similarity),
 * weighted by rarity: the coverage, the weight share left unaligned (anchors aside: they are the fact
 * features), and the rarest word left unaligned (one new content word, "... and the Senate", is extra
 * information).
 */
function coverage(words: MeaningWord[], others: number, at: (i: number, j: number) => number): { cover: number; unaligned: number; unalignedMax: number; unalignedCount: number; unalignedRun: number } {
  let cover = 0;
  let weight = 0;
  let unaligned = 0;
  let unalignedMax = 0;
  // Content words left unaligned, anchors included, and the longest run of them: an added clause ("..., up from
  // 12% a year earlier") leaves a run; a reworded sentence leaves scattered words.
  let unalignedCount = 0;
  let run = 0;
  let unalignedRun = 0;
  for (let i = 0; i < words.length; i++) {
    let m = 0;
    for (let j = 0; j < others; j++) if (at(i, j) > m) m = at(i, j);
    cover += words[i].w * m;
    weight += words[i].w;
    if (m < ALIGNED) {
      unalignedCount++;
      unalignedRun = Math.max(unalignedRun, ++run);
    } else run = 0;
    if (m < ALIGNED && !words[i].anchor) {
      unaligned += words[i].w;
      unalignedMax = Math.max(unalignedMax, words[i].w / OOV_WEIGHT);
    }
  }
  return { cover: weight ? cover / weight : 0, unaligned: weight ? unaligned / weight : 0, unalignedMax, unalignedCount, unalignedRun };
}

/**
 * Machine-translation metrics over all words, function words included (normalized forms): clipped n-gram
 * precision for n = 1..4 each way (BLEU's parts; min and max of the two directions) and a word edit rate
 * (TER without shifts: edits over the longer side). Known to separate MSRP-style paraphrases without a neural
 * model (Madnani, Tetreault and Chodorow 2012); they see what content-word alignment misses: "has been" vs "was",
 * a dropped "not only".
 */
function surfaceFeatures(q: MeaningSide, s: MeaningSide): number[] {
  // Words as small integers (one id per normalized form), n-grams as numbers: no string keys per comparison.
  const ids = new Map<string, number>();
  const id = (t: Tok) => {
    let k = ids.get(t.norm);
    if (k === undefined) ids.set(t.norm, (k = ids.size + 1));
    return k;
  };
  const a = q.toks.map(id);
  const b = s.toks.map(id);
  const out: number[] = [];
  for (let n = 1; n <= 4; n++) {
    const shared = commonCount(grams(a, n), grams(b, n));
    const pa = a.length >= n ? shared / (a.length - n + 1) : 0;
    const pb = b.length >= n ? shared / (b.length - n + 1) : 0;
    out.push(Math.min(pa, pb), Math.max(pa, pb));
  }
  out.push(a.length || b.length ? editDistance(a, b) / Math.max(a.length, b.length) : 0);
  return out;
}

/** The n-grams of word ids, each packed in a number (ids stay below 2^13 in a sentence pair: 4 x 13 bits), sorted. */
function grams(w: number[], n: number): Float64Array {
  const m = new Float64Array(Math.max(0, w.length - n + 1));
  for (let i = 0; i < m.length; i++) {
    let g = 0;
    for (let k = 0; k < n; k++) g = g * 8192 + (w[i + k] & 8191);
    m[i] = g;
  }
  return m.sort();
}

/** Size of the multiset intersection of two sorted lists (clipped n-gram matches). */
function commonCount(x: Float64Array, y: Float64Array): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      c++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return c;
}

/** Word-level Levenshtein distance. */
function editDistance(a: number[], b: number[]): number {
  let prev = new Uint16Array(b.length + 1).map((_, j) => j);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Compares article sentence q with source sentence s. `qText`/`sText` are the texts their token offsets point
 * into (for the facts' wording).
 */
export function compare(q: MeaningSide, s: MeaningSide): Comparison {
  const t = vectors();
  const nq = q.words.length;
  const ns = s.words.length;
  const sim = new Float32Array(nq * ns);
  for (let a = 0; a < nq; a++)
    for (let b = 0; b < ns; b++) sim[a * ns + b] = wordSim(t, q.words[a], s.words[b], q.toks[q.words[a].i], s.toks[s.words[b].i]);
  const sideQ = coverage(q.words, ns, (a, b) => sim[a * ns + b]);
  const sideS = coverage(s.words, nq, (b, a) => sim[a * ns + b]);
  // Word order kept: the longest common subsequence of content words, and shared content-word bigrams.
  const kq = q.words.map((w) => q.toks[w.i].key);
  const ks = s.words.map((w) => s.toks[w.i].key);
  const common = lcs(kq, ks);
  const bq = new Set<string>();
  for (let a = 1; a < nq; a++) bq.add(`${kq[a - 1]}:${kq[a]}`);
  const bs = new Set<string>();
  for (let b = 1; b < ns; b++) bs.add(`${ks[b - 1]}:${ks[b]}`);
  let bShared = 0;
  for (const g of bq) if (bs.has(g)) bShared++;
  const bigQ = bq.size ? bShared / bq.size : 0;
  const bigS = bs.size ? bShared / bs.size : 0;
  const covQ = sideQ.cover;
  const covS = sideS.cover;
  // (An exact-overlap feature was tried: the verifier leaned on it and accepted only what the lexical tier traces.)
  // One-to-one pairs, best first (greedy): the alignment shown as evidence, and its order.
  const cand: [number, number, number][] = [];
  for (let a = 0; a < nq; a++) for (let b = 0; b < ns; b++) if (sim[a * ns + b] >= ALIGNED) cand.push([a, b, sim[a * ns + b]]);
  cand.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
  const usedQ = new Uint8Array(nq);
  const usedS = new Uint8Array(ns);
  const pairs: [number, number, number][] = [];
  for (const c of cand) {
    if (usedQ[c[0]] || usedS[c[1]]) continue;
    usedQ[c[0]] = usedS[c[1]] = 1;
    pairs.push(c);
  }
  pairs.sort((x, y) => x[0] - y[0]);
  let inOrder = 0;
  for (let k = 1; k < pairs.length; k++) if (pairs[k][1] > pairs[k - 1][1]) inOrder++;
  const order = pairs.length > 1 ? inOrder / (pairs.length - 1) : 1;
  // Anchors.
  const qA = q.words.filter((w) => w.anchor);
  const sA = s.words.filter((w) => w.anchor);
  const sANorms = new Set(sA.map((w) => w.norm));
  // An anchor matched by any word of the other side (a name the source wrote in lowercase) is shared too.
  const allS = new Set(s.words.map((w) => w.norm));
  const allQ = new Set(q.words.map((w) => w.norm));
  const shared = qA.filter((w) => sANorms.has(w.norm) || allS.has(w.norm));
  const onlyQ = qA.filter((w) => !allS.has(w.norm));
  const onlyS = sA.filter((w) => !allQ.has(w.norm));
  // A figure given rounded on one side is the same figure ("4.56 percent" / "4.6 percent", "397 people" /
  // "400 people"): not a changed number.
  const numS = onlyS.filter((w) => isNumber(s.toks[w.i]));
  const rounded = new Set<MeaningWord>();
  const numQ = onlyQ.filter((w) => {
    if (!isNumber(q.toks[w.i])) return false;
    const o = numS.find((v) => !rounded.has(v) && sameFigure(w.norm, v.norm));
    if (o) rounded.add(o);
    return !o;
  });
  if (rounded.size) numS.splice(0, numS.length, ...numS.filter((v) => !rounded.has(v)));
  const numberChanged = numQ.length && numS.length ? 1 : 0;
  const numberOneSide = !numberChanged && (numQ.length || numS.length) ? 1 : 0;
  const negationDiff = q.negations !== s.negations ? 1 : 0;
  const lengthRatio = Math.abs(Math.log((nq + 1) / (ns + 1)));
  const x = [
    Math.min(covQ, covS),
    Math.max(covQ, covS),
    vecCos(q.vec, s.vec),
    Math.min(shared.length, 5),
    Math.min(onlyQ.filter((w) => !isNumber(q.toks[w.i])).length, 5),
    Math.min(onlyS.filter((w) => !isNumber(s.toks[w.i])).length, 5),
    numberChanged,
    numberOneSide,
    negationDiff,
    lengthRatio,
    order,
    sideQ.unaligned,
    sideS.unaligned,
    Math.min(nq ? common / nq : 0, ns ? common / ns : 0),
    Math.max(nq ? common / nq : 0, ns ? common / ns : 0),
    Math.min(bigQ, bigS),
    Math.max(bigQ, bigS),
    sideQ.unalignedMax,
    sideS.unalignedMax,
    Math.min(Math.abs(nq - ns), 10),
    // A short side ("If we get them, great.") is covered by almost anything: its size, for the verifier to weigh.
    Math.min(nq, ns, 12),
    ...surfaceFeatures(q, s),
    Math.min(sideQ.unalignedCount, sideS.unalignedCount, 8),
    Math.min(Math.max(sideQ.unalignedCount, sideS.unalignedCount), 12),
    Math.min(Math.max(sideQ.unalignedRun, sideS.unalignedRun), 8),
    Math.min(Math.abs(q.toks.length - s.toks.length), 20),
  ];
  const aligned = pairs
    .filter(([a, b]) => q.words[a].norm !== s.words[b].norm)
    .map(([a, b, sc]) => ({ from: s.toks[s.words[b].i].surface, to: q.toks[q.words[a].i].surface, score: Math.round(sc * 100) / 100 }));
  const facts: MeaningFact[] = [];
  const tok = (side: MeaningSide, w: MeaningWord) => side.toks[w.i];
  if (numberChanged) {
    for (let k = 0; k < Math.min(numQ.length, numS.length); k++) {
      const a = tok(q, numQ[k]);
      facts.push({ kind: 'number', from: tok(s, numS[k]).surface, to: a.surface, start: a.start, end: a.end });
    }
  }
  // A name of one side that the other writes another way ("O'Neill's" / "ONeills", "JCP" / "JCP.N", "Nov." /
  // "November") is the same name; a day or month is paired only with a day or month ("Turk" -> "Thursday" is
  // no changed fact).
  // A title ("Mr", "Dr") is no name; an acronym of capitalised words of the other side ("IAEA" / "International
  // Atomic Energy Agency") is the same name.
  // A country and its people's name are one name too ("U.S." / "American", "UK" / "British").
  const foldsQ = [...q.toks.map((t) => foldName(t.surface)), ...acronyms(q.toks), ...countries(q.toks)];
  const foldsS = [...s.toks.map((t) => foldName(t.surface)), ...acronyms(s.toks), ...countries(s.toks)];
  const renamed = (side: MeaningSide, w: MeaningWord, other: string[]) => {
    const t = side.toks[w.i];
    if (isNumber(t) || !/^\p{Lu}/u.test(t.surface)) return false;
    const c = countryOf(t);
    if (c && other.includes(c)) return false;
    const f = foldName(t.surface);
    // One letter is an initial ("Harold W. Gehman" / "Hal Gehman"; "S.&P."), not a name of its own.
    return f.length > 1 && !TITLES.has(f) && !other.some((o) => sameName(f, o));
  };
  const nameQ = onlyQ.filter((w) => renamed(q, w, foldsS));
  const nameS = onlyS.filter((w) => renamed(s, w, foldsQ));
  // A substitution stands in the same place: a neighbouring word of the one name is aligned with the same
  // neighbour of the other ("met Kim in" / "met Lee in"). Two names each only on one side, elsewhere, are two
  // reports' different details ("... inside the Grand Central concourse" / "..., Tunick said").
  const qWordAt = new Map(q.words.map((w, k) => [w, k]));
  const sWordAt = new Map(s.words.map((w, k) => [w, k]));
  const alignedTo = new Map(pairs.map(([a, b]) => [a, b]));
  const slot = (wq: MeaningWord, ws: MeaningWord) => {
    const a = qWordAt.get(wq)!;
    const b = sWordAt.get(ws)!;
    return (a > 0 && b > 0 && alignedTo.get(a - 1) === b - 1) || (a + 1 < nq && b + 1 < ns && alignedTo.get(a + 1) === b + 1);
  };
  const usedName = new Set<MeaningWord>();
  for (const wq of nameQ) {
    const date = DATE_WORD.test(foldName(q.toks[wq.i].surface));
    const ws = nameS.find((w) => !usedName.has(w) && DATE_WORD.test(foldName(s.toks[w.i].surface)) === date && slot(wq, w));
    if (!ws) continue;
    usedName.add(ws);
    const at = tok(q, wq);
    facts.push({ kind: 'name', from: tok(s, ws).surface, to: at.surface, start: at.start, end: at.end });
  }
  if (negationDiff) {
    const negQ = q.toks.find(isNegation);
    const negS = s.toks.find(isNegation);
    const at = negQ ?? q.toks[0];
    if (at) facts.push({ kind: 'negation', from: negS?.surface ?? '', to: negQ?.surface ?? '', start: at.start, end: negQ ? at.end : q.toks[q.toks.length - 1].end });
  }
  const p = verify(x);
  return {
    x,
    p,
    // Read only when a fact changed (tracing notes an altered restatement); otherwise p stands in.
    pRest: facts.length ? verify(x.map((v, k) => (FACT_FEATURES.has(FEATURES[k]) ? 0 : v))) : p,
    similarity: Math.round(Math.min(covQ, covS) * 1000) / 1000,
    aligned,
    anchors: [...new Map(shared.map((w) => [w.norm, q.toks[w.i].surface])).values()],
    facts,
  };
}

/** Days, months and their abbreviations, "today": dates, which change only into other dates. */
const DATE_WORD = /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tues?(day)?|wed(nesday)?|thu(rs)?(day)?|fri(day)?|sat(urday)?|sun(day)?|today|yesterday|tonight|tomorrow)$/;
/** A name folded for comparison: lowercase, no possessive, letters and digits only. */
const foldName = (s: string) => s.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
/**
 * One name written two ways: equal folded, one a prefix of the other (an abbreviation, a ticker's suffix) or a
 * suffix ("NetWare" / "Ware"), or one letter apart in a longer name (a transliteration or a misspelling:
 * "Qadhafi" / "Qadhafy", "Sundberg" / "Sundburg").
 */
const sameName = (a: string, b: string) =>
  a === b ||
  (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) ||
  (Math.min(a.length, b.length) >= 4 && (a.endsWith(b) || b.endsWith(a))) ||
  (Math.min(a.length, b.length) >= 5 && Math.abs(a.length - b.length) <= 1 && oneEdit(a, b));

/** Whether two strings are one substitution, insertion or deletion apart. */
function oneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/**
 * Honorifics and titles, and a company's legal form ("Corp", "Inc", "Ltd": one story writes "Velm Ferries
 * Ltd", another "Velm Ferries"): capitalised, but no name of their own.
 */
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'rev', 'gen', 'col', 'capt', 'sen', 'rep', 'gov', 'corp', 'inc', 'co', 'ltd', 'plc', 'llc']);

/** Decimal places of a number's written form, or minus the trailing zeros of a whole number ("300" -> -2). */
function places(n: string): number {
  const dot = n.indexOf('.');
  if (dot >= 0) return n.length - dot - 1;
  const z = /0*$/.exec(n)![0].length;
  return z === n.length ? 0 : -z;
}

/**
 * Whether two written figures are one figure, one of them rounded (or cut) to the other's precision and within
 * 5% of it (2% when the rounded one keeps one significant digit): "4.56" / "4.6", "61.25" / "61.2", "397" /
 * "400", "8,340" / "8,300" (normalized: no commas). Not "2" / "2.5", "104" / "100" nor "14" / "12".
 */
export function sameFigure(a: string, b: string): boolean {
  const x = Number(a);
  const y = Number(b);
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === y) return x === y;
  const [r, o, pr, po] = places(a) < places(b) ? [x, y, places(a), places(b)] : [y, x, places(b), places(a)];
  if (pr === po || !r) return false;
  const unit = 10 ** -pr;
  const close = (v: number) => Math.abs(v - r) < unit * 1e-6;
  // A figure of one significant digit ("300", "3") is rounded coarsely on purpose or changed: 2% only.
  const digits = (pr < 0 ? String(Math.abs(r)).slice(0, pr) : String(Math.abs(r)).replace('.', '')).replace(/^0+/, '').length;
  return (close(Math.round(o / unit) * unit) || close(Math.trunc(o / unit) * unit)) && Math.abs(r - o) <= (digits >= 2 ? 0.05 : 0.02) * Math.abs(o);
}

/**
 * Initials of runs of capitalised words ("International Atomic Energy Agency" -> "iaea"; "of", "and", "the",
 * "for" skipped), and of every stretch of two or more of them: a run can hold several names ("the Velmish
 * Maritime Authority, Sir Tom Hale" -> "vma", "th"...).
 */
function acronyms(toks: Tok[]): string[] {
  const out: string[] = [];
  let run = '';
  const flush = () => {
    const r = run.slice(0, MAX_ACRONYM_RUN);
    for (let a = 0; a + 1 < r.length; a++) for (let b = a + 2; b <= r.length; b++) out.push(r.slice(a, b));
    run = '';
  };
  for (const t of toks) {
    if (/^\p{Lu}/u.test(t.surface)) run += t.surface[0].toLowerCase();
    else if (!/^(of|and|the|for|&)$/.test(t.low)) flush();
  }
  flush();
  return out;
}

/** The country a token names, as its country token ("@usa"): a country name, its code ("US", "UK's") or its demonym ("American"). */
function countryOf(t: Tok): string | null {
  if (t.norm.startsWith('@')) return t.norm;
  const f = foldName(t.surface);
  const a = aliasTable();
  return a.abbreviations.get(f.toUpperCase()) ?? a.demonyms.get(f) ?? null;
}

/** The countries a sentence names (see `countryOf`). */
const countries = (toks: Tok[]): string[] => toks.map(countryOf).filter((c): c is string => c !== null);

/** Capitalised words of a run read for acronyms, at most (a run's stretches grow with its square). */
const MAX_ACRONYM_RUN = 12;

/** Length of the longest common subsequence of two key lists. */
function lcs(a: number[], b: number[]): number {
  if (!a.length || !b.length) return 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** A regression tree of the boosted verifier: a leaf value, or [feature, cut, subtree if x <= cut, else subtree]. */
export type Tree = number | [number, number, Tree, Tree];

/** A fitted verifier (src/reuse/verifier-model.ts): gradient-boosted trees over the raw features, or a logistic regression over standardized ones. */
export interface VerifierModel {
  features: readonly string[];
  bias: number;
  threshold: number;
  trees?: Tree[];
  mean?: number[];
  scale?: number[];
  weights?: number[];
  /** Per feature, the 1st and 99th percentiles of the fit data: a feature is clipped to them before use (a
   * linear model extrapolates wildly past them: a 20-word sentence against "If we get them, great."). */
  lo?: number[];
  hi?: number[];
}

function leaf(t: Tree, x: number[]): number {
  while (typeof t !== 'number') t = x[t[0]] <= t[1] ? t[2] : t[3];
  return t;
}

/** The fitted verifier's probability for a feature vector. */
export function verify(x: number[], model: VerifierModel = VERIFIER): number {
  if (model.lo && model.hi) x = x.map((v, k) => Math.min(model.hi![k], Math.max(model.lo![k], v)));
  let z = model.bias;
  if (model.trees) for (const t of model.trees) z += leaf(t, x);
  else for (let k = 0; k < x.length; k++) z += model.weights![k] * ((x[k] - model.mean![k]) / model.scale![k]);
  return 1 / (1 + Math.exp(-z));
}
