import type { Document } from '../../model/document.js';
import type { Quote, SourceMatch } from '../../model/types.js';
import type { Span } from '../../reuse/split.js';
import type { Analyzer, AnalyzerContext } from '../analyzer.js';
import { alignWords, changedFacts, type WordAlignment } from './diff.js';
import { creditsOutlet, cueAround, HAS_CUE, inSpans, quotedSpans, quoteSpeaker, sentenceWindow, spanAt, viewOf, type SourceView } from './source.js';

const clip = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Content words quoted in the source, at least, for the article to have stripped a quotation. */
const MIN_QUOTED_WORDS = 3;

/**
 * Compares each traced sentence with the source passage the reuse pass found for it: credits the source
 * never gave, quotation marks or speakers dropped, reported speech turned into a quotation, facts changed.
 * Runs after `reuse` and reads its slot; does nothing without a corpus.
 */
export const provenanceAnalyzer: Analyzer = {
  name: 'provenance',
  description: 'compares traced sentences with their sources: invented credits, stripped or fabricated quotations, altered facts',
  rules: [
    { id: 'attribution/mismatch', severity: 'warning', description: 'The article credits an outlet, but the source passage the sentence copies credits no such outlet.' },
    { id: 'quote/stripped', severity: 'warning', description: 'Words that were a quotation or attributed speech in the source are stated without quotation marks or speaker.' },
    { id: 'quote/fabricated', severity: 'warning', description: 'Words quoted in the article are unquoted (reported speech or narration) in the source.' },
    { id: 'reuse/altered-fact', severity: 'warning', description: 'A copied sentence changes a fact of its source: a number, a name, a date, a negation or a verdict word.' },
  ],
  run(doc, ctx) {
    const reuse = doc.data.reuse;
    if (!reuse?.documents) return;
    const views = new Map<string, SourceView>();
    const view = (id: string): SourceView | null => {
      let v = views.get(id);
      if (!v) {
        const d = reuse.documents!.get(id);
        if (!d) return null;
        views.set(id, (v = viewOf(id, d)));
      }
      return v;
    };
    // Lenient on the article's side: a quotation it opens and never closes still has its marks.
    const quoted = quotedSpans(doc.text, doc.paragraphs, true);
    const quotesBySentence = new Map<number, Quote[]>();
    for (const q of doc.data.quotes ?? []) {
      const l = quotesBySentence.get(q.sentence) ?? [];
      l.push(q);
      quotesBySentence.set(q.sentence, l);
    }
    for (const s of doc.sentences) {
      const sources = reuse.sources[s.index] ?? [];
      const best = sources[0];
      if (!best || best.kind === 'verbatim') continue;
      const v = view(best.docId);
      if (!v) continue;
      const quotes = quotesBySentence.get(s.index) ?? [];
      const w = alignWords(doc.text, s.start, s.end, v.text, best.start, best.end);
      mismatch(doc, ctx, s.index, sources, quotes, view);
      stripped(doc, ctx, s, best, v, w, quoted, quotes);
      fabricated(doc, ctx, s.index, best, v, w, quoted, quotes);
      altered(ctx, s.index, sources, w);
    }
    // Restatements the meaning tier found with changed facts (not sources: the statement is no longer the same).
    for (const a of reuse.altered ?? []) {
      for (const f of a.facts) {
        const what = f.kind === 'negation' ? `negation ${f.to ? `"${f.to}" added` : `"${f.from}" removed`}` : `${f.kind} "${f.from}" changed to "${f.to}"`;
        ctx.report({
          ruleId: 'reuse/altered-fact',
          message: `${what} in a restatement of ${a.docId} (confidence ${a.confidence.toFixed(2)} apart from this)`,
          start: f.start,
          end: f.end,
          sentence: a.sentence,
          data: { kind: f.kind, from: f.from, to: f.to, docId: a.docId, source: a.text },
        });
      }
    }
  },
};

