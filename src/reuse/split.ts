// A fast regex sentence splitter for indexed documents (wink-nlp is too slow at thousands of articles a
// second). Tracing compares windows of one and two source sentences, so a split it misses or adds costs
// little.

// Abbreviations that do not end a sentence: "Mr. Kim", "Gen. Milley", "Jan. 5", "U.S. officials".
const NO_END = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sen|rep|gov|rev|st|jr|sr|no|vs|etc|inc|corp|co|ltd|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])\.$/i;

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans of `text`: ends at . ! ? (with closing quotes) before a capital, digit or quote; and at line breaks. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\p{N}])|\n+/gu;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m[0][0] === '\n' ? m.index : m.index + m[0].length;
    if (m[0][0] !== '\n' && NO_END.test(text.slice(Math.max(from, m.index - 6), m.index + 1))) continue;
    push(text, from, end, out);
    from = m.index + m[0].length;
  }
  push(text, from, text.length, out);
  return out;
}

function push(text: string, a: number, b: number, out: Span[]): void {
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  if (b > a) out.push({ start: a, end: b });
}
