import type { Paragraph } from '../../model/document.js';

/** A run of words between quotation marks; start/end exclude the marks. */
export interface Marked {
  start: number;
  end: number;
  /** Offsets of the opening and closing marks (close = end of paragraph when the quote is left open). */
  open: number;
  close: number;
  /** True when the closing mark was found. */
  closed: boolean;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);

function isSpace(c: string | undefined): boolean {
  return c === undefined || /[\s([{\u2014\u2013-]/.test(c);
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/**
 * Double-quoted passages, paragraph by paragraph. Single quotes are left alone (apostrophes).
 * News convention: a paragraph that opens a quote and does not close it continues into the next paragraph
 * when that one opens with a quotation mark again ('"We will go on.' / '"And we will win," he said.').
 */
export function findQuoted(text: string, paragraphs: Paragraph[]): Marked[] {
  const out: Marked[] = [];
  // "''We need the bridge,'' said Ms. Voss": two apostrophes stand for a double quotation mark
  const width = (at: number) => (text[at] === "'" ? 2 : 1);
  const push = (open: number, close: number, closed: boolean) => {
    const [s, e] = trimmed(text, open + width(open), close);
    if (e > s) out.push({ start: s, end: e, open, close: closed ? close : e, closed });
  };
  let carry = -1; // the opening mark of a quote left open at the end of the previous paragraph
  let carryEnd = -1;
  for (const p of paragraphs) {
    let i = p.start;
    while (i < p.end && /\s/.test(text[i])) i++;
    let openAt = -1;
    if (carry >= 0) {
      if (OPENERS.has(text[i]) || text[i] === '"' || (text[i] === "'" && text[i + 1] === "'")) {
        openAt = carry; // the same quotation goes on
        i += text[i] === "'" ? 2 : 1;
      } else push(carry, carryEnd, false);
      carry = -1;
    }
    for (; i < p.end; i++) {
      let c = text[i];
      if (c === "'" && text[i + 1] === "'") c = '"';
      if (c !== '"' && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
      const w = width(i);
      // A mark that follows a sentence end while a quotation is open continues it: paragraphs flattened
      // into one ('Voss said: "We will go on. "And we will win."').
      const continues = openAt >= 0 && /[.!?,]["”']?\s+$/.test(text.slice(Math.max(p.start, i - 4), i)) && /[\p{L}\d]/u.test(text[i + w] ?? '');
      if (OPENERS.has(c)) {
        if (continues) continue;
        // A second opening mark while one is open, mid-sentence: the first was never closed.
        if (openAt >= 0) push(openAt, i, false);
        openAt = i;
      } else if (CLOSERS.has(c)) {
        if (openAt >= 0) push(openAt, i, true);
        openAt = -1;
      } else if (c === '"') {
        const before = text[i - 1];
        const after = text[i + w];
        const opener = isSpace(before) && !isSpace(after);
        const closer = !isSpace(before) && (isSpace(after) || /[.,;:!?)\]]/.test(after));
        if (openAt >= 0) {
          if (opener && continues) {
            // the quotation goes on
          } else {
            push(openAt, i, true);
            openAt = -1;
          }
        } else if (!closer || opener) openAt = i; // a closing mark with nothing open is stray: 6'2" tall
        if (w === 2) i++;
      }
    }
    if (openAt >= 0) {
      carry = openAt;
      carryEnd = p.end;
    }
  }
  if (carry >= 0) push(carry, carryEnd, false);
  return out.sort((a, b) => a.start - b.start);
}
