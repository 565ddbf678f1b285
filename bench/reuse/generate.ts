/**
 * Generator of stitched and spun articles with exact labels, for the reuse benchmark.
 *
 * Each output sentence carries its label: the source document and the source sentence's offsets (or none),
 * and how it was altered — verbatim; edited (words dropped/added, punctuation, number form, tense shift,
 * attribution added/dropped, quotation marks stripped); spun at a strength (share of content words
 * replaced by synonyms and formal names, sometimes with clauses reordered); split; merged. Off-topic
 * sentences (from documents kept out of the index) and template lines ("Share this") are labelled as
 * non-reuse. Everything is driven by a seeded PRNG so a run can be repeated with other seeds and strengths.
 */
import type { Article } from '../../src/model/document.js';
import type { SourceDoc, SrcSentence } from '../lib/reuse-corpus.js';
import { TUNE_SPINNER, UD_TO_WN, type Spinner } from './spin.js';
import { paraphraseSentence, type ParaOp } from './paraphrase.js';
import { int, pick, shuffle, type Rand } from '../lib/random.js';

export type AlterKind = 'verbatim' | 'edited' | 'spun' | 'split' | 'merged' | 'paraphrased' | 'offtopic' | 'template';
export const REUSE_KINDS: readonly AlterKind[] = ['verbatim', 'edited', 'spun', 'split', 'merged', 'paraphrased'];

export interface SourceRef {
  docId: string;
  /** Offsets of the source sentence in the source document's body text. */
  start: number;
  end: number;
}

export interface GenLabel {
  kind: AlterKind;
  /** Where the sentence comes from; empty for off-topic and template sentences. */
  sources: SourceRef[];
  /** Edit operations applied (edited). */
  edits?: string[];
  /** Requested share of content words to replace (spun). */
  strength?: number;
  contentWords?: number;
  replaced?: number;
  substitutions?: { from: string; to: string }[];
  /** Clauses reordered (spun). */
  reordered?: boolean;
  /** For off-topic sentences: the (unindexed) document they were taken from. */
  from?: string;
  /** Paraphrase operations applied (paraphrased). */
  ops?: ParaOp[];
  /** Source words a paraphrase left out. */
  dropped?: string;
}

export interface GenSentence {
  start: number;
  end: number;
  text: string;
  label: GenLabel;
}

export interface GenArticle {
  article: Article;
  strength: number;
  sources: string[];
  sentences: GenSentence[];
}

export interface GenOptions {
  seed: number;
  count: number;
  /** Spin strengths, cycled over the articles (share of content words replaced). */
  strengths: number[];
  minSources: number;
  maxSources: number;
  /** Relative weights of the alteration kinds of reused sentences. */
  mix: Record<'verbatim' | 'edited' | 'spun' | 'split' | 'merged' | 'paraphrased', number>;
  /** The substitution resource of spun and paraphrased sentences (the tuning half's by default). */
  spinner: Spinner;
  /** Chance an article gets an off-topic sentence, and template footer lines. */
  offtopicRate: number;
  templateRate: number;
}

