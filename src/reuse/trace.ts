// Tracing: each article sentence's fingerprints retrieve candidate source sentences from the store; the
// candidates (alone, and merged with a neighbour) are aligned word by word and the accepted ones kept.
import type { SourceMatch } from '../model/types.js';
import type { Store } from '../store/store.js';
import { align, type Alignment } from './align.js';
import { mix, tokenize, type Tok } from './normalize.js';
import { PAIR_WINDOW, pairFingerprints, SENTENCE_SLOTS, storedText } from './prepare.js';
import { synonymKeys } from './synonyms.js';
import { traceMeaning, type AlteredRestatement } from './trace-meaning.js';
import { splitSentences, type Span } from './split.js';
import { MIN_LEFT, traceDocument } from './trace-document.js';

/** A fingerprint shared by more sentences than this is topic vocabulary, not evidence. */
const POSTINGS_LIMIT = 2000;
/** Candidate source sentences aligned per article sentence. */
const MAX_CANDIDATES = 12;
/**
 * A fingerprint in more postings than this is not enough evidence alone (see `pass`): at 100k documents
 * candidates found through one such pair were most of the ~120 documents read per trace.
 */
const WEAK_DF = 8;
/** Synonym-expanded fingerprints looked up per untraced sentence, at most. */
const MAX_EXPANDED = 400;
/** Rounds of the neighbour pass (a run of hard-spun sentences is reached one sentence per round). */
const NEIGHBOUR_ROUNDS = 2;
/** Sources kept per sentence. */
const MAX_SOURCES = 5;
/** Content words a sentence needs for the meaning tier to compare it (shorter ones say too little to tell). */
const MIN_MEANING_CONTENT = 4;

/**
 * A sentence cut down from a longer source sentence: the source window's words outside the passage it kept,
 * when they hold at least two content words ("The treaty ... was signed by A and B in C" -> "It was signed on
 * March 17, 1949.": "The treaty ... by A and B in C").
 */
function droppedText(text: string, toks: Tok[], wStart: number, wEnd: number, start: number, end: number): string | undefined {
  const parts: string[] = [];
  const outside = (a: number, b: number) => toks.filter((t) => t.start >= a && t.end <= b && t.content).length;
  if (start > wStart && outside(wStart, start) >= 2) parts.push(text.slice(wStart, start).trim());
  if (end < wEnd && outside(end, wEnd) >= 2) parts.push(text.slice(end, wEnd).replace(/^[\s,;:]+/, '').trim());
  return parts.length ? parts.join(' … ') : undefined;
}

export interface SourceDoc {
  id: string;
  title: string | null;
  text: string;
  spans: Span[];
  toks: (Tok[] | undefined)[];
  /** Rough memory held: text, spans and the tokens computed so far. */
  bytes: number;
}

/** Rough bytes of a token object and its three short strings. */
const TOK_BYTES = 160;

export function sentenceToks(d: SourceDoc, i: number): Tok[] {
  let t = d.toks[i];
  if (!t) {
    t = d.toks[i] = tokenize(d.text, d.spans[i].start, d.spans[i].end);
    d.bytes += t.length * TOK_BYTES + 3 * (d.spans[i].end - d.spans[i].start);
  }
  return t;
}

export interface TraceInput {
  start: number;
  end: number;
}

/** A matched source document's text and title, for passes that look around the source passage. */
export interface SourceText {
  title: string | null;
  text: string;
}

/**
 * Sources of each sentence of `text` (sentences given as spans), best first. Sentences in `skip` get [].
 * When `texts` is given, it receives the text of every document a match points into, by id.
 */
