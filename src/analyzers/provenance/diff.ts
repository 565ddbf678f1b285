// Word-level comparison of an article sentence with the source passage it was traced to: which words are
// the same (or a synonym), and which facts changed between them.
import { tokenize, type Tok } from '../../reuse/normalize.js';
import { stem } from '../../reuse/stem.js';
import { sameFigure } from '../../reuse/meaning.js';
import { areSynonyms } from '../../reuse/synonyms.js';
import { areOpposites } from './antonyms.js';

export type FactKind = 'number' | 'name' | 'date' | 'negation' | 'verdict';

export interface ChangedFact {
  kind: FactKind;
  /** The source's wording ("" when the article added it: a negation). */
  from: string;
  /** The article's wording ("" when the article dropped it). */
  to: string;
  /** For a negation: added by the article (true) or dropped from the source (false). */
  added?: boolean;
  /** Where in the article text (a dropped negation points at the word after the gap). */
  start: number;
  end: number;
}

export interface WordAlignment {
  q: Tok[];
  s: Tok[];
  /** Aligned pairs [article token, source token], in order. */
  pairs: [number, number][];
}

// WordNet puts no opposites in one synset, so a synonym is never a turned-around fact.
const same = (a: Tok, b: Tok) => a.norm === b.norm || (a.content && b.content && (a.key === b.key || areSynonyms(a.norm, b.norm)));

/** Longest common subsequence of the two token lists, words counted equal when normalized alike or synonyms. */
export function alignWords(qText: string, qStart: number, qEnd: number, sText: string, sStart: number, sEnd: number): WordAlignment {
  const q = tokenize(qText, qStart, qEnd);
  const s = tokenize(sText, sStart, sEnd);
  const n = q.length;
  const m = s.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  const eq: boolean[] = new Array(n * m);
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      const e = (eq[(i - 1) * m + j - 1] = same(q[i - 1], s[j - 1]));
      dp[i * (m + 1) + j] = e ? dp[(i - 1) * (m + 1) + j - 1] + 1 : Math.max(dp[(i - 1) * (m + 1) + j], dp[i * (m + 1) + j - 1]);
    }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (eq[(i - 1) * m + j - 1] && dp[i * (m + 1) + j] === dp[(i - 1) * (m + 1) + j - 1] + 1) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (dp[(i - 1) * (m + 1) + j] >= dp[i * (m + 1) + j - 1]) i--;
    else j--;
  }
  pairs.reverse();
  return { q, s, pairs };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DATE_WORDS = new Set([...MONTHS, ...WEEKDAYS, ...MONTHS.map((m) => m.slice(0, 3)), 'sept', 'today', 'yesterday', 'tomorrow', 'tonight']);
// Scale words change a number's value: "$5 million" -> "$5 billion".
const SCALES: Record<string, string> = { thousand: 'e3', million: 'e6', millions: 'e6', mn: 'e6', m: 'e6', billion: 'e9', billions: 'e9', bn: 'e9', trillion: 'e12', tn: 'e12' };
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without', 'nowhere']);

