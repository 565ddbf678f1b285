// The document pass of tracing: an article rewritten as a whole from one source. Sentence by sentence the
// evidence is weak (the wording is new and facts are changed), but many sentences of the article each restate
// a sentence of ONE indexed document, in the same order. Independent reports of one event share names,
// places and numbers too, so the pass asks for what they rarely have: the source's sentences followed in
// order through most of both texts.
import type { SourceMatch } from '../model/types.js';
import type { Tok } from './normalize.js';
import { compare, meaningSide, sentenceCosine, type Comparison, type MeaningFact, type MeaningSide } from './meaning.js';
import { sentenceToks, type SourceDoc, type SourceText, type TraceInput } from './trace.js';
import type { AlteredRestatement } from './trace-meaning.js';

/**
 * Candidate documents: those the untraced sentences reach through a fingerprint, at most MAX_CANDIDATES of
 * them (most reached first); the MAX_DOCS reached most are compared sentence by sentence, and also the one the
 * whole article resembles most (content words weighted by rarity) when it stands out (FOLLOW_MARGIN below). A
 * rewrite keeps its source's subject, names and rarer words while it rewords each sentence: the count of
 * sentences that reach a document through a chance fingerprint often put another story first (FakeNewsAMT
 * tune half: the twin was first by that count for about half the fakes missed, first by shared words for
 * nearly all).
 */
const MAX_CANDIDATES = 8;
const MAX_DOCS = 2;
/** Source sentences read from one document at most (the rest of a long document is not compared). */
const MAX_DOC_SENTENCES = 400;
/** Source sentences compared per article sentence, nearest by sentence vector first. */
const NEAREST = 4;
/**
 * A pair of sentences enters a chain at this verifier confidence (facts aside: a rewrite changes them). The
 * bars below were set for the logistic verifier and set again for the boosted one, whose scores for weak pairs
 * run lower (FakeNewsAMT tune half 55 → 60 fakes to their twin, none to another document; the tune-side
 * negatives of bench/paraphrase/doc-negatives.ts unchanged at 0.1/0.26/0.15 and at these).
 */
const PAIR_BAR = 0.05;
/** Untraced sentences the pass needs (a two-sentence article may be a whole rewrite: FOLLOW below). */
export const MIN_LEFT = 2;
/** A chain links at least this many sentences... */
const MIN_CHAIN = 3;
/** ...covering this share of the article's sentences and this share of the source's... */
const Q_SHARE = 0.4;
const S_SHARE = 0.3;
/**
 * ...with this mean confidence. A pair at the bar is weak evidence: BBC stories of one shape (monthly figures,
 * results, award nights) follow each other's order through a third of both texts (bench/paraphrase/
 * doc-negatives.ts, tuning material), under the logistic verifier at mean confidence up to 0.24.
 */
const MIN_MEAN = 0.2;
/**
 * A chain over most of both texts (a short article restated sentence after sentence) needs less: on the
 * tuning negatives no chain of 3 covered half of both texts; FakeNewsAMT's whole rewrites do (at mean 0.16–0.21
 * under the logistic verifier, lower under the boosted one).
 */
const WHOLE_SHARE = 0.6;
const WHOLE_MEAN = 0.1;
/**
 * A short source followed: a chain of two or more pairs over half the source's sentences and a third of the
 * article's, at any mean confidence, when the document is the one the article most resembles as a whole (its
 * word overlap at least FOLLOW_COS and FOLLOW_MARGIN times the next candidate's). A rewrite of a short story
 * restates most of it, sentence after sentence, each pair weak (a survey's share of jobs at risk restated as a
 * different share of firms already replacing staff); an independent report of one event restates little of a
 * longer report, and a story of the same shape (monthly figures, a match report) has neighbours it resembles
 * as much. Read on the tune halves (FakeNewsAMT, same-event reports, bench/paraphrase/doc-negatives.ts):
 * chains of 2 covering half the source ran at mean 0.05–0.6 for fakes and their twin; no same-event report
 * covered half of its event's indexed (longest) report; BBC neighbours rarely stand out (against the whole
 * index: margin median 1.07, 95% under 1.5).
 */
const FOLLOW_CHAIN = 2;
const FOLLOW_Q_SHARE = 0.3;
const FOLLOW_S_SHARE = 0.5;
const FOLLOW_COS = 0.2;
const FOLLOW_MARGIN = 1.5;

interface Pair {
  i: number;
  j: number;
  c: Comparison;
}