// A trailing credit the quotes pass may not know as an outlet's name: "..., News Desk Online reported." or
// "... - the Morning Courier reported." A capitalised name that "reported" at the very end is a publication.
const TRAILING_CREDIT = /(?:,|\s[-–—])\s*(?:the\s+)?((?:\p{Lu}[\p{L}'’&.-]*\s+){0,3}\p{Lu}[\p{L}'’&.-]*)\s+(?:reported|reports)[.!]?["”’]?$/u;

/** Outlets a sentence is credited to: the quotes pass's credits, else a trailing "X reported". */
function creditsOf(doc: Document, i: number, quotes: Quote[]): { outlet: string; quote: Quote | null }[] {
  const out = quotes.flatMap((q) => q.credits.map((outlet) => ({ outlet, quote: q as Quote | null })));
  if (out.length) return out;
  const m = TRAILING_CREDIT.exec(doc.sentences[i].text.trim());
  return m ? [{ outlet: m[1], quote: null }] : [];
}

/** "..., the Daily Herald reported." where no source of the sentence names the Daily Herald. */
function mismatch(doc: Document, ctx: AnalyzerContext, i: number, sources: SourceMatch[], quotes: Quote[], view: (id: string) => SourceView | null) {
  for (const { outlet, quote: q } of creditsOf(doc, i, quotes)) {
    const credited = sources.some((m) => {
      const v = view(m.docId);
      return !v || creditsOutlet(v, m.start, m.end, outlet);
    });
    if (credited) continue;
    const sent = doc.sentences[i];
    const at = doc.text.indexOf(outlet, sent.start);
    const [start, end] = at >= 0 && at < sent.end ? [at, at + outlet.length] : q ? [q.cueStart ?? q.start, q.cueEnd ?? q.end] : [sent.start, sent.end];
    const best = sources[0];
    ctx.report({
      ruleId: 'attribution/mismatch',
      message: `credited to ${outlet}, but its source ${best.docId} names no ${outlet}`,
      start,
      end,
      sentence: i,
      data: { outlet, docId: best.docId, source: best.text },
    });
  }
}

/** Source tokens of the aligned pairs, with whether each side is inside quotation marks (content words only). */
function quotedPairs(w: WordAlignment, v: SourceView, articleQuoted: Span[]) {
  return w.pairs.filter(([a]) => w.q[a].content).map(([a, b]) => ({ a, b, src: inSpans(v.quoted, w.s[b].start), art: inSpans(articleQuoted, w.q[a].start) }));
}

/**
 * The source quoted these words, or named who said them right beside them, and the article states them as
 * its own: '"Our president will hold talks," Ushakov said.' copied as 'Our president will hold talks.'
 */
function stripped(doc: Document, ctx: AnalyzerContext, s: Document['sentences'][number], m: SourceMatch, v: SourceView, w: WordAlignment, articleQuoted: Span[], quotes: Quote[]) {
  if (!w.pairs.length) return;
  const pairs = quotedPairs(w, v, articleQuoted);
  const fromQuote = pairs.filter((p) => p.src);
  const first = w.pairs[0];
  const last = w.pairs[w.pairs.length - 1];
  // The article's own attribution of the copied words: a quotation or reported speech with a cue over them.
  const qa = w.q[first[0]].start;
  const qb = w.q[last[0]].end;
  const attributed = quotes.some((q) => q.cue !== null && q.start < qb && qa < q.end);
  if (attributed) return;
  const win = sentenceWindow(v, m.start, m.end);
  const sa = w.s[first[1]].start;
  const sb = w.s[last[1]].end;
  // The article keeps a speaker cue somewhere in the sentence ("It started here, said Selby Kiffer").
  if (HAS_CUE.test(s.text)) return;
  if (fromQuote.length >= MIN_QUOTED_WORDS && fromQuote.length >= 0.5 * pairs.length) {
    // A quotation mark left in the sentence: part of a longer quotation copied, not a stripped one.
    if (/["“”]/.test(s.text)) return;
    const bare = fromQuote.filter((p) => !p.art).length;
    if (bare < 0.8 * fromQuote.length) return;
    // Only a quotation the source gives to someone: a passage in marks with no speaker may be a title or a
    // stray mark of a scraped page.
    const span = spanAt(v.quoted, w.s[fromQuote[0].b].start);
    const cue = span && quoteSpeaker(v.text, span);
    if (!cue) return;
    ctx.report({
      ruleId: 'quote/stripped',
      message: `quoted in ${m.docId} (${cue.speaker} ${cue.cue}), stated here without quotation marks or speaker`,
      start: s.start,
      end: s.end,
      sentence: s.index,
      data: { docId: m.docId, source: m.text, marks: true, speaker: cue.speaker },
    });
    return;
  }
  // Reported speech cut from its speaker: 'Ushakov said the talks would go ahead.' -> 'The talks will go ahead.'
  if (fromQuote.length) return;
  if (v.marked.some((x) => x.start < sb && sa < x.end)) return;
  const cue = cueAround(v.text, win.start, sa, sb, win.end);
  if (!cue) return;
  ctx.report({
    ruleId: 'quote/stripped',
    message: `attributed in ${m.docId} ("${cue.speaker} ${cue.cue}"), stated here without its speaker`,
    start: s.start,
    end: s.end,
    sentence: s.index,
    data: { docId: m.docId, source: m.text, marks: false, speaker: cue.speaker },
  });
}

/** Words the article puts in quotation marks that its source gives unquoted: reported speech made direct. */
function fabricated(doc: Document, ctx: AnalyzerContext, i: number, m: SourceMatch, v: SourceView, w: WordAlignment, articleQuoted: Span[], quotes: Quote[]) {
  const s = doc.sentences[i];
  for (const span of articleQuoted) {
    if (span.end <= s.start || span.start >= s.end) continue;
    // Only a quotation given to a speaker presents words as someone's: a whole text in marks is not one.
    if (!quotes.some((q) => q.kind === 'direct' && q.cue !== null && q.start <= span.start && span.end <= q.end + 2)) continue;
    const inside = w.pairs.filter(([a]) => w.q[a].start >= span.start && w.q[a].end <= span.end);
    const content = inside.filter(([a]) => w.q[a].content);
    const words = w.q.filter((t) => t.start >= span.start && t.end <= span.end).length;
    if (content.length < MIN_QUOTED_WORDS || words < 4 || inside.length < 0.7 * words) continue;
    const quotedInSource = content.filter(([, b]) => inSpans(v.marked, w.s[b].start)).length;
    if (quotedInSource > 0.2 * content.length) continue;
    ctx.report({
      ruleId: 'quote/fabricated',
      message: `"${clip(doc.text.slice(span.start, span.end))}" is quoted here, but ${m.docId} gives these words without quotation marks`,
      start: span.start,
      end: span.end,
      sentence: i,
      data: { docId: m.docId, source: m.text },
    });
  }
}

/**
 * Share of the article sentence's content words aligned with the source passage, at least, for its other
 * words to be read as changed facts: a looser match is two sentences sharing a list of names ("Cech, Paulo
 * Ferreira, ... Terry, Gallas"), whose differences are no edits.
 */
const MIN_COPIED = 0.65;

/** Numbers, names, dates, negations and verdict words the copy changed. */
function altered(ctx: AnalyzerContext, i: number, sources: SourceMatch[], w: WordAlignment) {
  const best = sources[0];
  const content = w.q.filter((t) => t.content).length;
  const copied = w.pairs.filter(([a]) => w.q[a].content).length;
  if (!content || copied < MIN_COPIED * content) return;
  const facts = changedFacts(w);
  if (!facts.length) return;
  // Another source of the same sentence that has the article's wording: the article follows that one.
  const others = sources.slice(1).map((m) => m.text.toLowerCase());
  for (const f of facts) {
    if (f.to && others.some((t) => new RegExp(String.raw`(?<![\p{L}\p{N}])${f.to.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}\p{N}])`, 'u').test(t))) continue;
    const what =
      f.kind === 'negation'
        ? !f.from || !f.to
          ? `negation "${f.from || f.to}" ${f.added ? 'added' : 'removed'}`
          : `negation ${f.added ? 'added' : 'removed'}: "${f.from}" changed to "${f.to}"`
        : `${f.kind} "${f.from}" changed to "${f.to}"`;
    ctx.report({
      ruleId: 'reuse/altered-fact',
      message: `${what} (source ${best.docId})`,
      start: f.start,
      end: f.end,
      sentence: i,
      data: { kind: f.kind, from: f.from, to: f.to, docId: best.docId, source: best.text },
    });
  }
}
