// A learned sequence tagger over the pipeline's wink tokens: BIO tags for person / organization / place from
// an averaged perceptron (trained by scripts/entities/train.ts on public NER data; weights in
// data/entities/tagger.bin.gz). Its features include what the rules of recognize.ts found, so the model
// learns where the rules are right and where a word's shape and context say otherwise
// ("Plymouth beat Exeter": two clubs; "in Plymouth": a place).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Document, Token } from '../../model/document.js';
import type { EntityType } from '../../model/types.js';
import { DEMONYMS, FIRST_NAMES, HONORIFICS, KNOWN_SURNAMES, NOT_NAMES, ORG_HEADS, OUTLET_HEADS, PLACE_HEADS, ROLE_WORDS, isNamePart, lookup } from './gazetteer.js';
import type { RawMention } from './recognize.js';

export const TAGS = ['O', 'B-person', 'I-person', 'B-organization', 'I-organization', 'B-place', 'I-place'] as const;
export const NT = TAGS.length;
export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;

/** FNV-1a over the feature's parts (joined by "|", without building the string): its weight row. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}
export function hash(a: string, b?: string, c?: string): number {
  let h = fnv(0x811c9dc5, a);
  if (b !== undefined) h = fnv(Math.imul(h ^ 124, 0x01000193), b);
  if (c !== undefined) h = fnv(Math.imul(h ^ 124, 0x01000193), c);
  return (h >>> 0) & MASK;
}

/** "Kim" -> "Xx", "U.S." -> "X.X.", "1949" -> "d", "Jong-un" -> "Xx-x": runs of one character class collapse. */
export function shape(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const k = w.charCodeAt(i);
    let c: string;
    if (k >= 65 && k <= 90) c = 'X';
    else if (k >= 97 && k <= 122) c = 'x';
    else if (k >= 48 && k <= 57) c = 'd';
    else if (k < 128) c = w[i];
    else {
      const ch = w[i];
      c = ch.toLowerCase() !== ch ? 'X' : ch.toUpperCase() !== ch ? 'x' : ch;
    }
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

/** Per-document facts the features read: which words are written in lowercase somewhere. */
export interface DocContext {
  lower: Set<string>;
  /** The rule mention covering each token (by token index), with the token's place in it. */
  rule: (string | undefined)[];
  /** Per word as written: the types the rules gave it anywhere in the document ("o", "op"). */
  ruleTypes: Map<string, string>;
  /** Per word as written: the last word of the longest run of capitalised words it sits in anywhere in the
   * document ("Dravo" → "Industries" once "Dravo Industries" was written). */
  runHead: Map<string, string>;
  /** Lowercased words written in title case ("Karsk") somewhere other than a sentence's first word. */
  titled: Set<string>;
  /** Per capitalised word as written: the kinds of context its mentions have anywhere in the document (docCues). */
  cues: Map<string, string>;
}

// Words after a company's name ("Halvorsen shares fell", "Halvorsen's chairman"): any one mention so placed
// says what the other mentions are.
const ORG_AFTER = new Set('shares share stock stocks stake shareholders spokesman spokeswoman spokesperson chairman chairwoman chief executive executives ceo board unit units subsidiary subsidiaries profit profits earnings revenue revenues sales employees workers staff plant plants factory bid takeover merger products brand customers headquarters subscribers'.split(' '));
// Jobs before "at"/"of" + a firm ("an analyst at Fjordbank", "chief executive of Dravo").
const JOB_BEFORE = new Set('analyst analysts economist economists strategist strategists trader traders dealer dealers director manager managers head executive officer spokesman spokeswoman chairman chairwoman president founder engineer researcher researchers professor employee employees worker workers'.split(' '));
const PLACE_BEFORE = new Set(['in', 'near', 'from', 'to', 'into', 'across', 'outside']);

/**
 * One letter per kind of context a capitalised word has somewhere in the document: "o" a company's word follows
 * ("X shares", "X's chairman"), "j" a job and "at"/"of" precede ("analyst at X"), "h" a title or given name
 * precedes ("Mr X", "Anna X"), "i" a place preposition precedes ("in X"), "t" "the" precedes, "s" a verb of saying
 * follows. The tagger weighs them; a word's document-wide cues decide mentions whose own context says nothing.
 */
function docCues(tokens: Token[]): Map<string, string> {
  const cues = new Map<string, string>();
  const add = (w: string, c: string) => {
    const had = cues.get(w) ?? '';
    if (!had.includes(c)) cues.set(w, had + c);
  };
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].text;
    if (!/^\p{Lu}/u.test(w) || NOT_NAMES.has(w)) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const nl = next?.text.toLowerCase() ?? '';
    const after = /^['’]s?$/.test(nl) ? (tokens[i + 2]?.text.toLowerCase() ?? '') : nl;
    if (ORG_AFTER.has(after)) add(w, 'o');
    if (/^(?:said|says|told|added|declined|announced|reported)$/.test(nl)) add(w, 's');
    if (!prev || prev.sentence !== tokens[i].sentence) continue;
    const pl = prev.text.toLowerCase();
    if ((pl === 'at' || pl === 'of') && JOB_BEFORE.has(tokens[i - 2]?.text.toLowerCase() ?? '')) add(w, 'j');
    if (HONORIFICS.has(prev.text) || HONORIFICS.has(prev.text.replace(/\.$/, '')) || FIRST_NAMES.has(prev.text)) add(w, 'h');
    if (PLACE_BEFORE.has(pl)) add(w, 'i');
    if (pl === 'the') add(w, 't');
  }
  for (const [w, c] of cues) cues.set(w, [...c].sort().join(''));
  return cues;
}

