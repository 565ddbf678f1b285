// The tokenizer and normalizer shared by indexing and tracing: a fast regex scan, then per distinct word
// (cached) lowercase, number form, country alias, stem and synonym class.
import { aliasTable } from './aliases.js';
import { STOPWORDS, COMMON } from './stopwords.js';
import { stem } from './stem.js';
import { synonymTable } from './synonyms.js';

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
}

interface WordInfo {
  low: string;
  norm: string;
  key: number;
  content: boolean;
  common: boolean;
}

// Words, numbers with inner separators ("1,400", "3.5"), and dotted abbreviations ("U.S").
const WORD = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', fifteen: '15', twenty: '20', thirty: '30', fifty: '50', hundred: '100', thousand: '1000',
  million: 'm', millions: 'm', mn: 'm', billion: 'bn', billions: 'bn', percent: '%', pc: '%',
};

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
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) | 0;
}

const cache = new Map<string, WordInfo>();
const COMMON_STEMS = new Set([...COMMON].map(stem));

function info(word: string): WordInfo {
  let w = cache.get(word);
  if (w) return w;
  if (cache.size > 500_000) cache.clear();
  const low = word.toLowerCase().replace(/’/g, "'");
  let norm: string;
  let content = true;
  const abbr = aliasTable().abbreviations.get(word.replace(/\./g, ''));
  if (abbr && /^[A-Z.]+$/.test(word)) norm = abbr;
  else if (/^\d[\d,.]*$/.test(low)) {
    // "1,400" and "1400" are one number; "3.50" and "3.5" too.
    norm = low.replace(/,(?=\d{3}\b)/g, '');
    if (norm.includes('.')) norm = norm.replace(/\.?0+$/, '');
  } else {
    const bare = low.replace(/'s$/, '').replace(/\./g, '');
    if (NUMBER_WORDS[bare]) norm = NUMBER_WORDS[bare];
    else if (STOPWORDS.has(bare) || STOPWORDS.has(low)) {
      norm = bare;
      content = false;
    } else norm = stem(bare);
  }
  const k = synonymTable().klass.get(norm) ?? norm;
  w = { low, norm, key: hash32(k), content, common: content && COMMON_STEMS.has(norm) };
  cache.set(word, w);
  return w;
}

/** Tokens of text[start, end), offsets into `text`. Country names of several words become one token. */
export function tokenize(text: string, start = 0, end = text.length): Tok[] {
  const out: Tok[] = [];
  const aliases = aliasTable().phrases;
  WORD.lastIndex = start;
  const raw: { s: number; e: number; w: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text)) && m.index < end) {
    let w = m[0];
    let e = m.index + w.length;
    if (e > end) {
      w = w.slice(0, end - m.index);
      e = end;
    }
    // "policy-makers" stays one word; "1,400" stays one number; a trailing "'s" is dropped by info().
    raw.push({ s: m.index, e, w });
  }
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const low = r.w.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/\./g, '');
    const cands = aliases.get(low);
    if (cands) {
      let hit: { words: string[]; canon: string } | null = null;
      for (const c of cands) {
        if (i + c.words.length > raw.length) continue;
        let ok = true;
        for (let k = 1; k < c.words.length && ok; k++) {
          const x = raw[i + k].w.toLowerCase().replace(/’/g, "'").replace(/'s$/, '').replace(/\./g, '');
          ok = x === c.words[k];
        }
        // A country name must be capitalised: "turkey" the bird, "chad" the name stay words.
        if (ok && /^\p{Lu}/u.test(r.w)) {
          hit = c;
          break;
        }
      }
      if (hit) {
        const last = raw[i + hit.words.length - 1];
        const surface = text.slice(r.s, last.e);
        out.push({ start: r.s, end: last.e, surface, low: surface.toLowerCase(), norm: hit.canon, key: hash32(hit.canon), content: true, common: false });
        i += hit.words.length - 1;
        continue;
      }
    }
    const wi = info(r.w);
    out.push({ start: r.s, end: r.e, surface: r.w, low: wi.low, norm: wi.norm, key: wi.key, content: wi.content, common: wi.common });
  }
  return out;
}
