// Helpers shared by the pretty and HTML renderers.
import type { SourceMatch } from '../model/types.js';
import type { Report } from '../report/report.js';

/** What each verdict label means (DESIGN.md), shown next to it. */
export const LABEL_MEANING: Record<Report['verdict']['label'], string> = {
  original: 'no significant reuse and no integrity problems',
  syndicated: 'reproduces one source faithfully (republished wire copy: legitimate)',
  spliced: 'stitched from two or more sources, spun, or altered from its source',
  suspicious: 'no corpus evidence, but intrinsic signs of stitching or spinning',
};

// Capitals, then digits: a lowercase letter in the splice map is a loose match (see `cellLetter`).
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface SourceKey {
  docId: string;
  letter: string; // one cell of the splice map; '+' past 36 sources
  slot: number; // colour slot, in order of sentence count
  sentences: number; // sentences whose best source it is
}

/** One letter and colour slot per source: the summary's (most sentences first), then second-best ones. */
export function sourceKeys(r: Report): Map<string, SourceKey> {
  const keys = new Map<string, SourceKey>();
  const add = (docId: string, sentences: number) => {
    if (keys.has(docId)) return;
    const slot = keys.size;
    keys.set(docId, { docId, letter: LETTERS[slot] ?? '+', slot, sentences });
  };
  for (const s of r.summary.sources) add(s.docId, s.sentences);
  for (const s of r.sentences) for (const m of s.sources) add(m.docId, 0);
  return keys;
}

/**
 * Kinds that reuse less than the sentence's wording: a lifted run inside new words, or the same statement
 * reworded. The splice map draws them paler (and in lowercase) than verbatim, edited and spun copies.
 */
export function isLoose(kind: string | undefined): boolean {
  return kind === 'fragment' || kind === 'paraphrased';
}

/** A splice-map cell's letter: the source's, lowercase for a loose match ("a" = fragment or paraphrase of A). */
export function cellLetter(k: SourceKey | undefined, kind: string | undefined): string {
  const letter = k?.letter ?? '?';
  return isLoose(kind) ? letter.toLowerCase() : letter;
}

/** Half-open ranges relative to a text; `text` of a lifted run is the article's words. */
export type Range = [number, number];

/**
 * A fragment's lifted runs as ranges inside the article sentence and inside the source passage (`m.text`,
 * which starts at `m.start` of the source document). Runs that fall outside either side are left out there.
 */
export function liftedRanges(m: SourceMatch, sentence: { start: number; end: number }): { article: Range[]; source: Range[] } {
  const article: Range[] = [];
  const source: Range[] = [];
  const inside = (a: number, b: number, len: number) => Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < b && b <= len;
  for (const run of m.lifted ?? []) {
    const a = run.start - sentence.start;
    const b = run.end - sentence.start;
    if (inside(a, b, sentence.end - sentence.start)) article.push([a, b]);
    const sa = run.sourceStart - m.start;
    const sb = run.sourceEnd - m.start;
    if (inside(sa, sb, m.text.length)) source.push([sa, sb]);
  }
  const tidy = (rs: Range[]) => rs.sort((x, y) => x[0] - y[0]).filter((r, i, all) => i === 0 || r[0] >= all[i - 1][1]);
  return { article: tidy(article), source: tidy(source) };
}

