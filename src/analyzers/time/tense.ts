import type { Token } from '../../model/document.js';
import type { Tense } from '../../model/types.js';
import { firstStartingAt } from '../../text/spans.js';

// Irregular past forms (simple past and participles) of verbs common in news; regular ones end in -ed.
const IRREGULAR_PAST = new Set(
  (
    'was were had did said told met went came took made gave got found left held kept led lost meant paid put ran ' +
    'saw sent set sold spent stood thought won wrote began brought bought built caught chose drew drove fell felt ' +
    'flew forgot fought grew heard hit hurt knew laid lay let lit quit read rode rose rang sat shot shut slept spoke ' +
    'spread stole struck swore taught tore threw understood woke wore withdrew arose became broke forbade froze hid ' +
    'overtook sought shook sank sprang stuck stung swam swept swung undertook upheld woven been done gone seen ' +
    'taken given known shown spoken written broken chosen driven eaten fallen forgotten frozen hidden ridden risen ' +
    'stolen sworn thrown worn withdrawn begun drunk sung rung sunk swum cut cost beat bid cast burst ' +
    "wasn't weren't hadn't didn't couldn't"
  ).split(' '),
);
// -ed words that are not past forms.
const NOT_PAST = new Set(['need', 'feed', 'speed', 'bleed', 'breed', 'heed', 'seed', 'proceed', 'exceed', 'succeed', 'indeed', 'shed', 'bed', 'red', 'embed']);

// "will meet", "shall", "is to visit", "is expected to push", "plans to", "is scheduled to", "going to".
const FUTURE_MARKER =
  /\b(?:will|shall|won['’]t|is to|are to|is expected to|are expected to|expects? to|plans? to|planned to|scheduled|is due to|are due to|going to|intends? to|set to|is set|are set|upcoming|forthcoming)\b|['’]ll\b/i;

function isVerb(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

export function isPastForm(word: string): boolean {
  const w = word.toLowerCase();
  if (IRREGULAR_PAST.has(w)) return true;
  return w.length > 3 && w.endsWith('ed') && !NOT_PAST.has(w);
}

// Clause boundaries inside a sentence: commas, semicolons, colons, brackets, dashes and quotation marks.
const BOUNDARY = /[,;:()[\]"“”—–]|\s-\s/g;

/**
 * The tense of the clause holding [start, end), read from the verb nearest to it inside the clause (or, for
 * a clause without a verb - "..., U.S. Ambassador Harry Harris said Monday." - the nearest in the sentence)
 * and the auxiliaries before that verb: future with "will", "is to", "is expected to"; past when a form is
 * past ("said", "landed", "had met"); else present. "Officials earlier this month said Putin will meet Kim":
 * "said" is nearest, so past.
 */
export function clauseTense(
  text: string,
  sentence: { start: number; end: number },
  tokens: readonly Token[],
  start: number,
  end: number,
): Tense {
  const sText = text.slice(sentence.start, sentence.end);
  let cStart = sentence.start;
  let cEnd = sentence.end;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(sText); m; m = BOUNDARY.exec(sText)) {
    const at = sentence.start + m.index;
    if (at < start) cStart = at + m[0].length;
    else if (at >= end) {
      cEnd = at;
      break;
    }
  }
  // Conjunctions open clauses too: "arrived on Wednesday | and will meet Putin on Thursday", "said on
  // Thursday | that the talks would resume". A coordinator counts only before a verb ("and will", "but he said").
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.start < cStart || t.end > cEnd) continue;
    const next = tokens[i + 1];
    const afterNext = tokens[i + 2];
    const opens =
      t.pos === 'SCONJ' ||
      (t.pos === 'CCONJ' &&
        next !== undefined &&
        (isVerb(next) || (next.pos === 'PRON' && afterNext !== undefined && isVerb(afterNext))));
    if (!opens) continue;
    if (t.end <= start) cStart = Math.max(cStart, t.end);
    else if (t.start >= end) {
      cEnd = Math.min(cEnd, t.start);
      break;
    }
  }
  // Inside a quotation the quoted words' verbs count, not the reporting verb: '"... perhaps this year", he told'.
  const quotes = quoteSpans(sText, sentence.start);
  const region = (pos: number) => quotes.findIndex(([a, b]) => pos >= a && pos < b);
  const home = region(start);
  // The governing verb mostly comes first ("voted overwhelmingly Friday to cut ties"): left of the
  // expression wins over right within the same clause; a fronted "On Tuesday, X conferred" finds it on the right.
  const rank = (t: Token) =>
    (t.start >= cStart && t.end <= cEnd ? 4 : 0) + (region(t.start) === home ? 2 : 0) + (t.end <= start ? 1 : 0);
  let best = -1;
  let bestRank = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isVerb(t) || (t.start >= start && t.end <= end)) continue;
    const r = rank(t);
    if (r > bestRank || (r === bestRank && dist(t, start, end) < dist(tokens[best], start, end))) {
      best = i;
      bestRank = r;
    }
  }
  if (best < 0) return 'present';
  // The verb group: "is expected to push", "will not meet", "had been told".
  let first = best;
  while (first > 0 && first > best - 5 && GROUP_POS.has(tokens[first - 1].pos) && !(tokens[first - 1].start >= start && tokens[first - 1].end <= end))
    first--;
  const group = tokens.slice(first, best + 1);
  const groupText = text.slice(group[0].start, group[group.length - 1].end);
  if (FUTURE_MARKER.test(groupText)) return 'future';
  if (group.some((v) => isVerb(v) && isPastForm(v.text))) return 'past';
  return 'present';
}

const GROUP_POS = new Set(['AUX', 'PART', 'ADV', 'VERB']);

/** [start, end) of each quoted passage: straight quotes pair up in order, curly ones by direction. */
function quoteSpans(s: string, base: number): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') {
      if (open < 0) open = i;
      else {
        out.push([base + open, base + i + 1]);
        open = -1;
      }
    } else if (c === '“') open = i;
    else if (c === '”' && open >= 0) {
      out.push([base + open, base + i + 1]);
      open = -1;
    }
  }
  return out;
}

function dist(t: Token, start: number, end: number): number {
  return t.end <= start ? start - t.end : t.start - end;
}

/** Tokens of one sentence, by binary search over the sorted token list. */
export function sentenceTokens(tokens: readonly Token[], start: number, end: number): Token[] {
  const out: Token[] = [];
  for (let i = firstStartingAt(tokens, start); i < tokens.length && tokens[i].start < end; i++) out.push(tokens[i]);
  return out;
}

/**
 * The tense of a headline, which has its own grammar: "Kim to meet Putin this month" (to + verb, no finite
 * verb: future), "Kim will meet Putin" (future), "Kim met Putin" / "Kim has met Putin" (past), "Kim meets
 * Putin" (present). Null when the headline has no verb ("Kim in Russia").
 */
export function headlineTense(tokens: readonly Token[]): Tense | null {
  const text = tokens.map((t) => t.text).join(' ');
  if (FUTURE_MARKER.test(text)) return 'future';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isVerb(t)) continue;
    const prev = tokens[i - 1];
    if (prev && prev.text.toLowerCase() === 'to' && prev.pos === 'PART') return 'future';
    if (/^(?:has|have|had)$/i.test(t.text) || isPastForm(t.text)) {
      // "Kim, feted by Putin, ..." is a participle, not the headline's verb: only a past form right after a
      // name or noun counts, and so does an auxiliary.
      if (/^(?:has|have|had|was|were)$/i.test(t.text) || (prev && (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'PRON'))) return 'past';
      continue;
    }
    return 'present';
  }
  return null;
}
