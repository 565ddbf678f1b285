// spin/unnatural-phrase: word swaps no writer makes. Article spinners replace words with dictionary synonyms
// one at a time, blind to collocation: "new mothers" becomes "novel mothers", "number one" becomes "amount
// one", "last week" becomes "last hebdomad". Two signals:
//   1. known tortured phrases (tortured.ts), the fingerprints the Problematic Paper Screener popularised;
//   2. a word that news text never puts beside its neighbour, while one of its synonyms goes with that
//      neighbour again and again: the synonym is the likely original ("novel mothers - perhaps 'new mothers'").
import type { Document, Token } from '../../model/document.js';
import { STOPWORDS } from '../../reuse/stopwords.js';
import { collocations, wordKey, type Collocations } from './collocations.js';

const CONTENT: Record<string, 'n' | 'v' | 'a' | 'r'> = { NOUN: 'n', VERB: 'v', ADJ: 'a', ADV: 'r' };

/**
 * Spelling variants are no swap ("defense"/"defence", "organized"/"organised", "center"/"centre"): the
 * reference is British news, the article may be American.
 */
export function spellingVariants(a: string, b: string): boolean {
  const fold = (w: string) =>
    w
      .replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1')
      .replace(/ys(e|es|ed|ing)$/, 'yz$1')
      .replace(/our(s|ed|ing|ite|ites|able)?$/, 'or$1')
      .replace(/tre(s)?$/, 'ter$1')
      .replace(/ence(s)?$/, 'ense$1')
      .replace(/ogue(s)?$/, 'og$1')
      .replace(/ll(ed|ing|er|ers)$/, 'l$1')
      .replace(/ae|oe/g, 'e');
  return fold(a) === fold(b);
}

// Words a synonym swap says nothing about: auxiliaries, light verbs and vague adverbs writers pair with
// anything, so a missing pair is no evidence.
const SKIP = new Set(
  (
    'be is are was were been being have has had do does did will would can could may might must shall should not ' +
    'more most very so just only than then there here now how when where why also even still well too up out get got ' +
    'make made take took give gave go went come came say said says'
  ).split(' '),
);

export interface Suspect {
  /** Token index of the swapped word in doc.tokens. */
  token: number;
  start: number;
  end: number;
  word: string;
  /** The neighbour it clashes with, on which side, and whether a function word stands between them. */
  neighbour: string;
  gap: boolean;
  side: 'left' | 'right';
  /** The likely original word, and the phrase it makes with the neighbour. */
  original: string;
  phrase: string;
  /** How often news text writes the phrase with the original, and with the word found. */
  originalCount: number;
  foundCount: number;
  /** Evidence on both sides of the word. */
  bothSides: boolean;
  score: number;
}

export interface Thresholds {
  /** Least count of the original pair in the reference. */
  minPair: number;
  /** Least association of the original pair: observed over expected by chance. */
  minAssoc: number;
  /** Largest count of the found word in the reference (common words are used by writers, not spinners). */
  maxFound: number;
}

export const DEFAULTS: Thresholds = { minPair: 3, minAssoc: 8, maxFound: Infinity };

function adjacentKey(t: Token | undefined, w: Token, text: string): string | null {
  if (!t || t.sentence !== w.sentence) return null;
  // Adjacent words only: punctuation between them ends the pair.
  const gap = t.end <= w.start ? text.slice(t.end, w.start) : text.slice(w.end, t.start);
  if (!/^\s*$/.test(gap) || gap.includes('\n')) return null;
  return wordKey(t.text);
}

// Number words count things of every kind ("three years", "three classes"): no collocation evidence.
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens half'.split(' '),
);

/**
 * The content word next to token i on one side: adjacent ("novel mothers"), or across one function word
 * ("amount of people"). Function words pair with everything ("to get", "had been"): they are no evidence.
 */
