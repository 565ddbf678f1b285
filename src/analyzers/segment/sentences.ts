import type { Paragraph, Sentence, Token } from '../../model/document.js';
import { nlp } from '../../text/nlp.js';

interface Range {
  start: number;
  end: number;
}

// Abbreviations that never end a sentence when a name or number follows: "Gen. Mark Milley", "Jan. 5".
const TITLES = new Set(
  'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl sen rep gov pres rev fr st mt ft sr jr hon supt insp det amb atty gen'.split(
    ' ',
  ),
);
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
// Abbreviations that end a sentence only when a capitalised word follows and it is not a name: we keep
// them joined when a lowercase word or a number follows ("the U.S. economy", "No. 10").
const WEAK = new Set('u.s u.k u.n e.u inc corp co ltd no vs etc approx est dept univ assn bros p.m a.m'.split(' '));

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function lastWord(text: string): string {
  // Anchored at the end, the pattern would retry from every letter of a long run: look at the tail only.
  const m = /([A-Za-z][A-Za-z.]*)\.\s*$/.exec(text.slice(-40));
  return m ? m[1].toLowerCase() : '';
}

/** Should the sentence ending at `prev` continue into `next`? Each rule quotes the text it is for. */
function shouldJoin(prev: string, next: string, gap: string): boolean {
  const word = lastWord(prev);
  const first = next.trimStart();
  // "Set window.__pwned": no space, no new sentence
  if (gap === '' && !/^\p{Lu}/u.test(first)) return true;
  // "Rep. Ann Lee (D-N.Y.) said": never end inside an open bracket that the next part closes
  if (count(prev, '(') > count(prev, ')') && /^[^(]{0,80}\)/.test(first)) return true;
  // "(D-N.Y.)", "N.Y.": an initial followed by another initial
  if (/[A-Z]\.$/.test(prev) && /^[A-Z]\./.test(first)) return true;
  // "Gen. Mark Milley said" / "Mr. Kim arrived"
  if (TITLES.has(word)) return true;
  // "on Jan. 5, 2019"
  if (MONTHS.has(word) && /^\d/.test(first)) return true;
  // "J. R. R. Tolkien wrote": a lone capital initial
  if (/(?:^|[\s(])[A-Z]\.\s*$/.test(prev) && /^[A-Z]/.test(first)) return true;
  // "the U.S. economy", "No. 10 Downing Street"
  if (WEAK.has(word) && /^[a-z0-9]/.test(first)) return true;
  // "U.S. -North Korea summit": a hyphen or dash glued to the next word continues the phrase
  if (/^[-–]\S/.test(first) && !/[!?]["”']?\s*$/.test(prev)) return true;
  // '"Are you sure?" he asked.' — a lowercase word after a closing quote continues the sentence
  if (/[!?,]["”’']\s*$/.test(prev) && /^[a-z]/.test(first)) return true;
  // "The company (which was founded in 1999.) failed.": a sentence never starts with a lowercase word
  if (/^[a-z]/.test(first)) return true;
  return false;
}

// Days, months and time zones that follow a clock time without ending the sentence: "at 10 a.m. Monday".
const AFTER_CLOCK = /^(Mon|Tues?|Wed(nes)?|Thu(rs?)?|Fri|Sat(ur)?|Sun)(day)?\b|^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|^[A-Z]{2,4}T\b|^(GMT|UTC|ET|PT|CT|MT|local)\b/;

/** "He spoke at 3 p.m. Reporters waited.": wink keeps a.m./p.m. glued to the next sentence. */
function splitAfterClock(text: string, r: Range): Range[] {
  const out: Range[] = [];
  let start = r.start;
  const re = /\b[ap]\.m\.\s+(?=[A-Z"“])/g;
  re.lastIndex = 0;
  const slice = text.slice(r.start, r.end);
  for (const m of slice.matchAll(re)) {
    const cut = r.start + m.index + 4;
    const next = r.start + m.index + m[0].length;
    if (AFTER_CLOCK.test(text.slice(next, next + 12))) continue;
    out.push({ start, end: cut });
    start = next;
  }
  out.push({ start, end: r.end });
  return out;
}

// Longest run without whitespace handed to wink-nlp as it is. wink's e-mail pattern retries from every
// character of a run to its end (200 KB of letters without a space took 34 s), so longer runs are cut into
// pieces of at most PIECE characters for wink, preferably after a "/", "-", "=" or "&" ("https://example.com/a/b").
// Offsets are unchanged: the pieces are found back in the original text.
const MAX_RUN = 100;
const PIECE = 48;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1}}`);
const LONG_RUNS = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');

/** `text` with a space inserted inside every run of more than MAX_RUN non-space characters. */
export function breakLongRuns(text: string): string {
  if (!LONG_RUN.test(text)) return text;
  return text.replace(LONG_RUNS, (run) => {
    const parts: string[] = [];
    let i = 0;
    while (run.length - i > PIECE) {
      let cut = i + PIECE;
      for (let k = cut - 1; k > i + PIECE / 2; k--) {
        if ('/-=&?_'.includes(run[k])) {
          cut = k + 1;
          break;
        }
      }
      parts.push(run.slice(i, cut));
      i = cut;
    }
    parts.push(run.slice(i));
    return parts.join(' ');
  });
}

// Every pass that looks around a quotation, a cue or a pronoun scans its sentence: a "sentence" of 70,000
// characters with no full stop (566 KB of '"He said "they said ' in 8 sentences) made them quadratic. Real
// sentences stay far below this; longer ones are cut at the last clause mark or token before it.
export const MAX_SENTENCE = 1500;

/** A range longer than MAX_SENTENCE cut at token boundaries, after a , ; : where there is one in its last third. */
function cutLong(r: Range, starts: number[], values: string[], pos: string[]): Range[] {
  if (r.end - r.start <= MAX_SENTENCE) return [r];
  const out: Range[] = [];
  let from = r.start;
  let last = -1; // the last token that may begin a piece
  let clause = -1; // the last token right after a clause mark
  let lo = 0; // token starts are in order: find the range's first token by binary search
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < r.start) lo = mid + 1;
    else hi = mid;
  }
  const endBefore = (k: number) => {
    // end of the last non-space token before token k
    let j = k - 1;
    while (j >= 0 && pos[j] === 'SPACE') j--;
    return starts[j] + values[j].length;
  };
  let prev = -1;
  for (let i = lo; i < starts.length && starts[i] < r.end; i++) {
    if (pos[i] === 'SPACE') continue;
    if (starts[i] + values[i].length - from > MAX_SENTENCE && last >= 0 && starts[last] > from) {
      const k = clause >= 0 && starts[clause] > from + (MAX_SENTENCE * 2) / 3 ? clause : last;
      out.push({ start: from, end: endBefore(k) });
      from = starts[k];
      clause = -1;
    }
    last = i;
    if (prev >= 0 && /^[,;:]$/.test(values[prev])) clause = i;
    prev = i;
  }
  out.push({ start: from, end: r.end });
  return out;
}

/** Tokens and sentences of the body, each inside one paragraph, with offsets into `text`. */
export function segment(text: string, paragraphs: Paragraph[]): { sentences: Sentence[]; tokens: Token[] } {
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const n = nlp();
  const its = n.its;
  for (const para of paragraphs) {
    const ptext = text.slice(para.start, para.end);
    const wdoc = n.readDoc(breakLongRuns(ptext));
    const values = wdoc.tokens().out(its.value) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    // Offsets: wink keeps every token's text, so a forward scan finds each one (only spaces lie between
    // two tokens; the search is bounded so that a token wink changed cannot make the scan quadratic).
    const starts: number[] = new Array(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      let at = ptext.startsWith(v, cursor) ? cursor : -1;
      if (at < 0) {
        const window = ptext.slice(cursor, cursor + v.length + 256);
        const k = window.indexOf(v);
        at = k < 0 ? -1 : cursor + k;
      }
      starts[i] = at < 0 ? cursor : at;
      if (at >= 0) cursor = at + v.length;
    }
    const ranges: Range[] = [];
    wdoc.sentences().each((s: { out: (f: unknown) => unknown }) => {
      const [a, b] = s.out(its.span) as unknown as [number, number];
      let i = a;
      let j = b;
      while (i <= j && pos[i] === 'SPACE') i++;
      while (j >= i && pos[j] === 'SPACE') j--;
      if (i > j) return;
      ranges.push({ start: starts[i], end: starts[j] + values[j].length });
    });
    // Repair passes over wink's split.
    const before = sentences.length;
    const merged: Range[] = [];
    for (const r of ranges.flatMap((x) => splitAfterClock(ptext, x))) {
      const prev = merged[merged.length - 1];
      // The tail of the sentence so far is enough for every rule, and keeps a long run of joins linear.
      if (prev && shouldJoin(ptext.slice(Math.max(prev.start, prev.end - 200), prev.end), ptext.slice(r.start, r.end), ptext.slice(prev.end, r.start))) prev.end = r.end;
      else merged.push({ ...r });
    }
    for (const r of merged.flatMap((x) => cutLong(x, starts, values, pos))) {
      const start = para.start + r.start;
      const end = para.start + r.end;
      sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), paragraph: para.index, role: 'body' });
    }
    const firstSentence = before;
    let si = firstSentence;
    for (let i = 0; i < values.length; i++) {
      if (pos[i] === 'SPACE') continue;
      const start = para.start + starts[i];
      while (si < sentences.length - 1 && start >= sentences[si].end) si++;
      tokens.push({ start, end: start + values[i].length, text: values[i], pos: pos[i], sentence: si });
    }
  }
  return { sentences, tokens };
}
