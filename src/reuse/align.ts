// Sentence-to-passage alignment: which words of an article sentence come from a source passage, and how
// they were altered (copied, edited, swapped for synonyms or formal names, reordered).
import type { ReuseKind } from '../model/types.js';
import type { Tok } from './normalize.js';
import { areSynonyms } from './synonyms.js';
import { vectors } from './vectors.js';

/** Acceptance: an article sentence is reused when at least this many of its content words align... */
export const MIN_MATCHED = 4;
/** ...and they are at least this share of its content words... */
export const MIN_COVERAGE = 0.7;
/** ...and the Dice similarity with the source passage reaches this. */
export const MIN_SIMILARITY = 0.6;
/** At least this many aligned words must be identical (after stemming) and not news-common words. */
export const MIN_EXACT_RARE = 3;

/**
 * Content-word acceptance of reordered words also needs this many distinct exact words past the
 * DISTINCTIVE_RANK most frequent (or unknown to the table: names, figures, rare terms). Otherwise the
 * evidence is a short quote's everyday words plus loose synonyms.
 */
export const MIN_DISTINCTIVE = 2;
/** Frequency rank (src/reuse/vectors.ts) under which a word says little about which text it came from. */
export const DISTINCTIVE_RANK = 1000;

/** Debug hook (benchmarks): called with the features of every accepted alignment. */
export const debug: { onAlign: ((f: Record<string, number>) => void) | null } = { onAlign: null };

export interface Alignment {
  kind: ReuseKind;
  similarity: number;
  /** Token index range in the source window's tokens (half-open), for the passage. */
  from: number;
  to: number;
  matched: number;
  substitutions: { from: string; to: string }[];
}

interface Pair {
  q: number; // index into q tokens
  s: number; // index into s tokens
  syn: boolean;
  /** Second word of a two-word synonym on the article side ("fourth dimension" for "time"). */
  q2?: number;
  /** Second word of a two-word synonym on the source side. */
  s2?: number;
}

// Separators between tokens, for the verbatim test: quotes and dashes folded, whitespace ignored.
function seps(text: string, toks: Tok[], start: number, end: number): string[] {
  const out: string[] = [];
  let prev = start;
  for (const t of toks) {
    out.push(fold(text.slice(prev, t.start)));
    prev = t.end;
  }
  out.push(fold(text.slice(prev, end)));
  return out;
}

function fold(s: string): string {
  return s.replace(/\s+/g, '').replace(/[“”„«»]/g, '"').replace(/[‘’‚]/g, "'").replace(/[–—]/g, '-');
}

/**
 * Aligns article sentence tokens `q` (text qText[qStart, qEnd)) against a source window `s`
 * (sText[sStart, sEnd), one or two sentences). Returns null when the sentence does not reuse the window.
 */
export function align(q: Tok[], qText: string, qStart: number, qEnd: number, s: Tok[], sText: string, sStart: number, sEnd: number): Alignment | null {
  const a = alignWords(q, qText, qStart, qEnd, s, sText, sStart, sEnd);
  if (a) return a;
  // An invented credit appended to a copied sentence ("..., the Evening Ledger reported."): its words are
  // attribution, not content, and would count as unaligned; align the sentence without it.
  const cut = creditStart(q, qText, qStart, qEnd);
  return cut > 0 ? alignWords(q.slice(0, cut), qText, qStart, qEnd, s, sText, sStart, sEnd) : null;
}

