import type { Document, Token } from '../../model/document.js';
import { GROUP_NOUNS, PHRASAL, LISTENER_VERBS, NEEDS_CLAUSE, NEEDS_QUOTE, NOMINAL_CUES, NON_PERSON_WORDS, PERSON_NOUNS, SPEECH_FORMS, STANCE, TIME_WORDS } from './lexicon.js';
import type { Marked } from './marks.js';

/** One attribution found around a cue: who (a span), the cue, and the content span. */
export interface Frame {
  sentence: number;
  cue: string;
  lemma: string;
  cueStart: number;
  cueEnd: number;
  cueTok: number;
  /** The noun phrase that names the speaker (name, pronoun or description), or null. */
  speaker: { start: number; end: number; tokA: number; tokB: number } | null;
  /** For a relative "who": the phrase it stands for. */
  refersTo?: { start: number; end: number; tokA: number; tokB: number };
  /** The listener or outlet after "told"/"to"/"with"/"on": "he told the ABC". */
  listeners: { start: number; end: number }[];
  content: { start: number; end: number } | null;
  side: 'after' | 'before';
  /** Appositive of the speaker ("Ann Lee, a professor at ..."): its head noun, for later descriptions. */
  appositive: string | null;
}

const BE = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', "'s"]);
const REL = new Set(['who', 'which', 'that']);
const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PRON']);
const INNER_ADP = new Set(['of', 'to', 'for', 'at']);
const CLOSING = /^["”»']$/; // "''" (two apostrophes) closes a quotation in some archives

const lower = (t: Token) => t.text.toLowerCase();

/** The sentence-local view the passes below work on. */
interface View {
  doc: Document;
  t: Token[];
  a: number; // first token of the sentence
  b: number; // one past its last token
  quoted: boolean[];
  marks: Marked[];
}

function isNpToken(v: View, k: number, hasName: boolean): boolean {
  const tk = v.t[k];
  const w = lower(tk);
  if (NP_POS.has(tk.pos)) {
    if (tk.pos === 'PRON' && !/^(?:his|her|their|its|our|my|your)$/.test(w) && k !== -1) return true;
    return true;
  }
  if (w === "'s" || w === '’s' || w === '&') return true;
  if ((w === '-' || w === '.') && k > v.a && v.t[k - 1].end === tk.start) return true;
  if (INNER_ADP.has(w) && hasName && k > v.a && /^(?:NOUN|PROPN)$/.test(v.t[k - 1].pos)) return true;
  return false;
}

/** The noun phrase that ends at token `e` (inclusive), walking left; null when there is none. */
function npEndingAt(v: View, e: number): [number, number] | null {
  if (e < v.a || v.quoted[e]) return null;
  const head = v.t[e];
  // "six in 10 said", "more than 4 in 10 say": a share of those polled
  if (head.pos === 'NUM' && e - 2 >= v.a && lower(v.t[e - 1]) === 'in' && v.t[e - 2].pos === 'NUM') {
    let s = e - 2;
    if (s - 2 >= v.a && /^(?:than|of)$/.test(lower(v.t[s - 1]))) s -= 2;
    return [s, e];
  }
  if (!(head.pos === 'PROPN' || head.pos === 'NOUN' || head.pos === 'PRON')) return null;
  if (head.pos === 'PRON' && /^(?:this|that|it|what|which|there|something|nothing|anything|everything)$/.test(lower(head)) && lower(head) !== 'it') return null;
  let s = e;
  if (head.pos === 'PRON') return [e, e];
  let hasName = head.pos === 'PROPN';
  while (s - 1 >= v.a && e - s < 9 && !v.quoted[s - 1] && isNpToken(v, s - 1, hasName)) {
    const prev = v.t[s - 1];
    if (prev.pos === 'PRON' && !/^(?:his|her|their|its|our|my|your)$/.test(lower(prev))) break;
    s--;
    if (prev.pos === 'PROPN') hasName = true;
    if (prev.pos === 'DET' || prev.pos === 'PRON') break;
  }
  // An inner "of/to/for" must not begin the phrase.
  while (s < e && INNER_ADP.has(lower(v.t[s]))) s++;
  // "organizers of the event in Hollin said", "officials in Dunmore said": the phrase before the place
  if (s - 2 >= v.a && /^(?:in|from|at|of)$/.test(lower(v.t[s - 1])) && (v.t[s - 2].pos === 'NOUN' || (s - 2 === v.a && v.t[s - 2].pos === 'PROPN')) && !v.quoted[s - 2] && s - 2 >= v.a) {
    const more = npEndingAt(v, s - 2);
    if (more) return [more[0], e];
  }
  return [s, e];
}

/** The noun phrase that starts at token `s`, walking right ("said Kim", "according to the ministry"). */
function npStartingAt(v: View, s: number): [number, number] | null {
  if (s >= v.b || v.quoted[s]) return null;
  if (v.t[s].pos === 'PRON') return /^(?:he|she|they|we|i)$/.test(lower(v.t[s])) ? [s, s] : null;
  let e = s;
  let last = -1;
  let hasName = false;
  while (e < v.b && e - s < 10 && !v.quoted[e] && isNpToken(v, e, hasName) && v.t[e].pos !== 'PRON') {
    // "told reporters the staff had been warned": a determiner after a noun starts the next phrase
    if (last >= s && v.t[e].pos === 'DET') break;
    if (v.t[e].pos === 'PROPN' || v.t[e].pos === 'NOUN') last = e;
    if (v.t[e].pos === 'PROPN') hasName = true;
    e++;
  }
  return last >= s ? [s, last] : null;
}

function skipBackTime(v: View, k: number): number {
  while (k >= v.a && !v.quoted[k]) {
    const w = lower(v.t[k]);
    if (TIME_WORDS.has(w) || v.t[k].pos === 'ADV' || w === 'on' || (v.t[k].pos === 'AUX' && !BE.has(w))) k--;
    else break;
  }
  return k;
}

function skipForwardTime(v: View, k: number): number {
  while (k < v.b && !v.quoted[k]) {
    const w = lower(v.t[k]);
    if (TIME_WORDS.has(w) || (v.t[k].pos === 'ADV' && w !== 'as') || w === 'on') k++;
    else break;
  }
  return k;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,;:.!?—–-]/.test(text[end - 1])) end--;
  return end;
}

