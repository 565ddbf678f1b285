import type { ReuseResult } from '../model/document.js';
// The meaning tier of tracing, for sentences the lexical tier left untraced: candidates are indexed sentences
// sharing anchors with the sentence (anchor fingerprints, src/reuse/prepare.ts) or found by the lexical tier
// and not aligned; ranked by weighted sentence vectors; then a lifted run makes a `fragment`, and the fitted
// verifier a `paraphrased` match. A restatement that differs only in facts (numbers, names, negation) is no
// paraphrase: it is noted for reuse/altered-fact.
import type { SourceMatch } from '../model/types.js';
import type { Store } from '../store/store.js';
import { distinctive } from './align.js';
import { liftedRuns } from './fragment.js';
import { swappedDates } from './trace-document.js';
import { compare, meaningSide, sentenceCosine, type MeaningSide } from './meaning.js';
import { COMMON_WORD, FIXED, RARE, type Tok } from './normalize.js';
import { anchorPairs, minK, rarePrints, SENTENCE_SLOTS } from './prepare.js';
import { addReach, sentenceToks, type SourceDoc, type SourceText, type TraceInput } from './trace.js';
import { VERIFIER } from './verifier-model.js';

/** An anchor fingerprint in more postings than this is a topic's names, not evidence of one sentence. */
const ANCHOR_DF = 64;
/**
 * A candidate sharing a single anchor fingerprint is read only when that fingerprint is this rare (at 100k
 * synthetic articles, candidates through one fingerprint of up to 400 postings made trace p50 ×5).
 */
const LONE_DF = 8;
/** Candidates read per sentence (most shared anchors first), and compared after the vector ranking. */
const MAX_READ = 8;
const MAX_COMPARED = 4;
/** Sources the tier keeps per sentence. */
const MAX_MEANING_SOURCES = 2;

/** Debug hook (benchmarks): the candidates of each sentence the tier looked at (sentence ids found, read, compared). */
export const debugMeaning: { onCandidates: ((i: number, found: number[], read: number[], compared: number[]) => void) | null } = { onCandidates: null };

/** A sentence that restates a source but changes a fact of it (not reported as a source: a finding). */
export type AlteredRestatement = NonNullable<ReuseResult['altered']>[number];

/** Anchor-pair and rare-word fingerprints of a sentence (see src/reuse/prepare.ts). */
function anchorFps(toks: Tok[]): number[] {
  const keys: number[] = [];
  const flags: number[] = [];
  for (const t of toks) {
    if (!t.content) continue;
    keys.push(t.key);
    flags.push((t.common ? COMMON_WORD : 0) | (t.fixed ? FIXED : 0) | (t.rare ? RARE : 0));
  }
  // Rare words: the few smallest fingerprints only, like the index keeps (in a corpus whose words the vector
  // table lacks, every word is "rare", and looking all of them up cost more than the lexical tier).
  return [...anchorPairs(keys, flags), ...minK(rarePrints(keys, flags), MAX_RARE_LOOKED_UP)];
}
const MAX_RARE_LOOKED_UP = 3;

