import countries, { type Countries } from 'world-countries';
import type { Document, Token } from '../../model/document.js';
import type { Entity } from '../../model/types.js';
import { SPEECH_FORMS, FEMALE_CUE, FEMALE_NAMES, MALE_CUE, MALE_NAMES, NON_PERSON_WORDS, OUTLET_NAME, OUTLETS, TITLES } from './lexicon.js';

export type Gender = 'm' | 'f' | null;

/** A place in the text where a person or an outlet is named. */
export interface NameMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name (the entity's, or the longest fallback form). */
  name: string;
  entity: string | null;
  kind: 'person' | 'outlet' | 'other';
  gender: Gender;
  role: string | null;
  /** An organization the entities pass found: it may speak ("Brightwave said"), it is no "he" or "she". */
  org?: boolean;
}

const GEO = new Set<string>();
// The package's types describe a namespace under NodeNext; at run time the default export is the array.
for (const c of countries as unknown as Countries) {
  GEO.add(c.name.common.toLowerCase());
  GEO.add(c.name.official.toLowerCase());
  const d = c.demonyms?.eng?.m;
  if (d) GEO.add(d.toLowerCase());
}
for (const abbr of ['u.s.', 'us', 'u.s', 'usa', 'u.k.', 'uk', 'eu', 'u.n.', 'un', 'nato']) GEO.add(abbr);
const CALENDAR = new Set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' '),
);

export function isOutletName(name: string): boolean {
  const n = name.replace(/^the\s+/i, '').toLowerCase();
  return OUTLETS.has(n) || OUTLET_NAME.test(name);
}

function genderOf(text: string, before: string, given: string): Gender {
  if (FEMALE_CUE.test(before)) return 'f';
  if (MALE_CUE.test(before)) return 'm';
  const first = given.toLowerCase();
  if (FEMALE_NAMES.has(first)) return 'f';
  if (MALE_NAMES.has(first)) return 'm';
  void text;
  return null;
}

/** Votes over all mentions of an entity: a title on any mention tells the gender of all. */
function entityGender(doc: Document, e: Entity): Gender {
  let f = 0;
  let m = 0;
  for (const mention of e.mentions) {
    if (mention.field) continue; // headline mentions: their offsets are not into the body
    const g = genderOf(mention.text, doc.text.slice(Math.max(0, mention.start - 24), mention.start), e.name.split(/\s+/)[0]);
    if (g === 'f') f++;
    else if (g === 'm') m++;
  }
  if (e.role) {
    if (FEMALE_CUE.test(e.role)) f++;
    else if (MALE_CUE.test(e.role)) m++;
  }
  return f > m ? 'f' : m > f ? 'm' : null;
}

/** People and outlets named in the text, in order: from the entities pass, else from capitalised tokens. */
export function nameMentions(doc: Document, tokens?: Token[]): NameMention[] {
  const entities = doc.data.entities ?? [];
  const out: NameMention[] = [];
  if (entities.length) {
    for (const e of entities) {
      const outlet = e.outlet === true || (e.type === 'organization' && isOutletName(e.name));
      const kind = outlet ? 'outlet' : e.type === 'person' ? 'person' : 'other';
      const gender = kind === 'person' ? entityGender(doc, e) : null;
      for (const m of e.mentions) if (!m.field) out.push({ start: m.start, end: m.end, text: m.text, name: e.name, entity: e.id, kind, gender, role: e.role, ...(kind === 'other' && e.type === 'organization' ? { org: true } : {}) });
    }
    return out.sort((a, b) => a.start - b.start);
  }
  return fallbackMentions(doc, tokens);
}

const CLOSED = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'NUM', 'SYM', 'SPACE', 'X']);

/**
 * Tokens with capitalised words inside a sentence tagged PROPN: the tagger calls "the Daily Herald" a verb
 * ("Herald/VERB") and "President Moon Jae-in" nouns. A capital at the start of a sentence counts only when
 * the tagger said PROPN or the next word is a name too.
 */
export function nameTokens(tokens: Token[]): Token[] {
  const out = tokens.slice();
  const cap = (k: number) => k < tokens.length && /^\p{Lu}/u.test(tokens[k].text) && !CLOSED.has(tokens[k].pos) && tokens[k].text !== 'I';
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k];
    if (tk.pos === 'PROPN' || !cap(k)) continue;
    const initial = k === 0 || tokens[k - 1].sentence !== tk.sentence || /^["“(]$/.test(tokens[k - 1].text);
    // "Brandt said the crew left ...": a capital before a speech verb is a name even at the start
    const speaks = tk.pos !== 'NOUN' && k + 1 < tokens.length && SPEECH_FORMS.has(tokens[k + 1].text.toLowerCase()) && tokens[k + 1].sentence === tk.sentence;
    if (!initial || speaks || (cap(k + 1) && tokens[k + 1].sentence === tk.sentence && (tokens[k + 1].pos === 'PROPN' || cap(k + 2)))) out[k] = { ...tk, pos: 'PROPN' };
  }
  // "Moon Jae-in", "Kim Jong-un": the piece after a glued hyphen belongs to the name ("in/ADP", "un/NOUN")
  for (let k = 1; k + 1 < tokens.length; k++) {
    if (tokens[k].text === '-' && out[k - 1].pos === 'PROPN' && tokens[k - 1].end === tokens[k].start && tokens[k].end === tokens[k + 1].start && /^\p{L}/u.test(tokens[k + 1].text)) {
      out[k + 1] = { ...tokens[k + 1], pos: 'PROPN' };
    }
  }
  return out;
}