/**
 * Links the untraced sentences `left` of an article to the one indexed document they follow in order, when
 * the chain of restated sentences is long, covers enough of both texts and is confident enough on average
 * (see the constants above). `reach`: indexed documents by number, with the sentences that share a
 * fingerprint with them. Writes `out` for the linked sentences and `notes` for the facts they change.
 */
export async function traceDocument(
  text: string,
  sentences: TraceInput[],
  qToks: Tok[][],
  left: number[],
  reach: Map<number, Set<number>>,
  load: (n: number) => Promise<SourceDoc | null>,
  out: SourceMatch[][],
  texts: Map<string, SourceText> | undefined,
  notes: AlteredRestatement[] | undefined,
): Promise<void> {
  const qSides = new Map<number, MeaningSide>();
  const qSide = (i: number) => {
    let s = qSides.get(i);
    if (!s) qSides.set(i, (s = meaningSide(qToks[i], text, sentences[i].start, sentences[i].end)));
    return s;
  };
  // A sentence without a word vector is never near a source sentence (the pairs are the nearest by vector):
  // without MIN_LEFT that have one, no chain can form, so no document is read.
  left = left.filter((i) => qSide(i).vec !== null);
  // A whole rewrite of a long read is left to the sentence tiers: comparing thousands of sentences with each
  // candidate document's would cost seconds per article (a transcript, a live blog, hostile input).
  if (left.length < MIN_LEFT || left.length > MAX_DOC_SENTENCES) return;
  const leftSet = new Set(left);
  const reached = [...reach]
    .map(([n, set]) => [n, [...set].filter((i) => leftSet.has(i)).length] as const)
    .filter(([, k]) => k >= 1)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, MAX_CANDIDATES);
  if (!reached.length) return;
  // Each candidate read once (its sentences' meaning sides are what the comparison needs anyway).
  const qBag = wordBag(sentences.map((_, i) => qSide(i)));
  const cands: { d: SourceDoc; sSides: MeaningSide[]; cos: number }[] = [];
  for (const [n] of reached) {
    const d = await load(n);
    if (!d) continue;
    const ns = Math.min(d.spans.length, MAX_DOC_SENTENCES);
    const sSides: MeaningSide[] = [];
    for (let k = 0; k < ns; k++) sSides.push(meaningSide(sentenceToks(d, k), d.text, d.spans[k].start, d.spans[k].end));
    cands.push({ d, sSides, cos: bagCosine(qBag, wordBag(sSides)) });
  }
  // Compared: the MAX_DOCS reached by the most sentences, and the one the whole article resembles most when
  // it stands out (FOLLOW_MARGIN). Only a standing-out document is added: ranked by overlap alone, a BBC story
  // of the same shape (one player's future, another quote from him) came up and followed a third of the article.
  const byCos = [...cands].sort((a, b) => b.cos - a.cos);
  const margin = byCos.length > 1 ? byCos[0].cos / Math.max(byCos[1].cos, 1e-9) : Infinity;
  const dominant = byCos[0] && byCos[0].cos >= FOLLOW_COS && margin >= FOLLOW_MARGIN ? byCos[0] : null;
  const compared = cands.slice(0, MAX_DOCS);
  if (dominant && !compared.includes(dominant)) compared.push(dominant);
  // Body sentences of the article that say enough to compare: the denominator of its coverage.
  const body = qToks.filter((t) => t.filter((x) => x.content).length >= 4).length;
  let chosen: { d: SourceDoc; chain: Pair[]; sSides: MeaningSide[] } | null = null;
  for (const c of compared) {
    const { d, sSides } = c;
    const sBody = sSides.filter((s) => s.words.length >= 4).length;
    const pairs: Pair[] = [];
    for (const i of left) {
      if (out[i].length) continue;
      const q = qSide(i);
      const near = sSides
        .map((s, j) => ({ j, cos: s.words.length >= 2 ? sentenceCosine(q, s) : -1 }))
        .filter((x) => x.cos > 0)
        .sort((a, b) => b.cos - a.cos || a.j - b.j)
        .slice(0, NEAREST);
      for (const { j } of near) {
        const c = compare(q, sSides[j]);
        if (c.pRest >= PAIR_BAR) pairs.push({ i, j, c });
      }
    }
    const chain = longestChain(pairs);
    const qShare = chain.length / Math.max(1, body);
    const sShare = new Set(chain.map((p) => p.j)).size / Math.max(1, sBody);
    const mean = chain.reduce((a, p) => a + p.c.pRest, 0) / Math.max(1, chain.length);
    const whole = qShare >= WHOLE_SHARE && sShare >= WHOLE_SHARE && mean >= WHOLE_MEAN;
    const long = chain.length >= MIN_CHAIN && (whole || (qShare >= Q_SHARE && sShare >= S_SHARE && mean >= MIN_MEAN));
    const follow = c === dominant && chain.length >= FOLLOW_CHAIN && qShare >= FOLLOW_Q_SHARE && sShare >= FOLLOW_S_SHARE;
    if (!long && !follow) continue;
    // Two documents followed through the article: the longer chain is the source (one rewrite, one source).
    if (!chosen || chain.length > chosen.chain.length) chosen = { d, chain, sSides };
  }
  if (chosen) {
    const { d, chain, sSides } = chosen;
    // Names the whole source never writes, and names of the source the whole article never writes.
    const sourceWords = foldedWords(d.text);
    const articleWords = foldedWords(text);
    for (const p of chain) {
      if (out[p.i].length) continue;
      const span = d.spans[p.j];
      out[p.i] = [
        {
          docId: d.id,
          text: d.text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          similarity: p.c.similarity,
          kind: 'paraphrased',
          aligned: p.c.aligned,
          anchors: p.c.anchors,
          confidence: Math.round(p.c.pRest * 1000) / 1000,
        },
      ];
      // A name misspelt ("Brusewitz" written "Bruswtiz") is no changed name.
      const own = p.c.facts.filter((f) => f.kind !== 'name' || !misspelt(fold(f.from), fold(f.to)));
      const known = [...own, ...swappedNames(qSide(p.i), sSides[p.j], sourceWords, articleWords, p.c.facts)];
      const facts = [...known, ...swappedDates(qSide(p.i), sSides[p.j], known)];
      if (facts.length) notes?.push({ sentence: p.i, docId: d.id, text: d.text.slice(span.start, span.end), start: span.start, end: span.end, confidence: Math.round(p.c.pRest * 1000) / 1000, facts });
    }
    texts?.set(d.id, { title: d.title, text: d.text });
  }
}