export function docContext(doc: Document, tokens: Token[], rules: RawMention[]): DocContext {
  const lower = new Set<string>();
  for (const m of doc.text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lower.add(m[0]);
  const rule: (string | undefined)[] = new Array(tokens.length);
  const ms = [...rules].sort((a, b) => a.start - b.start);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (k < ms.length && ms[k].end <= t.start) k++;
    const m = ms[k];
    if (m && m.start <= t.start && m.end >= t.end) rule[i] = `${m.start === t.start ? 'B' : 'I'}-${m.type}-${m.evidence}${m.outlet ? '-outlet' : ''}`;
  }
  // Document-level evidence: a name written once in full or once where a rule knew it is the same name in
  // its other mentions ("Halvorsen Marine ASA said ... Halvorsen declined").
  const ruleTypes = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    const r = rule[i];
    if (!r) continue;
    const ty = r.split('-')[1][0];
    const had = ruleTypes.get(tokens[i].text) ?? '';
    if (!had.includes(ty)) ruleTypes.set(tokens[i].text, [...had, ty].sort().join(''));
  }
  const runHead = new Map<string, string>();
  const runLen = new Map<string, number>();
  const capital = (t: Token) => /^\p{Lu}/u.test(t.text) && !NOT_NAMES.has(t.text);
  for (let i = 0; i < tokens.length; ) {
    if (!capital(tokens[i])) {
      i++;
      continue;
    }
    let j = i;
    // "of" and "&" inside a run when a capitalised word follows ("Bank of England", "Marks & Spencer").
    while (j + 1 < tokens.length && tokens[j + 1].start - tokens[j].end <= 1 && (capital(tokens[j + 1]) || (/^(?:of|&)$/.test(tokens[j + 1].text) && tokens[j + 2] && capital(tokens[j + 2])))) j += /^(?:of|&)$/.test(tokens[j + 1].text) ? 2 : 1;
    if (j > i) {
      const head = tokens[j].text;
      for (let k = i; k <= j; k++) {
        const w = tokens[k].text;
        if ((runLen.get(w) ?? 0) < j - i + 1) {
          runLen.set(w, j - i + 1);
          runHead.set(w, k === j ? '=' : head);
        }
      }
    }
    i = j + 1;
  }
  const titled = new Set<string>();
  for (let i = 1; i < tokens.length; i++) if (tokens[i].sentence === tokens[i - 1].sentence && /^\p{Lu}\p{Ll}/u.test(tokens[i].text)) titled.add(tokens[i].text.toLowerCase());
  return { lower, rule, ruleTypes, runHead, titled, cues: docCues(tokens) };
}

const gazCache = new Map<string, string>();

/** What the word lists say of one word, as a short code ("pF": a place that is also a given name). Cached. */
function gazClass(w: string): string {
  let s = gazCache.get(w);
  if (s === undefined) {
    if (gazCache.size > 50000) gazCache.clear();
    gazCache.set(w, (s = gazClassOf(w)));
  }
  return s;
}

