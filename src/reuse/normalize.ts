// The tokenizer and normalizer shared by indexing and tracing: a fast regex scan, then per distinct word
// (cached) lowercase, number form, country alias, stem and synonym class.
import { aliasTable } from './aliases.js';
import { STOPWORDS, COMMON } from './stopwords.js';
import { stem } from './stem.js';
import { synonymTable } from './synonyms.js';
import { vectors } from './vectors.js';

export interface Tok {
  start: number;
  end: number;
  /** The word as written ("Russian Federation" for a matched alias). */
  surface: string;
  /** Lowercase form with quotes and dots folded, for the verbatim comparison. */
  low: string;
  /** Normalized form: stem, number value or country code ("@rus"). */
  norm: string;
  /** 32-bit hash of the synonym class, for fingerprints. */
  key: number;
  /** A content word: not a stopword. */
  content: boolean;
  /** A content word frequent in all news ("said", "year"): never fingerprinted alone. */
  common: boolean;
  /** A content word a spinner cannot swap: a name, a number, a word without synonyms ("Vioxx", "440"). */
  fixed: boolean;
  /** A lowercase word past the RARE_RANK most frequent English words ("homburg"): a lifted phrase's mark. */
  rare: boolean;
}

interface WordInfo {
  low: string;
  norm: string;
  key: number;
  content: boolean;
  common: boolean;
  fixed: boolean;
  rare: boolean;
  /** The bare lowercase form, when a multi-word country name starts with it ("russian", "united"). */
  aliasHead: string | null;
}