function trimStart(text: string, start: number, end: number): number {
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  return start;
}

// Words before a colon that label a section, not a speaker: "Update: ...", "Editor's note: ...".
const LABELS = /^(?:update|updated|note|notes|related|watch|read|video|photo|photos|image|images|listen|see|also|correction|clarification|disclosure|editor|editors|background|bottom line|the bottom line|full text|transcript|source|sources|caption|q|a|question|answer|warning|spoiler|fact|facts|key|summary|why|how|what|when|where|here|more|live|breaking|exclusive|analysis|opinion|poll results|results|ps|p\.s|the latest|latest|daily|today|tonight)$/i;

/**
 * "Voss: Bridge Will Open in May", 'Brandt: "We have the steel."': a short name phrase opening the sentence,
 * then a colon, is who the rest is credited to (headlines and transcripts).
 */
function colonFrame(v: View, sentence: number): Frame | null {
  const { t, b } = v;
  let a = v.a;
  // "EXCLUSIVE – Roger Stone: ...": a rubric before a dash
  for (let d = a + 1; d < Math.min(b, a + 3); d++) if (/^[–—-]$/.test(t[d].text) && t[d - 1].text === t[d - 1].text.toUpperCase()) a = d + 1;
  if (a >= b) return null;
  let c = a;
  while (c < b && c - a <= 7 && t[c].text !== ':' && !v.quoted[c]) c++;
  if (c >= b || t[c].text !== ':' || c === a || c + 2 >= b) return null;
  const np = npEndingAt(v, c - 1);
  if (!np || np[0] !== a) return null;
  const head = t[c - 1];
  const label = v.doc.text.slice(t[a].start, head.end).replace(/['’]s\b/g, '');
  if (LABELS.test(label) || LABELS.test(lower(head))) return null;
  if (!(/^\p{Lu}/u.test(t[a].text) && (holdsViews(v, c - 1) || /^\p{Lu}/u.test(head.text)))) return null;
  // a clock time or a ratio is no speaker: "At 10:30", "3:1"
  if (t[c].end !== t[c + 1].start && /\d$/.test(head.text)) return null;
  const text = v.doc.text;
  const s = v.doc.sentences[sentence];
  const start = trimStart(text, t[c + 1].start, s.end);
  const end = trimEnd(text, start, s.end);
  // "Clinton: 1,769" is a tally, not words
  if (end - start < 3 || !/\p{L}{2}/u.test(text.slice(start, end))) return null;
  return {
    sentence, cue: ':', lemma: ':', cueStart: t[c].start, cueEnd: t[c].end, cueTok: c,
    speaker: { start: t[a].start, end: head.end, tokA: a, tokB: c - 1 }, listeners: [], content: { start, end }, side: 'after', appositive: null,
  };
}

/**
 * "Voss's statement that the bridge will open", "his call for a recount": the possessor holds the view, the
 * complement after the noun is what is attributed (up to the clause's end; a "that" clause to the sentence's end).
 */
function nominalFrame(v: View, i: number, sentence: number): Frame | null {
  const { t, a, b } = v;
  let p = i - 1;
  while (p > a && t[p].pos === 'ADJ' && i - p <= 2) p--; // "his recent remarks"
  if (p < a || v.quoted[p]) return null;
  let speaker: [number, number] | null = null;
  // possessive pronouns ("his support for") proved too loose on PolNeAR: only a named possessor
  if (/^['’]s$/.test(t[p].text) || (t[p].text === '’' || t[p].text === "'")) {
    const np = npEndingAt(v, p - 1);
    if (np && holdsViews(v, np[1]) && t[np[1]].pos !== 'PRON') speaker = np;
  }
  if (!speaker) return null;
  let k = i + 1;
  if (k >= b || v.quoted[k]) return null;
  const w = lower(t[k]);
  let toEnd = false;
  if (w === 'that' || w === ':') {
    toEnd = true;
    k++;
  } else return null; // "Voss's support for the plan": PolNeAR rarely credits these; a "that" clause it does
  let e = k;
  while (e < b && (toEnd || !/^[,;.!?()—–]$/.test(t[e].text))) e++;
  if (e - k < 1 || k >= b) return null;
  const text = v.doc.text;
  const start = t[k].start;
  const end = trimEnd(text, start, toEnd ? v.doc.sentences[sentence].end : t[e - 1].end);
  if (end - start < 3) return null;
  return {
    sentence, cue: t[i].text, lemma: lower(t[i]), cueStart: t[i].start, cueEnd: t[i].end, cueTok: i,
    speaker: { start: t[speaker[0]].start, end: t[speaker[1]].end, tokA: speaker[0], tokB: speaker[1] }, listeners: [], content: { start, end }, side: 'after', appositive: null,
  };
}

// Light-verb cues with "make": "made it clear that", "made the case for", "made comments about".
const LIGHT_NOUNS = new Set(['clear', 'case', 'point', 'comments', 'comment', 'remarks', 'statement', 'statements', 'promise', 'pledge', 'argument', 'claim', 'claims', 'reference', 'appeal', 'pitch', 'plea', 'accusations', 'allegations']);

/** Most words of the sentence capitalised: a headline. */
function titleCase(v: View): boolean {
  let words = 0;
  let caps = 0;
  for (let k = v.a; k < v.b; k++) {
    if (!/^\p{L}/u.test(v.t[k].text)) continue;
    words++;
    if (/^\p{Lu}/u.test(v.t[k].text)) caps++;
  }
  return words >= 3 && caps / words >= 0.75;
}

/** A subject that can say, want or back something: a name, a person pronoun, a person, group or body. */
function holdsViews(v: View, head: number): boolean {
  const tk = v.t[head];
  const w = lower(tk);
  if (tk.pos === 'PRON') return /^(?:he|she|they|we|i|who|you)$/.test(w);
  if (tk.pos === 'PROPN') return true;
  const sing = w.replace(/(?<=[^s])s$/, '');
  return PERSON_NOUNS.has(w) || PERSON_NOUNS.has(sing) || GROUP_NOUNS.has(w) || NON_PERSON_WORDS.has(w) || NON_PERSON_WORDS.has(sing) || HOLDERS.has(sing);
}

/** "Footage from the rally", "Supporters of the plan": the noun before the first preposition heads the phrase. */
function headBeforeAdp(v: View, a: number, b: number): number {
  for (let k = a + 1; k <= b; k++) if (v.t[k].pos === 'ADP' && /^(?:NOUN|PROPN)$/.test(v.t[k - 1].pos)) return k - 1;
  return b;
}

// Plural or collective holders not in the person and group lists: "candidates want", "the campaign plans".
const HOLDERS = new Set('percent half third quarter majority plurality most many some few group pac record document filing data video camp candidate nominee rival supporter opponent donor delegate voter democrat republican conservative liberal progressive american citizen immigrant majority minority poll survey report study footage result polling analysis file email statistic figure tally transcript men women adult respondent'.split(' '));

function hasClause(v: View, from: number, to: number): boolean {
  for (let k = from; k < to && k < from + 14; k++) if (v.t[k].pos === 'VERB' || v.t[k].pos === 'AUX') return true;
  return false;
}

function quoteStartsAt(v: View, k: number): boolean {
  return k < v.b && (/^["“„«]$/.test(v.t[k].text) || (v.t[k].text === "'" && v.t[k + 1]?.text === "'"));
}

/** The name ending at `e` follows a closing quotation mark (and a comma): '"...," Viguerie'. */
function closedBefore(v: View, e: number): boolean {
  const np = npEndingAt(v, e);
  if (!np || np[0] - 1 < v.a) return false;
  let p = np[0] - 1;
  if (v.t[p].text === ',' && p - 1 >= v.a) p--;
  return CLOSING.test(v.t[p].text) || v.t[p].text === '’';
}

/** The phrase ending at `e` opens its clause after a comma or "as": "..., records show", "as polls show,". */
function commaOrAsBefore(v: View, e: number): boolean {
  const np = npEndingAt(v, e);
  if (!np || np[0] - 1 < v.a) return false;
  const w = lower(v.t[np[0] - 1]);
  return w === ',' || w === 'as';
}

/** Adjuncts after a cue that leave the content before it: "Monday", "to reporters", "in an interview with CNN". */
function tailIsAdjunct(v: View, k: number, listeners: { start: number; end: number }[]): boolean {
  let n = 0;
  while (k < v.b) {
    const tk = v.t[k];
    const w = lower(tk);
    if (tk.pos === 'PUNCT' && /^[.!?]$/.test(w) && k === v.b - 1) return true;
    // ", adding ...", ", citing ..." start a new clause; 'said, "..."' does not
    if (w === ',') return !(quoteStartsAt(v, k + 1) || (k + 1 < v.b && v.quoted[k + 1]));
    if (tk.pos === 'VERB' || tk.pos === 'AUX' || w === 'that' || quoteStartsAt(v, k)) return false;
    if (/^(?:to|with|on|in|at|during|from|after|before)$/.test(w)) {
      const np = npStartingAt(v, k + 1);
      if (np) {
        listeners.push({ start: v.t[np[0]].start, end: v.t[np[1]].end });
        k = np[1] + 1;
        continue;
      }
    }
    if (++n > 12) return false;
    k++;
  }
  return true;
}

/** Cues in one sentence and the frames around them. */
export function framesOf(doc: Document, tokens: Token[], sentence: number, a: number, b: number, quoted: boolean[], marks: Marked[]): Frame[] {
  const v: View = { doc, t: tokens, a, b, quoted, marks };
  const text = doc.text;
  const t = tokens;
  const s = doc.sentences[sentence];
  const frames: Frame[] = [];
  const colon = colonFrame(v, sentence);
  if (colon) frames.push(colon);
  for (let i = a; i < b; i++) {
    if (quoted[i]) continue;
    const w = lower(t[i]);
    // "according to Reuters, ..." / "..., according to officials."
    if (w === 'according' && i + 1 < b && lower(t[i + 1]) === 'to') {
      // The source runs to the next comma or the end: the tagger misreads its words ("state/VERB law",
      // "a new/ADV Associated/VERB Press poll"), so the phrase is not read by part of speech.
      let np = npStartingAt(v, i + 2);
      let e = i + 2;
      while (e < b && !quoted[e] && !/^[,.;:!?"“”()—–]$/.test(t[e].text) && e - i < 14) e++;
      let last = e - 1;
      while (last >= i + 2 && !/^(?:NOUN|PROPN|NUM|VERB)$/.test(t[last].pos)) last--;
      // at the head of a sentence the phrase must end at a comma: not "According to Reuters the deal is off."
      const opening = i === a || t[i - 1].text === ',';
      const closes = e < b && (opening ? t[e].text === ',' : /^[,.;:!?]$/.test(t[e].text));
      if (last >= i + 2 && (!np || np[1] < last) && closes) np = [i + 2, last];
      if (!np) continue;
      const f: Frame = {
        sentence, cue: 'according to', lemma: 'according to', cueStart: t[i].start, cueEnd: t[i + 1].end, cueTok: i,
        speaker: { start: t[np[0]].start, end: t[np[1]].end, tokA: np[0], tokB: np[1] }, listeners: [], content: null, side: 'after', appositive: null,
      };
      let after = np[1] + 1;
      // skip an appositive or a trailing comma: "according to Ann Lee, a spokeswoman, ..."
      if (after < b && t[after].text === ',') after++;
      const initial = i === a || (i > a && t[i - 1].text === ',' && !hasClause(v, a, i));
      if (initial && after < b - 1) {
        f.content = { start: t[after].start, end: trimEnd(text, t[after].start, s.end) };
      } else if (i > a) {
        f.side = 'before';
        f.content = { start: s.start, end: trimEnd(text, s.start, t[i].start) };
      }
      if (f.content && f.content.end > f.content.start) frames.push(f);
      i = np[1];
      continue;
    }
    if (NOMINAL_CUES.has(w) && t[i].pos === 'NOUN') {
      const f = nominalFrame(v, i, sentence);
      if (f) {
        frames.push(f);
        continue;
      }
    }
    const lemma = SPEECH_FORMS.get(w);
    if (!lemma) continue;
    const pos = t[i].pos;
    // the tagger calls "10 say", "Viguerie notes that", "the reports show the" nouns: a plural or name before
    // and an object or clause after make them verbs
    const nounVerb = pos === 'NOUN' && !NEEDS_QUOTE.has(lemma) && i > a && /^(?:NOUN|PROPN)$/.test(t[i - 1].pos) && !/^['’]s$/.test(t[i - 1].text) && /s$/.test(lower(t[i - 1])) !== /s$/.test(w) && i + 1 < b && (/^(?:DET|PROPN|NUM|PRON)$/.test(t[i + 1].pos) || /^(?:that|:)$/.test(lower(t[i + 1])) || quoteStartsAt(v, i + 1) || (lower(t[i + 1]) === 'to' && t[i + 2]?.pos === 'VERB'));
    // '"...," Viguerie notes.': a name right after a quotation, then the word and the sentence's end
    // "..., fundraising documents show.", "as the results show, ...": a plural before, the clause's end after
    const afterQuote =
      pos === 'NOUN' && !NEEDS_QUOTE.has(lemma) && i > a && i + 1 < b && /^[.,!?)]$/.test(t[i + 1].text) &&
      ((/^(?:PROPN|PRON)$/.test(t[i - 1].pos) && closedBefore(v, i - 1)) ||
        (/^(?:NOUN|PROPN)$/.test(t[i - 1].pos) && /s$/.test(lower(t[i - 1])) !== /s$/.test(w) && !/^['’]s$/.test(t[i - 1].text) && commaOrAsBefore(v, i - 1)));
    // a headline in title case: "Glenn Beck Blasts Drudge", where the tagger reads the verb as a name
    const headlineVerb = pos === 'PROPN' && /^\p{Lu}\p{Ll}+s$/u.test(t[i].text) && i > a && titleCase(v);
    // "voters who support Voss", "those who preferred Lee": after "who" the tagger reads the verb as a noun or
    // an adjective; a verb is the only thing that can follow there
    const afterWho =
      (pos === 'NOUN' || pos === 'ADJ') && i > a && lower(t[i - 1]) === 'who' && i + 1 < b &&
      (/^(?:DET|PROPN|NUM|PRON)$/.test(t[i + 1].pos) || /^(?:that|:)$/.test(lower(t[i + 1])) || quoteStartsAt(v, i + 1) || (lower(t[i + 1]) === 'to' && t[i + 2]?.pos === 'VERB'));
    if (!(pos === 'VERB' || lemma === 'say' || lemma === 'tell' || nounVerb || headlineVerb || afterQuote || afterWho)) continue;
    // "pointed out that", "would vote for", "talked about": the particle is part of the cue
    const particle = PHRASAL[lemma];
    if (particle && !(i + 1 < b && particle.includes(lower(t[i + 1])))) continue;
    // the last token of the cue: "pointed out", "made it clear", "made the case"
    let cueLast = particle ? i + 1 : i;
    if (lemma === 'make') {
      let j = i + 1;
      while (j < b && j - i <= 3 && !LIGHT_NOUNS.has(lower(t[j])) && !quoted[j]) j++;
      if (!(j < b && LIGHT_NOUNS.has(lower(t[j])))) continue;
      cueLast = j;
    }
    // "the reported deal", "a stated goal", "his proposed ban": a participle used as an adjective;
    // "changes proposed by the council": a passive participle
    // (but "the self-described socialist said he ...": an adjective-tagged head, then a clause, is a subject)
    const clauseNext = i + 1 < b && (/^(?:he|she|they|it|we|i|that)$/i.test(t[i + 1].text) || quoteStartsAt(v, i + 1));
    if (i > a && ((t[i - 1].pos === 'DET' || (t[i - 1].pos === 'ADJ' && !clauseNext)) || /^(?:his|her|their|its|my|our|your)$/i.test(t[i - 1].text))) continue;
    if (/ed$/.test(w) && lower(t[i + 1] ?? t[i]) === 'by') continue;
    // passives ("the date was not disclosed") and infinitives ("declined to say") name no speaker here
    let bk = skipBackTime(v, i - 1);
    // "Mr Blair is saying:": a progressive, not a passive
    const progressive = /ing$/.test(w) && bk >= a && BE.has(lower(t[bk]));
    if (progressive) bk = skipBackTime(v, bk - 1);
    // "Voss was quoted as saying": the subject of the passive is the speaker
    if (/ing$/.test(w) && i - 3 >= a && lower(t[i - 1]) === 'as' && lower(t[i - 2]) === 'quoted' && BE.has(lower(t[i - 3]))) bk = skipBackTime(v, i - 4);
    // "he's predicted big wins": after he/she, "'s" and a past form is "has", not a passive
    const has = bk > a && /^['’]s$/.test(t[bk].text) && /^(?:he|she)$/i.test(t[bk - 1].text) && /ed$/.test(w) && !/^(?:quoted|asked|told|called|named|expected|believed|reported)$/.test(w);
    if (has) bk--;
    // "She went on to say:", "The email goes on to say": the infinitive continues the subject's words
    if (bk - 2 > a && lower(t[bk]) === 'to' && lower(t[bk - 1]) === 'on' && /^(?:went|goes|go|going|gone)$/i.test(t[bk - 2].text)) bk = skipBackTime(v, bk - 3);
    if (bk >= a && !has && (BE.has(lower(t[bk])) || (lower(t[bk]) === 'to' && t[bk].pos === 'PART'))) continue;
    // "Nor was Ann Lee named in the delegation", "Was she told?": an inverted passive, the verb "be" before the subject
    if (/ed$|^(?:told|said)$/.test(w) && invertedBe(v, a, i)) continue;
    // "was named to the board", "named in the lawsuit", "named after her aunt": a name given or listed, not words said
    if (lemma === 'name' && /^(?:in|to|as|among|after|for|on|at|into|by)$/.test(lower(t[i + 1] ?? t[i]))) continue;
    const f: Frame = { sentence, cue: text.slice(t[i].start, t[cueLast].end), lemma, cueStart: t[i].start, cueEnd: t[cueLast].end, cueTok: i, speaker: null, listeners: [], content: null, side: 'after', appositive: null };
    let inverted = false;
    // '"...," said Kim' / '..., said the spokesman'
    // "told" never comes before its speaker: '"...," Graham, a former candidate, told CBS News'
    // nor does a stance verb: "Voss, at a rally in Hollin, criticized the mayor" (the mayor is criticized)
    if (bk >= a && (t[bk].text === ',' || CLOSING.test(t[bk].text)) && !/ing$/.test(w) && !/^(?:tell|inform|remind|assure)$/.test(lemma) && !(STANCE.has(lemma) && !/^(?:echo|repeat)$/.test(lemma))) {
      const np = npStartingAt(v, i + 1);
      // '"...," said Kim.' — but not '..., says she couldn't': a verb after the phrase makes it a subject
      const next = np ? t[np[1] + 1] : undefined;
      let clause = false;
      for (let k = np ? np[1] + 1 : b; k < b && t[k].pos !== 'PUNCT'; k++) if (t[k].pos === 'VERB' || t[k].pos === 'AUX') clause = true;
      if (np && !clause && (!next || next.sentence !== sentence || /^(?:PUNCT|ADP)$/.test(next.pos) || /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later)$/.test(lower(next)))) {
        f.speaker = { start: t[np[0]].start, end: t[np[1]].end, tokA: np[0], tokB: np[1] };
        inverted = true;
      }
    }
    const prevFrame = frames[frames.length - 1];
    const coordinated = bk >= a && /^(?:and|but)$/i.test(t[bk].text);
    // "Bolton distanced himself by saying ...", "After saying he was nervous, the man asked ...": the
    // subject of the main clause
    const adverbial = /ing$/.test(w) && bk >= a && /^(?:by|after|before|while|when|without|since)$/i.test(t[bk].text);
    // "flipped his choice on the spot – saying he ...": a dash before the participle works as a comma
    // "Voss, wearing a red coat, is criticizing ...": a progressive after an appositive is the main verb
    if (!inverted && (coordinated || adverbial || (/ing$/.test(w) && !progressive && bk >= a && /^[,–—]$/.test(t[bk].text)))) {
      // "Voss says the bridge will open ... and tells the crowd ...", "Voss praised the crew and said ...",
      // "greeted the crowd, saying: ...": the subject of the clause (or of the frame before) speaks
      if (!adverbial && prevFrame?.speaker && (prevFrame.side === 'after' || !coordinated)) f.speaker = { ...prevFrame.speaker };
      else {
        let k = a;
        let limit = bk;
        if (bk === a) {
          // the adverbial opens the sentence: the subject follows its comma
          k = i + 1;
          while (k < b && t[k].text !== ',' && !quoted[k]) k++;
          k++;
          limit = b;
        } else if (/^(?:ADP|SCONJ|ADV)$/.test(t[a].pos)) {
          while (k < bk && t[k].text !== ',') k++;
          k++;
        }
        let e = k;
        while (e < limit && (NP_POS.has(t[e].pos) || t[e].text === '-' || (t[e].pos === 'PART' && /^['’]s$/.test(t[e].text))) && !quoted[e]) e++;
        let np = e > k && /^(?:VERB|AUX|ADV)$/.test(t[e]?.pos ?? '') ? npEndingAt(v, e - 1) : null;
        if (!np && bk > a && !adverbial) {
          // "At an event in Ames, Iowa, on Sunday, Mrs. Lee tried ..., saying": several openers; the subject is
          // the phrase before the clause's first verb, after a comma
          let j = a;
          while (j < bk && !(/^(?:VERB|AUX)$/.test(t[j].pos) && !quoted[j])) j++;
          let h = j - 1;
          while (h > a && t[h].pos === 'ADV') h--;
          const cand = j < bk && h >= a ? npEndingAt(v, h) : null;
          if (cand && (cand[0] === a || t[cand[0] - 1].text === ',')) np = cand;
        }
        if (np) f.speaker = { start: t[np[0]].start, end: t[np[1]].end, tokA: np[0], tokB: np[1] };
      }
    } else if (!inverted) {
      let e = bk;
      // "New polls released Sunday showed": a participle after the noun (a reduced relative) is skipped
      if (e - 1 > a && t[e].pos === 'VERB' && /(?:ed|wn)$/i.test(t[e].text) && /^(?:NOUN|PROPN)$/.test(t[e - 1].pos) && e < i - 1 && !quoted[e]) e--;
      // "Gov. Ann Lee (D-Vt.), said,": the comma after the tag
      if (e - 1 > a && t[e].text === ',' && t[e - 1].text === ')' && /^\(\s*[DRI]\s*-/.test(text.slice(t[e - 1].start - 12, t[e - 1].end).replace(/^.*(?=\()/s, ''))) e--;
      // "Sen. Ann Lee (D-Vt.) said": a party tag in brackets after the name
      const skipTag = (x: number) => {
        if (!(x > a && t[x].text === ')')) return x;
        let o = x - 1;
        while (o > a && x - o < 8 && t[o].text !== '(' && !quoted[o]) o--;
        return t[o].text === '(' && o > a ? o - 1 : x;
      };
      e = skipTag(e);
      // "Jason Reed — a teacher from Hollin — says": an aside between dashes
      if (e > a && /^[—–]$/.test(t[e].text)) {
        let o = e - 1;
        while (o > a && e - o < 20 && !/^[—–.;:"“”]$/.test(t[o].text) && !quoted[o]) o--;
        if (o > a && /^[—–]$/.test(t[o].text) && /^(?:PROPN|NOUN|PRON)$/.test(t[o - 1].pos)) e = o - 1;
      }
      // "Ann Lee, a professor at Dunmore College, said", "Brandt, who ran the depot for a decade, says",
      // "Ines Marlow, a baker from Hollin, Arle County, said": skip the
      // appositives back to the name they describe.
      let hops = 0;
      let lastGood = -1;
      while (e >= a && t[e].text === ',' && hops < 3) {
        let c = e - 1;
        // "a baker from Hollin, Arle County,": a comma between two place names is not the appositive's edge
        const cityState = (k: number) => k - 1 > a && t[k - 1].pos === 'PROPN' && e - k <= 4 && t.slice(k + 1, e).every((x) => x.pos === 'PROPN');
        while (c > a && (t[c].text !== ',' || cityState(c)) && !quoted[c] && e - c < 40 && !/^[.;:"“”]$/.test(t[c].text)) c--;
        const opener = t[c + 1];
        const relative = /^(?:who|whose|which)$/i.test(opener?.text ?? '');
        // "Lord Ames, in his ruling, said:", "The letter, from the ministry, says:": a parenthetical phrase
        // "Sanders, meanwhile, hopes": an adverb between commas too
        // "Priebus, in the wake of a new poll showing ..., told": participles may sit in a longer one
        const parenthetical =
          (opener?.pos === 'ADP' || (opener?.pos === 'ADV' && e - c <= 3)) &&
          (e - c <= 8 || (opener?.pos === 'ADP' && e - c <= 24)) &&
          !t.slice(c + 1, e).some((x) => x.pos === 'AUX' || (x.pos === 'VERB' && (e - c <= 8 || !/(?:ing|ed)$/i.test(x.text))));
        // an appositive is a noun phrase ("a professor at ..."), or a relative clause ("who volunteered ...")
        // "John Archer, wearing a T-shirt covered in buttons, said", "Sanders, a senator and self-described
        // socialist, said": participles, but no finite verb, inside the appositive
        const participial = (x: Token) => x.pos === 'VERB' && /(?:ing|ed|wn|ad)$/i.test(x.text);
        // "Ann Lee, a road expert who has reviewed the plans, said": finite verbs after a relative pronoun
        // that follows the appositive's noun belong to that relative clause
        let inner = e;
        for (let r = c + 2; r < e; r++) if (/^(?:who|whose)$/i.test(t[r].text) && t[r - 1].pos === 'NOUN') { inner = r; break; }
        const opens =
          relative ||
          parenthetical ||
          ((/^(?:DET|ADJ|NOUN|PROPN|NUM)$/.test(opener?.pos ?? '') || /^(?:its|his|her|their)$/i.test(opener?.text ?? '') || (opener && participial(opener))) && !t.slice(c + 1, inner).some((x) => x.pos === 'AUX' || (x.pos === 'VERB' && !participial(x))));
        // "Rep. Ann Lee (D-Vt.), chair of the committee, said": the tag before the appositive
        if (c > a && t[c].text === ',' && t[c - 1].text === ')' && skipTag(c - 1) !== c - 1 && opens) {
          e = skipTag(c - 1);
          lastGood = e;
          break;
        }
        if (!(c > a && t[c].text === ',' && opens && (/^(?:PROPN|NOUN|PRON)$/.test(t[c - 1].pos) || (t[c - 1].pos === "NUM" && t[c - 2]?.text === ",")))) {
          e = lastGood;
          break;
        }
        if (!f.appositive && !parenthetical) {
          const head = t.slice(c + 1, e).find((x) => x.pos === 'NOUN');
          f.appositive = head ? lower(head) : null;
        }
        e = c - 1;
        hops++;
        // "Tomas Brandt, 58, who lives near the depot, says": an age between commas
        if (t[e]?.pos === 'NUM' && t[e - 1]?.text === ',') {
          e--;
          lastGood = e - 1;
          continue;
        }
        lastGood = e;
        // stop at a name that is not itself inside a comma list
        const np0 = npEndingAt(v, e);
        if (!np0 || np0[0] - 1 < a || t[np0[0] - 1].text !== ',') break;
        e = np0[0] - 1;
        if (!/^(?:PROPN|NOUN|PRON)$/.test(t[e - 1]?.pos ?? '')) {
          e = np0[1];
          break;
        }
      }
      if (e >= a && t[e].text === ',') e = -1;
      let np = e >= a ? npEndingAt(v, e) : null;
      // "The self-described democratic socialist said": the tagger reads the head noun as an adjective
      if (!np && e > a && t[e].pos === 'ADJ' && !quoted[e]) {
        let d = e - 1;
        while (d >= a && e - d <= 5 && (/^(?:ADJ|NOUN)$/.test(t[d].pos) || t[d].text === '-' || (t[d].pos === 'VERB' && /ed$/.test(t[d].text)))) d--;
        if (d >= a && t[d].pos === 'DET' && /^(?:the|a|an|this|that)$/i.test(t[d].text) && e - d >= 2) np = [d, e];
      }
      if (np) {
        const [sa, sb] = np;
        if (sa === sb && REL.has(lower(t[sa]))) {
          // "Kim, who said ...", "voters who say ...": the relative pronoun is where the speaker is named in
          // this clause; it stands for the phrase before it
          const np2 = npEndingAt(v, t[sa - 1]?.text === ',' ? sa - 2 : sa - 1);
          if (np2 && lower(t[sa]) === 'who') {
            f.speaker = { start: t[sa].start, end: t[sb].end, tokA: sa, tokB: sb };
            f.refersTo = { start: t[np2[0]].start, end: t[np2[1]].end, tokA: np2[0], tokB: np2[1] };
          }
        } else f.speaker = { start: t[sa].start, end: t[sb].end, tokA: sa, tokB: sb };
      }
    }
    if (!f.speaker) continue;
    // "The town released a statement Wednesday saying ...": the one who issued the statement speaks
    if (/ing$/.test(w) && !inverted && f.speaker.tokA > a && DOC_NOUNS.has(lower(t[f.speaker.tokB])) && /^(?:a|an|the)$/i.test(t[f.speaker.tokA].text)) {
      let vb = f.speaker.tokA - 1;
      if (vb > a && /^(?:out|up)$/i.test(t[vb].text)) vb--;
      if (t[vb].pos === 'VERB' && !quoted[vb]) {
        let h = vb - 1;
        while (h > a && (t[h].pos === 'ADV' || (t[h].pos === 'AUX' && !BE.has(lower(t[h]))))) h--;
        const np = npEndingAt(v, h);
        if (np) f.speaker = { start: t[np[0]].start, end: t[np[1]].end, tokA: np[0], tokB: np[1] };
      }
    }
    // "a group called the People's Fund", "a class named Perception": a name given, not words said
    if (/^(?:call|name|label)$/.test(lemma) && /^an?$/i.test(t[f.speaker.tokA].text)) continue;
    if (/^(?:when|where|while|if|as|how|why)$/i.test(t[f.speaker.tokB].text)) continue;
    // "Additional reporting by Ann Lee", "with 98 percent of precincts reporting": a credit line and a tally
    if (w === 'reporting' && !inverted && (lower(t[i + 1] ?? t[i]) === 'by' || /^precincts?$/.test(lower(t[f.speaker.tokB])))) continue;
    // "Sanders continues to trail", "he would continue Obama's policies": only '"...," she continued',
    // 'continued: ...' or 'continued, "..."' is speech
    if (lemma === 'continue' && !inverted && /^(?:to|with|on|in)$/.test(lower(t[i + 1] ?? t[i]))) continue;
    const stance = STANCE.has(lemma);
    if (stance && !holdsViews(v, f.speaker.tokB) && !holdsViews(v, headBeforeAdp(v, f.speaker.tokA, f.speaker.tokB))) continue;

    // Content after the cue: "said (on Monday) (that) ...", "told reporters (that) ...", "said: “...”".
    let k = skipForwardTime(v, inverted ? f.speaker.tokB + 1 : cueLast + 1);
    // "made the case for", "made comments about": the preposition opens the content
    if (lemma === 'make' && k < b && /^(?:for|about|on|of|to|against)$/.test(lower(t[k]))) k++;
    if (!inverted && LISTENER_VERBS.has(lemma) && k < b && !quoteStartsAt(v, k) && lower(t[k]) !== 'that') {
      const np = npStartingAt(v, k);
      if (np) {
        f.listeners.push({ start: t[np[0]].start, end: t[np[1]].end });
        k = skipForwardTime(v, np[1] + 1);
      }
    }
    let marker = false;
    while (k < b && /^(?:that|:|,)$/.test(lower(t[k])) && !quoted[k]) {
      if (lower(t[k]) !== ',') marker = true;
      k++;
    }
    const tailListeners: { start: number; end: number }[] = [];
    // a stance verb takes its object: "On Monday, Brandt endorsed Lee" does not credit "On Monday"
    let before = !marker && (inverted || ((!stance || afterQuote) && tailIsAdjunct(v, inverted ? k : i + 1, tailListeners)));
    if (before) {
      const end = trimEnd(text, s.start, t[inverted ? i : f.speaker.tokA].start);
      const start = trimStart(text, s.start, end);
      // the words before stand apart from the speaker with a comma, a dash or a closing quote:
      // not "Voss said the crew left early, but Voss did not say why"
      const apart = /[,"”»—–:']/.test(text.slice(Math.max(start, end - 1), t[inverted ? i : f.speaker.tokA].start));
      if (end - start >= 3 && apart) {
        f.listeners.push(...tailListeners);
        f.side = 'before';
        f.content = { start, end };
      } else if (inverted) continue;
      else before = false; // nothing before the speaker: "Brandt said, ..." takes what follows
    }
    if (!before && marker && k >= b && t[b - 1].text === ':') {
      // "Cruz continued:", "Breitbart News responded:" closing the sentence: the words are the next sentence
      const next = doc.sentences[sentence + 1];
      if (!next || next.role !== 'body' || next.paragraph - s.paragraph > 1) continue;
      const start = trimStart(text, next.start, next.end);
      f.content = { start, end: trimEnd(text, start, next.end) };
      if (f.content.end - f.content.start >= 3) frames.push(f);
      continue;
    }
    if (!before && k >= b - 1 && f.speaker.tokA === a && sentence > 0) {
      // '“... that are missing.” Voss said.': the quotation closed its own sentence; the words are the one before
      const prev = doc.sentences[sentence - 1];
      const tail = text.slice(Math.max(prev.start, prev.end - 3), prev.end);
      if (prev.role !== 'body' || s.paragraph !== prev.paragraph || !/[.!?,]\s*["”']$/.test(tail) && !/[.!?,]['’]['’]$/.test(tail)) continue;
      const start = trimStart(text, prev.start, prev.end);
      f.content = { start, end: prev.end };
      f.side = 'before';
      frames.push(f);
      continue;
    }
    if (!before) {
      if (k >= b - 1) continue;
      const startsQuote = quoteStartsAt(v, k) || quoted[k];
      if (lemma === 'call' && /^(?:for|on)$/.test(lower(t[i + 1] ?? t[i]))) {
        // "called for a new vote", "called on the council to act": a demand, no quote needed
      } else if (NEEDS_QUOTE.has(lemma)) {
        // 'called the plan "reckless"': the object, then a quotation within a few words
        let q = k;
        let as = false; // "described the plan as reckless"
        while (q < b && q - k < 6 && !quoted[q]) if (lower(t[q++]) === 'as') as = true;
        if (!(q < b && quoted[q]) && !(as && lemma === 'describe') && !(lemma === 'call' && namesAs(v, k, b))) continue;
      } else if (NEEDS_CLAUSE.has(lemma) && !marker && !startsQuote && !hasClause(v, k, b)) {
        if (!/^(?:report|announce|confirm|deny|reveal|disclose|mention)$/.test(lemma)) continue;
      }
      const start = t[k].start;
      f.content = { start, end: trimEnd(text, start, s.end) };
    }
    if (f.content && f.content.end > f.content.start) frames.push(f);
  }
  // "Kasich said he feels he can win": PolNeAR credits the outer report; a view held by a pronoun inside
  // another frame's content is part of that content, not an attribution of its own
  const nested = (f: Frame) =>
    (COGNITION.has(f.lemma) || STANCE.has(f.lemma)) &&
    f.speaker !== null &&
    f.speaker.tokA === f.speaker.tokB &&
    t[f.speaker.tokA].pos === 'PRON' &&
    frames.some((g) => g !== f && g.content && g.side === 'after' && g.content.start <= f.speaker!.start && g.content.end >= f.cueEnd);
  const kept = frames.filter((f) => !nested(f));
  // A frame that takes the words after its cue stops where a later frame's speaker begins:
  // 'Brandt added the line will "run again", the Daily Courier reported.'
  for (const f of kept) {
    if (f.side !== 'after' || !f.content) continue;
    for (const g of kept) {
      if (g === f || !g.speaker || !g.content) continue;
      if (g.speaker.start > f.content.start && g.speaker.start < f.content.end && g.side === 'before') {
        f.content.end = trimEnd(text, f.content.start, g.speaker.start);
      } else if (g.side === 'after' && g.cueStart > f.content.start && g.cueStart < f.content.end && (g.speaker.start <= f.content.start || /ing$/.test(g.cue))) {
        // "..., adding that ...", "... and tells the crowd ...": the next frame starts at its speaker or cue
        let cut = g.speaker.start > f.content.start ? g.speaker.start : g.cueStart;
        const m = /\s(?:and|but)\s*$/i.exec(text.slice(f.content.start, cut));
        if (m && g.speaker.start <= f.content.start) cut = f.content.start + m.index;
        f.content.end = trimEnd(text, f.content.start, cut);
      }
    }
  }
  return kept.filter((f) => f.content && f.content.end > f.content.start);
}

const OBJ_PRON = /^(?:him|her|them|it|himself|herself|themselves|me|us|you|this|that)$/i;
/**
 * "called him divisive", "calling Trump a fascist": a person or pronoun object, then an adjective or an
 * indefinite noun phrase is a label someone gave. Not "called him on Monday", "called the police", "called a vote".
 */
function namesAs(v: View, k: number, b: number): boolean {
  const t = v.t;
  let q = k;
  if (q < b && OBJ_PRON.test(t[q].text)) q++;
  else {
    while (q < b && t[q].pos === 'PROPN') q++;
    if (q === k) return false;
    if (q < b && /^['’]s$/.test(t[q].text)) return false; // "called Trump's plan": a plain object
  }
  if (q >= b) return false;
  const w = lower(t[q]);
  if (/^(?:an?)$/.test(w)) return q + 1 < b && /^(?:NOUN|ADJ)$/.test(t[q + 1].pos);
  // an adjective that ends the clause: "called him divisive." / "called it unfair, and ..."
  if (t[q].pos === 'ADJ' && !TIME_WORDS.has(w)) return q + 1 >= b || /^[,.;:!?)—–-]$/.test(t[q + 1].text) || /^(?:and|but|for|because)$/i.test(t[q + 1].text);
  return false;
}

// Documents that carry someone's words: "released a statement saying".
const DOC_NOUNS = new Set(['statement', 'letter', 'message', 'note', 'release', 'video', 'post', 'tweet', 'email', 'memo', 'op-ed', 'ad', 'advertisement', 'filing', 'notice']);

const COGNITION = new Set(['believe', 'think', 'feel', 'know', 'hope', 'fear', 'expect', 'want', 'worry', 'find', 'agree', 'support', 'oppose', 'prefer', 'plan', 'intend', 'see', 'view']);

/** "Nor was X <verb>ed", "Neither were they told": a form of "be" opens the sentence before its subject (not inside a quotation). */
function invertedBe(v: View, a: number, i: number): boolean {
  const t = v.t;
  let k = a;
  while (k < i && (t[k].pos === 'PUNCT' || /^(?:nor|neither|never|nowhere|only)$/i.test(t[k].text))) k++;
  if (k >= i - 1 || v.quoted[k] || !BE.has(lower(t[k])) || /^(?:being|been|be)$/i.test(t[k].text)) return false;
  for (let j = k + 1; j < i; j++) if (/^(?:NOUN|PROPN|PRON)$/.test(t[j].pos)) return true;
  return false;
}