function gazClassOf(w: string): string {
  const e = lookup(w);
  let s = e ? `${e.type[0]}${e.weak ? 'w' : ''}${e.outlet ? 'o' : ''}${e.capitalOf ? 'c' : ''}` : '';
  if (FIRST_NAMES.has(w)) s += 'F';
  else if (isNamePart(w)) s += 'N';
  if (KNOWN_SURNAMES.has(w)) s += 'K';
  if (ROLE_WORDS.has(w)) s += 'R';
  if (HONORIFICS.has(w)) s += 'H';
  if (ORG_HEADS.has(w)) s += 'O';
  if (OUTLET_HEADS.has(w)) s += 'U';
  if (PLACE_HEADS.has(w)) s += 'P';
  if (DEMONYMS.has(w)) s += 'D';
  if (NOT_NAMES.has(w)) s += 'X';
  return s || '-';
}

const INNER_LOWER = new Set(['della', 'delle', 'degli', 'upon', 'dello']);

let classes: Map<string, string> | null = null;

/**
 * Word classes (scripts/entities/clusters.ts: GloVe words of Wikipedia and newswire in a 32 × 16 × 8 tree):
 * "exeter" sits with "plymouth" and "chester", "compaq" with "ibm". Loaded once; empty when the file is missing.
 */
