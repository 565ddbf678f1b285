// What each sentence talks about: its content words (stems, country names folded, by the reuse engine's
// normalizer) and the entities it mentions. Coherence and consistency both read these profiles.
import { sentenceAt, type Document } from '../../model/document.js';
import { tokenize } from '../../reuse/normalize.js';

export interface Profile {
  /** Stems of content words (no function words, no words every story uses, no numbers or calendar words). */
  words: Set<string>;
  /** Ids of entities mentioned. */
  entities: Set<string>;
  /** Synonym classes of the content words (WordNet, as the reuse engine folds them): "vote" and "ballot". */
  keys: Set<number>;
}

// Calendar words date a sentence, they do not say what it is about: "It was signed on March 17, 1949".
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|tonight|week|month|year|day|hour|minute|ago|earlier|later|current|previous|recent)/;

/** The content stems of text[start, end), and their synonym classes. */
export function contentWords(text: string, start: number, end: number, keys?: Set<number>): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text, start, end)) {
    if (!t.content || t.common || /^\d/.test(t.norm) || t.norm.length < 3) continue;
    if (CALENDAR.test(t.low) && CALENDAR.test(t.norm)) continue;
    out.add(t.norm);
    keys?.add(t.key);
  }
  return out;
}

function profileOf(text: string, start: number, end: number): Profile {
  const keys = new Set<number>();
  return { words: contentWords(text, start, end, keys), entities: new Set<string>(), keys };
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
  /** Synonym class -> how many body sentences use it. */
  keyDf: Map<number, number>;
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
  const keyDf = new Map<number, number>();
  const entityDf = new Map<string, number>();
  for (const p of [...sentences, title]) {
    for (const w of p.words) df.set(w, (df.get(w) ?? 0) + 1);
    for (const k of p.keys) keyDf.set(k, (keyDf.get(k) ?? 0) + 1);
    for (const e of p.entities) entityDf.set(e, (entityDf.get(e) ?? 0) + 1);
  }
  const pre = (q: Profile) => new Set([...q.words].map((w) => w.slice(0, 5)));
  const prefixes = sentences.map(pre);
  const prefixDf = new Map<string, number>();
  for (const set of [...prefixes, pre(title)]) for (const x of set) prefixDf.set(x, (prefixDf.get(x) ?? 0) + 1);
  return { sentences, title, df, keyDf, entityDf, prefixes, prefixDf };
}

/** Words and entities of sentence i that the rest of the article (headline included) also uses. */
export function sharedWithRest(p: Profiles, i: number): { words: string[]; entities: string[] } {
  const own = p.sentences[i];
  return {
    words: [...own.words].filter((w) => (p.df.get(w) ?? 0) > 1),
    entities: [...own.entities].filter((e) => (p.entityDf.get(e) ?? 0) > 1),
  };
}

/** Words and entities of sentence i already used before it (the headline and the sentences before). */
export function sharedWithBefore(p: Profiles, i: number): { words: string[]; entities: string[] } {
  const own = p.sentences[i];
  const words: string[] = [];
  const entities: string[] = [];
  for (const w of own.words) if (p.title.words.has(w) || p.sentences.some((q, k) => k < i && q.words.has(w))) words.push(w);
  for (const e of own.entities) if (p.title.entities.has(e) || p.sentences.some((q, k) => k < i && q.entities.has(e))) entities.push(e);
  return { words, entities };
}
