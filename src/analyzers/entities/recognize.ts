// Mention recognition: capitalised chunks of each sentence, split into role and name, then typed by
// gazetteers and small numbered rules. Grouping into entities is in group.ts.
import type { Document } from '../../model/document.js';
import type { EntityType } from '../../model/types.js';
import { GROUP_NOUNS, PERSON_NOUNS } from '../quotes/lexicon.js';
import {
  DEMONYMS,
  FIRST_NAMES,
  HONORIFICS,
  KIN_NOUNS,
  KNOWN_SURNAMES,
  MAX_GAZ_WORDS,
  NON_ENTITY_HEADS,
  NOT_NAMES,
  INDUSTRY_HEADS,
  ORG_HEADS,
  OUTLET_HEADS,
  PLACE_HEADS,
  PLACE_LEADS,
  ROLE_NOUNS,
  ROLE_WORDS,
  STRONG_ROLES,
  gazPrefix,
  isNamePart,
  lookup,
  stateAbbr,
  type GazEntry,
} from './gazetteer.js';

export interface Word {
  start: number;
  end: number;
  text: string;
  /** Followed by a possessive 's (excluded from the word): "Kim's". */
  poss: boolean;
  /** Opens the sentence, a quotation or a clause after a colon: capitals here prove nothing. */
  initial: boolean;
  pos: string;
}

export type Evidence = 'known' | 'strong' | 'weak';

export interface RawMention {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Referent key from a gazetteer ("c:RUS"), when known. */
  key?: string;
  /** Canonical name from a gazetteer. */
  name?: string;
  outlet?: boolean;
  /** ISO alpha-3 code of the country a metonym or a capital-as-government stands for. */
  country?: string;
  role?: string;
  honorific?: string;
  /** The name with its honorific as written ("Mr Kim", "Dr. Anna Vasquez"), an alias. */
  honorificAlias?: string;
  /** known: gazetteer; strong: a rule with direct evidence; weak: a guess that grouping may overrule. */
  evidence: Evidence;
  /** A lone word with no evidence of its own: typed by grouping (a surname of a person named in full). */
  unknown?: boolean;
  /** A person only because a verb of saying follows ("Brightwave said"): a company may speak too (combine.ts). */
  speaker?: boolean;
  sentence: number;
}

