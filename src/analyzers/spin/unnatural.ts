// spin/unnatural-phrase: word swaps no writer makes. Article spinners replace words with dictionary synonyms
// one at a time, blind to collocation: "new mothers" becomes "novel mothers", "number one" becomes "amount
// one", "last week" becomes "last hebdomad". Two signals:
//   1. known tortured phrases (tortured.ts), the fingerprints the Problematic Paper Screener popularised;
//   2. a word that news text never puts beside its neighbour, while one of its synonyms goes with that
//      neighbour again and again: the synonym is the likely original ("novel mothers - perhaps 'new mothers'").
import type { Document, Token } from '../../model/document.js';
import { STOPWORDS } from '../../reuse/stopwords.js';
import { collocations, wordKey, type Collocations } from './collocations.js';

const CONTENT = new Set(['NOUN', 'VERB', 'ADJ', 'ADV']);

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
  /** The neighbour it clashes with and on which side. */
  neighbour: string;
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

function neighbourKey(t: Token | undefined, w: Token, text: string): string | null {
  if (!t || t.sentence !== w.sentence) return null;
  // Adjacent words only: punctuation between them ends the pair.
  const gap = t.end <= w.start ? text.slice(t.end, w.start) : text.slice(w.end, t.start);
  if (!/^\s*$/.test(gap) || gap.includes('\n')) return null;
  const k = wordKey(t.text);
  // Function words pair with everything ("to get", "had been"): only content neighbours make collocations.
  return k === null || k === '#' || k.includes("'") || STOPWORDS.has(k) || SKIP.has(k) ? null : k;
}

/** Suspected swaps in a document, strongest first per token. */
export function findSuspects(doc: Document, th: Thresholds = DEFAULTS, table: Collocations = collocations()): Suspect[] {
  const out: Suspect[] = [];
  const toks = doc.tokens;
  const N = table.total;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!CONTENT.has(t.pos)) continue;
    const w = wordKey(t.text);
    if (w === null || w.length < 3 || w.includes("'") || SKIP.has(w)) continue;
    // A capitalised word inside a sentence is a name, not a word choice.
    if (/^[A-Z]/.test(t.text) && i > 0 && toks[i - 1].sentence === t.sentence) continue;
    const syn = table.synonymsOf(w);
    if (!syn.length) continue;
    const wid = table.id.get(w);
    const cw = wid === undefined ? 0 : table.count(wid);
    if (cw > th.maxFound) continue;
    const sides: ['left' | 'right', string | null][] = [
      ['left', neighbourKey(toks[i - 1], t, doc.text)],
      ['right', neighbourKey(toks[i + 1], t, doc.text)],
    ];
    let best: Suspect | null = null;
    for (const v of syn) {
      if (v === wid || STOPWORDS.has(table.words[v]) || SKIP.has(table.words[v])) continue;
      const cv = table.count(v);
      let score = 0;
      let hits = 0;
      let first: { side: 'left' | 'right'; n: string; a: number; c: number } | null = null;
      for (const [side, n] of sides) {
        if (n === null) continue;
        const nid = table.id.get(n);
        if (nid === undefined) continue;
        const a = side === 'left' ? table.pair(nid, v) : table.pair(v, nid);
        const c = wid === undefined ? 0 : side === 'left' ? table.pair(nid, wid) : table.pair(wid, nid);
        if (c > 0 || a < th.minPair) continue;
        const assoc = (a * N) / (table.count(nid) * cv);
        if (assoc < th.minAssoc) continue;
        hits++;
        score += Math.log2(1 + a) * Math.min(1, Math.log10(assoc) / 2);
        if (!first || a > first.a) first = { side, n, a, c };
      }
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
          side: first.side,
          original: orig,
          phrase: first.side === 'left' ? `${first.n} ${orig}` : `${orig} ${first.n}`,
          originalCount: first.a,
          foundCount: first.c,
          bothSides: hits === 2,
          score,
        };
      }
    }
    if (best) out.push(best);
  }
  return out;
}