/** Cuts `text` at the ranges: pieces in order, each marked or not. */
export function splitAt(text: string, ranges: Range[]): { text: string; marked: boolean }[] {
  const out: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    if (a > at) out.push({ text: text.slice(at, a), marked: false });
    out.push({ text: text.slice(a, b), marked: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/** Shortens to `max` characters (on one line) with an ellipsis. */
export function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : one.slice(0, Math.max(0, max - 1)).trimEnd() + '…';
}

export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** `text` is the article's words for same/ins, the source's for del; `source` is the source's words of a `same` run. */
export type DiffOp = { op: 'same' | 'del' | 'ins'; text: string; source?: string };

// Word tokens with the space before them kept, so a diff re-joins to the exact text.
function words(s: string): string[] {
  return s.match(/\s*\S+/g) ?? [];
}

// Compared without case and edge punctuation: "Russia," and "russia" are the same word.
function key(w: string): string {
  return w.trim().toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/** Largest word table the LCS diff fills (source words x article words); bigger pairs show as one del + one ins. */
export const MAX_DIFF_CELLS = 250_000;

/**
 * Word-level diff of a source passage against an article sentence (longest common subsequence):
 * `del` words are in the source only, `ins` words in the article only. Runs are merged.
 */
export function wordDiff(source: string, article: string): DiffOp[] {
  const a = words(source);
  const b = words(article);
  const out: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string, src?: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) {
      last.text += text;
      if (src !== undefined) last.source = (last.source ?? '') + src;
    } else out.push(src === undefined ? { op, text } : { op, text, source: src });
  };
  if (a.length * b.length > MAX_DIFF_CELLS) {
    if (source) push('del', source);
    if (article) push('ins', article);
    return out;
  }
  const ka = a.map(key);
  const kb = b.map(key);
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = ka[i] === kb[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) {
      push('same', b[j], a[i]);
      i++;
      j++;
    } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) push('del', a[i++]);
    else push('ins', b[j++]);
  }
  while (i < n) push('del', a[i++]);
  while (j < m) push('ins', b[j++]);
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A TimeML value for people: "2019-04-23" -> "Tue 23 Apr 2019", "2019-W16" -> "week 16 of 2019"; null if not one of those forms. */
export function readableTime(value: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?$/.exec(value);
  if (m) {
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    if (Number.isNaN(d.getTime()) || d.getUTCMonth() !== +m[2] - 1) return null;
    return `${DAYS[d.getUTCDay()]} ${+m[3]} ${MONTHS[+m[2] - 1].slice(0, 3)} ${m[1]}${m[4] ? `, ${m[4]}` : ''}`;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `week ${+m[2]} of ${m[1]}`;
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)) && +m[2] >= 1 && +m[2] <= 12) return `${MONTHS[+m[2] - 1]} ${m[1]}`;
  return null;
}

/** Keys of a finding's `data` that are for machines, not for a reader. */
const HIDDEN_DATA = new Set(['strength']);

function evidenceValue(r: Report, v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return clip(v, 160);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) {
    const parts = v.map((x) => {
      if (x && typeof x === 'object' && 'from' in x && 'to' in x) return `${String((x as { from: unknown }).from)} → ${String((x as { to: unknown }).to)}`;
      return evidenceValue(r, x);
    });
    const kept = parts.filter((x): x is string => x !== null);
    return kept.length ? clip(kept.join(', '), 200) : null;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A span of the article (the other side of a contradiction, an antecedent): its own words.
    if (typeof o.start === 'number' && typeof o.end === 'number' && o.start >= 0 && o.end <= r.article.text.length && o.start < o.end) {
      const where = typeof o.sentence === 'number' ? `sentence ${o.sentence + 1}: ` : '';
      return `${where}“${clip(r.article.text.slice(o.start, o.end), 140)}”`;
    }
    return clip(JSON.stringify(o), 160);
  }
  return null;
}

/**
 * A finding's evidence (`data`) as label/value pairs for people: the short form of a formal name, the source
 * passage, the other span of a contradiction (resolved to its words). Values are plain text: the renderer
 * escapes them.
 */
export function evidence(r: Report, f: { data?: Record<string, unknown> }): { key: string; value: string }[] {
  if (!f.data) return [];
  const out: { key: string; value: string }[] = [];
  for (const [k, v] of Object.entries(f.data)) {
    if (HIDDEN_DATA.has(k)) continue;
    const value = evidenceValue(r, v);
    if (value !== null) out.push({ key: k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(), value });
  }
  return out;
}
