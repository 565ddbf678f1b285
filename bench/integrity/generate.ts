/**
 * The labelled set of `npm run bench:integrity` and `npm run fit:verdict`, seeded.
 *
 * Positives: articles stitched from runs of 2–6 sentences of 2–5 BBC documents (the reuse generator's
 * edits, split and merge), synonym spin at 10–40% of content words, and by chance: official country names
 * ("Russia" → "Russian Federation"), off-topic sentences from an unrelated story, quotation marks stripped,
 * an invented credit ("..., the Evening Ledger reported."). Negatives: unaltered BBC articles, the FakeNewsAMT
 * legit half, and hard negatives (BBC files that share 8-grams with another file: one newsroom reusing its
 * own wording, the other file indexed). Every article wears the same dress: a title, byline and date header
 * and, at the same rate, template lines at the end — so residue alone cannot tell the classes apart.
 *
 * Two halves that share nothing but the code: FIT (BBC files A, WordNet synonyms, template lines, bylines
 * and outlets A) and TEST (BBC files B, the hand-written THESAURUS_B, template lines, bylines and outlets B).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { textToArticle } from '../../src/ingest/text.js';
import type { Article } from '../../src/model/document.js';
import { dataDir, listBbc, loadSourceDoc, readArticle, segmentText, words, type SourceDoc, type SrcSentence } from '../lib/reuse-corpus.js';
import { EDIT_OPS, eligible, mergeSentences, prng, reorderClauses, splitSentence } from '../reuse/generate.js';
import { inflect, lemmatize, matchCase, UD_TO_WN, wordnetSynonyms, type WnPos } from '../reuse/spin.js';
import { THESAURUS_B } from './thesaurus.js';
import { int, pick, shuffle, type Rand } from '../lib/random.js';

export type HalfName = 'fit' | 'test';
export type ItemKind = 'stitched' | 'bbc' | 'fakenews' | 'hard';

export interface Item {
  id: string;
  kind: ItemKind;
  positive: boolean;
  article: Article;
  /** Inserted off-topic sentences: offsets into article.text. */
  offtopic: { start: number; end: number }[];
  /** What was done to a positive (for the per-alteration breakdown). */
  alterations: string[];
  words: number;
}

export interface Half {
  name: HalfName;
  items: Item[];
  /**
   * The unaltered BBC negatives again, each with one sentence of an unrelated story (another category)
   * pasted after a sentence of its body: coherence/off-topic measured where "the article around it" is one story.
   */
  probes: Item[];
  /** The unaltered BBC negatives as filed: title line and body, no byline, date or template lines. */
  raw: Item[];
  /** What the with-corpus analysis indexes: the positives' source documents and the hard negatives' twins. */
  index: Article[];
}


// ---- the two halves' resources --------------------------------------------------------------------------