export async function traceSentences(
  store: Store,
  text: string,
  sentences: TraceInput[],
  skip: Set<number> = new Set(),
  texts?: Map<string, SourceText>,
  notes?: AlteredRestatement[],
): Promise<SourceMatch[][]> {
  const qToks: Tok[][] = [];
  const qFps: number[][] = [];
  for (let i = 0; i < sentences.length; i++) {
    const toks = skip.has(i) ? [] : tokenize(text, sentences[i].start, sentences[i].end);
    qToks.push(toks);
    qFps.push([...new Set(pairFingerprints(toks))]);
  }
  const docs = sourceDocs(store);
  const out: SourceMatch[][] = sentences.map(() => []);
  const all = sentences.map((_, i) => i);
  const rejected = new Map<number, Set<number>>();
  const at = new Map<number, number>(); // sentence -> indexed sentence id of its best source
  const reach = new Map<number, Set<number>>();
  await pass(store, text, sentences, qToks, qFps, all, docs, out, texts, rejected, at, undefined, reach);
  // Second pass for sentences left untraced: a spinner may have swapped a word of every fingerprint the
  // index kept ("hunting sites ... identifying ... in reception to queries"), so look up pairs with each
  // word's synonyms in its place. Bounded, and only for sentences with enough content words to align.
  const contentCount = (i: number) => qToks[i].filter((t) => t.content).length;
  const retry = all.filter((i) => !out[i].length && contentCount(i) >= 3);
  if (retry.length) {
    const seen = new Set<number>();
    for (const i of all) for (const f of qFps[i]) seen.add(f);
    // Also the pairs a sentence forms with its neighbours: the halves of a split source sentence ("The
    // first three vessels are being built in Portwell. They will carry up to 240 passengers each.") each
    // miss the source's fingerprints that span the cut.
    const expanded = retry.map((i) => {
      const near = [...pairFingerprints([...(qToks[i - 1] ?? []), ...qToks[i]]), ...pairFingerprints([...qToks[i], ...(qToks[i + 1] ?? [])])];
      return [...new Set([...near, ...widePairs(qToks[i]), ...(contentCount(i) >= 5 ? synonymPairs(qToks[i]) : [])])].filter((f) => !seen.has(f));
    });
    const fps: number[][] = sentences.map(() => []);
    retry.forEach((i, k) => (fps[i] = expanded[k]));
    await pass(store, text, sentences, qToks, fps, retry, docs, out, texts, rejected, at, undefined, reach);
  }
  // Third: the sentences next to a traced one's source. Content farms lift runs of a story, and a sentence
  // spun hard enough to lose every indexed fingerprint ("Local villagers have chattered that carpentry at the
  // northern pier blocked their gardens", test/reuse-trace.test.ts)
  // still sits beside its neighbour's source sentence. Only aligned candidates are kept, as in the other passes.
  for (let round = 0; round < NEIGHBOUR_ROUNDS; round++) {
    const extra = new Map<number, [number, number][]>();
    for (const i of all) {
      if (out[i].length || skip.has(i) || contentCount(i) < 3) continue;
      const near: [number, number][] = [];
      for (const [j, step] of [
        [i - 1, 1],
        [i + 1, -1],
      ]) {
        const sid = at.get(j);
        if (sid === undefined) continue;
        for (const d of [step, 2 * step]) {
          const k = (sid % SENTENCE_SLOTS) + d;
          if (k >= 0 && k < SENTENCE_SLOTS && !near.some(([x]) => x === sid + d)) near.push([sid + d, 1]);
        }
      }
      if (near.length) extra.set(i, near);
    }
    if (!extra.size) break;
    const before = at.size;
    await pass(store, text, sentences, qToks, sentences.map(() => []), [...extra.keys()], docs, out, texts, rejected, at, extra);
    if (at.size === before) break;
  }
  // The meaning tier, only for sentences the lexical tier left untraced.
  const untraced = all.filter((i) => !out[i].length && !skip.has(i) && contentCount(i) >= MIN_MEANING_CONTENT);
  if (untraced.length) await traceMeaning(store, text, sentences, qToks, untraced, rejected, loader(store, docs), out, texts, notes, reach);
  // The document pass: an article rewritten from one source as a whole (sentence by sentence, in order).
  const left = untraced.filter((i) => !out[i].length);
  if (left.length >= MIN_LEFT) await traceDocument(text, sentences, qToks, left, reach, loader(store, docs), out, texts, notes);
  return out;
}

/** Notes that sentence i reaches document n. */
export function addReach(reach: Map<number, Set<number>>, n: number, i: number): void {
  let r = reach.get(n);
  if (!r) reach.set(n, (r = new Set()));
  r.add(i);
}

/** Parsed source documents kept between traces (most recently used last), per store: by count and bytes. */
const MAX_CACHED_DOCS = 2048;
// Indexed documents are usually a few KB, but the cap is --max-bytes each: 2,048 of those would be 20 GB.
const MAX_CACHED_BYTES = 128 * 1024 * 1024;