export function wordClasses(): Map<string, string> {
  if (classes) return classes;
  classes = new Map();
  try {
    const raw = gunzipSync(readFileSync(new URL('../../../data/entities/clusters.txt.gz', import.meta.url))).toString('utf8');
    for (const line of raw.split('\n')) {
      const sp = line.indexOf(' ');
      if (sp > 0) classes.set(line.slice(0, sp), line.slice(sp + 1));
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  return classes;
}

/**
 * Static features of every token of one sentence (everything but the previous tags), as hashed rows.
 * `toks` are the sentence's tokens, `base` the index of toks[0] in the document's token list.
 */
export function sentenceFeatures(toks: Token[], base: number, ctx: DocContext, text: string): SentenceFeatures {
  const n = toks.length;
  const low = toks.map((t) => t.text.toLowerCase());
  const shp = toks.map((t) => shape(t.text).slice(0, 6));
  const gaz = toks.map((t) => gazClass(t.text));
  const wc = wordClasses();
  const cls = low.map((l) => wc.get(l) ?? '-');
  const at = (arr: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : arr[i]);
  const out: number[][] = [];
  const upper = toks.map((t) => t.text.toLowerCase() !== t.text);
  // A line in capitals (agency headlines: "TALKS RESUME IN KARSK"): case says nothing there, so its words also
  // get features of how the document writes them elsewhere (in lowercase, in title case, typed by the rules).
  let capsWords = 0;
  let allCaps = true;
  for (const t of toks) {
    if (!/\p{L}/u.test(t.text)) continue;
    if (/\p{Ll}/u.test(t.text)) {
      allCaps = false;
      break;
    }
    if (t.text.length > 1) capsWords++;
  }
  allCaps &&= capsWords >= 2;
  for (let i = 0; i < n; i++) {
    // A word without a capital between two such words is never tagged (the model was trained so): it is
    // not scored, which makes the tagger cost a fraction of a plain scan ("of" in "Bank of England" is).
    // A number is never part of a name here ("Fennick Athletic 3", "Lincoln 1 Oxwick 1" in a results table).
    // Nor is a lowercase word of four letters or more ("Barrowby beat Culmstead" is two names), but "della", "upon".
    if ((!upper[i] && !upper[i - 1] && !upper[i + 1]) || /^\d[\d.,:-]*$/.test(toks[i].text) || (/^\p{Ll}{4,}$/u.test(toks[i].text) && !INNER_LOWER.has(toks[i].text))) {
      out.push(SKIP);
      continue;
    }
    const t = toks[i];
    const w = t.text;
    const l = low[i];
    const cap = /^\p{Lu}/u.test(w);
    const first = i === 0 || /^["“‘'(:—–-]$/.test(toks[i - 1].text);
    const spaceBefore = i > 0 && toks[i - 1].end < t.start ? ' ' : '';
    const spaceAfter = i + 1 < n && t.end < toks[i + 1].start ? ' ' : '';
    const r = ctx.rule[base + i] ?? '-';
    const rp = ctx.rule[base + i - 1] ?? '-';
    const rn = ctx.rule[base + i + 1] ?? '-';
    const pA = i ? toks[i - 1].pos : '<s>';
    const nA = i + 1 < n ? toks[i + 1].pos : '</s>';
    const f = [
      hash('b'),
      hash('w', l),
      hash('W', w),
      hash('s', shp[i]),
      hash('p', t.pos),
      hash('p1', pA),
      hash('n1', nA),
      hash('pp', pA + '|' + t.pos, nA),
      hash('w-1', at(low, i - 1)),
      hash('w+1', at(low, i + 1)),
      hash('w-2', at(low, i - 2)),
      hash('w+2', at(low, i + 2)),
      hash('w-1w', at(low, i - 1), l),
      hash('ww+1', l, at(low, i + 1)),
      hash('s-1', at(shp, i - 1), shp[i]),
      hash('s+1', shp[i], at(shp, i + 1)),
      hash('pre2', l.slice(0, 2)),
      hash('pre3', l.slice(0, 3)),
      hash('suf2', l.slice(-2)),
      hash('suf3', l.slice(-3)),
      hash('suf4', l.slice(-4)),
      hash('g', gaz[i]),
      hash('g-1', at(gaz, i - 1)),
      hash('g+1', at(gaz, i + 1)),
      hash('g+1w', gaz[i], at(low, i + 1)),
      hash('r', r),
      hash('rp', rp, r),
      hash('rn', r, rn),
      hash('rw', r, at(low, i + 1)),
      hash('sp', spaceBefore + spaceAfter, shp[i]),
      hash('len', String(Math.min(w.length, 8))),
      // The word's class at each level of the tree, and its neighbours' middle level.
      hash('k1', cls[i].slice(0, 1)),
      hash('k2', cls[i].slice(0, 3)),
      hash('k3', cls[i]),
      hash('k-1', i ? cls[i - 1].slice(0, 3) : '<s>'),
      hash('k+1', i + 1 < n ? cls[i + 1].slice(0, 3) : '</s>'),
      // The document's other mentions: the rules' types for the same word, the head of its longest run.
      hash('dr', ctx.ruleTypes.get(w) ?? '-'),
      hash('dh', ctx.runHead.get(w)?.toLowerCase() ?? '-'),
      hash('dhg', gazClass(ctx.runHead.get(w) ?? '-')),
    ];
    // The word's contexts elsewhere in the document, whole and one by one.
    const cue = ctx.cues.get(w);
    if (cue) {
      f.push(hash('dc', cue));
      for (const c of cue) f.push(hash('dc1', c));
    }
    // A word inside a run shares its neighbours' cues ("Halvorsen Marine shares": "Halvorsen").
    if (i + 1 < n) {
      const nc = ctx.cues.get(toks[i + 1].text);
      if (nc) f.push(hash('dc+1', nc));
    }
    if (i > 0) {
      const pc = ctx.cues.get(toks[i - 1].text);
      if (pc) f.push(hash('dc-1', pc));
    }
    if (cap) {
      const lw = ctx.lower.has(l) ? 'L' : 'U';
      f.push(hash('init', first ? '1' : '0', lw), hash('cl', (first ? '1' : '0') + t.pos, lw));
      // "Plymouth 4 Exeter 1": a name next to a score.
      if (/^\d{1,2}$/.test(at(low, i + 1))) f.push(hash('score+', /^\p{Lu}/u.test(toks[i + 2]?.text ?? '') ? '1' : '0'));
      if (/^\d{1,2}$/.test(at(low, i - 1))) f.push(hash('score-'));
    }
    // A word in capitals ("KARSK" in a headline or a dateline, "IBM"): how the document writes it elsewhere.
    if (/^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u.test(w)) {
      const title = w[0] + l.slice(1);
      const u = allCaps ? 'U' : 'u';
      f.push(
        hash('uc', u),
        hash('ucd', u, (ctx.lower.has(l) ? 'L' : '-') + (ctx.titled.has(l) ? 'T' : '-')),
        hash('ucr', u, ctx.ruleTypes.get(title) ?? '-'),
        hash('ucg', u, gazClass(title)),
        hash('uck', u, cls[i].slice(0, 3)),
      );
    }
    if (i + 1 < n && text[toks[i + 1].start] === "'" && /^'s?$/.test(toks[i + 1].text)) f.push(hash('poss'));
    out.push(f);
  }
  return { feats: out, low, shp };
}

export interface SentenceFeatures {
  feats: number[][];
  low: string[];
  shp: string[];
}

/** Features of the tag history, combined with the word: added at decode time (greedy, left to right). */
const TAG_NAMES = ['<s>', ...TAGS];
/** The features of a token that is not scored: it is tagged O. */
export const SKIP: number[] = [];
export function historyFeatures(prev: number, prev2: number, low: string, shp: string): number[] {
  const a = TAG_NAMES[prev + 1];
  return [hash('t-1', a), hash('t-2', TAG_NAMES[prev2 + 1], a), hash('t-1w', a, low), hash('t-1s', a, shp)];
}

/** I-x may only follow B-x or I-x. */
export function allowed(prev: number, tag: number): boolean {
  if (tag === 0 || tag % 2 === 1) return true;
  return prev === tag || prev === tag - 1;
}

export interface Model {
  weights: Float32Array | Int16Array;
  scale: number;
}

/**
 * Per token: it continues a hyphenated word ("Luc" in "Jean-Luc", "jun" in "Min-jun": a hyphen written
 * without spaces before it). A name never ends inside such a word.
 */
export function hyphenGlued(toks: Token[]): boolean[] {
  return toks.map((t, i) => i > 1 && toks[i - 1].text === '-' && toks[i - 2].end === toks[i - 1].start && toks[i - 1].end === t.start);
}

/** Greedy left-to-right decoding of one sentence: tag indexes. */
export function decode(model: Model, feats: number[][], low: string[], shp: string[], glued?: boolean[]): number[] {
  const w = model.weights;
  const tags: number[] = [];
  const score = new Float64Array(NT);
  for (let i = 0; i < feats.length; i++) {
    // The hyphen was tagged inside a name: the word goes on ("Jean-" would be cut from "Jean-Luc Moreau").
    if (glued?.[i] && tags[i - 1] !== 0) {
      tags.push(tags[i - 1] % 2 === 1 ? tags[i - 1] + 1 : tags[i - 1]);
      continue;
    }
    if (feats[i] === SKIP) {
      tags.push(0);
      continue;
    }
    score.fill(0);
    const prev = i ? tags[i - 1] : -1;
    const prev2 = i > 1 ? tags[i - 2] : -1;
    const hist = historyFeatures(prev, prev2, low[i], shp[i]);
    for (const rows of [feats[i], hist]) {
      for (let k = 0; k < rows.length; k++) {
        const o = rows[k] * NT;
        for (let c = 0; c < NT; c++) score[c] += w[o + c];
      }
    }
    let best = 0;
    for (let c = 1; c < NT; c++) if (allowed(prev, c) && score[c] > score[best]) best = c;
    tags.push(best);
  }
  return tags;
}

export interface TaggedSpan {
  start: number;
  end: number;
  type: EntityType;
  sentence: number;
}

/** Spans from BIO tags over a sentence's tokens. */
export function spans(tags: number[], toks: Token[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t === 0) continue;
    const type = TAGS[t].slice(2) as EntityType;
    let j = i;
    while (j + 1 < tags.length && tags[j + 1] === (t % 2 === 1 ? t + 1 : t)) j++;
    out.push({ start: toks[i].start, end: toks[j].end, type, sentence: toks[i].sentence });
    i = j;
  }
  return out;
}

/** Groups a document's tokens by sentence index, in order. */
export function bySentence(tokens: Token[]): { base: number; toks: Token[] }[] {
  const out: { base: number; toks: Token[] }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!out.length || tokens[i].sentence !== out[out.length - 1].toks[0].sentence) out.push({ base: i, toks: [] });
    out[out.length - 1].toks.push(tokens[i]);
  }
  return out;
}

let loaded: Model | null | undefined;

/** The shipped weights (int16, one scale), loaded once; null when the file is missing. */
export function shippedModel(): Model | null {
  if (loaded !== undefined) return loaded;
  try {
    const buf = gunzipSync(readFileSync(new URL('../../../data/entities/tagger.bin.gz', import.meta.url)));
    const scale = buf.readFloatLE(0);
    const bits = buf.readUInt32LE(4);
    if (bits !== HASH_BITS) throw new Error(`tagger weights have ${bits} hash bits, the code ${HASH_BITS}`);
    const weights = new Int16Array(buf.buffer.slice(buf.byteOffset + 8, buf.byteOffset + buf.length));
    loaded = { weights, scale };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    loaded = null;
  }
  return loaded;
}

/** Tags every sentence of the document: spans with types. */
export function tag(doc: Document, rules: RawMention[], model: Model): TaggedSpan[] {
  const ctx = docContext(doc, doc.tokens, rules);
  const out: TaggedSpan[] = [];
  for (const { base, toks } of bySentence(doc.tokens)) {
    const sf = sentenceFeatures(toks, base, ctx, doc.text);
    out.push(...spans(decode(model, sf.feats, sf.low, sf.shp, hyphenGlued(toks)), toks));
  }
  return out;
}