interface Style {
  synonyms: (lemma: string, pos: WnPos) => string[];
  templates: string[];
  bylines: string[];
  outlets: string[];
  /** How the date line is written. */
  date: (y: number, m: number, d: number) => string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const STYLES: Record<HalfName, Style> = {
  fit: {
    synonyms: (lemma, pos) => wordnetSynonyms(pos, lemma),
    templates: ['Share this', 'Share this article', 'Other reports by {byline}', 'Discuss This Article', 'Related stories', 'Follow us on Facebook', 'Leave a comment', 'Read more'],
    bylines: ['Dana Whitcombe', 'Lee Harrow', 'Sam Okafor', 'Rita Vance', 'Martin Cole', 'Priya Nair'],
    outlets: ['the Daily Herald', 'the Evening Ledger', 'Metro Wire', 'the Morning Courier'],
    date: (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  },
  test: {
    synonyms: (lemma) => THESAURUS_B[lemma] ?? [],
    templates: ['Email this story', 'More stories from {byline}', 'Join the conversation', 'Read next', 'Like us on Twitter', 'Tags: news, world', 'Print this page', 'Add a comment'],
    bylines: ['By Helen Marsh', 'By Tomas Reyes', 'Joanna Pike', 'By Kwame Asante', 'Ellen Brandt'],
    outlets: ['the National Sentinel', 'Capital Newswire', 'the Weekly Observer', 'World Report Online'],
    date: (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  },
};

/** The template lines each half appends ("{byline}" stands for the article's byline). */
export const TEMPLATE_LINES: Record<HalfName, readonly string[]> = { fit: STYLES.fit.templates, test: STYLES.test.templates };

// ---- formal names -----------------------------------------------------------------------------------------

let formal: [RegExp, string][] | null = null;

/** Short country names and their official forms (world-countries), plus the abbreviations news uses. */
function formalNames(): [RegExp, string][] {
  if (formal) return formal;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries') as { name: { common: string; official: string } }[];
  const pairs = new Map<string, string>();
  for (const c of countries) {
    const { common, official } = c.name;
    if (common !== official && !/[(),]/.test(common) && common.length > 3) pairs.set(common, official);
  }
  const uk = pairs.get('United Kingdom') ?? 'United Kingdom of Great Britain and Northern Ireland';
  pairs.set('UK', uk);
  pairs.set('Britain', uk);
  pairs.set('US', pairs.get('United States') ?? 'United States of America');
  formal = [...pairs]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([c, o]) => [new RegExp(`\\b${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b(?!['’]s? [A-Z]| [A-Z][a-z])`, 'g'), o]);
  return formal;
}

/** Replaces a share of the country names of a text by their official forms, inside quotations too. */
function formalize(text: string, share: number, r: Rand): { text: string; n: number } {
  let n = 0;
  for (const [re, official] of formalNames()) {
    text = text.replace(re, (m) => {
      if (r() >= share) return m;
      n++;
      return official;
    });
  }
  return { text, n };
}

// ---- spinning -------------------------------------------------------------------------------------------

const KEEP = new Set('be is are was were been being have has had do does did will would can could may might must shall should not no never more most very so just only than then there here now how when where why also even still well too up out'.split(' '));

function spin(s: SrcSentence, strength: number, r: Rand, style: Style): { text: string; replaced: number } {
  const content = s.tokens.filter((t) => UD_TO_WN[t.pos] && /^[A-Za-z]{3,}$/.test(t.text) && !KEEP.has(t.text.toLowerCase()));
  const target = Math.max(1, Math.round(strength * content.length));
  const edits: { start: number; end: number; to: string }[] = [];
  for (const t of shuffle(r, [...content])) {
    if (edits.length >= target) break;
    const pos = UD_TO_WN[t.pos];
    const lem = lemmatize(t.text, pos);
    if (!lem) continue;
    const subs = style.synonyms(lem.lemma, pos).filter((x) => x !== lem.lemma);
    if (!subs.length) continue;
    edits.push({ start: t.start - s.start, end: t.end - s.start, to: matchCase(inflect(pick(r, subs), pos, lem.form), t.text) });
  }
  let text = s.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.to + text.slice(e.end);
  if (r() < 0.2) text = reorderClauses(text) ?? text;
  return { text, replaced: edits.length };
}

// Edits that are not a half's own resources: the credit and quote edits come from the article-level steps.
const EDITS = ['drop-word', 'add-word', 'punctuation', 'number-form', 'tense', 'attribution-dropped'];

function edit(s: SrcSentence, r: Rand): string | null {
  let text = s.text;
  let n = 0;
  const want = r() < 0.6 ? 1 : 2;
  for (const name of shuffle(r, [...EDITS])) {
    if (n >= want) break;
    const out = EDIT_OPS[name](s, text, r);
    if (out && out !== text) {
      text = out;
      n++;
    }
  }
  return n ? text : null;
}

// ---- positives ----------------------------------------------------------------------------------------

interface Unit {
  text: string;
  offtopic?: boolean;
}

function run(doc: SourceDoc, strength: number, r: Rand, style: Style, tags: Set<string>): Unit[] {
  const el = doc.sentences.filter(eligible);
  if (el.length < 2) return [];
  const m = Math.min(el.length, int(r, 2, 6));
  const from = int(r, 0, el.length - m);
  const sents = el.slice(from, from + m);
  const out: Unit[] = [];
  for (let i = 0; i < sents.length; i++) {
    const s = sents[i];
    const x = r();
    if (x < 0.45) {
      const sp = spin(s, strength, r, style);
      if (sp.replaced) {
        tags.add('synonym-spin');
        out.push({ text: sp.text });
        continue;
      }
    } else if (x < 0.65) {
      const e = edit(s, r);
      if (e) {
        out.push({ text: e });
        continue;
      }
    } else if (x < 0.7) {
      const parts = splitSentence(s);
      if (parts) {
        out.push(...parts.map((text) => ({ text })));
        continue;
      }
    } else if (x < 0.75 && sents[i + 1] && doc.sentences.indexOf(sents[i + 1]) === doc.sentences.indexOf(s) + 1) {
      const merged = mergeSentences(s, sents[i + 1]);
      if (merged) {
        out.push({ text: merged });
        i++;
        continue;
      }
    }
    out.push({ text: s.text });
  }
  if (out.length > 2 && r() < 0.3) {
    const i = int(r, 0, out.length - 2);
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  return out;
}

function stitched(material: SourceDoc[], donors: SourceDoc[], r: Rand, style: Style): { title: string; body: string; offtopic: string[]; tags: string[] } {
  const byCat = new Map<string, SourceDoc[]>();
  for (const d of material) byCat.set(d.category, [...(byCat.get(d.category) ?? []), d]);
  const strength = pick(r, [0.1, 0.2, 0.3, 0.4]);
  const k = int(r, 2, 5);
  const first = pick(r, material);
  const chosen = [first];
  while (chosen.length < k) {
    // Half the sources from the same category: related stories are the hard case.
    const d = pick(r, r() < 0.5 ? byCat.get(first.category)! : material);
    if (!chosen.includes(d)) chosen.push(d);
  }
  const tags = new Set<string>([`${k}-sources`]);
  const runs = chosen.map((d) => run(d, strength, r, style, tags)).filter((u) => u.length);
  let units: Unit[] = [];
  if (r() < 0.4) {
    const queues = runs.map((u) => [...u]);
    while (queues.some((q) => q.length)) units.push(...pick(r, queues.filter((q) => q.length)).splice(0, int(r, 1, 2)));
  } else units = runs.flat();

  // Article-level alterations, each by chance.
  if (r() < 0.5) {
    const share = 0.6 + 0.4 * r();
    let total = 0;
    units = units.map((u) => {
      const f = formalize(u.text, share, r);
      total += f.n;
      return { ...u, text: f.text };
    });
    if (total) tags.add('formal-names');
  }
  if (r() < 0.5) {
    const quoted = units.filter((u) => /["“”]/.test(u.text));
    for (const u of shuffle(r, quoted).slice(0, int(r, 1, 2))) {
      u.text = u.text.replace(/["“”]/g, '').replace(/\s{2,}/g, ' ');
      tags.add('quotes-stripped');
    }
  }
  if (r() < 0.4) {
    const cands = units.filter((u) => /[a-z0-9]\.$/.test(u.text) && !/["”]/.test(u.text));
    if (cands.length) {
      const u = pick(r, cands);
      u.text = `${u.text.slice(0, -1)}, ${pick(r, style.outlets)} reported.`;
      tags.add('invented-credit');
    }
  }
  const offtopic: string[] = [];
  if (r() < 0.7) {
    const others = donors.filter((d) => d.category !== first.category);
    for (let j = int(r, 1, 2); j > 0; j--) {
      const el = pick(r, others).sentences.filter(eligible);
      if (!el.length) continue;
      const text = pick(r, el).text;
      units.splice(int(r, 1, units.length), 0, { text, offtopic: true });
      offtopic.push(text);
      tags.add('off-topic');
    }
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < units.length; ) {
    const len = int(r, 1, 3);
    paragraphs.push(units.slice(i, i + len).map((u) => u.text).join(' '));
    i += len;
  }
  return { title: first.article.title ?? 'News', body: paragraphs.join('\n\n'), offtopic, tags: [...tags] };
}

// ---- the dress --------------------------------------------------------------------------------------------

const FUTURE = /\b(will|would|next|plans?|planned|due|expected|scheduled|until|by the end of)\b/i;
const DATED = new RegExp(`(?:\\b(${MONTHS.join('|')})\\s+(?:\\d{1,2},?\\s+)?)?\\b(19[5-9]\\d|20[0-2]\\d)\\b`, 'g');

/**
 * A publication date the text does not contradict: after the latest month or year it tells in the past,
 * before the earliest it tells as to come ("will open in March 2005"); by sentence, a future cue word
 * ("will", "next", "due") marks a sentence's dates as to come. With no dated sentence: `fallbackYear`.
 */
function publication(body: string, r: Rand, fallbackYear: number): [number, number, number] {
  let lo: [number, number] | null = null;
  let hi: [number, number] | null = null;
  for (const sentence of body.split(/(?<=[.!?]["”]?)\s+/)) {
    const future = FUTURE.test(sentence);
    for (const m of sentence.matchAll(DATED)) {
      const y = Number(m[2]);
      if (y > fallbackYear + 1) continue;
      // "would later star in a 1952 film": an old year is history, whatever the verb.
      if (future && y >= fallbackYear - 1) {
        const at: [number, number] = [y, m[1] ? MONTHS.indexOf(m[1]) + 1 : 12];
        if (!hi || at[0] * 12 + at[1] < hi[0] * 12 + hi[1]) hi = at;
      } else {
        const at: [number, number] = [y, m[1] ? MONTHS.indexOf(m[1]) + 1 : 1];
        if (!lo || at[0] * 12 + at[1] > lo[0] * 12 + lo[1]) lo = at;
      }
    }
  }
  // Only old years told in the past ("founded in 1998"): the corpus's own years, unless a future date is earlier.
  if (lo && lo[0] < fallbackYear - 1 && (!hi || hi[0] >= fallbackYear - 1)) lo = [fallbackYear - 1, 1];
  if (!lo && !hi) return [fallbackYear, int(r, 1, 12), int(r, 1, 28)];
  if (!lo) return [hi![0], int(r, 1, hi![1]), int(r, 1, 28)];
  const last = hi && hi[0] === lo[0] && hi[1] >= lo[1] ? hi[1] : 12;
  const month = int(r, lo[1], last);
  // In the month of the latest past event: late in it.
  return [lo[0], month, month === lo[1] ? 28 : int(r, 1, 28)];
}

/**
 * Title, byline and date lines above the body and, for 60% of articles, 1–3 template lines below it. The
 * date is one the text does not contradict (see publication()), so the dress itself adds no date conflict.
 */
function dress(title: string, body: string, r: Rand, style: Style, fallbackYear: number): string {
  const date = style.date(...publication(body, r, fallbackYear));
  const byline = pick(r, style.bylines);
  let text = `${title}\n\n${byline}\n${date}\n\n${body.trim()}`;
  if (r() < 0.6) {
    const who = byline.replace(/^By /, '');
    for (const l of shuffle(r, [...style.templates]).slice(0, int(r, 1, 3))) text += `\n\n${l.replace('{byline}', who)}`;
  }
  return text + '\n';
}

// ---- corpora ------------------------------------------------------------------------------------------

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Pairs of documents sharing at least 3 word 8-grams (the reuse benchmark's rule, kept as pairs). */
function sharedPairs(docs: SourceDoc[]): [number, number][] {
  const first = new Map<number, number>();
  const pairs = new Map<string, number>();
  docs.forEach((d, i) => {
    const w = words(d.article.text);
    const seen = new Set<number>();
    for (let k = 0; k + 8 <= w.length; k++) {
      const h = fnv(w.slice(k, k + 8).join(' '));
      if (seen.has(h)) continue;
      seen.add(h);
      const j = first.get(h);
      if (j === undefined) first.set(h, i);
      else if (j !== i) pairs.set(`${j}:${i}`, (pairs.get(`${j}:${i}`) ?? 0) + 1);
    }
  });
  return [...pairs].filter(([, n]) => n >= 3).map(([k]) => k.split(':').map(Number) as [number, number]);
}

interface Corpora {
  bbc: SourceDoc[];
  pairs: [number, number][];
  fakenews: Article[];
}
let corpora: Corpora | null = null;

function loadCorpora(): Corpora {
  if (corpora) return corpora;
  const bbc = listBbc().map(loadSourceDoc);
  const dir = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset/legit');
  const fakenews = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readArticle(join(dir, f), `fakenewsamt/legit/${f}`));
  corpora = { bbc, pairs: sharedPairs(bbc), fakenews };
  return corpora;
}

export interface HalfOptions {
  seed?: number;
  positives?: number;
  bbc?: number;
  fakenews?: number;
  hard?: number;
}

/** One half of the set. The BBC files, FakeNewsAMT files and duplicate clusters are split by a fixed seed. */
export function buildHalf(name: HalfName, o: HalfOptions = {}): Half {
  const { bbc, pairs, fakenews } = loadCorpora();
  const style = STYLES[name];
  const h = name === 'fit' ? 0 : 1;
  const r = prng((o.seed ?? 1) * 2 + h);

  // Clusters of documents that share text: split whole between the halves; in each, the first file is
  // indexed and the others are hard negatives.
  const parent = bbc.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [a, b] of pairs) parent[find(a)] = find(b);
  const clusters = new Map<number, number[]>();
  for (const [a, b] of pairs) for (const i of [a, b]) clusters.set(find(i), [...new Set([...(clusters.get(find(i)) ?? []), i])]);
  const inCluster = new Set([...clusters.values()].flat());
  const mine = [...clusters.values()].filter((c) => fnv(bbc[Math.min(...c)].id) % 2 === h).map((c) => c.sort((a, b) => a - b));
  const twins = mine.map((c) => bbc[c[0]]);
  const hard = mine.flatMap((c) => c.slice(1).map((i) => bbc[i])).filter((d) => d.article.text.length > 200);

  // The clean files: a fixed split into A and B, then negatives, off-topic donors and material.
  // Unaltered negatives come only from files no detector was built or tuned on: the spin statistics use the
  // even positions of the corpus listing (scripts/spin) and its thresholds every fourth odd one (bench/spin.ts
  // --part tune), the coherence thresholds the odd file numbers (bench/coherence.ts). Left: the other odd
  // positions with even file numbers (no sport file is one).
  const split = prng(0x5eed1);
  const clean = bbc
    .map((d, i) => ({ d, i, k: split() }))
    .filter((x) => !inCluster.has(x.i))
    .sort((a, b) => a.k - b.k)
    .filter((_, j) => j % 2 === h);
  const nBbc = o.bbc ?? 200;
  const untouched = (x: { d: SourceDoc; i: number }) => x.i % 2 === 1 && ((x.i - 1) / 2) % 4 !== 0 && Number.parseInt(x.d.id.split('/').pop()!, 10) % 2 === 0;
  const negatives = clean.filter(untouched).slice(0, nBbc).map((x) => x.d);
  const rest = clean.map((x) => x.d).filter((d) => !negatives.includes(d));
  const donors = rest.slice(0, 60);
  const material = rest.slice(60);

  const items: Item[] = [];
  const add = (id: string, kind: ItemKind, text: string, offtopic: string[] = [], alterations: string[] = []) => {
    const article = textToArticle(text, { id, origin: null });
    const spans = offtopic.flatMap((t) => {
      const at = article.text.indexOf(t);
      return at < 0 ? [] : [{ start: at, end: at + t.length }];
    });
    items.push({ id, kind, positive: kind === 'stitched', article, offtopic: spans, alterations, words: words(article.text).length });
  };
  for (let i = 0; i < (o.positives ?? 300); i++) {
    const g = stitched(material, donors, r, style);
    add(`${name}/stitched/${String(i).padStart(4, '0')}`, 'stitched', dress(g.title, g.body, r, style, 2005), g.offtopic, g.tags);
  }
  for (const d of negatives) add(`${name}/${d.id}`, 'bbc', dress(d.article.title ?? 'News', d.article.text, r, style, 2005));
  for (const a of fakenews.filter((_, i) => i % 2 === h).slice(0, o.fakenews ?? 120)) add(`${name}/${a.id}`, 'fakenews', dress(a.title ?? 'News', a.text, r, style, 2017));
  for (const d of hard.slice(0, o.hard ?? 100)) add(`${name}/hard/${d.id}`, 'hard', dress(d.article.title ?? 'News', d.article.text, r, style, 2005));

  const probes: Item[] = [];
  for (const it of items.filter((x) => x.kind === 'bbc')) {
    const cat = it.id.split('/')[2];
    const text = pick(r, pick(r, donors.filter((d) => d.category !== cat)).sentences.filter(eligible)).text;
    // After a full stop that ends a sentence inside the body, not the first one.
    const ends = [...it.article.text.matchAll(/[.!?]["”]? (?=[A-Z"“])|[.!?]["”]?\n\n/g)].map((m) => m.index + m[0].length).slice(1);
    if (!ends.length) continue;
    const at = pick(r, ends);
    const sep = it.article.text[at - 1] === '\n' ? '\n\n' : ' ';
    const body = `${it.article.text.slice(0, at)}${text}${sep}${it.article.text.slice(at)}`;
    const article = { ...it.article, id: it.id.replace('/bbc/', '/probe/'), text: body };
    probes.push({ ...it, id: article.id, article, offtopic: [{ start: at, end: at + text.length }], words: it.words + words(text).length });
  }

  const raw = negatives.map((d) => ({ id: `${name}/raw/${d.id}`, kind: 'bbc' as const, positive: false, article: d.article, offtopic: [], alterations: [], words: words(d.article.text).length }));
  return { name, items, probes, raw, index: [...material, ...twins].map((d) => d.article) };
}

export { segmentText };
