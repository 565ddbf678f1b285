import type { Article } from '../model/document.js';
import { parseFullDate } from '../text/dates.js';

export interface Header {
  title: string | null;
  byline: string | null;
  published: string | null;
  /** Offset in the input where the body starts. */
  bodyStart: number;
}

const MAX_TITLE_WORDS = 30;

// "Larry Hoffman", "By Ann-Marie O'Neil and Tom Hale", "By AFP": a name line, no sentence punctuation.
const NAME = String.raw`\p{Lu}[\p{L}'’.-]*`;
const BYLINE = new RegExp(String.raw`^(?:[Bb][Yy]\s+)?(${NAME}(?:\s+(?:${NAME}|de|van|von|da|al|bin|la|le)){0,4}(?:\s*(?:,|and|&)\s*${NAME}(?:\s+${NAME}){0,3})*)$`, 'u');

function looksLikeTitle(line: string): boolean {
  const words = line.split(/\s+/).length;
  // A headline is short and does not end like a sentence: "Kim to meet Putin this month" (no full stop).
  return words <= MAX_TITLE_WORDS && !/[.,;:]$/.test(line) && /\p{L}/u.test(line);
}

export function parseByline(line: string): string | null {
  const t = line.trim();
  if (t.length > 80 || /\d/.test(t)) return null;
  const m = BYLINE.exec(t);
  if (!m) return null;
  const words = m[1].split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  // A bare "By" prefix makes a one-word byline plausible ("By AFP"); without it we want a full name.
  return /^by\s/i.test(t) || words.length >= 2 ? m[1] : null;
}

/**
 * The header content sites export above the body: a title line, then byline and date lines, then a blank
 * line. Each field is taken only when it is there; a text that starts with its body gets none.
 */
export function parseHeader(text: string): Header {
  const none: Header = { title: null, byline: null, published: null, bodyStart: 0 };
  // Lines of the first blocks, with their offsets.
  const lines: { text: string; start: number; end: number; blankAfter: boolean }[] = [];
  const re = /[^\n]*(\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && lines.length < 12 && m[0].length > 0) {
    const raw = m[0].replace(/\r?\n$/, '').replace(/\r$/, '');
    lines.push({ text: raw.trim(), start: m.index, end: m.index + m[0].length, blankAfter: false });
  }
  for (let i = 0; i < lines.length; i++) lines[i].blankAfter = i + 1 < lines.length && lines[i + 1].text === '';
  const content = lines.filter((l) => l.text !== '');
  if (content.length < 2) return none;

  let i = 0;
  let title: string | null = null;
  let byline: string | null = null;
  let published: string | null = null;
  const first = content[0];
  const date0 = parseFullDate(first.text, true);
  const by0 = parseByline(first.text);
  if (!date0 && !by0 && looksLikeTitle(first.text)) {
    // A title must be set apart: a blank line after it, or a byline/date line right under it.
    const next = content[1];
    if (first.blankAfter || parseFullDate(next.text, true) || parseByline(next.text)) {
      title = first.text;
      i = 1;
    }
  }
  let end = title ? first.end : 0;
  // Up to three byline/date lines follow.
  for (let k = 0; k < 3 && i < content.length - 1; k++, i++) {
    const line = content[i].text;
    const d: string | null = published ? null : parseFullDate(line, true);
    const b: string | null = d || byline ? null : parseByline(line);
    if (d) published = d;
    else if (b) byline = b;
    else break;
    end = content[i].end;
  }
  if (!title && !byline && !published) return none;
  return { title, byline, published, bodyStart: end };
}

/** A plain-text article, with its optional header. */
export function textToArticle(input: string, meta: { id: string; origin: string | null; kind?: Article['kind'] }): Article {
  const h = parseHeader(input);
  const body = input.slice(h.bodyStart).replace(/\r\n?/g, '\n');
  const lead = body.length - body.trimStart().length;
  return {
    id: meta.id,
    kind: meta.kind ?? 'text',
    origin: meta.origin,
    text: body.slice(lead).trimEnd(),
    title: h.title,
    byline: h.byline,
    published: h.published,
    url: null,
    raw: input,
  };
}
