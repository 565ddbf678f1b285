// Training and test data for the entity tagger, read from a cache outside the repository (see train.ts for
// the sources and their licences). Each source becomes Examples: a text and its gold spans, with a split.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEMONYMS, HONORIFICS, ROLE_WORDS, lookup } from '../../src/analyzers/entities/gazetteer.js';
import type { EntityType } from '../../src/model/types.js';

export const CACHE = process.env.UNSPUN_NER_CACHE ?? '/work/cache/ner';
const DATA = path.resolve(process.cwd(), '../shared/data');

export interface Span {
  start: number;
  end: number;
  type: EntityType;
}
export interface Example {
  source: string;
  split: 'train' | 'dev' | 'test';
  text: string;
  gold: Span[];
}

// GMB counts titles into person names ("President Bush", "Mr. Blair"); the project's guideline does not.
const TITLE = new Set([...ROLE_WORDS, ...HONORIFICS, ...'Mr. Mrs. Ms. Dr. Prime Minister President Vice General Senator Sister Prophet Pope King Queen Prince Princess Foreign Secretary Chancellor Defense Interior Sheikh Cardinal Archbishop Ayatollah Opposition Army Chief'.split(' ')]);

/** Joins tokens into text as a newspaper would print them; returns the text and each token's offset. */
function detokenize(words: string[]): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  // UNSPUN_NER_TOKENIZED=1: tokens joined by single spaces, as tokenized newswire sets print them ("Kim 's").
  if (process.env.UNSPUN_NER_TOKENIZED === '1') {
    for (const w of words) {
      if (text) text += ' ';
      at.push(text.length);
      text += w;
    }
    return { text, at };
  }
  let quoteOpen = false;
  let glueNext = false;
  for (const w of words) {
    let space = text.length > 0 && !glueNext;
    if (/^(?:[.,;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$/i.test(w)) space = false;
    if (w === '"') {
      if (quoteOpen) space = false;
      quoteOpen = !quoteOpen;
    }
    glueNext = /^[([{$]$/.test(w) || (w === '"' && quoteOpen);
    if (space) text += ' ';
    at.push(text.length);
    text += w;
  }
  return { text, at };
}

function fromTokens(source: string, split: Example['split'], sents: { w: string; tag: string }[][], mapType: (t: string, words: string[]) => EntityType | null): Example {
  const words: string[] = [];
  const tags: string[] = [];
  for (const s of sents) {
    for (const x of s) {
      words.push(x.w);
      tags.push(x.tag);
    }
  }
  const { text, at } = detokenize(words);
  const gold: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = tags[i];
    if (t === 'O') continue;
    const type = t.slice(2);
    let j = i;
    while (j + 1 < words.length && tags[j + 1] === `I-${type}`) j++;
    let a = i;
    let b = j;
    // Titles and "the" are outside the name (the project's guideline).
    while (a <= b && (/^(?:the|The)$/.test(words[a]) || (type === 'per' && (TITLE.has(words[a]) || /^[a-z]/.test(words[a]))))) a++;
    while (b >= a && /^(?:'s|')$/.test(words[b])) b--;
    if (a <= b) {
      const m = mapType(type, words.slice(a, b + 1));
      if (m) gold.push({ start: at[a], end: at[b] + words[b].length, type: m });
    }
    i = j;
  }
  return { source, split, text, gold };
}

function splitOf(i: number, n: number): Example['split'] {
  return i < n * 0.75 ? 'train' : i < n * 0.85 ? 'dev' : 'test';
}

/** CSV fields of one line (quotes doubled inside quoted fields). */
function csv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    }
    else cur += c;
  }
  out.push(cur);
  return out;
}

export function loadGmb(): Example[] {
  const lines = readFileSync(path.join(CACHE, 'gmb_ner_dataset.csv'), 'latin1').split(/\r?\n/).slice(1);
  const sents: { w: string; tag: string }[][] = [];
  for (const line of lines) {
    if (!line) continue;
    const f = csv(line);
    if (f.length < 4 || !/^(?:[BI]-\w+|O)$/.test(f[3])) continue; // the stored file ends mid-line
    if (f[0].startsWith('Sentence')) sents.push([]);
    sents[sents.length - 1]?.push({ w: f[1], tag: f[3] });
  }
  const map = (t: string, words: string[]): EntityType | null => {
    if (t === 'per') return 'person';
    // A country is always a place in the project's guideline ("the [U.S.] said"); GMB calls it org when it acts.
    if (t === 'org') return lookup(words.join(' '))?.key.startsWith('c:') ? 'place' : 'organization';
    if (t === 'geo') return 'place';
    // gpe is mostly nationalities ("Iraqi"); a country name tagged gpe is a place.
    if (t === 'gpe') {
      const s = words.join(' ');
      return lookup(s)?.type === 'place' && !DEMONYMS.has(s) ? 'place' : null;
    }
    return null;
  };
  // Pseudo-documents of 12 consecutive sentences (the extract keeps the order of its source documents).
  const docs: Example[] = [];
  const n = Math.ceil(sents.length / 12);
  for (let k = 0; k < n; k++) docs.push(fromTokens('gmb', splitOf(k, n), sents.slice(k * 12, k * 12 + 12), map));
  return docs;
}