const isNumber = (t: Tok) => /^\d/.test(t.norm) && !DATE_WORDS.has(t.low);
const isYear = (t: Tok) => /^(1[89]|20)\d\d$/.test(t.norm);
const isDateWord = (t: Tok) => DATE_WORDS.has(t.low.replace(/\.$/, '')) && /^\p{Lu}/u.test(t.surface);
export const isNegation = (t: Tok) => NEGATIONS.has(t.low) || /n['’]t$/.test(t.low);
// Verbs that carry a negation of their own: "would not participate" -> "refuse to participate" is a rewording.
const NEGATIVE_VERBS = new Set(['refus', 'fail', 'deni', 'deny', 'declin', 'reject', 'lack', 'stop', 'halt', 'cancel', 'quit', 'abandon', 'avoid', 'prevent', 'ban', 'block', 'lose', 'lost', 'miss', 'absent', 'unabl']);
const negativeVerb = (t: Tok) => NEGATIVE_VERBS.has(t.norm) || NEGATIVE_VERBS.has(t.norm.slice(0, 5));
// A name: a capitalised word that is not the first of its sentence, nor a date word, nor a function word.
const isName = (t: Tok, first: boolean) => !first && /^\p{Lu}/u.test(t.surface) && t.content && !isDateWord(t);

/** Figures of a run of tokens: a number with its scale, glued ("6bn") or the next word ("1.78 billion"). */
function figures(toks: Tok[]): { tok: Tok; v: string }[] {
  const out: { tok: Tok; v: string }[] = [];
  toks.forEach((t, k) => {
    if (!isNumber(t)) return;
    const glued = /^[\d.,]+([a-z]+)$/.exec(t.low)?.[1];
    const next = toks[k + 1] ? SCALES[toks[k + 1].low] : undefined;
    out.push({ tok: t, v: `${t.norm}${(glued && SCALES[glued]) ?? next ?? ''}` });
  });
  return out;
}
const sameValue = (a: string, b: string) => {
  const [x, sx = ''] = a.split('e');
  const [y, sy = ''] = b.split('e');
  return sx === sy && sameFigure(x, y);
};

/** Gaps between aligned words: article tokens [qa, qb) against source tokens [sa, sb). */
interface Gap {
  qa: number;
  qb: number;
  sa: number;
  sb: number;
  /** Bounded by aligned words on both sides (an edit inside the copy, not an added or cut clause). */
  inner: boolean;
}

function gaps(w: WordAlignment): Gap[] {
  const out: Gap[] = [];
  let pq = -1;
  let ps = -1;
  for (let k = 0; k <= w.pairs.length; k++) {
    const [nq, ns] = k < w.pairs.length ? w.pairs[k] : [w.q.length, w.s.length];
    if (nq > pq + 1 || ns > ps + 1) out.push({ qa: pq + 1, qb: nq, sa: ps + 1, sb: ns, inner: k > 0 && k < w.pairs.length });
    pq = nq;
    ps = ns;
  }
  return out;
}

/** Base forms of a comparative or superlative: "larger" -> "large", "bigger" -> "big", "lowest" -> "low". */
function bases(w: string): string[] {
  const out = [w];
  const m = /^(\w{2,}?)(er|est)$/.exec(w);
  if (m) {
    const b = m[1].replace(/i$/, 'y');
    out.push(b, `${b}e`);
    if (/(\w)\1$/.test(b)) out.push(b.slice(0, -1));
  }
  return out;
}

function opposite(a: string, b: string): boolean {
  for (const x of bases(a)) for (const y of bases(b)) if (areOpposites(stem(x), stem(y))) return true;
  return false;
}

/** A name written with a typo ("Standford" for "Stanford"): one or two letters apart in a long word. */
function misspelt(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 2) return false;
  // Levenshtein distance, capped at 3.
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

/**
 * A formal or short form of the same name, as spinners write it: initials ("EU" for "European Union", "BBC"
 * for "British Broadcasting Corporation") or a WordNet synonym ("Tories" for "Conservative Party").
 */
function sameName(short: Tok[], long: Tok[]): boolean {
  const bare = short.map((t) => t.surface.replace(/['’]s$/, '').replace(/\./g, '')).join('');
  const initials = long
    .flatMap((t) => t.surface.split(/\s+/))
    .filter((w) => !/^(?:of|the|and|for)$/i.test(w))
    .map((w) => w[0])
    .join('');
  if (bare.length >= 2 && bare.toUpperCase() === bare && initials.toUpperCase() === bare) return true;
  if (short.length !== 1) return false;
  const phrase = long.map((t) => t.norm).join(' ');
  return areSynonyms(short[0].norm, phrase) || areSynonyms(stem(short[0].low.replace(/ies$/, 'y')), phrase);
}

/** Most words on either side of a gap for its words to be read as replacements of each other. */
const MAX_GAP = 4;

/**
 * Facts of the source that the article changed: numbers, names, dates, negations, verdict words. Synonym
 * swaps are aligned as the same word and so are never facts. The first word of either side is no name for
 * its capital alone.
 */
export function changedFacts(w: WordAlignment): ChangedFact[] {
  const { q, s } = w;
  const out: ChangedFact[] = [];
  const span = (a: number, b: number) => ({ start: q[a].start, end: q[b - 1].end });
  const words = (toks: Tok[], a: number, b: number) => toks.slice(a, b).map((t) => t.surface).join(' ');
  // Negation: only when the sentence and its source differ in how many they have (a moved "not" is no change).
  const negQ = q.filter(isNegation).length;
  const negS = s.filter(isNegation).length;
  for (const g of gaps(w)) {
    const gq = q.slice(g.qa, g.qb);
    const gs = s.slice(g.sa, g.sb);
    if (g.inner && negQ !== negS) {
      const nq = gq.filter(isNegation);
      const ns = gs.filter(isNegation);
      // The side that lost its negation must not say it with a verb instead ("not" -> "refuse to").
      const reworded = nq.length > ns.length ? gs.some(negativeVerb) : gq.some(negativeVerb);
      if (nq.length !== ns.length && gq.length <= MAX_GAP && gs.length <= MAX_GAP && !reworded) {
        const at = g.qb > g.qa ? span(g.qa, g.qb) : { start: q[g.qb].start, end: q[g.qb].end };
        out.push({ kind: 'negation', from: words(s, g.sa, g.sb), to: words(q, g.qa, g.qb), added: nq.length > ns.length, ...at });
        continue;
      }
    }
    // The rest are replacements: words on both sides, few of them (an added or cut clause is not a change).
    if (!gq.length || !gs.length || gq.length > MAX_GAP || gs.length > MAX_GAP) continue;
    if (!g.inner && (gq.length > 2 || gs.length > 2)) continue;
    // Numbers, with their scale words: "12" -> "15", "$5 million" -> "$5 billion".
    // A scale word whose figure the other sentence gives is no change ("$5.4 million" for "$5.4m").
    const figQ = figures(q);
    const figS = figures(s);
    const kept = (t: Tok, toks: Tok[], figs: { tok: Tok; v: string }[], other: { v: string }[]) => {
      if (isNumber(t)) return true;
      if (SCALES[t.low] === undefined) return false;
      const k = toks.indexOf(t);
      const f = k > 0 && isNumber(toks[k - 1]) ? figs.find((x) => x.tok === toks[k - 1]) : undefined;
      return !f || !other.some((o) => sameValue(f.v, o.v));
    };
    const numQ = gq.filter((t) => kept(t, q, figQ, figS));
    const numS = gs.filter((t) => kept(t, s, figS, figQ));
    if (numQ.length && numS.length && numQ.length !== numS.length) {
      // Uneven: "rose 2% to $6bn" against "fell 2% to $5.64bn (£4.6bn)", a conversion in brackets beside the
      // figure. Figures (a number with its scale) of each side that the other sentence gives nowhere, paired in
      // order; a figure rounded on one side is the same figure.
      const fq = figures(gq).filter((f) => !figS.some((o) => sameValue(f.v, o.v)));
      const fs = figures(gs).filter((f) => !figQ.some((o) => sameValue(f.v, o.v)));
      for (let k = 0; k < Math.min(fq.length, fs.length); k++) {
        const b = fq[k].tok;
        out.push({ kind: 'number', from: fs[k].tok.surface, to: b.surface, start: b.start, end: b.end });
      }
      continue;
    }
    if (numQ.length && numQ.length === numS.length) {
      for (let k = 0; k < numQ.length; k++) {
        const a = numS[k];
        const b = numQ[k];
        const va = SCALES[a.low] ?? a.norm;
        const vb = SCALES[b.low] ?? b.norm;
        if (va === vb) continue;
        out.push({ kind: isYear(a) && isYear(b) ? 'date' : 'number', from: a.surface, to: b.surface, start: b.start, end: b.end });
      }
      continue;
    }
    // Weekdays and months: "on Monday" -> "on Tuesday".
    const dq = gq.filter(isDateWord);
    const ds = gs.filter(isDateWord);
    if (dq.length === 1 && ds.length === 1 && dq[0].low !== ds[0].low) {
      out.push({ kind: 'date', from: ds[0].surface, to: dq[0].surface, start: dq[0].start, end: dq[0].end });
      continue;
    }
    // Verdict words: words replaced by their opposites ("acquitted" -> "convicted", "larger" -> "smaller").
    const used = new Set<Tok>();
    for (const b of gq) {
      const a = gs.find((x) => !used.has(x) && opposite(x.low, b.low));
      if (!a) continue;
      used.add(a);
      out.push({ kind: 'verdict', from: a.surface, to: b.surface, start: b.start, end: b.end });
    }
    if (used.size) continue;
    // Names: a run of capitalised words replaced by another ("Senator Obama" -> "Senator Trump").
    const nq = gq.filter((t) => isName(t, t === q[0]));
    const ns = gs.filter((t) => isName(t, t === s[0]));
    if (nq.length && ns.length && nq.length === gq.filter((t) => t.content).length && ns.length === gs.filter((t) => t.content).length) {
      const from = ns.map((t) => t.surface).join(' ');
      const to = nq.map((t) => t.surface).join(' ');
      // Initials or a shortened form of the same name are no change ("J. Smith", "Smith" for "John Smith").
      const fl = from.toLowerCase();
      const tl = to.toLowerCase();
      if (fl.includes(tl) || tl.includes(fl) || sameName(ns, nq) || sameName(nq, ns) || misspelt(fl, tl)) continue;
      out.push({ kind: 'name', from, to, start: nq[0].start, end: nq[nq.length - 1].end });
    }
  }
  return out;
}