function contentNeighbour(toks: Token[], i: number, dir: -1 | 1, text: string): { key: string; gap: boolean } | null {
  const k1 = adjacentKey(toks[i + dir], toks[i], text);
  if (k1 === null || k1 === '#' || k1.includes("'")) return null;
  if (!STOPWORDS.has(k1)) return SKIP.has(k1) || NUMBER_WORDS.has(k1) ? null : { key: k1, gap: false };
  const k2 = adjacentKey(toks[i + 2 * dir], toks[i + dir], text);
  if (k2 === null || k2 === '#' || k2.includes("'") || STOPWORDS.has(k2) || SKIP.has(k2) || NUMBER_WORDS.has(k2)) return null;
  return { key: k2, gap: true };
}

/** Suspected swaps in a document, strongest first per token. */
export function findSuspects(doc: Document, th: Thresholds = DEFAULTS, table: Collocations = collocations()): Suspect[] {
  const out: Suspect[] = [];
  const toks = doc.tokens;
  const N = table.total;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const pos = CONTENT[t.pos];
    if (!pos) continue;
    const w = wordKey(t.text);
    if (w === null || w.length < 3 || w.includes("'") || SKIP.has(w)) continue;
    // A capitalised word inside a sentence is a name, not a word choice.
    if (/^[A-Z]/.test(t.text) && i > 0 && toks[i - 1].sentence === t.sentence) continue;
    // The tagger often misreads a spun word ("the amount one"): with no synonym for its tag, try the others.
    let syn = table.synonymsOf(w, pos);
    if (!syn.length) syn = [...new Set((['n', 'v', 'a', 'r'] as const).flatMap((p) => table.synonymsOf(w, p)))];
    if (!syn.length) continue;
    const wid = table.id.get(w);
    const cw = wid === undefined ? 0 : table.count(wid);
    if (cw > th.maxFound) continue;
    // Each side's content neighbour, kept only where news never pairs it with the word found.
    const sides: { side: 'left' | 'right'; n: string; nid: number; gap: boolean; cn: number }[] = [];
    for (const side of ['left', 'right'] as const) {
      const nb = contentNeighbour(toks, i, side === 'left' ? -1 : 1, doc.text);
      const nid = nb === null ? undefined : table.id.get(nb.key);
      if (nb === null || nid === undefined) continue;
      const pair = nb.gap ? table.gapPair : table.pair;
      const c = wid === undefined ? 0 : side === 'left' ? pair(nid, wid) : pair(wid, nid);
      if (c === 0) sides.push({ side, n: nb.key, nid, gap: nb.gap, cn: table.count(nid) });
    }
    if (!sides.length) continue;
    let best: Suspect | null = null;
    for (const v of syn) {
      if (v === wid) continue;
      const cv = table.count(v);
      if (cv < th.minPair) continue;
      let score = 0;
      let hits = 0;
      let first: { side: 'left' | 'right'; n: string; a: number; gap: boolean } | null = null;
      for (const sd of sides) {
        const pair = sd.gap ? table.gapPair : table.pair;
        const a = sd.side === 'left' ? pair(sd.nid, v) : pair(v, sd.nid);
        if (a < th.minPair) continue;
        const assoc = (a * N) / (sd.cn * cv);
        if (assoc < th.minAssoc) continue;
        hits++;
        score += Math.log2(1 + a) * Math.min(1, Math.log10(assoc) / 2);
        if (!first || a > first.a) first = { side: sd.side, n: sd.n, a, gap: sd.gap };
      }
      if (!first) continue;
      const vw = table.words[v];
      if (STOPWORDS.has(vw) || SKIP.has(vw) || spellingVariants(w, vw)) continue;
      if (!first) continue;
      // A writer picks among synonyms by how common they are, a spinner blindly: a found word much rarer
      // than the original counts for the swap, a more common one against it.
      score += 0.5 * Math.max(-2, Math.min(3, Math.log2((cv + 1) / (cw + 1))));
      if (!best || score > best.score) {
        const orig = table.words[v];
        best = {
          token: i,
          start: t.start,
          end: t.end,
          word: t.text,
          neighbour: first.n,
          gap: first.gap,
          side: first.side,
          original: orig,
          phrase: first.side === 'left' ? `${first.n}${first.gap ? ' …' : ''} ${orig}` : `${orig}${first.gap ? ' …' : ''} ${first.n}`,
          originalCount: first.a,
          foundCount: 0,
          bothSides: hits === 2,
          score,
        };
      }
    }
    if (best) out.push(best);
  }
  return out;
}