export function loadWikigold(): Example[] {
  const lines = readFileSync(path.join(CACHE, 'wikigold.conll.txt'), 'utf8').split(/\r?\n/);
  const docs: { w: string; tag: string }[][][] = [];
  let sent: { w: string; tag: string }[] = [];
  for (let line of lines) {
    line = line.replace(/\\$/, '').trim();
    if (line.startsWith('-DOCSTART-')) {
      docs.push([]);
      continue;
    }
    if (!line) {
      if (sent.length && docs.length) docs[docs.length - 1].push(sent);
      sent = [];
      continue;
    }
    const sp = line.lastIndexOf(' ');
    const tag = line.slice(sp + 1);
    sent.push({ w: line.slice(0, sp), tag: tag.startsWith('I-') || tag.startsWith('B-') ? `I-${tag.slice(2)}` : tag });
  }
  if (sent.length && docs.length) docs[docs.length - 1].push(sent);
  const map = (t: string): EntityType | null => (t === 'PER' ? 'person' : t === 'ORG' ? 'organization' : t === 'LOC' ? 'place' : null);
  // IO tags: adjacent names of one type merge; wikigold marks a second adjacent name with B- (kept as a break).
  return docs.map((d, k) => fromTokens('wikigold', splitOf(k, docs.length), d, map));
}

export function loadPolnear(): Example[] {
  const dir = path.resolve(process.cwd(), 'bench/annotations/entities');
  const out: Example[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const ann = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { file: string; split: string; entities: Span[] };
    const text = readFileSync(path.join(DATA, 'bench/polnear', ann.file), 'utf8');
    out.push({ source: 'polnear', split: ann.split === 'dev' ? 'train' : 'test', text, gold: ann.entities });
  }
  return out;
}


/**
 * The project's fictional wire fixtures (test/fixtures/wire: invented clubs, firms and people in the shape of
 * agency copy — results tables, upper-case headlines, datelines): "[Barrowby|o] 2 [Culmstead|o] 1" marks a
 * mention and its type: |per person, |o organization, |p place. Neither training nor tuning data.
 */
export function loadWire(dir = path.resolve(process.cwd(), 'test/fixtures/wire')): Example[] {
  const types: Record<string, EntityType> = { per: 'person', o: 'organization', p: 'place' };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const src = readFileSync(path.join(dir, f), 'utf8');
      let text = '';
      const gold: Span[] = [];
      let last = 0;
      for (const m of src.matchAll(/\[([^\]|]+)\|(per|o|p)\]/g)) {
        text += src.slice(last, m.index);
        gold.push({ start: text.length, end: text.length + m[1].length, type: types[m[2]] });
        text += m[1];
        last = m.index! + m[0].length;
      }
      text += src.slice(last);
      return { source: `wire/${f}`, split: 'test' as const, text, gold };
    });
}

/**
 * WNUT-17 emerging entities (Derczynski et al. 2017; CC BY 4.0): tweets, Reddit, YouTube and Stack Overflow
 * comments. person -> person, location -> place, corporation and group (companies, teams, bands, parties) ->
 * organization; creative works and products are left out. Its own train / dev / test files; 20 posts a
 * pseudo-document.
 */
export function loadWnut(): Example[] {
  const out: Example[] = [];
  const files: [string, Example['split']][] = [
    ['wnut17train.conll', 'train'],
    ['wnut17.dev.conll', 'dev'],
    ['wnut17.test.conll', 'test'],
  ];
  const map = (t: string): EntityType | null => (t === 'person' ? 'person' : t === 'location' ? 'place' : t === 'corporation' || t === 'group' ? 'organization' : null);
  for (const [f, split] of files) {
    const sents: { w: string; tag: string }[][] = [[]];
    for (const line of readFileSync(path.join(CACHE, f), 'utf8').split(/\r?\n/)) {
      const [w, tag] = line.split('\t');
      if (!w || !w.trim()) {
        if (sents[sents.length - 1].length) sents.push([]);
        continue;
      }
      sents[sents.length - 1].push({ w, tag: tag?.trim() || 'O' });
    }
    for (let k = 0; k < sents.length; k += 20) out.push(fromTokens('wnut', split, sents.slice(k, k + 20).filter((s) => s.length), map));
  }
  return out;
}