// A word: letters and digits, with inner hyphens, apostrophes, dots and ampersands ("Jong-un", "O'Neil",
// "U.S", "AT&T").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['’.&-])[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;
// Abbreviations that keep their full stop: "Mr.", "Sen.", "Calif.", "Jr.", initials "G.".
const ABBREV = new Set(
  'Mr Mrs Ms Mx Dr St Jr Sr Gen Sen Sens Rep Reps Gov Lt Col Maj Capt Sgt Cpl Pvt Adm Cmdr Prof Rev Fr Det Insp Supt Amb Inc Corp Co Ltd Bros Mt Ft No Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Va Vt Wash Wis Wyo'.split(
    ' ',
  ),
);
// Lowercase particles inside names: "Rio de Janeiro", "Ludwig van Beethoven", "Osama bin Laden".
const PARTICLES = new Set('de del della der den van von da di du la le bin ibn al el y dos das'.split(' '));
// Lowercase prefixes glued to a name: "anti-Hillary", "pro-Cruz", "ex-Trump".
const GLUED_PREFIX = /^(?:anti|pro|non|ex|post|pre|neo|never|mid|pan|un)-(?=\p{Lu})/u;
// Arabic article and particles written into the name: "al-Assad", "bin Salman".
const NAME_PREFIX = /^(?:al|el|ad|as|ash|ibn|bin|abu|d|l|o|mc|mac)[-'’]\p{Lu}/u;
const SPEECH_VERBS = new Set(
  'said says told tells added adds asked asks wrote writes tweeted tweets argued argues explained explains noted notes stated states insisted insists claimed claims replied replies responded responds continued continues recalled recalls announced announces declared declares admitted admits acknowledged acknowledges suggested suggests testified testifies confirmed confirms warned warns believes believed thinks thought wants wanted who whose himself herself'.split(
    ' ',
  ),
);
const PLACE_PREPS = new Set('in from near outside across throughout into inside around within across'.split(' '));
// "GunShop.com": a website run as a business.
const WEBSITE = /\.(?:com|org|net|gov|edu|co|io|us|uk)$/i;
// "I’m", "It’s", "Don’t": contractions are never names.
const CONTRACTION = /['’](?:m|s|ll|ve|d|re|t)$/i;
// Words of NOT_NAMES that are names inside a name: "Theresa May", "Will Smith", "Hope Hicks".
const NAME_TOO = new Set('May March Will Mark Bill Grant Frank Rich Faith Hope Sun Post Young'.split(' '));
const AWARDS = new Set('Oscar Oscars Grammy Grammys Emmy Emmys Bafta Baftas Tony Tonys Golden Globe Nobel Pulitzer Brit Brits'.split(' '));
const SUFFIXES = new Set('Jr Jr. Sr Sr. II III IV'.split(' '));
const CONNECTORS = new Set(['of', 'for', 'on', 'to', 'at', 'and', '&', 'the']);
// Org-name leads that take "of": "Ministry of Foreign Affairs", "Bank of England", "University of Westland".
const ORG_LEADS = new Set(
  'Ministry Department Bureau Office Bank University College Institute School Academy Museum Church Council Committee Commission Court Board League Federation Union Association Society Chamber House Party Federal National Royal Central Air'.split(
    ' ',
  ),
);

// Plural common nouns for people and groups: "Authorities said", "Insurgents said", "Police said" open a
// sentence in capitals but name no one.
const PEOPLE_PLURALS = new Set([
  ...GROUP_NOUNS,
  ...[...PERSON_NOUNS].map((n) => (/(?:man|woman)$/.test(n) ? n.replace(/man$/, 'men') : /[^aeiou]y$/.test(n) ? n.slice(0, -1) + 'ies' : /(?:s|sh|ch|x)$/.test(n) ? n + 'es' : n + 's')),
  ...'insurgents troops soldiers gunmen guerrillas militiamen fighters separatists demonstrators traders dealers brokers investors shareholders farmers villagers refugees survivors relatives medics rescuers firefighters paramedics hospitals passengers pilots fans spectators hackers kidnappers hijackers attackers assailants raiders bandits pirates smugglers protestors strikers unions employees customers consumers users locals citizens settlers mourners onlookers bystanders negotiators mediators monitors inspectors delegates envoys judges lawyers'.split(' '),
]);

// Plural nicknames of sports teams (a team's name is a town and one of these): "Leicester Tigers", "Harlow
// Hornets", "Denver Broncos". Nicknames that are also roles or common plurals of people ("Senators") are left out.
// Abbreviations in clubs' names (football club, sports club, athletic club...), first or last word.
const CLUB_ABBR = new Set('FC AFC CF SC AC JC SV FK SK BK IF IK FF VfB VfL TSV KV RC CD NK'.split(' '));
const TEAM_PLURALS = new Set(
  'Tigers Sharks Hornets Rovers Rangers Wanderers Saints Giants Bears Bulls Lions Eagles Hawks Falcons Warriors Knights Chiefs Raiders Royals Pirates Panthers Jaguars Wolves Dolphins Seahawks Cardinals Rams Packers Jets Patriots Steelers Broncos Chargers Colts Titans Bengals Browns Ravens Vikings Buccaneers Cowboys Lakers Celtics Knicks Nets Pistons Spurs Rockets Suns Clippers Mavericks Grizzlies Timberwolves Yankees Mets Dodgers Cubs Braves Astros Orioles Mariners Padres Phillies Reds Twins Marlins Rockies Athletics Bruins Flyers Penguins Oilers Flames Canucks Sabres Islanders Devils Blackhawks Canadiens Wasps Harlequins Quins Dragons Scarlets Ospreys Stormers Highlanders Crusaders Brumbies Waratahs Cheetahs Rhinos Centurions Dragons Magpies Gulls Robins Seagulls Hatters Cobblers Saddlers Potters Foxes Owls Blades Canaries Hammers Gunners Toffees Baggies Villans Cherries Bees Lancers Stallions'.split(' '),
);

// Lowercase words of four letters or more that title case keeps lowercase.
const TITLE_LOWER = new Set('with from into over onto upon than that this about after amid among along down near when what while like unto till past plus versus'.split(' '));

function isCap(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return NAME_PREFIX.test(w);
  return /^\p{Lu}/u.test(w) || NAME_PREFIX.test(w);
}

/** "HALEVILLE, N.Y., May 2 (AP) —", "DUNMORE, Fla. —": a dateline's town, in capitals. */
function dateline(text: string, w: Word, next: Word | undefined): boolean {
  if (!next || !/^, $/.test(text.slice(w.end, next.start))) return false;
  const e = stateAbbr(next.text) ?? lookup(next.text);
  return !!e && e.type === 'place';
}

function isAcronym(w: string): boolean {
  return /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]{1,4}$|^[A-Z]{2,4}[0-9]{0,2}$/.test(w);
}

/** Any word of the sentence that is a gazetteer or name-list entry by itself. */
function known(w: string): boolean {
  if (w.includes('-') && /^\p{Lu}[\p{L}]*-\p{Lu}/u.test(w)) return w.split('-').every((p) => FIRST_NAMES.has(p) || isNamePart(p)); // "Jean-Luc"
  return !!lookup(w) || isNamePart(w) || KNOWN_SURNAMES.has(w) || ROLE_WORDS.has(w) || HONORIFICS.has(w);
}

/** Known other than by the long name-part list, which has common words too ("Young", "Grace", "Sharp"). */
function knownStrictly(w: string): boolean {
  if (w.includes('-') && /^\p{Lu}[\p{L}]*-\p{Lu}/u.test(w)) return w.split('-').every((p) => FIRST_NAMES.has(p));
  return !!lookup(w) || FIRST_NAMES.has(w) || KNOWN_SURNAMES.has(w) || ROLE_WORDS.has(w) || HONORIFICS.has(w);
}

/** The words of one sentence, with offsets into the document text. */
function wordsOf(text: string, start: number, end: number, posAt: Map<number, string>): Word[] {
  const out: Word[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let prevEnd = 0;
  while ((m = WORD.exec(slice))) {
    let t = m[0];
    let s = m.index;
    let poss = false;
    // "Carnforth 's goalkeeper", "the Workers ' Party": agency copy splits the possessive off; it still
    // closes the word before it.
    if ((t === 's' || t === 'S') && out.length && /^ ['’]$/.test(slice.slice(prevEnd, s))) {
      // "Moody 's", "Standard & Poor 's": the possessive belongs to a listed name, one word from its first.
      const k = listedWithPossessive(slice, out, start, s + t.length);
      if (k >= 0) {
        const first = out.splice(out.length - Math.max(k, 1))[0];
        out.push({ ...first, end: start + s + t.length, text: slice.slice(first.start - start, s + t.length), poss: false });
      } else out[out.length - 1].poss = true;
      prevEnd = s + t.length;
      continue;
    }
    // "Kim's", "Trump’s": the possessive is outside the name ("Moody's", a listed name, keeps it).
    const pm = /['’]s$/.exec(t);
    const listed = pm && t.length > 2 ? listedWithPossessive(slice, out, start, s + t.length) : -1;
    if (listed > 0) {
      const first = out.splice(out.length - listed)[0];
      out.push({ ...first, end: start + s + t.length, text: slice.slice(first.start - start, s + t.length), poss: false });
      prevEnd = s + t.length;
      continue;
    }
    if (pm && t.length > 2 && listed < 0) {
      t = t.slice(0, -2);
      poss = true;
    } else if (/s['’]$/.test(slice.slice(s, s + t.length + 1)) && slice[s + t.length] !== undefined && /['’]/.test(slice[s + t.length])) {
      poss = true; // "the Clintons' foundation"
    }
    // "(D-N.Y.)": the party letter and the state are two words.
    if (/^[RDI]-/.test(t) && slice[s - 1] === '(') {
      out.push({ start: start + s, end: start + s + 1, text: t[0], poss: false, initial: false, pos: '' });
      s += 2;
      t = t.slice(2);
    }
    // "anti-Hillary": only the name after the prefix.
    const g = GLUED_PREFIX.exec(t);
    if (g) {
      s += g[0].length;
      t = t.slice(g[0].length);
    }
    // "U.S.", "Sen.", "G.": keep the full stop of an abbreviation or initial.
    if (!poss && slice[s + t.length] === '.' && (t.includes('.') || t.length === 1 || ABBREV.has(t)) && !WEBSITE.test(t)) t += '.';
    const gap = slice.slice(prevEnd, s);
    // An opening quote touches its word; " ' " is agency copy's split possessive ("Workers ' Party").
    const initial = out.length === 0 || /[“"‘(:—–\n]|\s['‘]$/.test(gap);
    out.push({ start: start + s, end: start + s + t.length, text: t, poss, initial, pos: posAt.get(start + s) ?? '' });
    prevEnd = s + m[0].length;
  }
  return out;
}

/**
 * A listed organization ends at `end` (slice offset) with its possessive ("Moody's", "Standard & Poor's"): how many
 * words before the current one it takes in (0: the word alone), or -1.
 */
function listedWithPossessive(slice: string, out: Word[], start: number, end: number): number {
  for (let k = 0; k <= Math.min(3, out.length); k++) {
    const from = k === 0 ? slice.lastIndexOf(' ', end - 3) + 1 : out[out.length - k].start - start;
    if (lookup(slice.slice(from, end))?.type === 'organization') return k;
  }
  return -1;
}

interface Chunk {
  words: Word[];
  /** Index in the sentence's word list of the first and last word. */
  first: number;
  last: number;
}

/** Words written in lowercase somewhere in the current document. */
/** Words written in lower case in the document of the last `recognize` call. */
export const lowerWords = new Set<string>();

/** Acronyms of dropped law and event names in the current document: "Freedom of Information Act (FOIA)". */
const droppedAcronyms = new Set<string>();

/**
 * Spans the rules decided are no mention of ours (a name given to an award, an event or a law, an adjective,
 * a word made from a name): the learned tagger must not bring them back. Filled by the last `recognize` call.
 */
export const vetoed: { start: number; end: number }[] = [];

/** Recognises mentions in every sentence of the document. */
export function recognize(doc: Document): RawMention[] {
  vetoed.length = 0;
  const text = doc.text;
  const posAt = new Map<number, string>();
  for (const t of doc.tokens) posAt.set(t.start, t.pos);
  const sentences = doc.sentences.length ? doc.sentences : [{ index: 0, start: 0, end: text.length }];
  const out: RawMention[] = [];
  droppedAcronyms.clear();
  lowerWords.clear();
  for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lowerWords.add(m[0]);
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    let end = s.end;
    // "(D-N.Y.) objected": a sentence split after an initial is joined back when the next part goes on with
    // an initial or a closing bracket.
    while (k + 1 < sentences.length && /(?:^|[\s(-])(?:[A-Z]\.)+$/.test(text.slice(s.start, end)) && /^(?:[A-Z]\.|[)\],;])/.test(text.slice(sentences[k + 1].start, sentences[k + 1].start + 2))) {
      end = sentences[++k].end;
    }
    const words = wordsOf(text, s.start, end, posAt);
    recognizeSentence(text, words, s.index, out);
  }
  if (droppedAcronyms.size) {
    for (const m of out) if (droppedAcronyms.has(m.text)) vetoed.push({ start: m.start, end: m.end });
    return out.filter((m) => !droppedAcronyms.has(m.text));
  }
  return out;
}

function recognizeSentence(text: string, words: Word[], sentence: number, out: RawMention[]): void {
  if (!words.length) return;
  // Rule 1 — headline case: "Judge Hands Baxter The Worst News Of His Week": when most content words
  // are capitalised, only words known by themselves count as capitals.
  const content = words.filter((w) => w.text.length >= 4);
  const capContent = content.filter((w) => isCap(w.text)).length;
  // A lowercase word allowed in title case is a short function word ("with", "from"); "Plymouth Argyle beat
  // Exeter City 2-1" is a sentence.
  const headline = content.length >= 4 && content.length - capContent <= 1 && capContent / content.length >= 0.8 && content.every((w) => isCap(w.text) || TITLE_LOWER.has(w.text));
  const shouting = content.length >= 3 && content.filter((w) => /^[A-Z]{4,}$/.test(w.text)).length / content.length >= 0.5;

  const capLike = words.map((w, i) => {
    if (!isCap(w.text)) return false;
    // (A word still ending in "'s" kept it as part of a listed name: "Moody's", "Standard & Poor's".)
    if ((CONTRACTION.test(w.text) && !(/['’]s$/.test(w.text) && w.text.length > 3)) || /^I['’]/.test(w.text)) return false;
    // "UPDATE:", "PREVIOUSLY:": shouted words, not acronyms; "Oscar-nominated", "Texas-based": adjectives.
    if (/^[A-Z]{6,}$/.test(w.text) && !lookup(w.text) && !dateline(text, w, words[i + 1])) return false;
    if (/-\p{Ll}+(?:ed|ing|based|like|style|era|born|led|run|owned|backed)$/u.test(w.text)) return false;
    if (headline && /^[A-Z]{2,}$/.test(w.text) && !lookup(w.text)) return false;
    if (NOT_NAMES.has(w.text) && !(i > 0 && !w.initial && NAME_TOO.has(w.text))) {
      // "The", "However", "Tuesday": never a name; a few are names mid-sentence only.
      return false;
    }
    if (shouting && /^[A-Z]{3,}$/.test(w.text) && !lookup(w.text)) return false;
    if (headline && !known(w.text) && !isAcronym(w.text) && !/-\p{Ll}/u.test(w.text)) return false;
    // Rule 2 — sentence-initial capital: "Meanwhile, ...", "Wearing a grey coat": kept only when it is
    // a known name, or tagged a proper noun and never written in lowercase elsewhere in the article
    // ("Trial runs ..." beside "a trial").
    if (w.initial && !isAcronym(w.text) && !knownStrictly(w.text) && (w.pos !== 'PROPN' || lowerWords.has(w.text.toLowerCase()))) return false;
    // "Authorities said", "Rebels said": a plural noun for people opening a sentence; the tagger must not bring
    // it back either. A name of two capitalised words goes on ("Rescuers United", unlikely) — only a lone word.
    if (w.initial && PEOPLE_PLURALS.has(w.text.toLowerCase()) && !knownStrictly(w.text) && !(capLikeNext(words, i) && !words[i + 1].initial)) {
      vetoed.push({ start: w.start, end: w.end });
      return false;
    }
    return true;
  });

  let i = 0;
  while (i < words.length) {
    if (!capLike[i]) {
      i++;
      continue;
    }
    // Grow a chunk of capitalised words, with connectors and particles between them.
    const chunk: Word[] = [words[i]];
    let j = i;
    while ((!words[j].poss || pluralPossessive(text, words, j, capLike)) && j + 1 < words.length) {
      const next = words[j + 1];
      // "Kappel & Co", "Hale & Sons": a lone ampersand between capitalised words is inside a firm's name.
      if (/^ ?& ?$/.test(text.slice(words[j].end, next.start)) && isCap(next.text) && !next.initial && chunk.length <= 3) {
        chunk.push(next);
        j++;
        continue;
      }
      if (!/^[ \t\u00a0]+$/.test(text.slice(words[j].end, next.start)) && !pluralPossessive(text, words, j, capLike)) break;
      if (capLike[j + 1] && !next.initial) {
        chunk.push(next);
        j++;
        continue;
      }
      const lower = next.text;
      if (PARTICLES.has(lower) && j + 2 < words.length && capLike[j + 2] && /^ +$/.test(text.slice(next.end, words[j + 2].start))) {
        chunk.push(next, words[j + 2]);
        j += 2;
        continue;
      }
      if (CONNECTORS.has(lower) && lower !== 'the' && connectorOk(chunk, lower, words, j + 2, capLike, text)) {
        let k = j + 2;
        const parts = [next];
        if (words[k]?.text === 'the' && capLike[k + 1]) {
          parts.push(words[k]);
          k++;
        }
        if (capLike[k] && /^ +$/.test(text.slice(parts[parts.length - 1].end, words[k].start))) {
          chunk.push(...parts, words[k]);
          j = k;
          continue;
        }
      }
      break;
    }
    classifyChunk(text, { words: chunk, first: i, last: j }, words, sentence, out);
    i = j + 1;
  }

  // Rule 3 — party and state in "(R-Ohio)", "(D-N.Y.)": the state is a place, the party letter nothing.
  for (let k = 0; k + 1 < words.length; k++) {
    if (/^[RDI]$/.test(words[k].text) && text[words[k].end] === '-' && text[words[k].start - 1] === '(') {
      const w = words[k + 1];
      const e = stateAbbr(w.text) ?? lookup(w.text);
      if (e && e.type === 'place' && !out.some((m) => m.start <= w.start && m.end > w.start)) {
        out.push(mention(w.start, w.end, text, 'place', 'known', sentence, e));
      }
    }
  }
}

/** "the Kaldorian Workers' Party", "Farmers ' Union": a plural possessive inside an organization's name. */
function pluralPossessive(text: string, words: Word[], j: number, capLike: boolean[]): boolean {
  const w = words[j];
  const next = words[j + 1];
  if (!next) return false;
  const gap = text.slice(w.end, next.start);
  // "Workers' Party", "Farmers ' Union"; of the singular possessives only "People's Party", "Women's Institute".
  const plural = /s$/.test(w.text) && /^ ?['’] $/.test(gap);
  if (!capLike[j + 1] || !(plural || (/^(?:People|Women|Men|Children)$/.test(w.text) && /^ ?['’]s $/.test(gap)))) return false;
  let k = j + 1;
  while (k + 1 < words.length && capLike[k + 1] && /^ +$/.test(text.slice(words[k].end, words[k + 1].start))) k++;
  return ORG_HEADS.has(words[k].text);
}

/** The next word is capitalised and joined by a space: "Police Scotland", not "Police said". */
function capLikeNext(words: Word[], i: number): boolean {
  const n = words[i + 1];
  return !!n && n.start - words[i].end === 1 && /^\p{Lu}/u.test(n.text) && !NOT_NAMES.has(n.text);
}

/** "Ministry of Foreign Affairs", "Secretary of State", "Department of Health and Human Services". */
function connectorOk(chunk: Word[], conn: string, words: Word[], nextIdx: number, capLike: boolean[], text: string): boolean {
  if (!capLike[nextIdx] && !(words[nextIdx]?.text === 'the' && capLike[nextIdx + 1])) return false;
  const last = chunk[chunk.length - 1].text;
  if (conn === '&') return true;
  // "Ostrava Gold Ltd for C$ 200 million": a legal suffix closes a company's name.
  if (/^(?:Ltd\.?|Inc\.?|Corp\.?|Co\.?|plc|PLC|AG|SA|NV|AB|ASA|GmbH|LLC|Limited|Corporation|Holdings)$/.test(last)) return false;
  if (conn === 'and') {
    // Inside an "X of A and B" organization name, or "the Westland Exhibition and Conference Centre" (the run
    // after "and" ends an organization); not between people ("Baxter and Ruiz").
    if (FIRST_NAMES.has(words[nextIdx]?.text ?? '') || KNOWN_SURNAMES.has(chunk[0].text) || FIRST_NAMES.has(chunk[0].text)) return false;
    // "the University of Leeds and the Bank of England": "and the" or "and" before another "X of" name starts a
    // second name.
    if (words[nextIdx]?.text === 'the' || (ORG_LEADS.has(words[nextIdx]?.text ?? '') && words[nextIdx + 1]?.text === 'of')) return false;
    // "Securities and Exchange Commission": a head word after "and" that another head closes is one name.
    const headRun = (() => {
      if (!ORG_HEADS.has(words[nextIdx]?.text ?? '')) return false;
      let k = nextIdx;
      while (capLike[k + 1] && /^ +$/.test(text.slice(words[k].end, words[k + 1].start))) k++;
      return k > nextIdx && ORG_HEADS.has(words[k].text);
    })();
    if (!headRun && (ORG_HEADS.has(last) || lookup(chunk.map((w) => w.text).join(' ')))) return false; // "Harlow College and Dunmore University"
    if (chunk.some((w) => w.text === 'of' || (w.text === 'for' && ORG_HEADS.has(chunk[0].text)))) return true;
    let k = nextIdx;
    while (capLike[k + 1] && /^ +$/.test(text.slice(words[k].end, words[k + 1].start))) k++;
    // "Deutsche Kabel and France Telecom": a run after "and" that opens with a country or town is a second name.
    if (lookup(words[nextIdx].text)?.type === 'place') return false;
    return k > nextIdx && ORG_HEADS.has(words[k].text);
  }
  if (conn === 'at') return chunk.some((w) => w.text === 'University');
  if (conn === 'to') return ROLE_WORDS.has(last); // "Ambassador to South Korea"
  // "United States of America", "Democratic People's Republic of Korea": a gazetteer name goes on.
  for (let k = 0; k < chunk.length; k++) if (gazPrefix(`${chunk.slice(k).map((w) => w.text).join(' ')} ${conn}`)) return true;
  if (ORG_LEADS.has(last) || ROLE_WORDS.has(last) || ORG_HEADS.has(last) || PLACE_HEADS.has(last) || PLACE_LEADS.has(last)) return true;
  // "Movement for the Emancipation of the Niger Delta", "Society for the Protection of Birds": a name opened by
  // an organization's head and "for" goes on through "of".
  if (conn === 'of' && chunk.length > 2 && ORG_HEADS.has(chunk[0].text) && chunk[1].text === 'for') return true;
  // "Freedom of Information Act": an event or law name goes on through "of" (and is then dropped whole).
  let k = words[nextIdx]?.text === 'the' ? nextIdx + 1 : nextIdx;
  while (capLike[k + 1] && /^ +$/.test(text.slice(words[k].end, words[k + 1].start))) k++;
  if (conn !== 'of' || !NON_ENTITY_HEADS.has(words[k]?.text ?? '')) return false;
  // "Jan Tavik of the Czech Republic": a country whose name ends like an event's is the country, named apart.
  const from = words[nextIdx]?.text === 'the' ? nextIdx + 1 : nextIdx;
  return lookup(words.slice(from, k + 1).map((w) => w.text).join(' '))?.type !== 'place';
}

export function mention(start: number, end: number, text: string, type: EntityType, evidence: Evidence, sentence: number, e?: GazEntry): RawMention {
  const m: RawMention = { start, end, text: text.slice(start, end), type, evidence, sentence };
  if (e) {
    m.key = e.key;
    m.name = e.name;
    if (e.outlet) m.outlet = true;
    if (e.country && e.type === 'organization') m.country = e.country;
  }
  return m;
}

const span = (ws: Word[]) => ({ start: ws[0].start, end: ws[ws.length - 1].end });
const textOf = (ws: Word[]) => ws.map((w) => w.text).join(' ');

/** Could these words be a person's name? "Tom Baxter", "Park Min-jun", "Ana Q. Ruiz Jr." */
function nameLike(ws: Word[], afterRole = false): boolean {
  if (!ws.length || ws.length > 5) return false;
  const core = SUFFIXES.has(ws[ws.length - 1].text) ? ws.slice(0, -1) : ws;
  if (!core.length) return false;
  const last = core[core.length - 1].text;
  // After a title, "Gov. Lee Park" is a name even though "Park" ends place names.
  if (ORG_HEADS.has(last) || (!afterRole && PLACE_HEADS.has(last)) || NON_ENTITY_HEADS.has(last) || ROLE_WORDS.has(last)) return false;
  return core.every((w, i) => !/\d/.test(w.text) && (isCap(w.text) || (i > 0 && PARTICLES.has(w.text))) && (!NOT_NAMES.has(w.text) || (core.length > 1 && NAME_TOO.has(w.text))) && !CONNECTORS.has(w.text) && !DEMONYMS.has(w.text));
}

/** Longest gazetteer match at words[from..] ending before `limit`. */
function gazAt(ws: Word[], from: number, limit: number): { end: number; e: GazEntry } | null {
  for (let n = Math.min(MAX_GAZ_WORDS, limit - from); n >= 1; n--) {
    const e = lookup(textOf(ws.slice(from, from + n)));
    if (e) return { end: from + n, e };
  }
  return null;
}

/** Places and organizations named inside a role: "U.S. Ambassador to Freedonia". */
function innerMentions(text: string, ws: Word[], sentence: number, out: RawMention[]): void {
  let k = 0;
  while (k < ws.length) {
    const g = gazAt(ws, k, ws.length);
    if (g && !g.e.weak && g.e.type !== 'person') {
      const sp = span(ws.slice(k, g.end));
      out.push(mention(sp.start, sp.end, text, g.e.type, 'known', sentence, g.e));
      k = g.end;
    } else k++;
  }
}

/** Splits a chunk into role and name, and types the name. */
function classifyChunk(text: string, chunk: Chunk, words: Word[], sentence: number, out: RawMention[]): void {
  let ws = chunk.words;
  // Trailing connectors never end a name.
  while (ws.length && CONNECTORS.has(ws[ws.length - 1].text)) ws = ws.slice(0, -1);
  if (!ws.length) return;

  // Rule 4 — honorifics are dropped: "Mr Park", "Mrs. Ruiz".
  let i = 0;
  let honorific: Word | undefined;
  // "Mr. Mr. Smith": `honorific ??= ws[i++]` would skip the increment once set, and never end.
  for (; i < ws.length - 1 && HONORIFICS.has(ws[i].text); i++) honorific ??= ws[i];
  if (HONORIFICS.has(ws[i].text)) return;

  // Rule 5 — a capitalised role before the name is the role: "President Tom Baxter",
  // "U.S. Ambassador to Freedonia Hal Ito", "Secretary of State Ana Ruiz".
  let nameFrom = i;
  let role: string | undefined;
  for (let k = ws.length - 2; k >= i; k--) {
    if (!ROLE_WORDS.has(ws[k].text)) continue;
    let r = k + 1;
    if (CONNECTORS.has(ws[r].text) && ws[r].text !== 'and') {
      r++;
      if (ws[r]?.text === 'the') r++;
      const g = gazAt(ws, r, ws.length - 1);
      if (g) r = g.end;
      else if (r < ws.length - 1 && ROLE_WORDS.has(ws[r].text)) r++;
      else r = Math.max(r + 1, ws.length - 2);
    }
    const rest = ws.slice(r);
    if (r >= ws.length || !nameLike(rest, true)) continue;
    if (lookup(textOf(rest)) && !lookup(textOf(rest))!.weak && lookup(textOf(rest))!.type !== 'person') continue;
    const strong = STRONG_ROLES.has(ws[k].text) || FIRST_NAMES.has(rest[0].text);
    if (!strong) continue;
    // Everything before the role word must be role-like too: "Texas Sen.", "Deputy Foreign Minister".
    const pre = ws.slice(i, k);
    if (pre.some((w) => !ROLE_WORDS.has(w.text) && !DEMONYMS.has(w.text) && !lookup(w.text) && !CONNECTORS.has(w.text) && !/^\p{Lu}/u.test(w.text))) continue;
    nameFrom = r;
    // "the ruling Popular Party of Prime Minister Tomas Ardevol Prieto": an organization's name, "of", then the role
    // and the person; the organization is named before "of", not part of the role.
    const of = ws.findIndex((w, x) => x > i && x < k && w.text === 'of');
    if (of > i && ORG_HEADS.has(ws[of - 1].text) && ws.slice(i, of).every((w) => /^\p{Lu}/u.test(w.text)) && !ROLE_WORDS.has(ws[i].text) && ws.slice(of + 1, k).every((w) => ROLE_WORDS.has(w.text) || DEMONYMS.has(w.text))) {
      const o = span(ws.slice(i, of));
      out.push(mention(o.start, o.end, text, 'organization', 'strong', sentence));
      i = of + 1;
    }
    role = text.slice(ws[i].start, ws[r - 1].end);
    innerMentions(text, ws.slice(i, r), sentence, out);
    break;
  }
  const name = ws.slice(nameFrom);
  const sp = span(name);
  const before = words[chunk.first - 1];
  const after = words[chunk.last + 1];
  const gapAfter = after ? text.slice(ws[ws.length - 1].end, after.start) : '';
  const lowerRole = role ? undefined : roleBefore(text, words, chunk.first);

  if (role || honorific) {
    const m = mention(sp.start, sp.end, text, 'person', 'strong', sentence);
    if (role) m.role = role;
    else if (lowerRole) m.role = lowerRole;
    if (honorific) {
      m.honorific = honorific.text;
      m.honorificAlias = text.slice(honorific.start, sp.end);
    }
    out.push(m);
    return;
  }
  const kin = !!before && KIN_NOUNS.has(before.text) && /^ +$/.test(text.slice(before.end, ws[0].start));
  typeName(text, name, { before, after, gapAfter, lowerRole, sentence, kin }, out);
}

interface Context {
  /** "Park's wife Choi Ha-eun": a family noun right before. */
  kin?: boolean;
  before?: Word;
  after?: Word;
  gapAfter: string;
  lowerRole?: string;
  sentence: number;
}

/** "Freedonian leader Park Min-jun", "campaign manager Lee Hale": a lowercase role right before. */
function roleBefore(text: string, words: Word[], first: number): string | undefined {
  const prev = words[first - 1];
  if (!prev || !ROLE_NOUNS.has(prev.text) || !/^ +$/.test(text.slice(prev.end, words[first].start))) return undefined;
  let k = first - 1;
  while (k > 0 && first - k < 4) {
    const w = words[k - 1];
    if (!/^ +$/.test(text.slice(w.end, words[k].start)) || w.poss) break;
    if (!(ROLE_NOUNS.has(w.text) || DEMONYMS.has(w.text) || /^\p{Lu}/u.test(w.text) || /^(?:former|deputy|top|senior|chief|vice|state|foreign|presidential|campaign|press|national|security)$/.test(w.text))) break;
    if (NOT_NAMES.has(w.text)) break;
    k--;
  }
  return text.slice(words[k].start, prev.end);
}

function typeName(text: string, ws: Word[], c: Context, out: RawMention[]): void {
  const sp = span(ws);
  const full = textOf(ws);
  const last = ws[ws.length - 1].text;
  const firstW = ws[0].text;
  const prev = c.before?.text.toLowerCase();
  const next = c.after?.text.toLowerCase();
  const push = (type: EntityType, evidence: Evidence, e?: GazEntry, extra?: Partial<RawMention>) => {
    const m = mention(sp.start, sp.end, text, type, evidence, c.sentence, e);
    if (c.lowerRole && type === 'person') m.role = c.lowerRole;
    out.push(Object.assign(m, extra));
  };
  const speechAfter = next !== undefined && SPEECH_VERBS.has(next) && /^\s*,?\s*$/.test(c.gapAfter);
  // ", a professor at ...", ", 45,": an apposition describing a person.
  const apposition = /^, (?:\d{1,3},|(?:a|an|the|his|her)\s)/.test(c.gapAfter + (c.after ? c.after.text + ' ' : '')) && personAppos(text, c);

  // "Former Brightwave boss": a role word with no name after it is not part of a name.
  if (ws.length > 1 && /^(?:Former|Acting|Interim|Outgoing|Incoming|Retired|Late|Then)$/.test(firstW) && !lookup(full)) {
    typeName(text, ws.slice(1), { ...c, before: ws[0] }, out);
    return;
  }
  // Lone words that are no names here: "in May", "an Oscar", "Tory MPs", "Pre-tax profits".
  if (ws.length === 1 && (NOT_NAMES.has(firstW) || (STRONG_ROLES.has(firstW) && !lookup(firstW)) || AWARDS.has(firstW) || /^[A-Z]{2,}s$/.test(firstW) || /^\p{Lu}\p{Ll}*-\p{Ll}/u.test(firstW))) return;
  // "the Ann Hale award", "the Tom Baxter prize": a name given to an award is the award's, not a mention.
  if (next && /^ $/.test(c.gapAfter) && /^(?:award|awards|prize|medal|trophy|lecture|scholarship|fellowship|memorial)$/.test(next)) {
    vetoed.push(sp);
    return;
  }
  // Rule 6 — adjectives are not mentions: "Russian officials", "a Democratic senator".
  if (ws.every((w) => DEMONYMS.has(w.text)) && !lookup(full)) {
    vetoed.push(sp);
    return;
  }

  // Rule 7 — gazetteer names, whole: "Russian Federation", "the Kremlin", "Reuters", "New York City" (dataset names).
  const e = lookup(full);
  if (e && !(e.weak && (speechAfter || c.lowerRole || apposition || c.kin))) {
    // "a New Yorker", "a Times reader": an outlet's name used as a common noun.
    if (e.outlet && (prev === 'a' || prev === 'an')) return;
    if (e.capitalOf && ws.length === 1 && governmentUse(text, ws[0], c)) {
      push('organization', 'known', { ...e, type: 'organization', key: `g:${e.capitalOf}`, country: e.capitalOf });
      return;
    }
    // "Fox 12", "Channel 4": a station's number is part of its name.
    const num = e.outlet ? /^ \d{1,3}\b/.exec(text.slice(sp.end, sp.end + 5)) : null;
    if (num) {
      out.push(mention(sp.start, sp.end + num[0].length, text, 'organization', 'known', c.sentence, e));
      return;
    }
    push(e.type, e.weak ? 'weak' : 'known', e);
    return;
  }
  // Rule 9 — "Albany, N.Y.", "PURCHASE, N.Y.": a place then its state.
  if (c.after && /^, $/.test(c.gapAfter) && (stateAbbr(c.after.text)?.type === 'place' || lookup(c.after.text)?.key.startsWith('s:'))) {
    const afterEnd = c.after.end;
    const tail = text.slice(afterEnd, afterEnd + 2);
    if (/^(?:[,.;:)\n—–-]|\s[—–-]|$)/.test(tail) || /\.$/.test(c.after.text)) {
      push('place', 'strong');
      const st = stateAbbr(c.after.text) ?? lookup(c.after.text)!;
      out.push(mention(c.after.start, c.after.end, text, 'place', 'known', c.sentence, st));
      return;
    }
  }
  // Rule 9b — a club named by a town and a team's plural nickname: "Leicester Tigers signed a sponsor",
  // "Harlow Hornets" (not "Tom Eagles": a given name first is a person).
  if (ws.length >= 2 && ws.length <= 3 && TEAM_PLURALS.has(last) && !FIRST_NAMES.has(firstW) && !KNOWN_SURNAMES.has(firstW) && ws.every((w) => /^\p{Lu}/u.test(w.text))) {
    push('organization', 'strong');
    return;
  }
  // Rule 9c — a club named with a club's abbreviation: "Roda JC", "FC Kessel", "Brena FC", "SV Marsdorf".
  if (ws.length >= 2 && ws.length <= 4 && (CLUB_ABBR.has(firstW) || CLUB_ABBR.has(last)) && ws.every((w) => /^\p{Lu}/u.test(w.text))) {
    push('organization', 'strong');
    return;
  }
  // Rule 10 — events, laws, works and buildings are none of our types: "the Cold War", "the Westland Railway".
  if (ws.length > 1 && NON_ENTITY_HEADS.has(last)) {
    // "Freedom of Information Act (FOIA)", "Affordable Care Act (ACA)".
    const acr = ws.filter((w) => /^\p{Lu}/u.test(w.text)).map((w) => w.text[0]).join('');
    if (acr.length >= 2) droppedAcronyms.add(acr);
    droppedAcronyms.add(ws.map((w) => w.text[0].toUpperCase()).join(''));
    vetoed.push(sp);
    return;
  }
  // Rule 11a — "the Tom Baxter Super PAC" is the person ("the Baxter campaign" is only "Baxter").
  if (ws.length > 2 && /^(?:Super PAC|Campaign)$/.test(textOf(ws.slice(-2)).replace(/^\S+ Campaign$/, 'Campaign'))) {
    const cut = last === 'Campaign' ? 1 : 2;
    typeName(text, ws.slice(0, -cut), { ...c, after: ws[ws.length - cut], gapAfter: ' ' }, out);
    return;
  }
  // Rule 11 — organization heads: "Westland Federal University", "Foreign Ministry", "Harbor News",
  // "Ministry of Foreign Affairs", "State University of Westland at Hale", "Air Westland".
  // "Organisation for Economic Co-operation and Development", "Institute for Fiscal Studies": "for" as "of".
  const headOf = ws.some((w, k) => (ORG_HEADS.has(w.text) || ORG_LEADS.has(w.text)) && (ws[k + 1]?.text === 'of' || ws[k + 1]?.text === 'for') && k > 0) || (ORG_LEADS.has(firstW) && (ws[1]?.text === 'of' || ws[1]?.text === 'for')) || (ORG_HEADS.has(firstW) && ws[1]?.text === 'for');
  // "the Daily Clarion", "the Evening Standard": a paper's name.
  const paper = ws.length > 1 && /^(?:Daily|Weekly|Sunday|Evening|Morning)$/.test(firstW);
  // "Halvorsen Marine", "Ostrava Steel": an industry word ends a company's name (not "John Steel", "Samantha Power").
  const industry = ws.length > 1 && INDUSTRY_HEADS.has(last) && !FIRST_NAMES.has(firstW);
  // "Police Scotland", "Radio Kaldoria": an organization's head before a known place.
  const headPlace = ws.length === 2 && ORG_HEADS.has(firstW) && !ORG_LEADS.has(firstW) && lookup(last)?.type === 'place';
  // "Bank Karpacki", "Banco Ibero", "Banque Marchand": a bank named by "Bank" and its own word after.
  const bankFirst = ws.length > 1 && ws.length <= 3 && /^(?:Bank|Banco|Banca|Banque|Banka)$/.test(firstW) && ws[1].text !== 'of' && /^\p{Lu}/u.test(ws[1].text);
  if ((ws.length > 1 && ORG_HEADS.has(last)) || (ws.length > 2 && headOf) || (firstW === 'Air' && ws.length === 2) || paper || industry || headPlace || bankFirst) {
    push('organization', 'strong', undefined, OUTLET_HEADS.has(last) || paper ? { outlet: true } : {});
    return;
  }
  // Rule 12 — place heads and leads: "Cook County", "Hudson River", "Lake Erie".
  if (ws.length > 1 && (PLACE_HEADS.has(last) || PLACE_LEADS.has(firstW)) && !(ws.length === 2 && FIRST_NAMES.has(firstW))) {
    push('place', 'strong');
    return;
  }
  // Rule 13 — acronyms are organizations: "FBI", "NATO" (places like "U.S." were found in rule 7);
  // websites and CamelCase names too: "GunShop.com", "BrightWave" (not "McConnell", "DeVos").
  // "Kaldorbank", "Fjordbank": a bank's one-word name.
  if (ws.length === 1 && /^\p{Lu}\p{Ll}{2,}bank(?:en)?$/u.test(firstW)) {
    push('organization', 'strong');
    return;
  }
  if (ws.length === 1 && (isAcronym(firstW) || WEBSITE.test(firstW) || /^(?!Mc|Mac|De|Di|La|Le|Van|Von|O['’])\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u.test(firstW))) {
    push('organization', 'weak');
    return;
  }
  // "Trumpian", "Obamacare", "Clintonite": words made from a name are not the name.
  if (ws.length === 1 && derivedFromName(firstW)) {
    vetoed.push(sp);
    return;
  }
  // "[Westland] police": a town before its police.
  if (ws.length === 1 && next === 'police' && /^ $/.test(c.gapAfter)) {
    push('place', 'strong');
    return;
  }
  // "the Post" after "the Washington Post": a short form that grouping links (or drops).
  if (ws.length === 1 && ORG_HEADS.has(firstW) && !ws[0].initial) {
    push('organization', 'weak', undefined, { unknown: true });
    return;
  }
  // Rule 14 — "Kim Jong-un", "Ri Sol-ju": a hyphenated given name with a lowercase second part.
  const koreanStyle = ws.length >= 2 && ws.slice(1).some((w) => /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(w.text));
  if (nameLike(ws)) {
    if (ws.length >= 2) {
      // Rule 15 — two to four capitalised name words: a person when the first is a given name or every word
      // is a name part ("Hal Harris"), or a verb of saying or an apposition follows.
      const evidenced = FIRST_NAMES.has(firstW) || koreanStyle || ws.every((w) => isNamePart(w.text) || /^\p{Lu}\.$/u.test(w.text) || SUFFIXES.has(w.text) || PARTICLES.has(w.text)) || speechAfter || apposition || !!c.lowerRole || c.kin;
      // Without evidence, only short runs are taken for names ("Carpe Diem Nunc Et Semper" is not one).
      // "White House Gardeners' Picnic": a known organization or place inside is no person's name.
      if (!evidenced && ws.some((_, k) => gazAt(ws, k, ws.length) && !gazAt(ws, k, ws.length)!.e.weak)) return;
      if (evidenced || ws.length <= 3) {
        const only = speechAfter && !(FIRST_NAMES.has(firstW) || koreanStyle || ws.every((w) => isNamePart(w.text) || /^\p{Lu}\.$/u.test(w.text) || SUFFIXES.has(w.text) || PARTICLES.has(w.text)) || apposition || c.lowerRole || c.kin);
        push('person', evidenced ? 'strong' : 'weak', undefined, only ? { speaker: true } : {});
      }
      return;
    }
    // Rule 16 — a lone word: a known surname ("Putin"), a speaker ("Petrov added"), a described person
    // ("Hale, a professor"), a place after "in" — else grouping decides (a surname of a person named in full).
    if (KNOWN_SURNAMES.has(firstW) || speechAfter || apposition || c.lowerRole || c.kin) {
      push('person', 'strong', undefined, KNOWN_SURNAMES.has(firstW) || apposition || c.lowerRole || c.kin ? {} : { speaker: true });
      return;
    }
    if (prev && PLACE_PREPS.has(prev)) {
      push('place', 'weak');
      return;
    }
    // "the port city of Velmora", "the town of Arlen": a settlement noun before "of" names a place.
    if (prev === 'of' && /\b(city|town|village|port|province|county|region|state|island|capital)\s+of\s*$/i.test(text.slice(Math.max(0, sp.start - 24), sp.start))) {
      push('place', 'strong');
      return;
    }
    // "When Hale pointed out": a lone word acting as the subject of a past-tense verb.
    if (c.after && /^ $/.test(c.gapAfter) && c.after.pos === 'VERB' && /ed$/.test(c.after.text) && !ws[0].initial) {
      push('person', 'weak');
      return;
    }
    push('person', 'weak', undefined, { unknown: true });
    return;
  }
  // Rule 17 — a chunk that is not one name: split it at connectors and type each part
  // ("Clinton and Sanders" never forms one chunk; "Department of Labor and Kim" does).
  if (ws.length > 1) {
    let from = 0;
    for (let k = 0; k <= ws.length; k++) {
      if (k === ws.length || CONNECTORS.has(ws[k].text)) {
        const part = ws.slice(from, k);
        if (part.length && part.length < ws.length) typeName(text, part, { ...c, before: k === ws.length ? c.before : undefined }, out);
        from = k + 1;
      }
    }
  }
}

const TO_PLACE = new Set(['to', 'at', 'via', 'toward', 'towards', 'visit', 'visited', 'visiting', 'left', 'leave', 'leaving', 'reached', 'arrived']);

/**
 * Rule 8 — a capital acting or acted on is its government: "Pyongyang denied it", "a deal rejected by Beijing",
 * "Washington was unwilling", "poke fun at Washington"; a location or destination is a place:
 * "a summit in Hanoi", "back to Washington", "the Hanoi summit", "WASHINGTON (AP) —", "Washington, D.C.".
 */
function governmentUse(text: string, w: Word, c: Context): boolean {
  const prev = c.before?.text.toLowerCase();
  const adjacentPrev = !!c.before && /^ +$/.test(text.slice(c.before.end, w.start));
  if (/^[A-Z]+$/.test(w.text) && w.text.length > 3) return false; // dateline
  if (prev && adjacentPrev && (PLACE_PREPS.has(prev) || TO_PLACE.has(prev))) return false;
  // "London 's FTSE index", "Tokyo's Haneda airport": a capital owning a named thing is the place.
  if (w.poss && c.after && /^\p{Lu}/u.test(c.after.text)) return false;
  // "the Hanoi summit", "Washington insiders": a modifier of a lowercase noun is the place.
  if (c.after && /^ $/.test(c.gapAfter) && /^\p{Ll}/u.test(c.after.text) && /^(?:NOUN|ADJ|NUM)$/.test(c.after.pos)) return false;
  // The subject of a verb: "Pyongyang denied", "Washington was unwilling", "Washington patting itself on the back".
  if (c.after && /^ $/.test(c.gapAfter) && /^(?:VERB|AUX)$/.test(c.after.pos) && /^\p{Ll}/u.test(c.after.text)) return true;
  // The agent or the object of a verb: "a deal rejected by Beijing", "a chance to mock Washington".
  if (prev && adjacentPrev && (prev === 'by' || c.before!.pos === 'VERB')) return true;
  // "in Lisbon, Chicago and Beijing": an item of a list of places.
  if ((prev && adjacentPrev && (prev === 'and' || prev === 'or')) || (c.before && /^, $/.test(text.slice(c.before.end, w.start))) || /^(?:,| and | or )/.test(c.gapAfter + (c.after ? ' ' : ''))) return false;
  // Otherwise, named bare, the capital is its government or political class: "poke fun at Washington".
  return true;
}

function derivedFromName(w: string): boolean {
  for (let n = 2; n < w.length - 1; n++) if (KNOWN_SURNAMES.has(w.slice(0, n)) && /^\p{Ll}/u.test(w[n])) return true;
  return false;
}

function personAppos(text: string, c: Context): boolean {
  if (!c.after) return false;
  const rest = text.slice(c.after.start, c.after.start + 60);
  if (/^\d{1,3},/.test(rest)) return true;
  const m = /^(?:a|an|the|his|her)\s+((?:[\p{L}-]+\s+){0,3}?)([\p{L}-]+)/u.exec(rest);
  return !!m && ROLE_NOUNS.has(m[2].toLowerCase());
}