/**
 * Without entities: runs of PROPN tokens ("Ann Lee", "Kim Jong-un" — the hyphen pieces joined), a title
 * before them kept as role, runs with organization or place words dropped, and a lone word that repeats a
 * word of a person named before ("Kim" after "Kim Jong-un") joined to that person.
 */
const MAX_NAME_TOKENS = 12;

function fallbackMentions(doc: Document, tokens?: Token[]): NameMention[] {
  const t = tokens ?? nameTokens(doc.tokens);
  const text = doc.text;
  const out: NameMention[] = [];
  // Words of the persons named so far (split at spaces and hyphens / at spaces) -> the first such name.
  const byPart = new Map<string, string>();
  const byWord = new Map<string, string>();
  const capital = (i: number) => /^\p{Lu}/u.test(t[i].text);
  let i = 0;
  while (i < t.length) {
    if (!(t[i].pos === 'PROPN' && capital(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    // A name has a few words: a run of capitals longer than MAX_NAME_TOKENS ("J. J. J. ..." over a whole
    // page) is cut, so that the prefix search below stays linear in the text.
    while (j < t.length && t[j].sentence === t[i].sentence && j - i < MAX_NAME_TOKENS) {
      // "Kim Jong - un": hyphen pieces glued without spaces
      if (t[j].text === '-' && t[j].start === t[j - 1].end && j + 1 < t.length && t[j + 1].start === t[j].end) {
        j += 2;
        continue;
      }
      if (t[j].pos === 'PROPN' && capital(j) && t[j].start - t[j - 1].end <= 1) {
        j++;
        continue;
      }
      break;
    }
    let a = i;
    let role: string | null = null;
    while (a < j && TITLES.has(t[a].text.toLowerCase().replace(/\.$/, ''))) a++;
    if (a > i) role = text.slice(t[i].start, t[a - 1].end);
    // "U.S. Ambassador to South Korea Ann Lee": a place or organization glued before a two-word name
    if (j - a >= 3) {
      for (let k = j - 2; k >= a + 1; k--) {
        const prefix = text.slice(t[a].start, t[k - 1].end).toLowerCase();
        const restWords = text.slice(t[k].start, t[j - 1].end).toLowerCase().split(/[\s-]+/);
        const prefixWords = prefix.split(/\s+/);
        if ((GEO.has(prefix) || prefixWords.every((w) => GEO.has(w) || NON_PERSON_WORDS.has(w))) && !restWords.some((w) => NON_PERSON_WORDS.has(w) || GEO.has(w))) {
          role = text.slice(t[i].start, t[k - 1].end);
          a = k;
          break;
        }
      }
    }
    if (a < j) {
      const start = t[a].start;
      const end = t[j - 1].end;
      const name = text.slice(start, end);
      const words = name.toLowerCase().split(/[\s-]+/);
      // "the Daily Herald": look one word back for the article
      const withThe = a > 0 && t[a - 1].text.toLowerCase() === 'the' && a === i ? text.slice(t[a - 1].start, end) : name;
      let kind: NameMention['kind'] = 'person';
      if (isOutletName(withThe) || isOutletName(name)) kind = 'outlet';
      else if (GEO.has(name.toLowerCase()) || words.some((w) => NON_PERSON_WORDS.has(w) || CALENDAR.has(w) || GEO.has(w))) kind = 'other';
      else if (a > 0 && t[a - 1].text.toLowerCase() === 'the' && !role) kind = 'other';
      else if (TITLES.has(words[words.length - 1])) kind = 'other'; // "U.S. Ambassador": a role, not a name
      let canonical = name;
      if (kind === 'person' && words.length === 1 && !role) {
        // A lone capitalised word is a person only when it repeats part of a person named before.
        const prior = byPart.get(words[0]);
        if (prior) canonical = prior;
        else kind = 'other';
      } else if (kind === 'person') {
        const prior = byWord.get(name.toLowerCase());
        if (prior) canonical = prior;
      }
      const before = text.slice(Math.max(0, t[i].start - 24), t[i].start) + (role ? `${role} ` : '');
      const m: NameMention = {
        start,
        end,
        text: name,
        name: canonical,
        entity: null,
        kind,
        gender: kind === 'person' ? genderOf(name, before, name.split(/\s+/)[0]) : null,
        role,
      };
      out.push(m);
      if (kind === 'person') {
        // the first person named with a word is the one a later mention of that word points back to
        for (const w of m.name.toLowerCase().split(/[\s-]+/)) if (!byPart.has(w)) byPart.set(w, m.name);
        for (const w of m.name.toLowerCase().split(/\s+/)) if (!byWord.has(w)) byWord.set(w, m.name);
      }
    }
    i = j;
  }
  // One gender per fallback person: any mention's cue tells it.
  const byName = new Map<string, Gender>();
  for (const m of out) if (m.gender) byName.set(m.name, m.gender);
  for (const m of out) if (m.kind === 'person' && !m.gender) m.gender = byName.get(m.name) ?? null;
  return out;
}