export async function traceMeaning(
  store: Store,
  text: string,
  sentences: TraceInput[],
  qToks: Tok[][],
  which: number[],
  rejected: Map<number, Set<number>>,
  load: (n: number) => Promise<SourceDoc | null>,
  out: SourceMatch[][],
  texts: Map<string, SourceText> | undefined,
  notes: AlteredRestatement[] | undefined,
  reach?: Map<number, Set<number>>,
): Promise<void> {
  const fps = which.map((i) => [...new Set(anchorFps(qToks[i]))]);
  const all = new Set<number>();
  for (const f of fps) for (const x of f) all.add(x);
  const postings = all.size ? await store.lookup([...all], ANCHOR_DF + 1) : new Map<number, number[]>();
  const sides = new Map<number, MeaningSide>(); // by sentence id, within this trace
  for (const [k, i] of which.entries()) {
    const hits = new Map<number, number>();
    const lone = new Set<number>(); // found through a rare enough fingerprint to stand alone
    for (const f of fps[k]) {
      const l = postings.get(f);
      if (!l || l.length > ANCHOR_DF) continue;
      for (const sid of l) {
        hits.set(sid, (hits.get(sid) ?? 0) + 1);
        if (l.length <= LONE_DF) lone.add(sid);
      }
    }
    for (const sid of rejected.get(i) ?? []) {
      hits.set(sid, (hits.get(sid) ?? 0) + 1);
      lone.add(sid);
    }
    // Documents each sentence reaches through anchors, for the document pass (src/reuse/trace-document.ts).
    if (reach) for (const sid of hits.keys()) addReach(reach, Math.floor(sid / SENTENCE_SLOTS), i);
    const read = [...hits].filter(([sid, h]) => h >= 2 || lone.has(sid)).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_READ);
    if (!read.length) {
      debugMeaning.onCandidates?.(i, [...hits.keys()], [], []);
      continue;
    }
    const { start: qs, end: qe } = sentences[i];
    const q = meaningSide(qToks[i], text, qs, qe);
    const ranked: { sid: number; d: SourceDoc; k: number; side: MeaningSide; cos: number }[] = [];
    for (const [sid] of read) {
      const d = await load(Math.floor(sid / SENTENCE_SLOTS));
      if (!d) continue;
      const sk = sid % SENTENCE_SLOTS;
      if (sk >= d.spans.length) continue;
      let side = sides.get(sid);
      if (!side) sides.set(sid, (side = meaningSide(sentenceToks(d, sk), d.text, d.spans[sk].start, d.spans[sk].end)));
      if (side.words.length < 2) continue;
      ranked.push({ sid, d, k: sk, side, cos: sentenceCosine(q, side) });
    }
    ranked.sort((a, b) => b.cos - a.cos || a.sid - b.sid);
    debugMeaning.onCandidates?.(i, [...hits.keys()], read.map(([sid]) => sid), ranked.slice(0, MAX_COMPARED).map((c) => c.sid));
    const found: SourceMatch[] = [];
    let near: AlteredRestatement | null = null;
    for (const c of ranked.slice(0, MAX_COMPARED)) {
      const span = c.d.spans[c.k];
      const base = { docId: c.d.id, text: c.d.text.slice(span.start, span.end), start: span.start, end: span.end };
      const cut = cutDown(q, c.side, c.d.text);
      if (cut) {
        found.push({ ...base, similarity: cut.similarity, kind: 'edited', dropped: cut.dropped });
        continue;
      }
      const runs = liftedRuns(q, c.side);
      const cmp = compare(q, c.side);
      // A changed number, name or negation is a different statement, however close the rest: never a paraphrase.
      if (cmp.p >= VERIFIER.threshold && !cmp.facts.length && enoughToParaphrase(q, c.side, cmp.p)) {
        found.push({ ...base, similarity: cmp.similarity, kind: 'paraphrased', aligned: cmp.aligned, anchors: cmp.anchors, confidence: round(cmp.p) });
        // A day the vectors read as the same word ("on Monday" for "on Friday"): a paraphrase that changed a date.
        const dates = swappedDates(q, c.side, []);
        if (dates.length) notes?.push({ sentence: i, ...base, confidence: round(cmp.p), facts: dates });
      } else if (runs.length) {
        const lifted = runs.map((r) => {
          const a = q.toks[r.qa].start;
          const b = q.toks[r.qb - 1].end;
          return { start: a, end: b, sourceStart: c.side.toks[r.sa].start, sourceEnd: c.side.toks[r.sb - 1].end, text: text.slice(a, b) };
        });
        const inRuns = q.words.filter((w) => runs.some((r) => w.i >= r.qa && w.i < r.qb)).length;
        found.push({ ...base, similarity: round(inRuns / q.words.length), kind: 'fragment', lifted, anchors: cmp.anchors });
      } else if (cmp.facts.length && cmp.pRest >= VERIFIER.threshold && (!near || cmp.pRest > near.confidence)) {
        near = { sentence: i, ...base, confidence: round(cmp.pRest), facts: cmp.facts };
      }
    }
    if (found.length) {
      const byDoc = new Map<string, SourceMatch>();
      for (const m of found) {
        const prev = byDoc.get(m.docId);
        if (!prev || rank(m) > rank(prev)) byDoc.set(m.docId, m);
      }
      out[i] = [...byDoc.values()].sort((a, b) => rank(b) - rank(a) || a.docId.localeCompare(b.docId)).slice(0, MAX_MEANING_SOURCES);
      for (const m of out[i]) texts?.set(m.docId, { title: ranked.find((c) => c.d.id === m.docId)!.d.title, text: ranked.find((c) => c.d.id === m.docId)!.d.text });
    } else if (near) {
      notes?.push(near);
      const d = ranked.find((c) => c.d.id === near!.docId)!.d;
      texts?.set(d.id, { title: d.title, text: d.text });
    }
  }
}