/** Drops the least recently used entries (the first ones) until both caps hold. */
export function trimCache<T extends { bytes: number } | null>(docs: Map<number, T>, maxDocs: number, maxBytes: number): void {
  let total = 0;
  for (const d of docs.values()) total += d?.bytes ?? 0;
  for (const [n, d] of docs) {
    if (docs.size <= maxDocs && total <= maxBytes) break;
    total -= d?.bytes ?? 0;
    docs.delete(n);
  }
}
const docCache = new WeakMap<Store, { gen: string; docs: Map<number, SourceDoc | null> }>();

// A trace loads ~100 candidate documents (decompressed, split, a few sentences tokenized); articles on the
// same story share them. Kept only while the store's generation is unchanged: a replaced document's number
// must stop resolving.
function sourceDocs(store: Store): Map<number, SourceDoc | null> {
  const gen = store.generation?.();
  if (gen === undefined) return new Map();
  let c = docCache.get(store);
  if (!c || c.gen !== gen) docCache.set(store, (c = { gen, docs: new Map() }));
  trimCache(c.docs, MAX_CACHED_DOCS, MAX_CACHED_BYTES);
  return c.docs;
}

/** Reads (and keeps in `docs`) parsed source documents by number; null when replaced since indexed. */
export function loader(store: Store, docs: Map<number, SourceDoc | null>): (n: number) => Promise<SourceDoc | null> {
  return async (n) => {
    if (docs.has(n)) {
      const d = docs.get(n)!;
      docs.delete(n); // most recently used last
      docs.set(n, d);
      return d;
    }
    const d = (await store.docs([n])).get(n);
    let sd: SourceDoc | null = null;
    if (d) {
      const t = storedText(store, d);
      const spans = splitSentences(t);
      sd = { id: d.id, title: d.title, text: t, spans, toks: new Array(spans.length), bytes: 2 * (t.length + (d.title?.length ?? 0)) + 40 * spans.length + 200 };
    }
    docs.set(n, sd); // null: replaced since it was indexed
    return sd;
  };
}

/**
 * Pairs of content words further apart than PAIR_WINDOW (not two news-common words), capped: a rewording
 * moves words apart that the source had side by side ("the Seattle Times asked for the files" / "the files
 * were opened at the request of the Seattle Times"), so the source's window pairs stand far apart in it.
 */
function widePairs(toks: Tok[]): number[] {
  const c = toks.filter((t) => t.content);
  const out: number[] = [];
  for (let i = 0; i < c.length && out.length < MAX_WIDE; i++)
    for (let j = i + PAIR_WINDOW + 1; j < c.length && out.length < MAX_WIDE; j++) {
      if ((c[i].common && c[j].common) || c[i].key === c[j].key) continue;
      out.push(c[i].key < c[j].key ? mix(c[i].key, c[j].key) : mix(c[j].key, c[i].key));
    }
  return out;
}
const MAX_WIDE = 200;

/** Fingerprints of window pairs with one word replaced by each of its synonyms' classes (capped). */
function synonymPairs(toks: Tok[]): number[] {
  const c = toks.filter((t) => t.content);
  const out = new Set<number>();
  for (let i = 0; i < c.length && out.size < MAX_EXPANDED; i++) {
    for (let j = i + 1; j <= i + PAIR_WINDOW && j < c.length; j++) {
      if (c[i].common && c[j].common) continue;
      for (const [x, y] of [
        [c[i], c[j]],
        [c[j], c[i]],
      ]) {
        for (const alt of synonymKeys(x.norm)) {
          if (alt === y.key) continue;
          out.add(alt < y.key ? mix(alt, y.key) : mix(y.key, alt));
        }
      }
    }
  }
  return [...out].slice(0, MAX_EXPANDED);
}

