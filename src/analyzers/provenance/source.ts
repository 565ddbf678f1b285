// What surrounds a source passage in its own document: its sentences, the quotation marks around it, a
// speaker cue just before or after it, and whether it credits an outlet.
import { spanIndexAt, type Paragraph } from '../../model/document.js';
import { splitSentences, type Span } from '../../reuse/split.js';
import { findQuoted } from '../quotes/marks.js';

export interface SourceView {
  id: string;
  title: string | null;
  text: string;
  sentences: Span[];
  /** Quoted passages (marks excluded), sorted: closed, of quotation length. */
  quoted: Span[];
  /** Every passage after an opening mark, closed or not (lenient: for words the source may have quoted). */
  marked: Span[];
}

export function paragraphsOf(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /\n\s*\n/g;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ index: out.length, start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ index: out.length, start: from, end: text.length });
  return out;
}

// Single quotation marks, as British style has them ("'We will go on,' she said."): an opening mark after a
// space or the start, a closing one before a space or punctuation; apostrophes between letters are inside.
const SINGLE = /(?<=^|[\s([\u2014\u2013-])['‘]((?:[^'‘’\n]|(?<=\p{L})['’](?=\p{L}))+?)['’](?=[\s.,;:!?)\]\u2014\u2013-]|$)/gmu;

const MAX_QUOTE_WORDS = 80;

/** Quoted passages of `text`: double marks (quotes analyzer's rules), then single marks. */
export function quotedSpans(text: string, paragraphs: Paragraph[], lenient = false): Span[] {
  // A mark never closed, or "closed" a hundred words on, is a stray mark or a whole text in marks.
  const out: Span[] = findQuoted(text, paragraphs)
    .filter((q) => lenient || (q.closed && text.slice(q.start, q.end).split(/\s+/).length <= MAX_QUOTE_WORDS))
    .map((q) => ({ start: q.start, end: q.end }));
  for (const m of text.matchAll(SINGLE)) {
    const start = m.index + 1;
    const end = start + m[1].length;
    if (m[1].trim().split(/\s+/).length >= 2 && !out.some((o) => o.start < end && start < o.end)) out.push({ start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

export function inSpans(spans: Span[], pos: number): boolean {
  return spanIndexAt(spans, pos) >= 0;
}

export function viewOf(id: string, doc: { title: string | null; text: string }): SourceView {
  const paragraphs = paragraphsOf(doc.text);
  return { id, title: doc.title, text: doc.text, sentences: splitSentences(doc.text), quoted: quotedSpans(doc.text, paragraphs), marked: quotedSpans(doc.text, paragraphs, true) };
}

/** The quoted span containing `pos`, or null. */
export function spanAt(spans: Span[], pos: number): Span | null {
  return spans.find((s) => s.start <= pos && pos < s.end) ?? null;
}

/** Who the source gives a quotation to: a speaker cue right before its opening mark or after its closing one. */
export function quoteSpeaker(text: string, span: Span): Cue | null {
  return cueAround(text, Math.max(0, span.start - 120), span.start, span.end, Math.min(text.length, span.end + 120));
}


/** The source sentences overlapping [start, end), widened by `around` sentences each side. */
export function sentenceWindow(v: SourceView, start: number, end: number, around = 0): Span {
  let a = v.sentences.findIndex((s) => s.end > start);
  if (a < 0) return { start, end };
  let b = a;
  while (b + 1 < v.sentences.length && v.sentences[b + 1].start < end) b++;
  a = Math.max(0, a - around);
  b = Math.min(v.sentences.length - 1, b + around);
  return { start: Math.min(start, v.sentences[a].start), end: Math.max(end, v.sentences[b].end) };
}

// Verbs that put words in someone's mouth: the cue of reported speech.
const CUE = String.raw`(?:said|says|say|told|tells|added|adds|stated|states|claimed|claims|announced|announces|explained|explains|insisted|insists|warned|warns|noted|notes|wrote|writes|argued|argues|declared|declares|replied|replies|acknowledged|acknowledges|admitted|admits|confirmed|confirms|predicted|predicts|promised|promises|suggested|suggests|stressed|stresses|according to)`;
const NAME = String.raw`(?:(?:[Tt]he\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}|[Hh]e|[Ss]he|[Tt]hey|[Oo]fficials|[Aa] spokes(?:man|woman|person))`;
// "Ushakov said (that)" / "he told reporters" just before the passage.
const CUE_BEFORE = new RegExp(String.raw`(${NAME})\s+(?:\p{Ll}+ly\s+)?(${CUE})(?:\s+(?:reporters|journalists|the press|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}))?(?:\s+(?:on|last)\s+\p{Lu}\p{L}+)?\s*(?:that\s*)?[:,]?\s*["“‘']?\s*(?:(?:the|a|an|this|these|those|its|his|her|their|our)\s+)?$`, 'u');
// ", Ushakov said." / ", said Ushakov" / ", according to Ushakov" just after it.
const CUE_AFTER = new RegExp(String.raw`^\s*["”’']?\s*,?\s*["”’']?\s*(?:(${NAME})\s+(${CUE})\b|(${CUE})\s+(${NAME}))`, 'u');

/** Words of a speech cue anywhere in a sentence: the article kept some attribution. */
export const HAS_CUE = new RegExp(String.raw`\b${CUE}\b`, 'iu');

export interface Cue {
  speaker: string;
  cue: string;
}

/** A speaker and speech cue right before `text[.., at)` within `from`, or right after `text[at2, ..)` up to `to`. */
export function cueAround(text: string, from: number, at: number, at2: number, to: number): Cue | null {
  const before = CUE_BEFORE.exec(text.slice(from, at));
  if (before) return { speaker: before[1], cue: before[2] };
  const after = CUE_AFTER.exec(text.slice(at2, to));
  if (after) return after[1] ? { speaker: after[1], cue: after[2] } : { speaker: after[4], cue: after[3] };
  return null;
}

// Words of outlet names too common to tell one outlet from another ("the Daily Herald" vs "the Herald").
const GENERIC = new Set(['the', 'daily', 'sunday', 'evening', 'morning', 'news', 'times', 'post', 'press', 'online', 'weekly', 'agency', 'network', 'tv', 'radio', 'magazine']);

/**
 * Whether `outlet` is named in the source: in the passage's neighbourhood, its title or its id. Every
 * distinctive word of the name must appear; a name made only of common words must appear whole.
 */
export function creditsOutlet(v: SourceView, start: number, end: number, outlet: string): boolean {
  const w = sentenceWindow(v, start, end, 1);
  const hay = `${v.text.slice(w.start, w.end)}\n${v.title ?? ''}`.toLowerCase();
  const idLetters = v.id.toLowerCase().replace(/[^a-z]/g, '');
  const words = outlet.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const distinct = words.filter((x) => !GENERIC.has(x));
  if (idLetters.includes(words.filter((x) => x !== 'the').join(''))) return true;
  const has = (x: string) => new RegExp(String.raw`(?<![\p{L}])${x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}])`, 'u').test(hay);
  if (!distinct.length) return has(words.filter((x) => x !== 'the').join(' '));
  return distinct.every(has);
}