/** A trailing credit: ", [the] Name Name reported|said|wrote." or ", according to [the] Name Name." */
const CREDIT = /,\s*(?:(?:(?:the|The)\s+)?(?:[A-Z][\w'’&.-]*\s+){1,4}(?:reported|reports|said|says|wrote|writes|noted|added)|according to (?:the\s+)?(?:[A-Z][\w'’&.-]*\s*){1,4})[\s.!?"'”’]*$/;

/** Index of the first token of a trailing credit in q, or -1. */
function creditStart(q: Tok[], text: string, start: number, end: number): number {
  const m = CREDIT.exec(text.slice(start, end));
  if (!m) return -1;
  const at = start + m.index;
  const i = q.findIndex((t) => t.start >= at);
  return i;
}

function alignWords(q: Tok[], qText: string, qStart: number, qEnd: number, s: Tok[], sText: string, sStart: number, sEnd: number): Alignment | null {
  // Content words of each side.
  const qc: number[] = [];
  for (let i = 0; i < q.length; i++) if (q[i].content) qc.push(i);
  // Surface evidence, for short or plain sentences with few content words ("But he added: 'It's still too
  // early to say.'"): most of the words, function words included, in the same order.
  let surfaceChecked = false;
  let surfaceSpan: [number, number] | null = null;
  const surface = () => {
    if (!surfaceChecked) {
      surfaceChecked = true;
      surfaceSpan = surfaceMatch(q, s);
    }
    return surfaceSpan !== null;
  };
  if (qc.length < MIN_MATCHED && !surface()) return null;
  const sUsed = new Uint8Array(s.length);
  const qUsed = new Uint8Array(q.length);
  const pairs: Pair[] = [];
  // 1. Identical normalized words (stem, number, country).
  const byNorm = new Map<string, number[]>();
  for (let j = s.length - 1; j >= 0; j--) {
    if (!s[j].content) continue;
    const l = byNorm.get(s[j].norm);
    if (l) l.push(j);
    else byNorm.set(s[j].norm, [j]);
  }
  for (const i of qc) {
    const l = byNorm.get(q[i].norm);
    if (!l) continue;
    while (l.length && sUsed[l[l.length - 1]]) l.pop();
    const j = l.pop();
    if (j === undefined) continue;
    sUsed[j] = 1;
    qUsed[i] = 1;
    pairs.push({ q: i, s: j, syn: false });
  }
  let exactRare = 0;
  for (const p of pairs) if (!q[p.q].common) exactRare++;
  if (exactRare < MIN_EXACT_RARE && !surface()) return null;
  // Cheap bound before the synonym pass: even if every other content word matched, is there a chance?
  // 2. Synonyms (WordNet synset or synonym class), nearest position first.
  for (const i of qc) {
    if (qUsed[i]) continue;
    let best = -1;
    for (let j = 0; j < s.length; j++) {
      if (sUsed[j] || !s[j].content) continue;
      if (s[j].key === q[i].key || areSynonyms(q[i].norm, s[j].norm)) {
        best = j;
        break;
      }
    }
    if (best >= 0) {
      sUsed[best] = 1;
      qUsed[i] = 1;
      pairs.push({ q: i, s: best, syn: true });
    }
  }
  // 3. Two-word synonyms either way: "organic structure" for "body", "set up" for "establish".
  let absorbedQ = 0;
  let absorbedS = 0;
  for (const i of qc) {
    if (qUsed[i]) continue;
    const i2 = i + 1 < q.length && !qUsed[i + 1] ? i + 1 : -1;
    const phraseQ = i2 >= 0 ? `${q[i].norm} ${q[i2].norm}` : null;
    for (let j = 0; j < s.length; j++) {
      if (sUsed[j] || !s[j].content) continue;
      if (phraseQ && areSynonyms(phraseQ, s[j].norm)) {
        sUsed[j] = qUsed[i] = qUsed[i2] = 1;
        if (q[i2].content) absorbedQ++;
        pairs.push({ q: i, s: j, syn: true, q2: i2 });
        break;
      }
      const j2 = j + 1 < s.length && !sUsed[j + 1] ? j + 1 : -1;
      if (j2 >= 0 && areSynonyms(q[i].norm, `${s[j].norm} ${s[j2].norm}`)) {
        sUsed[j] = sUsed[j2] = qUsed[i] = 1;
        if (s[j2].content) absorbedS++;
        pairs.push({ q: i, s: j, syn: true, s2: j2 });
        break;
      }
    }
  }
  slotFills(q, s, pairs, qUsed, sUsed, qc.length);
  const qcn = qc.length - absorbedQ;
  const matched = pairs.length;
  pairs.sort((x, y) => x.q - y.q);
  // Order: the longest run of aligned pairs in the same order (LIS over source positions).
  const inOrder = lis(pairs.map((p) => p.s));
  let sContent = 0;
  for (const t of s) if (t.content) sContent++;
  // Containment: the whole source sentence, in order, inside a longer article sentence ("Net profit was up
  // 6% at $16.6bn, the Evening Ledger reported."): an added credit or clause.
  // The added words must sit on one side: an appended credit or a leading attribution, not a longer
  // sentence around a short one ("That was the warning the harbour master gave again on Friday, when...").
  let oneSided = false;
  if (sContent >= 4 && exactRare >= MIN_EXACT_RARE && matched >= 0.9 * sContent && matched >= 0.5 * qcn && inOrder >= matched - 1) {
    const firstQ = pairs[0].q;
    const lastQ = pairs[pairs.length - 1].q;
    let inside = 0;
    let beforeQ = 0;
    let afterQ = 0;
    for (const i of qc) {
      if (qUsed[i]) continue;
      if (i < firstQ) beforeQ++;
      else if (i > lastQ) afterQ++;
      else inside++;
    }
    oneSided = inside <= 1 && (beforeQ === 0 || afterQ === 0);
  }
  const contained = oneSided;
  // A word matched twice is one piece of evidence, not two: "On Sunday we missed by two goals, today one
  // goal." against another speaker's "We missed two goals, yet we still have one more goal" matches "goal"
  // twice (a tune-half link, reworded here).
  const repeats = pairs.length - new Set(pairs.map((p) => q[p.q].norm)).size;
  let byContent = matched - repeats >= MIN_MATCHED && (matched - repeats) / (qcn - repeats) >= MIN_COVERAGE;
  // Words any quote uses are no evidence of copying: a player's "Three chances to win the game, and I didn't."
  // was linked to another's "...one chance you must take. We didn't, and the game drifted away" (both
  // reworded here) on "chance", "game", "didn't" and win~take, out of order (doc-negatives, tune side). When
  // the aligned words are out of order (two or more off the longest in-order run), content coverage needs two
  // distinctive words shared exactly; plain words in the source's order (a spun copy: "The second half set out
  // as quietly as the foremost.") and a sentence copied nearly whole (its surface) still pass.
  if (byContent && !contained && matched - inOrder >= 2 && distinctiveExact(q, pairs) < MIN_DISTINCTIVE) byContent = false;
  if (!byContent && !contained && !surface()) return null;

  // The source passage: from the first to the last aligned word, widened to the window's edges when at
  // most one content word lies outside (a whole sentence reused keeps its whole sentence).
  let lo = s.length;
  let hi = -1;
  for (const p of pairs) {
    if (p.s < lo) lo = p.s;
    if (p.s > hi) hi = p.s;
  }
  if (surfaceSpan) [lo, hi] = [Math.min(lo, surfaceSpan[0]), Math.max(hi, surfaceSpan[1])];
  if (hi < 0) return null;
  let before = 0;
  for (let j = 0; j < lo; j++) if (s[j].content) before++;
  let after = 0;
  for (let j = hi + 1; j < s.length; j++) if (s[j].content) after++;
  const from = before <= 1 ? 0 : lo;
  const to = after <= 1 ? s.length : hi + 1;
  // A part of a longer source sentence (a split): only when the part is copied nearly whole and in order;
  // otherwise two sentences merely share a clause's worth of topic words ("GM said ... healthcare costs").
  if ((from > 0 || to < s.length) && !surfaceSpan && !(matched >= 5 && matched >= 0.85 * qcn && inOrder >= matched - 1)) {
    if (!surface()) return null;
  }
  let spanContent = -absorbedS;
  for (let j = from; j < to; j++) if (s[j].content) spanContent++;
  let dice = qcn + spanContent ? (2 * matched) / (qcn + spanContent) : 1;
  if (dice < MIN_SIMILARITY && !contained) {
    if (!surface()) return null;
    // Accepted on its surface: score it on all its words.
    const [a, b] = surfaceSpan!;
    dice = Math.max(dice, (2 * lcsLength(q, s, a, b + 1)) / (q.length + b + 1 - a));
  }

  // Verbatim: the same words with the same punctuation, as the whole window or a contiguous part of it.
  if (matched === qc.length && q.length <= to - from) {
    const qs = seps(qText, q, qStart, qEnd);
    for (let off = from; off + q.length <= to; off++) {
      let same = true;
      for (let i = 0; i < q.length && same; i++) same = q[i].low === s[off + i].low;
      if (!same) continue;
      const b = off + q.length === s.length ? sEnd : s[off + q.length - 1].end;
      const ss = seps(sText, s.slice(off, off + q.length), off === 0 ? sStart : s[off].start, b);
      // Inner separators must agree; edges may differ only where the source sentence continues.
      let punct = true;
      for (let i = 1; i < q.length && punct; i++) punct = qs[i] === ss[i];
      if (punct && qs[0] === ss[0] && qs[q.length] === ss[q.length]) {
        return { kind: 'verbatim', similarity: 1, from: off, to: off + q.length, matched, substitutions: [] };
      }
      break;
    }
  }

  const reordered = matched - inOrder >= 2;

  const substitutions: { from: string; to: string }[] = [];
  let spin = reordered;
  for (const p of pairs) {
    const a = s[p.s];
    const b = q[p.q];
    if (p.syn && (a.norm !== b.norm || p.q2 !== undefined || p.s2 !== undefined)) {
      const from = p.s2 !== undefined ? sText.slice(a.start, s[p.s2].end) : a.surface;
      const to = p.q2 !== undefined ? qText.slice(b.start, q[p.q2].end) : b.surface;
      substitutions.push({ from, to });
      spin = true;
    } else if (a.norm.startsWith('@') && a.low.replace(/\./g, '') !== b.low.replace(/\./g, '')) {
      // "Russia" -> "Russian Federation"
      substitutions.push({ from: a.surface, to: b.surface });
      spin = true;
    }
  }
  // Unexplained replacements: an unaligned article word where an unaligned source word stood, between the
  // same aligned neighbours ("rose" -> "fell", "12" -> "15").
  const order = pairs.filter((p) => p.q >= 0).sort((x, y) => x.q - y.q);
  let prevQ = -1;
  let prevS = from - 1;
  for (let k = 0; k <= order.length; k++) {
    const nq = k < order.length ? order[k].q : q.length;
    const ns = k < order.length ? order[k].s : to;
    if (ns > prevS) {
      const gq: number[] = [];
      const gs: number[] = [];
      for (let i = prevQ + 1; i < nq; i++) if (q[i].content && !qUsed[i]) gq.push(i);
      for (let j = prevS + 1; j < ns; j++) if (s[j].content && !sUsed[j]) gs.push(j);
      for (let t = 0; t < Math.min(gq.length, gs.length); t++) {
        const a = s[gs[t]];
        const b = q[gq[t]];
        substitutions.push({ from: a.surface, to: b.surface });
        // A changed number or name is an edit of the facts; a changed word is a rewording.
        if (!/^\d/.test(a.norm) && !/^\d/.test(b.norm)) spin = true;
      }
      prevS = ns;
    }
    prevQ = nq;
  }
  debug.onAlign?.({ matched, qc: qcn, exactRare, dice, spanContent, inOrder, syn: pairs.filter((p) => p.syn).length, subs: substitutions.length });
  const similarity = Math.min(0.99, Math.round(dice * 1000) / 1000);
  return { kind: spin ? 'spun' : 'edited', similarity, from, to, matched, substitutions };
}

/** A word past the DISTINCTIVE_RANK most frequent, or unknown to the table (names, figures, rare terms). */
export function distinctive(t: Tok): boolean {
  const w = t.low.replace(/['’]s$/, '').replace(/\./g, '');
  // A contraction ("didn't", "we'll") is a function word the table does not list.
  if (/n['’]t$|['’](?:ll|ve|re|d|m)$/.test(w)) return false;
  // The most frequent of the word and its bare forms: "chances" is as plain as "chance".
  const index = vectors().index;
  let r = Infinity;
  for (const f of [w, w.replace(/s$/, ''), w.replace(/es$/, ''), w.replace(/e?d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')]) r = Math.min(r, index.get(f) ?? Infinity);
  return r >= DISTINCTIVE_RANK;
}

/** Distinct exactly matched words of q that are distinctive. */
function distinctiveExact(q: Tok[], pairs: Pair[]): number {
  const seen = new Set<string>();
  for (const p of pairs) if (!p.syn && distinctive(q[p.q])) seen.add(q[p.q].norm);
  return seen.size;
}

/** Slot fills need at least this many exact pairs, and exact pairs at least this share of the content words. */
const SLOT_MIN_EXACT = 4;
const SLOT_EXACT_SHARE = 0.5;
/** Replaced words in a row, at most (a longer run of new words is new wording, not a swap). */
const SLOT_MAX_RUN = 2;

/**
 * Slot fills: a spinner replaces a word in place, whatever thesaurus it draws from ("Local fishermen have
 * complained that construction at the northern pier blocked their moorings" → "Local villagers have chattered
 * that carpentry at the northern pier blocked their gardens"). Between two aligned neighbours (or a sentence edge on both sides), a gap with the
 * same number of words on both sides, the same function words in the same places and only unaligned content
 * words elsewhere pairs those content words up, one for one. Numbers and capitalised words never fill a slot
 * (a changed figure or name is an edit of the facts). Only when most of the sentence already aligned word for
 * word: the slots then cannot outnumber the exact pairs.
 */
function slotFills(q: Tok[], s: Tok[], pairs: Pair[], qUsed: Uint8Array, sUsed: Uint8Array, qContent: number): void {
  let exact = 0;
  for (const p of pairs) if (!p.syn) exact++;
  if (exact < SLOT_MIN_EXACT || exact < SLOT_EXACT_SHARE * qContent) return;
  const ordered = [...pairs].sort((x, y) => x.q - y.q);
  const added: Pair[] = [];
  // The first word of a sentence is capitalised whatever it is.
  const swappable = (t: Tok, first: boolean) => t.content && !/^\d/.test(t.norm) && !t.norm.startsWith('@') && (first || !/^\p{Lu}/u.test(t.surface));
  for (let k = 0; k <= ordered.length; k++) {
    const a = ordered[k - 1];
    const b = ordered[k];
    const qa = a ? (a.q2 ?? a.q) + 1 : 0;
    const sa = a ? (a.s2 ?? a.s) + 1 : 0;
    const qb = b ? b.q : q.length;
    const sb = b ? b.s : s.length;
    const n = qb - qa;
    if (n <= 0 || sb - sa !== n) continue;
    const fill: Pair[] = [];
    let ok = true;
    let run = 0;
    for (let t = 0; t < n && ok; t++) {
      const x = q[qa + t];
      const y = s[sa + t];
      if (!x.content && !y.content) {
        ok = x.norm === y.norm;
        run = 0;
      } else if (!qUsed[qa + t] && !sUsed[sa + t] && swappable(x, qa + t === 0) && swappable(y, sa + t === 0)) {
        fill.push({ q: qa + t, s: sa + t, syn: true });
        ok = ++run <= SLOT_MAX_RUN;
      } else ok = false;
    }
    if (!ok || !fill.length) continue;
    added.push(...fill);
  }
  for (const p of added) qUsed[p.q] = sUsed[p.s] = 1;
  // A clause moved elsewhere breaks the gaps above ("X, when Y" → "When Y, X"): also walk out from each
  // aligned pair, both ways, in step on both sides, taking swapped words that the same function word or
  // another aligned pair then confirms.
  const partner = new Map<number, number>(pairs.map((p) => [p.q, p.s]));
  for (const p of ordered) {
    for (const dir of [-1, 1]) {
      let tentative: Pair[] = [];
      for (let d = 1; ; d++) {
        const i = p.q + dir * d;
        const j = p.s + dir * d;
        const qOut = i < 0 || i >= q.length;
        const sOut = j < 0 || j >= s.length;
        if (qOut || sOut) {
          if (qOut && sOut) confirm();
          break;
        }
        const x = q[i];
        const y = s[j];
        if ((!x.content && !y.content && x.norm === y.norm) || partner.get(i) === j) confirm();
        else if (!qUsed[i] && !sUsed[j] && swappable(x, i === 0) && swappable(y, j === 0) && tentative.length < SLOT_MAX_RUN) tentative.push({ q: i, s: j, syn: true });
        else break;
        if (tentative.length > SLOT_MAX_RUN) break;
      }
      function confirm() {
        for (const t of tentative) {
          qUsed[t.q] = sUsed[t.s] = 1;
          added.push(t);
        }
        tentative = [];
      }
    }
  }
  if (added.length > exact) {
    for (const p of added) qUsed[p.q] = sUsed[p.s] = 0;
    return;
  }
  pairs.push(...added);
}

/** Minimum words for the surface test, and the share of them that must align in order. */
const SURFACE_MIN_WORDS = 6;
const SURFACE_SHARE = 0.8;

/** LCS of all words (normalized) of q against s[a, b). */
function lcsLength(q: Tok[], s: Tok[], a: number, b: number): number {
  const m = b - a;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < m; j++) cur[j + 1] = q[i].norm === s[a + j].norm ? prev[j] + 1 : Math.max(prev[j + 1], cur[j]);
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/**
 * The source token range [lo, hi] where most of q's words (function words included) occur in order, or
 * null: SURFACE_SHARE of q's words aligned, in a range no longer than q's words by that share.
 */
function surfaceMatch(q: Tok[], s: Tok[]): [number, number] | null {
  if (q.length < SURFACE_MIN_WORDS) return null;
  // Cheap bound: enough shared words at all?
  const bag = new Map<string, number>();
  for (const t of s) bag.set(t.norm, (bag.get(t.norm) ?? 0) + 1);
  let shared = 0;
  for (const t of q) {
    const n = bag.get(t.norm);
    if (n) {
      shared++;
      bag.set(t.norm, n - 1);
    }
  }
  if (shared < q.length * SURFACE_SHARE) return null;
  // Full LCS table to recover where the aligned words sit in s.
  const n = q.length;
  const m = s.length;
  const dp = new Uint16Array((n + 1) * (m + 1));
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++)
      dp[i * (m + 1) + j] = q[i - 1].norm === s[j - 1].norm ? dp[(i - 1) * (m + 1) + j - 1] + 1 : Math.max(dp[(i - 1) * (m + 1) + j], dp[i * (m + 1) + j - 1]);
  const len = dp[n * (m + 1) + m];
  if (len < n * SURFACE_SHARE) return null;
  let lo = m;
  let hi = -1;
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (q[i - 1].norm === s[j - 1].norm && dp[i * (m + 1) + j] === dp[(i - 1) * (m + 1) + j - 1] + 1) {
      lo = Math.min(lo, j - 1);
      hi = Math.max(hi, j - 1);
      i--;
      j--;
    } else if (dp[(i - 1) * (m + 1) + j] >= dp[i * (m + 1) + j - 1]) i--;
    else j--;
  }
  // The aligned words must lie close together in the source: no more than 1.4 source words per aligned word.
  if (hi - lo + 1 > len * 1.4 + 1) return null;
  return [lo, hi];
}

/** Length of the longest increasing subsequence. */
function lis(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}