async function pass(
  store: Store,
  text: string,
  sentences: TraceInput[],
  qToks: Tok[][],
  qFps: number[][],
  which: number[],
  docs: Map<number, SourceDoc | null>,
  out: SourceMatch[][],
  texts: Map<string, SourceText> | undefined,
  rejected: Map<number, Set<number>>,
  at: Map<number, number>,
  extra?: Map<number, [number, number][]>,
  reach?: Map<number, Set<number>>,
): Promise<void> {
  const all = new Set<number>();
  for (const i of which) for (const f of qFps[i]) all.add(f);
  const postings = await store.lookup([...all], POSTINGS_LIMIT);
  // Candidates per sentence: source sentences sharing the most fingerprints. A candidate found through one fingerprint only, one shared by many sentences, is a chance hit on a pair
  // of words common in a large corpus: dropped (each candidate costs a document read and an alignment).
  const cands = new Map<number, [number, number][]>();
  for (const i of which) {
    const hits = new Map<number, number>();
    for (const f of qFps[i]) {
      const list = postings.get(f);
      if (!list || list.length >= POSTINGS_LIMIT) continue;
      const w = list.length > WEAK_DF ? 1 + 1 / 1024 : 1; // the fraction marks a common fingerprint
      for (const sid of list) hits.set(sid, (hits.get(sid) ?? 0) + w);
    }
    // Every document a sentence shares a fingerprint with, chance hits included: for the document pass.
    if (reach) for (const sid of hits.keys()) addReach(reach, Math.floor(sid / SENTENCE_SLOTS), i);
    const ranked: [number, number][] = [];
    for (const [sid, h] of hits) if (h !== 1 + 1 / 1024) ranked.push([sid, Math.floor(h)]);
    cands.set(i, ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_CANDIDATES));
  }
  for (const [i, l] of extra ?? []) cands.set(i, [...(cands.get(i) ?? []), ...l]);
  const load = loader(store, docs);
  for (const i of which) {
    const best = new Map<string, SourceMatch>();
    const q = qToks[i];
    const { start: qs, end: qe } = sentences[i];
    const list = cands.get(i) ?? [];
    let bestSim = 0;
    let bestSid = -1;
    for (const [sid, n] of list) {
      // Once a match is accepted, candidates sharing one fingerprint only (fewer than the best-placed) are chance
      // hits. Not those sharing two or more: a sentence copied from one story may reword another, and both are
      // its sources (MSRP fit half: a second sentence that is another pair's first sentence word for word).
      if (bestSim >= 0.6 && n < Math.min(2, list[0][1])) break;
      const d = await load(Math.floor(sid / SENTENCE_SLOTS));
      if (!d) continue;
      const k = sid % SENTENCE_SLOTS;
      if (k >= d.spans.length) continue;
      let chosen: { a: Alignment; toks: Tok[]; start: number; end: number } | null = null;
      // The sentence alone, then merged with the one before or after ("A. B." rewritten as "A and B.").
      for (const [x, y] of [
        [k, k],
        [k - 1, k],
        [k, k + 1],
      ]) {
        if (x < 0 || y >= d.spans.length) continue;
        if (x !== y && chosen && chosen.a.similarity >= 0.9) break; // the sentence alone already matches
        const toks = x === y ? sentenceToks(d, x) : [...sentenceToks(d, x), ...sentenceToks(d, y)];
        const a = align(q, text, qs, qe, toks, d.text, d.spans[x].start, d.spans[y].end);
        if (!a) continue;
        if (!chosen || a.similarity > chosen.a.similarity + 0.02) chosen = { a, toks, start: d.spans[x].start, end: d.spans[y].end };
      }
      if (!chosen) {
        // A neighbour's source sentence that does not align is no evidence for the meaning tier.
        if (extra?.get(i)?.some(([x]) => x === sid)) continue;
        // Left to the meaning tier: the words did not align, the statement may still be the same.
        let r = rejected.get(i);
        if (!r) rejected.set(i, (r = new Set()));
        r.add(sid);
        continue;
      }
      const { a, toks } = chosen;
      const start = a.from === 0 ? chosen.start : toks[a.from].start;
      const end = a.to === toks.length ? chosen.end : toks[a.to - 1].end;
      const m: SourceMatch = { docId: d.id, text: d.text.slice(start, end), start, end, similarity: a.similarity, kind: a.kind, substitutions: a.substitutions };
      const cut = droppedText(d.text, toks, chosen.start, chosen.end, start, end);
      if (cut) m.dropped = cut;
      const prev = best.get(d.id);
      if (!prev || m.similarity > prev.similarity) best.set(d.id, m);
      texts?.set(d.id, { title: d.title, text: d.text });
      if (m.similarity > bestSim) {
        bestSim = m.similarity;
        bestSid = sid;
      }
    }
    if (bestSid >= 0) at.set(i, bestSid);
    out[i] = [...best.values()].sort((a, b) => b.similarity - a.similarity || a.docId.localeCompare(b.docId)).slice(0, MAX_SOURCES);
  }
}
