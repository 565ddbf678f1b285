import type { Paragraph } from '../../model/document.js';

/**
 * Paragraphs are blocks separated by blank lines. Text with no blank line at all
 * (one paragraph per line, as some exports have) is split at every line break.
 */
export function findParagraphs(text: string): Paragraph[] {
  const separator = /\n[ \t\r\f\v]*\n/.test(text) ? /\n[ \t\r\f\v]*\n\s*/g : /\n\s*/g;
  const out: Paragraph[] = [];
  let from = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ index: out.length, start: a, end: b });
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}