/** A paraphrase needs this many content words in the article sentence... */
const PARAPHRASE_MIN_WORDS = 6;
/** ...firm evidence for at least this share of its words... */
const PARAPHRASE_FIRM_SHARE = 0.5;
/** ...or this share, with a name or number shared with the source... */
const PARAPHRASE_NAMED_SHARE = 0.4;
/** ...unless the verifier's probability reaches this (the plain-word bars still hold). */
export const PARAPHRASE_SURE = 0.7;
/**
 * ...of which this many plain words (not names nor numbers): a speaker's name and title is no statement
 * ("Manchester United manager Sir Alex Ferguson added: ..." is no rewording of another story's "But Manchester
 * United manager Sir Alex Ferguson hinted ...": BBC tuning articles left out of the index, reworded here).
 */
const PARAPHRASE_MIN_PLAIN = 2;

/**
 * Whether the evidence is firm enough to call a sentence a rewording of another. On unindexed BBC originals
 * the verifier accepted short stock lines ("Other operators are expected to follow suit." → "I think other
 * operators will follow suit," he said.) and sentences on one topic that say another thing ("He scores goals
 * in the league and in cup games." → "We could have scored more goals.") or share a name or two ("... the
 * central bank may raise its rate from 4.75%." → "The central bank left its rate on hold at 4.75% ..."): word
 * vectors find most words of two sentences on one topic close (examples reworded here). Firm evidence is the
 * words of the sentence the source has by stem or synonym class (not any WordNet sense: "took" and "get" share
 * one), names and numbers among them (a name of several words counts once; a contraction or a quotation's
 * first word, "I'm", "Unfortunately", is capitalised but no name). It must cover half the sentence's content
 * words, or 40% when a name or number is shared. (A shared name was required before; on the MSRP fit half it
 * refused restatements that name no one, "Pupils at schools handing out laptops were no likelier to fail, a
 * study found." / "Students at schools that hand out laptops are no more likely to fail, a study says."
 * (our wording): pair accuracy 0.703 → 0.726 without it; the unindexed BBC tune half kept its links.)
 */
export function enoughToParaphrase(q: MeaningSide, s: MeaningSide, p = 0): boolean {
  if (q.words.length < PARAPHRASE_MIN_WORDS) return false;
  const { names, firm, plain, rarePlain } = firmEvidence(q, s);
  // One of the plain words must be more than everyday wording: "For a lot of the first half we sat on our own
  // 22" is no rewording of another side's "In the first half they had a lot of ball ... near their 22" (both
  // reworded here; doc-negatives, tune side): a small number and "lot", "first", "half".
  if (plain < PARAPHRASE_MIN_PLAIN || rarePlain < 1) return false;
  // A verifier sure of the restatement needs no share: a rewording keeps few words by stem or synonym class
  // when it rephrases a clause ("Tanner had no comment on Friday." / "Tanner did not respond when asked on
  // Friday."): on the MSRP fit half the share refused 15 paraphrases the verifier gave >= 0.7, against 1
  // non-paraphrase.
  if (p >= PARAPHRASE_SURE) return true;
  return firm >= PARAPHRASE_FIRM_SHARE * q.words.length || (names >= 1 && firm >= PARAPHRASE_NAMED_SHARE * q.words.length);
}

