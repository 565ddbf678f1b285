// Lifted fragments: a sentence in new wording that keeps a distinctive run of a source sentence word for word
// ("..., in a black homburg and overcoat, ..."). Independent reports of one event share names and stock
// phrases ("said on Tuesday", "Prime Minister Tony Blair"), so a run counts only when it is long, holds rare
// words and is not names alone.
import type { MeaningSide, MeaningWord } from './meaning.js';

/** Tokens (function words included) a lifted run spans at least. */
export const MIN_RUN_TOKENS = 4;
/** Content words in it at least... */
export const MIN_RUN_CONTENT = 3;
/** ...whose rarity weights (src/reuse/meaning.ts: ~2 for "said", ~6 for words past the 40,000th) sum to this. */
export const MIN_RUN_WEIGHT = 13;
/** A run of at most this many content words is short (see `distinctive`). */
export const SHORT_RUN_CONTENT = 4;

export interface Run {
  /** Token ranges, half-open, in the article sentence and the source sentence. */
  qa: number;
  qb: number;
  sa: number;
  sb: number;
}

const fold = (s: string) => s.replace(/[’‘]/g, "'").replace(/\./g, '');

/** Distinctive runs of s that q repeats word for word, longest first, not overlapping on either side. */
export function liftedRuns(q: MeaningSide, s: MeaningSide): Run[] {
  const a = q.toks;
  const b = s.toks;
  const n = a.length;
  const m = b.length;
  if (n < MIN_RUN_TOKENS || m < MIN_RUN_TOKENS) return [];
  const al = a.map((t) => fold(t.low));
  const bl = b.map((t) => fold(t.low));
  // Common-substring lengths ending at (i, j).
  const len = new Uint16Array((n + 1) * (m + 1));
  const found: { i: number; j: number; k: number }[] = [];
  for (let i = 1; i <= n; i++)
    for (let j = 1; j <= m; j++) {
      if (al[i - 1] !== bl[j - 1]) continue;
      const k = (len[i * (m + 1) + j] = len[(i - 1) * (m + 1) + j - 1] + 1);
      // A maximal run ends where the next pair differs.
      if (k >= MIN_RUN_TOKENS && (i === n || j === m || al[i] !== bl[j])) found.push({ i, j, k });
    }
  if (!found.length) return [];
  const qWord = new Map<number, MeaningWord>(q.words.map((w) => [w.i, w]));
  found.sort((x, y) => y.k - x.k || x.i - y.i);
  const usedQ = new Uint8Array(n);
  const usedS = new Uint8Array(m);
  const out: Run[] = [];
  for (const { i, j, k } of found) {
    const run = { qa: i - k, qb: i, sa: j - k, sb: j };
    let free = true;
    for (let x = run.qa; x < run.qb && free; x++) free = !usedQ[x];
    for (let x = run.sa; x < run.sb && free; x++) free = !usedS[x];
    if (!free || !distinctive(q, s, qWord, run)) continue;
    usedQ.fill(1, run.qa, run.qb);
    usedS.fill(1, run.sa, run.sb);
    out.push(run);
  }
  if (!out.length || !newWording(q, s, usedQ, usedS)) return [];
  return out.sort((x, y) => x.qa - y.qa);
}

/** Most words outside the lifted runs are new: else the sentence is a reworded or edited copy, not a fragment. */
export const MAX_SHARED_OUTSIDE = 0.4;

function newWording(q: MeaningSide, s: MeaningSide, usedQ: Uint8Array, usedS: Uint8Array): boolean {
  const sNorms = new Set(s.words.filter((w) => !usedS[w.i]).map((w) => w.norm));
  const outside = q.words.filter((w) => !usedQ[w.i]);
  if (!outside.length) return false;
  const shared = outside.filter((w) => sNorms.has(w.norm)).length;
  return shared <= MAX_SHARED_OUTSIDE * outside.length;
}

function distinctive(q: MeaningSide, s: MeaningSide, words: Map<number, MeaningWord>, r: Run): boolean {
  let content = 0;
  let weight = 0;
  let plain = 0;
  let quoted = 0;
  let marked = false;
  for (let x = r.qa; x < r.qb; x++) {
    const w = words.get(x);
    if (!w) continue;
    // A name, a figure in digits or a rare word: what marks a short run as one text's (a number spelt as a
    // word, "one count of", is everyday wording).
    const t = q.toks[x];
    if (t.rare || (w.anchor && (!/^\d/.test(w.norm) || /^\d/.test(t.surface)))) marked = true;
    if (q.quoted[x] || s.quoted[r.sa + x - r.qa]) quoted++;
    content++;
    weight += w.w;
    // A lowercase content word, not a number nor a news-common word ("said"): the run is wording, not a name
    // with its title ("Dean McCarron, principal analyst at Mercury Research").
    if (!/^[\p{Lu}\p{N}]/u.test(q.toks[x].surface) && !q.toks[x].common) plain++;
  }
    // Words quoted on either side are the speaker's, which every report of the statement repeats.
  // In a short run plain words must outnumber the rest: a title before a name or a date before a stock noun
  // is no lifted wording ("harbour master Ana Ruiz", "after the 12 March harbour fire"). A long one may be
  // half names ("led by director Ana Ruiz and technical director Tom Hale").
  const enoughPlain = content > SHORT_RUN_CONTENT ? plain * 2 >= content : plain * 2 > content;
  // A short run of everyday words alone is a set phrase of its subject, which every report of the fact uses
  // ("pleaded guilty to perjury", "pay and pensions for public workers", "charged with three counts of
  // arson": the kind of phrase, reworded here, behind the same-event tune half's independent fragment links); it needs a name, a figure or a rare word.
  const enoughMarked = content > SHORT_RUN_CONTENT || marked;
  return content >= MIN_RUN_CONTENT && weight >= MIN_RUN_WEIGHT && plain >= 2 && enoughPlain && enoughMarked && quoted * 2 < content;
}
