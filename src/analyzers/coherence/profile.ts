// What each sentence talks about: its content words (stems, by the reuse engine's stemmer and word lists) and
// the entities it mentions. The reuse engine's full normalizer is not used: it loads the WordNet synonym table
// (~0.4 s per process), and synonym classes added nothing to off-topic detection on the tuning half.
import { sentenceAt, type Document } from '../../model/document.js';
import { stem } from '../../reuse/stem.js';
import { COMMON, STOPWORDS } from '../../reuse/stopwords.js';

export interface Profile {
  /** Stems of content words (no function words, no words every story uses, no numbers or calendar words). */
  words: Set<string>;
  /** Ids of entities mentioned. */
  entities: Set<string>;
}

// Calendar words date a sentence, they do not say what it is about: "It was signed on March 17, 1949".
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|tonight|week|month|year|day|hour|minute|ago|earlier|later|current|previous|recent)s?$/;

const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
// Units written as words or signs carry no topic: "5 per cent", "$3bn".
const UNITS = new Set(['million', 'billion', 'trillion', 'bn', 'mn', 'percent', 'per', 'cent', 'pc']);

/** The content stems of text[start, end): no function words, no words every story uses, no numbers or units. */
export function contentWords(text: string, start: number, end: number): Set<string> {
  const out = new Set<string>();
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const low = m[0].toLowerCase().replace(/’/g, "'");
    const bare = low.replace(/'s$/, '').replace(/\./g, '');
    if (/^\d/.test(bare) || STOPWORDS.has(bare) || COMMON.has(bare) || UNITS.has(bare)) continue;
    if (CALENDAR.test(bare)) continue;
    const norm = stem(bare);
    if (norm.length < 3) continue;
    out.add(norm);
  }
  return out;
}

function profileOf(text: string, start: number, end: number): Profile {
  return { words: contentWords(text, start, end), entities: new Set<string>() };
}

export interface Profiles {
  /** One per sentence of the body (boilerplate sentences get empty profiles). */
  sentences: Profile[];
  /** The headline's. */
  title: Profile;
  /** Stem -> how many body sentences use it. */
  df: Map<string, number>;
  /** Per sentence, 5-letter prefixes of its stems: "elect" ties "election" to "elected", "politic" to "politician". */
  prefixes: Set<string>[];
  /** Prefix -> how many body sentences (and the headline) use it. */
  prefixDf: Map<string, number>;
  /** Entity id -> how many body sentences mention it (the headline counts as one more). */
  entityDf: Map<string, number>;
}

export function profiles(doc: Document): Profiles {
  const sentences: Profile[] = doc.sentences.map((s) => (s.role === 'body' ? profileOf(doc.text, s.start, s.end) : profileOf('', 0, 0)));
  const titleText = doc.article.title ?? '';
  const title = profileOf(titleText, 0, titleText.length);
  for (const e of doc.data.entities ?? []) {
    for (const m of e.mentions) {
      if (m.field === 'title') title.entities.add(e.id);
      else {
        const si = sentenceAt(doc, m.start);
        if (si !== null && doc.sentences[si].role === 'body') sentences[si].entities.add(e.id);
      }
    }
  }
  const df = new Map<string, number>();
  const entityDf = new Map<string, number>();
  for (const p of [...sentences, title]) {
    for (const w of p.words) df.set(w, (df.get(w) ?? 0) + 1);
    for (const e of p.entities) entityDf.set(e, (entityDf.get(e) ?? 0) + 1);
  }
  const pre = (q: Profile) => new Set([...q.words].map((w) => w.slice(0, 5)));
  const prefixes = sentences.map(pre);
  const prefixDf = new Map<string, number>();
  for (const set of [...prefixes, pre(title)]) for (const x of set) prefixDf.set(x, (prefixDf.get(x) ?? 0) + 1);
  return { sentences, title, df, entityDf, prefixes, prefixDf };
}

/** Words and entities of sentence i that the rest of the article (headline included) also uses. */
export function sharedWithRest(p: Profiles, i: number): { words: string[]; entities: string[] } {
  const own = p.sentences[i];
  return {
    words: [...own.words].filter((w) => (p.df.get(w) ?? 0) > 1),
    entities: [...own.entities].filter((e) => (p.entityDf.get(e) ?? 0) > 1),
  };
}