/** Distinct content words of a text (frequent news words aside) with their rarity weights. */
function wordBag(sides: MeaningSide[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of sides) for (const w of x.words) if (!x.toks[w.i].common) m.set(w.norm, w.w);
  return m;
}

/** Cosine of two word bags, each word counted once at its rarity weight. */
function bagCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    if (b.has(k)) dot += v * v;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

const fold = (w: string) => w.toLowerCase().replace(/['’]s$/, '').replace(/[^\p{L}\p{N}]/gu, '');
function foldedWords(text: string): Set<string> {
  return new Set((text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? []).map(fold));
}

/** Runs of capitalised words inside a sentence (not its first word, nor a quotation's): names. */
function nameRuns(side: MeaningSide): { a: number; b: number; words: string[] }[] {
  const out: { a: number; b: number; words: string[] }[] = [];
  const t = side.toks;
  for (let i = 1; i < t.length; i++) {
    const cap = (k: number) => k > 0 && t[k].content && /^\p{Lu}/u.test(t[k].surface) && !(side.quoted[k] && !side.quoted[k - 1]);
    if (!cap(i)) continue;
    let j = i;
    while (j + 1 < t.length && cap(j + 1)) j++;
    out.push({ a: i, b: j + 1, words: t.slice(i, j + 1).map((x) => fold(x.surface)) });
    i = j;
  }
  return out;
}

/**
 * Names a rewrite put in place of its source's: a name of the article sentence that its whole source never
 * writes, while the source sentence has a name the whole article never writes ("... according to Ampere
 * Analysis" → "..., as per an analysis by the Harbour Gazette"). Only for a document the article is traced
 * to as a whole: a sentence pair alone says too little about which names are new. Paired in order.
 */
function swappedNames(q: MeaningSide, s: MeaningSide, sourceWords: Set<string>, articleWords: Set<string>, known: MeaningFact[]): MeaningFact[] {
  const fresh = (r: { a: number; b: number }) => !known.some((f) => f.start < q.toks[r.b - 1].end && q.toks[r.a].start < f.end);
  let added = nameRuns(q).filter((r) => r.words.every((w) => !sourceWords.has(w)) && fresh(r));
  // A source name is gone when a word of it is (the article may keep "analysis" of "Ampere Analysis").
  const gone = nameRuns(s).filter((r) => r.words.some((w) => w.length > 2 && !articleWords.has(w)));
  // A name the source gives elsewhere, moved into this sentence in place of the one name the whole article
  // dropped ("the Chamber of Commerce reports ..." → "the Labor Department noted ...", the source naming the
  // department further down): one name on each side, the sentence's only name its source sentence lacks.
  if (!added.length && gone.length === 1 && !gone[0].words.every((w) => DATE.test(w))) {
    const inSentence = new Set(s.toks.map((t) => fold(t.surface)));
    const local = nameRuns(q).filter((r) => r.words.every((w) => !inSentence.has(w)) && fresh(r));
    if (local.length === 1) added = local;
  }
  const out: MeaningFact[] = [];
  for (let k = 0; k < Math.min(added.length, gone.length); k++) {
    const a = added[k];
    const g = gone[k];
    // One name misspelt ("Brusewitz" written "Bruswtiz"): two letters apart in a long word is no new name.
    if (a.words.some((x) => g.words.some((y) => misspelt(x, y)))) continue;
    const surface = (side: MeaningSide, r: { a: number; b: number }) => side.toks.slice(r.a, r.b).map((x) => x.surface).join(' ');
    out.push({ kind: 'name', from: surface(s, g), to: surface(q, a), start: q.toks[a.a].start, end: q.toks[a.b - 1].end });
  }
  return out;
}

/** Weekdays and months, written out ("May" aside: a surname as often). */
const DATE = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

/**
 * A day or month a rewrite put in place of its source sentence's: each sentence names exactly one that the
 * other does not ("... crashed on Friday in Tempe" → "... crashed on Monday"). The pair's other words need
 * not stand beside it (a rewrite moves them); one date on each side is the slot.
 */
export function swappedDates(q: MeaningSide, s: MeaningSide, known: MeaningFact[]): MeaningFact[] {
  const dates = (side: MeaningSide) => side.toks.filter((t, k) => k > 0 && /^\p{Lu}/u.test(t.surface) && DATE.test(fold(t.surface)));
  const dq = dates(q);
  const ds = dates(s);
  if (dq.length !== 1 || ds.length !== 1) return [];
  const [a] = dq;
  const [b] = ds;
  if (fold(a.surface) === fold(b.surface) || known.some((f) => f.start < a.end && a.start < f.end)) return [];
  // A weekday for a month is two details, not one changed.
  if (/day$/.test(fold(a.surface)) !== /day$/.test(fold(b.surface))) return [];
  return [{ kind: 'name', from: b.surface, to: a.surface, start: a.start, end: a.end }];
}

/** One long name written with a slip or two: at most two edits apart (a swap of two letters is one), six letters or more. */
function misspelt(a: string, b: string): boolean {
  if (Math.min(a.length, b.length) < 6 || Math.abs(a.length - b.length) > 2) return false;
  // Edit distance with adjacent swaps (optimal string alignment).
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length] <= 2;
}

/**
 * The best chain of pairs in article order whose source sentences never go back (most pairs, then most
 * confidence). A Fenwick tree over source sentences keeps the best chain ending at or before each one, so a
 * long article with many untraced sentences costs O(P log n), not O(P²).
 */
function longestChain(pairs: Pair[]): Pair[] {
  const ps = [...pairs].sort((a, b) => a.i - b.i || a.j - b.j);
  const n = ps.reduce((m, p) => Math.max(m, p.j + 1), 0);
  const tree: number[] = new Array(n + 1).fill(-1); // index into ps of the best chain end, per Fenwick node
  const len: number[] = [];
  const sum: number[] = [];
  const prev: number[] = [];
  const better = (a: number, b: number) => b < 0 || len[a] > len[b] || (len[a] === len[b] && sum[a] > sum[b]);
  const query = (j: number) => {
    let best = -1;
    for (let x = j + 1; x > 0; x -= x & -x) if (tree[x] >= 0 && better(tree[x], best)) best = tree[x];
    return best;
  };
  const insert = (k: number) => {
    for (let x = ps[k].j + 1; x <= n; x += x & -x) if (better(k, tree[x])) tree[x] = k;
  };
  let best = -1;
  // Pairs of one article sentence cannot follow each other: each group reads the tree before any is inserted.
  for (let g = 0; g < ps.length; ) {
    let h = g;
    while (h < ps.length && ps[h].i === ps[g].i) h++;
    for (let k = g; k < h; k++) {
      const m = query(ps[k].j);
      len[k] = m < 0 ? 1 : len[m] + 1;
      sum[k] = (m < 0 ? 0 : sum[m]) + ps[k].c.pRest;
      prev[k] = m;
      if (better(k, best)) best = k;
    }
    for (let k = g; k < h; k++) insert(k);
    g = h;
  }
  const out: Pair[] = [];
  for (let k = best; k >= 0; k = prev[k]) out.push(ps[k]);
  return out.reverse();
}