// Words, numbers with inner separators ("1,400", "3.5"), and dotted abbreviations ("U.S").
const WORD = /[\p{L}\p{N}]+(?:['’.,][\p{L}\p{N}]+)*/gu;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', fifty: '50', hundred: '100', thousand: '1000',
};

// Units that are written as a suffix, a word or a sign ("$136m" / "136 million", "5%" / "5 per cent"): the
// number carries the fact, the unit word is dropped like a function word.
const UNIT_WORDS = new Set(['million', 'millions', 'mn', 'billion', 'billions', 'bn', 'trillion', 'tn', 'percent', 'per', 'cent', 'pc']);

/** FNV-1a, 32-bit. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes two 32-bit values into one (order-insensitive when called with min, max). */
export function mix(a: number, b: number): number {
  return fmix((fmix(a ^ 0x9e3779b9) ^ b) + 0x7f4a7c15);
}

/** MurmurHash3's finalizer: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Word flags for `contentKeys`. */
export const COMMON_WORD = 1;
export const FIXED = 2;
export const RARE = 4;
/** Frequency rank (in the word-vector table, src/reuse/vectors.ts) past which a lowercase word is rare. */
export const RARE_RANK = 20_000;

// The word cache: open addressing over the word's FNV hash, checked against the word itself. Every token
// of every indexed and traced sentence goes through it, and a string-keyed Map cost more than the scan.
const TABLE_BITS = 19;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
const MAX_CACHED = 300_000; // load factor under 0.6; cleared past it (a corpus rarely has that many words)
const slotHash = new Int32Array(1 << TABLE_BITS);
const slotIndex = new Int32Array(1 << TABLE_BITS).fill(-1);
const cachedWords: string[] = [];
const cachedInfos: WordInfo[] = [];

function info(word: string): WordInfo {
  const h = hash32(word);
  let s = h & TABLE_MASK;
  for (;;) {
    const x = slotIndex[s];
    if (x < 0) break;
    if (slotHash[s] === h && cachedWords[x] === word) return cachedInfos[x];
    s = (s + 1) & TABLE_MASK;
  }
  const w = wordInfo(word);
  if (cachedWords.length >= MAX_CACHED) {
    slotIndex.fill(-1);
    cachedWords.length = 0;
    cachedInfos.length = 0;
    s = h & TABLE_MASK;
  }
  slotHash[s] = h;
  slotIndex[s] = cachedWords.length;
  cachedWords.push(word);
  cachedInfos.push(w);
  return w;
}

function wordInfo(word: string): WordInfo {
  const low = word.toLowerCase().replace(/’/g, "'");
  let norm: string;
  let content = true;
  const abbr = aliasTable().abbreviations.get(word.replace(/\./g, ''));
  if (abbr && /^[A-Z.]+$/.test(word)) norm = abbr;
  else if (/^\d[\d,.]*(?:m|bn|mn|tn|k|pc)?$/.test(low)) {
    // "1,400" and "1400" are one number; "3.50" and "3.5" too; "136m" is 136 (million).
    norm = low.replace(/[a-z]+$/, '').replace(/,(?=\d{3}\b)/g, '');
    if (norm.includes('.')) norm = norm.replace(/\.?0+$/, '');
  } else {
    const bare = low.replace(/'s$/, '').replace(/\./g, '');
    if (NUMBER_WORDS[bare]) norm = NUMBER_WORDS[bare];
    else if (STOPWORDS.has(bare) || STOPWORDS.has(low) || UNIT_WORDS.has(bare)) {
      norm = bare;
      content = false;
    } else norm = stem(bare);
  }
  const k = synonymTable().klass.get(norm) ?? norm;
  const bare = low.replace(/'s$/, '').replace(/\./g, '');
  const aliasHead = /^\p{Lu}/u.test(word) && aliasTable().phrases.has(bare) ? bare : null;
  const common = content && COMMON.has(bare);
  const rare = content && !common && bare.length > 3 && /^\p{Ll}+$/u.test(word) && !(vectors().index.get(bare)! < RARE_RANK);
  return { low, norm, key: hash32(k), content, common, fixed: content && !synonymTable().synsets.has(norm), rare, aliasHead };
}

/** Tokens of text[start, end), offsets into `text`. Country names of several words become one token. */
export function tokenize(text: string, start = 0, end = text.length): Tok[] {
  const out: Tok[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const infos: WordInfo[] = [];
  WORD.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < end) {
    let w = m[0];
    let e = m.index + w.length;
    if (e > end) {
      w = w.slice(0, end - m.index);
      e = end;
    }
    starts.push(m.index);
    ends.push(e);
    infos.push(info(w));
  }
  const n = infos.length;
  for (let i = 0; i < n; i++) {
    const wi = infos[i];
    // "Russian Federation", "Democratic People's Republic of Korea": longest capitalised phrase first.
    if (wi.aliasHead !== null) {
      const hit = aliasAt(infos, i, wi.aliasHead);
      if (hit) {
        const last = i + hit.words.length - 1;
        const surface = text.slice(starts[i], ends[last]);
        out.push({ start: starts[i], end: ends[last], surface, low: surface.toLowerCase(), norm: hit.canon, key: hash32(hit.canon), content: true, common: false, fixed: true, rare: false });
        i = last;
        continue;
      }
    }
    out.push({ start: starts[i], end: ends[i], surface: text.slice(starts[i], ends[i]), low: wi.low, norm: wi.norm, key: wi.key, content: wi.content, common: wi.common, fixed: wi.fixed, rare: wi.rare });
  }
  return out;
}

/** The country-name phrase starting at word i ("Russian Federation"), longest first, or null. */
function aliasAt(infos: WordInfo[], i: number, head: NonNullable<WordInfo['aliasHead']>): { words: string[]; canon: string } | null {
  for (const c of aliasTable().phrases.get(head)!) {
    if (i + c.words.length > infos.length) continue;
    let ok = true;
    for (let k = 1; k < c.words.length && ok; k++) ok = bareOf(infos[i + k]) === c.words[k];
    if (ok) return c;
  }
  return null;
}

function bareOf(w: WordInfo): string {
  return w.low.replace(/'s$/, '').replace(/\./g, '');
}

/**
 * The indexing fast path: synonym-class keys of the content words of text[start, end) (country names
 * joined as in `tokenize`), appended to `keys`; `flags` gets COMMON | FIXED per word. No objects per word.
 */
export function contentKeys(text: string, start: number, end: number, keys: number[], flags: number[]): void {
  const infos: WordInfo[] = scratch;
  infos.length = 0;
  WORD.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < end) {
    const w = m.index + m[0].length > end ? m[0].slice(0, end - m.index) : m[0];
    infos.push(info(w));
  }
  const n = infos.length;
  for (let i = 0; i < n; i++) {
    const wi = infos[i];
    if (wi.aliasHead !== null) {
      const hit = aliasAt(infos, i, wi.aliasHead);
      if (hit) {
        keys.push(hash32(hit.canon));
        flags.push(FIXED);
        i += hit.words.length - 1;
        continue;
      }
    }
    if (!wi.content) continue;
    keys.push(wi.key);
    flags.push((wi.common ? COMMON_WORD : 0) | (wi.fixed ? FIXED : 0) | (wi.rare ? RARE : 0));
  }
}
const scratch: WordInfo[] = [];