export const DEFAULT_GEN: GenOptions = {
  seed: 1,
  count: 200,
  strengths: [0.1, 0.2, 0.3, 0.4],
  minSources: 2,
  maxSources: 5,
  mix: { verbatim: 0.2, edited: 0.25, spun: 0.4, split: 0.075, merged: 0.075, paraphrased: 0 },
  spinner: TUNE_SPINNER,
  offtopicRate: 0.7,
  templateRate: 0.6,
};

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const FUNCTION_START = /^(The|A|An|It|Its|There|This|That|These|Those|They|We|He|She|His|Her|Their|Our|But|And|In|On|At|For|However|Some|Many|Most|One|Two)\b/;
const lowerFirst = (s: string) => (FUNCTION_START.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Content words: what a spin strength is a share of (plus proper names that have a formal form). */
export function contentTokens(s: SrcSentence, spinner: Spinner = TUNE_SPINNER) {
  return s.tokens.filter(
    (t) => (UD_TO_WN[t.pos] && /^[A-Za-z]{3,}$/.test(t.text)) || (t.pos === 'PROPN' && spinner.formalNames[t.text] !== undefined),
  );
}

// ---- spinning ---------------------------------------------------------------------------------------

export function spinSentence(s: SrcSentence, strength: number, r: Rand, reorderRate = 0.3, spinner: Spinner = TUNE_SPINNER) {
  const content = contentTokens(s, spinner);
  const target = Math.max(1, Math.round(strength * content.length));
  const edits: { start: number; end: number; to: string; from: string }[] = [];
  for (const t of shuffle(r, [...content])) {
    if (edits.length >= target) break;
    const subs = spinner.substitutes(t.text, t.pos, r);
    if (!subs.length) continue;
    edits.push({ start: t.start - s.start, end: t.end - s.start, from: t.text, to: pick(r, subs) });
  }
  let text = s.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.to + text.slice(e.end);
  let reordered = false;
  if (r() < reorderRate) {
    const re = reorderClauses(text);
    if (re) {
      text = re;
      reordered = true;
    }
  }
  return {
    text,
    label: {
      kind: 'spun' as const,
      strength,
      contentWords: content.length,
      replaced: edits.length,
      substitutions: edits.sort((a, b) => a.start - b.start).map(({ from, to }) => ({ from, to })),
      reordered,
    },
  };
}

/**
 * Clause reordering a spinner does: a trailing attribution moved to the front ("X rose, he said." → "He
 * said X rose."), or a leading adverbial moved to the end ("In 2004, sales rose." → "Sales rose in 2004.").
 */
export function reorderClauses(text: string): string | null {
  const attr = /^(.{20,}?),["”]? (he|she|they|it|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (said|says|added|explained|argued|warned)\.$/.exec(text);
  if (attr) {
    const who = /^(he|she|they|it)$/.test(attr[2]) ? upperFirst(attr[2]) : attr[2];
    // '"Sales are up," he said.' → 'He said: "Sales are up."'
    if (/^["“]/.test(attr[1])) return /["”]/.test(attr[1].slice(1)) ? null : `${who} ${attr[3]}: ${attr[1]}."`;
    return `${who} ${attr[3]} ${lowerFirst(attr[1])}.`;
  }
  const lead = /^((?:In|On|At|By|During|After|Before|Since|Last|Earlier|Later|Over|Under) [^,]{3,40}), (.{20,})\.$/.exec(text);
  if (lead) return `${upperFirst(lead[2])} ${lead[1][0].toLowerCase()}${lead[1].slice(1)}.`;
  // "Shares fell after the firm cut its forecast." → "After the firm cut its forecast, shares fell."
  const sub = /^([A-Z][^"“”]{15,}?) (because|after|when|while|although|before|until|unless) ([^,;"“”]{15,})\.$/.exec(text);
  if (sub) return `${upperFirst(sub[2])} ${sub[3]}, ${lowerFirst(sub[1])}.`;
  return null;
}

// ---- light editing ----------------------------------------------------------------------------------

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const ADDED = ['also', 'reportedly', 'now', 'already', 'apparently'];
const OUTLETS = ['the Evening Ledger', 'the Daily Herald', 'Metro Wire', 'the Morning Courier', 'News Desk Online'];

type EditOp = (s: SrcSentence, text: string, r: Rand) => string | null;

export const EDIT_OPS: Record<string, EditOp> = {
  // "the firm, which is now one of..." → "the firm, which is one of..."
  'drop-word': (s, text, r) => {
    if (text !== s.text) return null; // token offsets refer to the unedited sentence
    // Whole words only: never the "high" of "stubbornly-high".
    const cands = s.tokens.filter(
      (t) =>
        (t.pos === 'ADV' || t.pos === 'ADJ') &&
        t.start > s.start &&
        /^[a-z]+$/.test(t.text) &&
        text[t.start - s.start - 1] === ' ' &&
        /^[ ,.;]/.test(text.slice(t.end - s.start)),
    );
    if (!cands.length) return null;
    const t = pick(r, cands);
    const a = t.start - s.start;
    const b = t.end - s.start;
    return text.slice(0, a).replace(/ $/, '') + text.slice(b);
  },
  'add-word': (s, text, r) => {
    if (text !== s.text) return null;
    const cands = s.tokens.filter((t) => t.pos === 'VERB' && t.start > s.start);
    if (!cands.length) return null;
    const a = pick(r, cands).start - s.start;
    return `${text.slice(0, a)}${pick(r, ADDED)} ${text.slice(a)}`;
  },
  punctuation: (_s, text, r) => {
    if (text.includes(', ')) return r() < 0.5 ? text.replace(', ', ' ') : text.replace(', ', ' - ');
    if (/\.$/.test(text)) return text.replace(/\.$/, '!');
    return null;
  },
  // "jumped 76% to $1.13bn" → "jumped 76 per cent to $1.13 billion"; "3 days" → "three days"
  'number-form': (_s, text) => {
    let out = text
      .replace(/(\d)%/g, '$1 per cent')
      .replace(/(\d)bn\b/g, '$1 billion')
      .replace(/(\d)m\b/g, '$1 million')
      // A lone digit only: never the "2" of "0.2%" or "1,5".
      .replace(/(?<![\d.,£$€])\b(\d)\b(?![.,]\d)/g, (_m, d: string) => NUMBERS[Number(d)]);
    if (out === text) out = text.replace(/\b(one|two|three|four|five|six|seven|eight|nine|ten)\b/i, (w) => String(NUMBERS.indexOf(w.toLowerCase())));
    return out === text ? null : out;
  },
  // "will switch to" → "would switch to"; "has said" → "had said"
  tense: (_s, text) => {
    const pairs: [RegExp, string][] = [
      [/\bwill\b/, 'would'],
      [/\bis\b/, 'was'],
      [/\bare\b/, 'were'],
      [/\bhas\b/, 'had'],
      [/\bhave\b/, 'had'],
      [/\bsays\b/, 'said'],
      [/\bcan\b/, 'could'],
    ];
    for (const [re, to] of pairs) if (re.test(text)) return text.replace(re, to);
    return null;
  },
  // An invented credit: "..., the Evening Ledger reported."
  'attribution-added': (_s, text, r) => {
    if (!/[.]$/.test(text) || /["”]$/.test(text.slice(0, -1))) return null;
    return `${text.slice(0, -1)}, ${pick(r, OUTLETS)} reported.`;
  },
  // "..., he said." → "..."; "Mr Smith said the plan..." → "The plan..."
  'attribution-dropped': (_s, text) => {
    const tail = /^(.{20,}?),["”]? (?:he|she|they|it|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:said|says|added)\.$/.exec(text);
    if (tail && !/^["“]/.test(text)) return `${tail[1]}.`;
    const head = /^(?:He|She|They|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?:said|says|added) (?:that )?([a-z].{20,})$/.exec(text);
    if (head) return upperFirst(head[1]);
    return null;
  },
  'quotes-stripped': (_s, text) => {
    const out = text.replace(/["“”]/g, '');
    return out === text ? null : out.replace(/\s{2,}/g, ' ');
  },
};

export function editSentence(s: SrcSentence, r: Rand) {
  const names = shuffle(r, Object.keys(EDIT_OPS));
  const n = r() < 0.6 ? 1 : 2;
  let text = s.text;
  const applied: string[] = [];
  for (const name of names) {
    if (applied.length >= n) break;
    const out = EDIT_OPS[name](s, text, r);
    if (out && out !== text) {
      text = out;
      applied.push(name);
    }
  }
  if (!applied.length) return null;
  return { text, label: { kind: 'edited' as const, edits: applied } };
}

// ---- split and merge --------------------------------------------------------------------------------

export function splitSentence(s: SrcSentence): [string, string] | null {
  const text = s.text;
  const total = wordCount(text);
  if (total < 14) return null;
  for (const m of text.matchAll(/(; |, and |, but |, while )/g)) {
    const before = wordCount(text.slice(0, m.index));
    if (before < total * 0.3 || before > total * 0.7) continue;
    let rest = text.slice(m.index + m[0].length);
    if (m[1] === ', but ') rest = 'But ' + rest;
    if (m[1] === ', while ') rest = 'Meanwhile, ' + rest;
    const first = text.slice(0, m.index).replace(/[,;]$/, '') + '.';
    if (/["“]/.test(first) !== /["”]/.test(first)) continue; // never split inside a quotation
    return [first, upperFirst(rest)];
  }
  return null;
}

export function mergeSentences(a: SrcSentence, b: SrcSentence): string | null {
  if (!/\.$/.test(a.text) || /["”]/.test(a.text.slice(-2)) || wordCount(a.text) + wordCount(b.text) > 55) return null;
  return `${a.text.slice(0, -1)}, and ${lowerFirst(b.text)}`;
}

// ---- articles ---------------------------------------------------------------------------------------

export const TEMPLATE_LINES = [
  'Share this',
  'Share this article',
  'Other reports by {byline}',
  'Discuss This Article',
  'Read more',
  'Follow us on Facebook and Twitter',
  'Click here to subscribe to our newsletter',
];
const BYLINES = ['Dana Whitcombe', 'Lee Harrow', 'Sam Okafor', 'Rita Vance', 'News Desk'];

/** Sentences a generated article may reuse: whole sentences of moderate length on one line. */
export function eligible(s: SrcSentence): boolean {
  const n = wordCount(s.text);
  return n >= 8 && n <= 60 && !s.text.includes('\n');
}

interface Unit {
  text: string;
  label: GenLabel;
}

function weighted(r: Rand, mix: GenOptions['mix']): keyof GenOptions['mix'] {
  const entries = Object.entries(mix) as [keyof GenOptions['mix'], number][];
  const total = entries.reduce((a, [, w]) => a + w, 0);
  let x = r() * total;
  for (const [k, w] of entries) {
    x -= w;
    if (x <= 0) return k;
  }
  return entries[entries.length - 1][0];
}

function ref(doc: SourceDoc, s: SrcSentence): SourceRef {
  return { docId: doc.id, start: s.start, end: s.end };
}

/** The units one source contributes: a run of 2–5 consecutive eligible sentences, each altered. */
function unitsFrom(doc: SourceDoc, strength: number, o: GenOptions, r: Rand): Unit[] {
  const el = doc.sentences.filter(eligible);
  if (el.length < 2) return [];
  const m = Math.min(el.length, int(r, 2, 5));
  const from = int(r, 0, el.length - m);
  const run = el.slice(from, from + m);
  const out: Unit[] = [];
  for (let i = 0; i < run.length; i++) {
    const s = run[i];
    let kind = weighted(r, o.mix);
    if (kind === 'merged') {
      const next = run[i + 1];
      const merged = next && doc.sentences.indexOf(next) === doc.sentences.indexOf(s) + 1 ? mergeSentences(s, next) : null;
      if (merged) {
        out.push({ text: merged, label: { kind: 'merged', sources: [ref(doc, s), ref(doc, next)] } });
        i++;
        continue;
      }
      kind = 'spun';
    }
    if (kind === 'split') {
      const parts = splitSentence(s);
      if (parts) {
        for (const p of parts) out.push({ text: p, label: { kind: 'split', sources: [ref(doc, s)] } });
        continue;
      }
      kind = 'edited';
    }
    if (kind === 'edited') {
      const e = editSentence(s, r);
      if (e) {
        out.push({ text: e.text, label: { ...e.label, sources: [ref(doc, s)] } });
        continue;
      }
      kind = 'spun';
    }
    if (kind === 'paraphrased') {
      const p = paraphraseSentence(s, o.spinner, r);
      // A sentence no structural rewrite applies to is left out of a paraphrase run.
      if (p) out.push({ text: p.text, label: { kind: 'paraphrased', sources: [ref(doc, s)], ops: p.ops, substitutions: p.substitutions, ...(p.dropped ? { dropped: p.dropped } : {}) } });
      continue;
    }
    if (kind === 'spun') {
      const sp = spinSentence(s, strength, r, 0.3, o.spinner);
      if (sp.label.replaced > 0) {
        out.push({ text: sp.text, label: { ...sp.label, sources: [ref(doc, s)] } });
        continue;
      }
    }
    out.push({ text: s.text, label: { kind: 'verbatim', sources: [ref(doc, s)] } });
  }
  // Sentences reordered inside a source's run, as content farms shuffle what they copy.
  if (out.length > 2 && r() < 0.3) {
    const i = int(r, 0, out.length - 2);
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  return out;
}

/**
 * Generates `count` articles, each stitched from 2–5 documents of `material` (the indexed part of the
 * corpus) and optionally one sentence from `offtopic` (documents kept out of the index).
 */
export function generateArticles(material: SourceDoc[], offtopic: SourceDoc[], options: Partial<GenOptions> = {}): GenArticle[] {
  const o: GenOptions = { ...DEFAULT_GEN, ...options, mix: { ...DEFAULT_GEN.mix, ...options.mix } as GenOptions['mix'] };
  const r = prng(o.seed);
  const byCat = new Map<string, SourceDoc[]>();
  for (const d of material) byCat.set(d.category, [...(byCat.get(d.category) ?? []), d]);
  const out: GenArticle[] = [];
  for (let n = 0; n < o.count; n++) {
    const strength = o.strengths[n % o.strengths.length];
    const k = int(r, o.minSources, o.maxSources);
    const first = pick(r, material);
    const chosen = [first];
    while (chosen.length < k) {
      // Half the sources come from the same category: related stories are the hard case.
      const pool = r() < 0.5 ? byCat.get(first.category)! : material;
      const d = pick(r, pool);
      if (!chosen.includes(d)) chosen.push(d);
    }
    const runs = chosen.map((d) => unitsFrom(d, strength, o, r)).filter((u) => u.length);
    // Interleave runs now and then: A1 A2 B1 A3 B2.
    let units: Unit[] = [];
    if (r() < 0.4) {
      const queues = runs.map((u) => [...u]);
      while (queues.some((q) => q.length)) {
        const q = pick(r, queues.filter((x) => x.length));
        units.push(...q.splice(0, int(r, 1, 2)));
      }
    } else units = runs.flat();
    if (offtopic.length && r() < o.offtopicRate) {
      const d = pick(r, offtopic);
      const el = d.sentences.filter(eligible);
      if (el.length) units.splice(int(r, 1, units.length), 0, { text: pick(r, el).text, label: { kind: 'offtopic', sources: [], from: d.id } });
    }
    // Paragraphs of 1–3 sentences; template lines each on their own at the end.
    const paragraphs: Unit[][] = [];
    for (let i = 0; i < units.length; ) {
      const len = int(r, 1, 3);
      paragraphs.push(units.slice(i, i + len));
      i += len;
    }
    if (r() < o.templateRate) {
      const lines = shuffle(r, [...TEMPLATE_LINES]).slice(0, int(r, 1, 3));
      const by = pick(r, BYLINES);
      for (const l of lines) paragraphs.push([{ text: l.replace('{byline}', by), label: { kind: 'template', sources: [] } }]);
    }
    let text = '';
    const sentences: GenSentence[] = [];
    for (const p of paragraphs) {
      if (text) text += '\n\n';
      p.forEach((u, i) => {
        if (i > 0) text += ' ';
        sentences.push({ start: text.length, end: text.length + u.text.length, text: u.text, label: u.label });
        text += u.text;
      });
    }
    const id = `gen/${o.seed}/${String(n).padStart(4, '0')}`;
    out.push({
      article: { id, kind: 'text', origin: null, text, title: null, byline: null, published: null, url: null },
      strength,
      sources: chosen.map((d) => d.id),
      sentences,
    });
  }
  return out;
}