/** The shared names and numbers of `enoughToParaphrase`, the content words of q with firm evidence in s, and of those the plain words. */
export function firmEvidence(q: MeaningSide, s: MeaningSide): { names: number; firm: number; plain: number; rarePlain: number } {
  const sNorms = new Set(s.words.map((w) => w.norm));
  const sKeys = new Set(s.words.map((w) => s.toks[w.i].key));
  // A sentence's first word is capitalised whatever it is: it is a name when the source writes it capitalised
  // inside a sentence ("Mirza said ..." / "..., said Mirza").
  const sNamed = new Set(s.words.filter((w) => w.anchor && w.i > 0 && /^\p{Lu}/u.test(s.toks[w.i].surface)).map((w) => w.norm));
  let names = 0;
  let firm = 0;
  let plain = 0;
  let rarePlain = 0;
  let prev = -2;
  for (const w of q.words) {
    const t = q.toks[w.i];
    // A number spelt as a word is everyday wording, no anchor: "On Sunday we missed by two goals, today one
    // goal." is no rewording of another speaker's "We missed two goals, yet we still have one more goal"
    // (a tune-half link, reworded here).
    const number = /^\d/.test(w.norm);
    const anchorNumber = number && /^\d/.test(t.surface);
    const first = w.i === 0 && !number && /^\p{Lu}/u.test(t.surface) && sNamed.has(w.norm);
    const named = (first || (w.anchor && (anchorNumber || w.norm.startsWith('@') || (!number && /^\p{Lu}/u.test(t.surface))))) && !/['’]/.test(t.low);
    const opensQuote = q.quoted[w.i] === 1 && (w.i === 0 || q.quoted[w.i - 1] === 0);
    if (named && !opensQuote && sNorms.has(w.norm)) {
      if (number || w.i !== prev + 1) names++;
      prev = w.i;
      firm++;
    } else if (!t.common && (sNorms.has(w.norm) || sKeys.has(t.key))) {
      firm++;
      plain++;
      if (distinctive(t)) rarePlain++;
    }
  }
  return { names, firm, plain, rarePlain };
}

/** Anchors (names, numbers, dates) a cut-down sentence keeps, at least, and source content words it drops. */
const CUT_MIN_ANCHORS = 2;
const CUT_MIN_DROPPED = 3;

/**
 * A sentence cut down from a longer source sentence: every content word of q occurs in s, in order, with at
 * least CUT_MIN_ANCHORS anchors among them, and s has at least CUT_MIN_DROPPED more ("It was signed on March
 * 17, 1949." from "The Treaty of Marrowby was signed by Kaldovia and Estrenia ... on March 17, 1949.").
 * The dropped parts: the source's runs of unmatched words, trimmed to their content words.
 */
function cutDown(q: MeaningSide, s: MeaningSide, sText: string): { similarity: number; dropped: string; anchors: string[] } | null {
  if (q.words.filter((w) => w.anchor).length < CUT_MIN_ANCHORS) return null;
  const matched = new Set<number>();
  let j = 0;
  for (const w of q.words) {
    while (j < s.words.length && s.words[j].norm !== w.norm) j++;
    if (j === s.words.length) return null;
    matched.add(s.words[j].i);
    j++;
  }
  if (s.words.length - matched.size < CUT_MIN_DROPPED) return null;
  const parts: string[] = [];
  let run: number[] = [];
  const flush = () => {
    const content = run.filter((k) => s.toks[k].content);
    if (content.length) parts.push(sText.slice(s.toks[content[0]].start, s.toks[content[content.length - 1]].end));
    run = [];
  };
  for (let k = 0; k < s.toks.length; k++) {
    if (matched.has(k)) flush();
    else run.push(k);
  }
  flush();
  return {
    similarity: round((2 * matched.size) / (q.words.length + s.words.length)),
    dropped: parts.join(' … '),
    anchors: q.words.filter((w) => w.anchor).map((w) => q.toks[w.i].surface),
  };
}

/** Paraphrases by the verifier's confidence; a fragment ranks by the share it lifted. */
const rank = (m: SourceMatch) => m.confidence ?? m.similarity;
const round = (x: number) => Math.round(x * 1000) / 1000;
