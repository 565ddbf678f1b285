import * as chrono from 'chrono-node';
import { sentenceAt, type Document } from '../../model/document.js';
import type { Granularity, Tense } from '../../model/types.js';
import {
  day,
  fmtDay,
  fmtMonth,
  fmtQuarter,
  fmtTime,
  fmtWeek,
  fmtYear,
  parseDay,
  weekdayNear,
  ymd,
  type Day,
} from './calendar.js';
import { clauseTense, sentenceTokens } from './tense.js';
import { firstStartingAt } from '../../text/spans.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
/** The report's granularities plus the coarser or vaguer ones only the extractor keeps. */
export type Grain = Granularity | 'quarter' | 'half' | 'season' | 'decade' | 'century' | 'ref' | 'duration' | 'set';

/** Every time expression found, as TimeML would annotate it (TIMEX3 type and value). */
export interface TimeCandidate {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TimeML value: 2019-04-23TMO, PRESENT_REF, P3Y... null when it needs the publication date and there is none. */
  timeml: string | null;
  /** The report's value (ISO 8601): the TimeML value without the part of day; null for refs and durations. */
  value: string | null;
  granularity: Grain;
  tense: Tense;
  sentence: number;
  /** The value depends on the publication date ("last week", "Monday"). */
  relative: boolean;
  /** Which pass found it. */
  pass: string;
}

interface Resolved {
  timeml: string;
  /** An explicit quarter ("the third quarter") that later "the quarter", "a year earlier" refer to. */
  anchorQuarter?: boolean;
  granularity: Grain;
  type?: TimexType;
  /** The report value when it differs from the TimeML one (part of day dropped). */
  value?: string | null;
}

interface Env {
  ref: Day;
  tense: Tense;
  sentenceText: string;
  /** The quarter an earlier expression named ("third-quarter profit ... a year earlier"). */
  lastQuarter: { y: number; q: number } | null;
  /** The quarter was named in this sentence or the one before. */
  quarterInReach: boolean;
}

interface Raw {
  start: number;
  end: number;
  pass: string;
  priority: number; // ties on length: higher wins (own passes over chrono)
  type: TimexType;
  relative: boolean;
  resolve(env: Env): Resolved | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
  'twenty-four': 24, 'a couple of': 2, 'a dozen': 12,
};
const VAGUE = new Set(['several', 'a few', 'few', 'many', 'some', 'the next few', 'a number of']);
const ORD: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
const SEASONS: Record<string, { code: string; start: number; end: number }> = {
  spring: { code: 'SP', start: 3, end: 5 },
  summer: { code: 'SU', start: 6, end: 8 },
  fall: { code: 'FA', start: 9, end: 11 },
  autumn: { code: 'FA', start: 9, end: 11 },
  winter: { code: 'WI', start: 12, end: 2 },
};

const NUM = String.raw`(?:\d{1,3}(?:\.\d+)?|a couple of|a dozen|a few|a number of|several|few|many|twenty-four|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred)`;
const UNIT = String.raw`(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))`;
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.)`;

function num(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return Number(w);
  return NUMBERS[w] ?? null;
}

// TimeML duration codes per unit; `time` marks units written after the "T" (PT3H).
const UNIT_CODES: Record<string, { code: string; time: boolean }> = {
  second: { code: 'S', time: true },
  minute: { code: 'M', time: true },
  hour: { code: 'H', time: true },
  day: { code: 'D', time: false },
  week: { code: 'W', time: false },
  month: { code: 'M', time: false },
  quarter: { code: 'Q', time: false },
  decade: { code: 'DE', time: false },
  century: { code: 'CE', time: false },
};

function unitCode(unit: string): { code: string; time: boolean } {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  return Object.hasOwn(UNIT_CODES, u) ? UNIT_CODES[u] : { code: 'Y', time: false };
}

/** TimeML writes "two decades" as P20Y and "three quarters" as P9M. */
function durationValue(n: number | null, unit: string): string {
  const u = unitCode(unit);
  let code = u.code;
  let amount = n;
  if (code === 'DE' || code === 'CE' || code === 'Q') {
    const f = code === 'DE' ? 10 : code === 'CE' ? 100 : 3;
    code = code === 'Q' ? 'M' : 'Y';
    amount = n === null ? null : n * f;
  }
  const a = amount === null ? 'X' : String(amount);
  return u.time ? `PT${a}${code}` : `P${a}${code}`;
}

function quarterOf(d: Day): { y: number; q: number } {
  const t = ymd(d);
  return { y: t.y, q: Math.floor((t.m - 1) / 3) + 1 };
}

/** The last quarter that ended before `ref`: the one an earnings report "for the quarter" means. */
function lastCompletedQuarter(ref: Day): { y: number; q: number } {
  const c = quarterOf(ref);
  return c.q === 1 ? { y: c.y - 1, q: 4 } : { y: c.y, q: c.q - 1 };
}

/**
 * A month named without a year: "last April", "in October". The nearest one, unless the clause's tense
 * contradicts it by more than two months ("was founded in December", read in October, is last December).
 */
function resolveMonth(ref: Day, month: number, mod: string | null, tense: Tense): string {
  const t = ymd(ref);
  let y = t.y;
  if (mod === 'last') y = month < t.m ? t.y : t.y - 1;
  else if (mod === 'next') y = month > t.m ? t.y : t.y + 1;
  else if (mod === 'this') y = t.y;
  else {
    const back = (t.m - month + 12) % 12;
    const fwd = (month - t.m + 12) % 12;
    const forward = fwd < back;
    y = forward ? (month >= t.m ? t.y : t.y + 1) : month <= t.m ? t.y : t.y - 1;
    if (forward && tense === 'past' && fwd > 2) y = month <= t.m ? t.y : t.y - 1;
    if (!forward && tense === 'future' && back > 2) y = month >= t.m ? t.y : t.y + 1;
  }
  return fmtMonth(y, month);
}

/**
 * A month and day without a year ("Nov. 9"): the nearest one, unless the clause's tense contradicts it by
 * more than a month; a weekday given with it ("Saturday, April 25") picks the year it falls on.
 */
function resolveMonthDay(ref: Day, month: number, dd: number, tense: Tense, weekday: number | null = null): Day {
  const y = ymd(ref).y;
  let cands = [day(y - 1, month, dd), day(y, month, dd), day(y + 1, month, dd)];
  if (weekday !== null) {
    const fit = cands.filter((c) => ymd(c).weekday === weekday);
    if (fit.length) cands = fit;
  }
  let best = cands.reduce((a, b) => (Math.abs(b - ref) < Math.abs(a - ref) ? b : a));
  const back = cands.filter((c) => c <= ref);
  const fwd = cands.filter((c) => c >= ref);
  if (tense === 'past' && best > ref + 31 && back.length) best = Math.max(...back);
  if (tense === 'future' && best < ref - 31 && fwd.length) best = Math.min(...fwd);
  return best;
}

/**
 * A bare weekday. News convention: in a past (or present) clause it is the latest such day on or before
 * publication ("Harry Harris said Monday" in a Friday 2019-04-26 article is 2019-04-22, where chrono picks
 * the Monday after); in a future clause the next one on or after it ("will meet on Monday").
 */
function resolveWeekday(ref: Day, weekday: number, mod: string | null, tense: Tense): Day {
  if (mod === 'last') return weekdayNear(ref, weekday, 'back', true);
  if (mod === 'next') return weekdayNear(ref, weekday, 'forward', true);
  if (mod === 'this') {
    // the one in publication's ISO week
    const wd = (ymd(ref).weekday + 6) % 7;
    return ref - wd + ((weekday + 6) % 7);
  }
  return weekdayNear(ref, weekday, tense === 'future' ? 'forward' : 'back');
}

function shiftUnits(ref: Day, n: number, unit: string): { timeml: string; granularity: Grain } {
  const u = unitCode(unit).code;
  switch (u) {
    case 'D':
      return { timeml: fmtDay(ref + n), granularity: 'day' };
    case 'W':
      return { timeml: fmtWeek(ref + 7 * n), granularity: 'week' };
    case 'M':
      return { timeml: fmtMonth(ymd(ref).y, ymd(ref).m + n), granularity: 'month' };
    case 'Q': {
      const q = quarterOf(ref);
      return { timeml: fmtQuarter(q.y, q.q + n), granularity: 'quarter' };
    }
    case 'DE':
      return { timeml: fmtYear(ymd(ref).y + 10 * n).slice(0, 3), granularity: 'decade' };
    default:
      return { timeml: fmtYear(ymd(ref).y + n), granularity: 'year' };
  }
}

type Pass = (s: string, base: number, out: Raw[]) => void;

function each(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) fn(m);
}

/** A candidate spanning the whole match `m` of a pass's text that starts at `base` in the document. */
function whole(
  base: number,
  m: RegExpExecArray,
  pass: string,
  priority: number,
  type: TimexType,
  relative: boolean,
  resolve: Raw['resolve'],
): Raw {
  return { start: base + m.index, end: base + m.index + m[0].length, pass, priority, type, relative, resolve };
}

// 1. "last week", "this month", "next year", "earlier this month", "early next year", "this summer".
const RELATIVE_UNIT = new RegExp(
  String.raw`(?<!\bthe\s)\b(?:(earlier|later|early|late)\s+)?(this|last|next)\s+(week(?:end)?|month|year|quarter|spring|summer|fall|autumn|winter)\b`,
  'gi',
);
const pass1: Pass = (s, base, out) =>
  each(RELATIVE_UNIT, s, (m) => {
    // "ABC's This Week": a capitalised unit is a title.
    if (/^[A-Z]/.test(m[3])) return;
    const mod = m[2].toLowerCase();
    const unit = m[3].toLowerCase();
    const n = mod === 'last' ? -1 : mod === 'next' ? 1 : 0;
    out.push(whole(base, m, 'relative-unit', 2, 'DATE', true, ({ ref }) => {
      if (unit === 'weekend') return { timeml: `${fmtWeek(ref + 7 * n)}-WE`, granularity: 'week' };
      const season = SEASONS[unit];
      if (season) {
        const t = ymd(ref);
        // "last summer" in February 1998 is 1997-SU; "this summer" is the publication year's.
        const over = t.m > season.end && season.code !== 'WI';
        const y = n === 0 ? t.y : n < 0 ? (over ? t.y : t.y - 1) : t.m < season.start ? t.y : t.y + 1;
        return { timeml: `${fmtYear(y)}-${season.code}`, granularity: 'season' };
      }
      return shiftUnits(ref, n, unit);
    }));
  });

// 2. "a year ago", "three days earlier", "two weeks from now"; "year-earlier", "the year-ago quarter".
const AGO = new RegExp(String.raw`\b(${NUM})\s+(${UNIT})s?\s+(ago|earlier|later|from now|hence)\b`, 'gi');
const YEAR_AGO = /\b(?:the\s+)?year[- ](?:earlier|ago)(?:\s+(quarter|period))?/gi;
const pass2: Pass = (s, base, out) => {
  each(AGO, s, (m) => {
    const n = num(m[1]);
    const unit = m[2];
    const sign = /ago|earlier/i.test(m[3]) ? -1 : 1;
    out.push(whole(base, m, 'ago', 2, 'DATE', n !== null, ({ ref, sentenceText, lastQuarter, quarterInReach }) => {
      // "several years ago"
      if (n === null) return { timeml: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', granularity: 'ref', value: null };
      // "Third-quarter profit rose 5% from a year earlier": the same quarter a year before.
      if (/^years?$/i.test(unit) && (quarterInReach || /\bquarter\b/i.test(sentenceText))) {
        const q = lastQuarter ?? lastCompletedQuarter(ref);
        return { timeml: fmtQuarter(q.y - n * (sign < 0 ? 1 : -1), q.q), granularity: 'quarter' };
      }
      return shiftUnits(ref, sign * n, unit);
    }));
  });
  each(YEAR_AGO, s, (m) => {
    const noun = (m[1] ?? '').toLowerCase();
    out.push(whole(base, m, 'ago', 2, 'DATE', true, ({ ref, lastQuarter, quarterInReach }) => {
      if (noun === 'quarter' || noun === 'period' || quarterInReach) {
        const q = lastQuarter ?? lastCompletedQuarter(ref);
        return { timeml: fmtQuarter(q.y - 1, q.q), granularity: 'quarter' };
      }
      return { timeml: fmtYear(ymd(ref).y - 1), granularity: 'year' };
    }));
  });
};

// 3. Quarters and halves: "the third quarter", "third-quarter", "the fiscal first quarter", "the fourth
//    quarter of 1989", "the latest quarter", "the year-earlier period", "the first half".
const QUARTER = new RegExp(
  String.raw`\b(?:the\s+)?(?:(this year's|last year's|next year's|(?:19|20)\d\d)\s+)?(?:(?:fiscal|calendar)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](quarter|half)\b(?:(?:\s+of|,)?\s+((?:19|20)\d\d)\b)?`,
  'gi',
);
const THE_QUARTER = /\bthe\s+(?:(latest|current|most recent|recent|last|previous|past|comparable|same|year-earlier|year-ago)\s+)?(quarter|period)\b(?!\s+(?:of\s+a|century))/gi;
const pass3: Pass = (s, base, out) => {
  each(QUARTER, s, (m) => {
    const which = m[1]?.toLowerCase() ?? null;
    const n = ORD[m[2].toLowerCase()];
    const half = m[3].toLowerCase() === 'half';
    const year = m[4] ? Number(m[4]) : which && /^\d/.test(which) ? Number(which) : null;
    out.push(whole(base, m, 'quarter', 2, 'DATE', year === null, ({ ref, tense }) => {
      const t = ymd(ref);
      let y = year ?? t.y;
      if (year === null) {
        if (which === "last year's") y = t.y - 1;
        else if (which === "next year's") y = t.y + 1;
        else if (which === null) {
          // A quarter not yet begun is last year's, unless the clause looks ahead.
          const startMonth = half ? (n - 1) * 6 + 1 : (n - 1) * 3 + 1;
          if (startMonth > t.m && tense !== 'future') y = t.y - 1;
        }
      }
      if (half) return { timeml: `${fmtYear(y)}-H${n}`, granularity: 'half' };
      return { timeml: fmtQuarter(y, n), granularity: 'quarter', anchorQuarter: true };
    }));
  });
  each(THE_QUARTER, s, (m) => {
    const mod = m[1]?.toLowerCase() ?? null;
    const noun = m[2].toLowerCase();
    // "the period" alone names nothing; "the latest period" in an earnings story is the quarter.
    if (noun === 'period' && mod === null) return;
    out.push(whole(base, m, 'quarter', 2, 'DATE', true, ({ ref, lastQuarter }) => {
      // "the latest quarter" is the last one ended; "the quarter" the one the story is about.
      const latest = mod === null ? (lastQuarter ?? lastCompletedQuarter(ref)) : lastCompletedQuarter(ref);
      if (mod === 'current') {
        const q = quarterOf(ref);
        return { timeml: fmtQuarter(q.y, q.q), granularity: 'quarter' };
      }
      if (mod === 'previous') return { timeml: fmtQuarter(latest.y, latest.q - 1), granularity: 'quarter' };
      if (mod === 'comparable' || mod === 'same' || mod === 'year-earlier' || mod === 'year-ago')
        return { timeml: fmtQuarter(latest.y - 1, latest.q), granularity: 'quarter' };
      return { timeml: fmtQuarter(latest.y, latest.q), granularity: 'quarter' };
    }));
  });
};

// 4. Years, decades, centuries: "in 1949", "fiscal 1989", "mid-1996", "the late 1970s", "the 20th century".
const YEAR = /(?<![\d$£€#.,/-])\b(?:(fiscal|calendar)\s+)?(?:(early|mid|late)[- ]?)?((?:1[6-9]|20)\d\d)(s)?\b(?![\d.,%-]\d|\s*(?:%|percent))/gi;
const YEAR_CONTEXT =
  /(?:\b(?:in|since|of|by|until|till|from|during|before|after|through|to|early|late|mid|than|the|and|or|between|for|around|circa|about|year|summer|spring|autumn|fall|winter|fiscal|calendar)|,)\s*$/i;
// Spoken years in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
const ONES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SPOKEN_YEAR = new RegExp(
  String.raw`\b(?:the\s+year\s+)?(?:(nineteen|twenty)[- ](?:(${TEENS.join('|')})|(${TENS.join('|')})(?:[- ](${ONES.join('|')}))?)|two thousand(?:\s+(?:and\s+)?(${ONES.join('|')}|${TEENS.join('|')}))?)\b`,
  'gi',
);
// "the nineties", "the late eighties"
const SPOKEN_DECADE = /\bthe\s+(?:(?:early|mid|late)[- ]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi;
const DECADES = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];
const YEAR_DETERMINER = /\b(?:his|her|its|their|our|my|your|this|that|due)\s+(?:[a-z]+\s+)?$/i;
const CENTURY = /\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[- ]century\b/gi;
const pass4: Pass = (s, base, out) => {
  each(YEAR, s, (m) => {
    const decade = Boolean(m[4]);
    const y = Number(m[3]);
    const before = s.slice(Math.max(0, m.index - 24), m.index);
    const after = s.slice(m.index + m[0].length, m.index + m[0].length + 16);
    // A bare number is a year only in a year's company: "in 1949", "since 2001,", "1996's" ("sold 1996 shares" is not).
    // "his unsuccessful 1996 campaign", "its 1990 invasion", "bonds due 1993", "1990 BellSouth earnings".
    if (
      !m[1] &&
      !m[2] &&
      !decade &&
      !YEAR_CONTEXT.test(before) &&
      !YEAR_DETERMINER.test(before) &&
      !/^(?:['’]s|\s*[.,;:)]|$|\s+(?:\p{Lu}|election|campaign|season|budget|earnings|census|war|invasion|crisis|levels?|figures|results|profits?|revenue|sales)\b)/u.test(after)
    )
      return;
    let start = m.index;
    // "the late 1970s": TimeML spans take in the article.
    const the = /\bthe\s+$/i.exec(s.slice(Math.max(0, m.index - 4), m.index));
    if (decade && the) start = m.index - the[0].length;
    out.push({
      start: base + start,
      end: base + m.index + m[0].length,
      pass: 'year',
      priority: 1,
      type: 'DATE',
      relative: false,
      resolve() {
        if (decade) return { timeml: String(y).slice(0, 3), granularity: 'decade' };
        return { timeml: fmtYear(y), granularity: 'year' };
      },
    });
  });
  each(SPOKEN_YEAR, s, (m) => {
    const low = (w: string | undefined) => (w ?? '').toLowerCase();
    let y: number;
    if (m[1]) {
      const hundreds = low(m[1]) === 'nineteen' ? 1900 : 2000;
      const rest = m[2] ? 10 + TEENS.indexOf(low(m[2])) : 20 + 10 * TENS.indexOf(low(m[3])) + (m[4] ? ONES.indexOf(low(m[4])) + 1 : 0);
      y = hundreds + rest;
    } else {
      const w = low(m[5]);
      y = 2000 + (w ? (ONES.includes(w) ? ONES.indexOf(w) + 1 : 10 + TEENS.indexOf(w)) : 0);
      // "two thousand" alone is a year only as "the year two thousand"
      if (!w && !/^the/i.test(m[0])) return;
    }
    out.push(whole(base, m, 'year', 1, 'DATE', false, () => ({ timeml: fmtYear(y), granularity: 'year' })));
  });
  each(SPOKEN_DECADE, s, (m) => {
    const d = 192 + DECADES.indexOf(m[1].toLowerCase());
    out.push(whole(base, m, 'year', 1, 'DATE', false, () => ({ timeml: String(d), granularity: 'decade' })));
  });
  each(CENTURY, s, (m) => {
    const c = Number(m[1]);
    out.push(whole(base, m, 'year', 1, 'DATE', false, () => ({ timeml: String(c - 1).padStart(2, '0'), granularity: 'century' })));
  });
};

// 5. Day words, weekdays and parts of day: "yesterday", "late Tuesday", "Tuesday morning", "this morning",
//    "tonight", "last Friday", "Mondays" (a set).
const DAYWORD = new RegExp(
  String.raw`\b(?:(?:[Ee]arlier|[Ll]ater)\s+(?=this\s))?(?:([Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s+)?(today|yesterday|tomorrow|tonight|Today|Yesterday|Tomorrow|Tonight|morning|afternoon|evening|night|${WEEKDAY}s?)(?:\s+(morning|afternoon|evening|night))?\b`,
  'g',
);
// "On Tuesday President Moon said" is a date; "Sunday Times", "Saturday Night Live" are names.
const NAME_AFTER_WEEKDAY =
  /^(?:Night|Morning|Evening|Afternoon|Times|Telegraph|Mail|Express|Post|Herald|Review|Revue|Club|Live|Show|Sport|Mirror|Star|People|Independent|Tribune|Bloody|Special|Service|School|Market|League|Magazine|Edition|Programme|Program)$/;
const pass5: Pass = (s, base, out) =>
  each(DAYWORD, s, (m) => {
    const mod = m[1]?.toLowerCase() ?? null;
    const head = m[2];
    const lower = head.toLowerCase();
    const part = m[3] ? PART_OF_DAY[m[3]] : lower === 'tonight' ? 'NI' : (PART_OF_DAY[lower] ?? null);
    // "morning" alone needs "this"/"last": "every morning", "the morning" are not dates.
    if (PART_OF_DAY[lower] && lower !== 'tonight' && mod !== 'this' && mod !== 'last') return;
    const plural = /s$/.test(head) && WEEKDAYS.includes(lower.slice(0, -1));
    const weekday = WEEKDAYS.indexOf(plural ? lower.slice(0, -1) : lower);
    // A weekday before a capitalised word is part of a name: "Sunday Times", "Saturday Night Live".
    if (weekday >= 0 && !m[3]) {
      const next = /^\s+(\p{Lu}[\p{L}.]*)/u.exec(s.slice(m.index + m[0].length));
      if (next && NAME_AFTER_WEEKDAY.test(next[1])) return;
    }
    // A capitalised "Today" mid-sentence is a name (the "Today" programme), not a date.
    if (weekday < 0 && !mod && /^[A-Z]/.test(head) && m.index > 0 && !/[.!?"“‘']\s*$/.test(s.slice(0, m.index))) return;
    out.push(whole(base, m, 'dayword', 2, plural ? 'SET' : part ? 'TIME' : 'DATE', !plural, ({ ref, tense }) => {
      if (plural) return { timeml: `XXXX-WXX-${weekday === 0 ? 7 : weekday}`, granularity: 'set', value: null };
      let d: Day;
      if (weekday >= 0) d = resolveWeekday(ref, weekday, mod === 'early' || mod === 'late' ? null : mod, tense);
      else if (lower === 'yesterday' || (mod === 'last' && (lower === 'night' || PART_OF_DAY[lower]))) d = ref - 1;
      else if (lower === 'tomorrow') d = ref + 1;
      else d = ref;
      if (part) return { timeml: `${fmtDay(d)}T${part}`, granularity: 'day', value: fmtDay(d), type: 'TIME' };
      return { timeml: fmtDay(d), granularity: 'day' };
    }));
  });

// 5b. "the weekend": the latest one before publication in a past clause, the next one in a future clause.
const WEEKEND = /\b(?:the|this|last|next)\s+weekend\b/gi;
const pass5b: Pass = (s, base, out) =>
  each(WEEKEND, s, (m) => {
    if (!/^the/i.test(m[0])) return; // "last weekend" is pass 1
    out.push(whole(base, m, 'dayword', 2, 'DATE', true, ({ ref, tense }) => ({
      timeml: `${fmtWeek(weekdayNear(ref, 6, tense === 'future' ? 'forward' : 'back'))}-WE`,
      granularity: 'week',
    })));
  });

// 6. Months without a day: "in October", "last April", "early next month" is pass 1; "mid-November".
const MONTH_ALONE = new RegExp(
  String.raw`\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?:(last|next|this|early|late|mid)[- ]?\s*)?(${MONTH})(?![\w.]*\s*\d)(?:\s+(this|last|next)\s+year\b)?`,
  'g',
);
const pass6: Pass = (s, base, out) =>
  each(MONTH_ALONE, s, (m) => {
    const mod = m[1]?.toLowerCase() ?? null;
    const name = m[2];
    const month = MONTHS[name.toLowerCase().replace('.', '')];
    if (!month) return;
    // "May" is mostly the modal verb: a date only after a preposition or modifier ("in May", "last May").
    if (name === 'May' && !mod && !/\b(?:in|of|since|until|by|from|through|to|during|and|before|after|between)\s+$/i.test(s.slice(0, m.index)))
      return;
    // Mid-sentence "March" before a capitalised word is a name ("March Madness"); leave it.
    out.push(whole(base, m, 'month', 2, 'DATE', true, ({ ref, tense }) => {
      // "January this year", "June last year"
      if (m[3]) {
        const y = ymd(ref).y + (m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0);
        return { timeml: fmtMonth(y, month), granularity: 'month' };
      }
      const dir = mod === 'last' || mod === 'next' || mod === 'this' ? mod : null;
      return { timeml: resolveMonth(ref, month, dir, tense), granularity: 'month' };
    }));
  });

// 7. 24-hour clock times: "1500 local time", "0800 GMT", "15:00 hours".
const CLOCK = /\b([01]\d|2[0-3]):?([0-5]\d)\s*(?:local time|GMT|UTC|hours|hrs|[A-Z]{2,3}T)\b/g;
const pass7: Pass = (s, base, out) =>
  each(CLOCK, s, (m) => {
    const h = Number(m[1]);
    const min = Number(m[2]);
    out.push(whole(base, m, 'clock', 2, 'TIME', true, ({ ref }) => ({ timeml: fmtTime(ref, h, min), granularity: 'time' })));
  });

// 8. Vague references TimeML keeps: "now", "currently", "recently", "in the past", "the future", "soon".
const REF = /\b(now|currently|recently|lately|nowadays|at present|these days|the past|the (?:near |immediate |distant )?future|soon|previously|formerly|recent years|at the moment|the moment)\b(?![- ](?:\d|two|three|four|five|six|seven|eight|nine|ten|few|several))/gi;
const pass8: Pass = (s, base, out) =>
  each(REF, s, (m) => {
    const w = m[1].toLowerCase();
    // "the past two months" is a duration (pass 10), and "now that" is a conjunction.
    if (w === 'now' && /^\s+that\b/i.test(s.slice(m.index + m[0].length))) return;
    if (w === 'the moment' && !/\bat\s+$/i.test(s.slice(0, m.index))) return;
    const timeml = /^(now|currently|nowadays|at present|these days|at the moment|the moment)$/.test(w)
      ? 'PRESENT_REF'
      : /future|soon/.test(w)
        ? 'FUTURE_REF'
        : 'PAST_REF';
    out.push(whole(base, m, 'ref', 1, 'DATE', false, () => ({ timeml, granularity: 'ref', value: null })));
  });

// 9. Durations and sets: "three years", "the past two months", "a five-year", "the first nine months",
//    "for years", "every week", "twice a year".
const DURATION = new RegExp(
  String.raw`\b(?:the\s+)?(?:(past|last|next|first|coming|previous|following|final|latest|recent|full|entire|whole)\s+)?(${NUM})[- ](${UNIT})s?(?:[- ]long)?\b(?![- ]old)`,
  'gi',
);
const THE_PAST_UNIT = new RegExp(String.raw`\bthe\s+(?:past|last|next|coming|previous|following)\s+(${UNIT})\b`, 'gi');
const PLURAL_UNITS = new RegExp(String.raw`\b(?:for|over|in|within|recent|past|coming)\s+((?:${UNIT})s)\b`, 'gi');
const SET = new RegExp(String.raw`\b(?:(?:every|each|per)\s+(${UNIT})|(?:once|twice|\d+ times)\s+an?\s+(${UNIT}))\b`, 'gi');
const SET_NAMED = new RegExp(String.raw`\b(?:every|each)\s+(${WEEKDAY}|${MONTH})`, 'g');
const pass9: Pass = (s, base, out) => {
  each(DURATION, s, (m) => {
    const word = m[2].toLowerCase();
    // "once a day", "twice a year" are sets; "a year ago" is pass 2 (longer, so it wins anyway).
    if ((word === 'a' || word === 'an') && /\b(?:once|twice|times|per)\s+$/i.test(s.slice(0, m.index))) return;
    // "700 seats a week" is a rate, not a span of time.
    if ((word === 'a' || word === 'an') && /[\d$]\S*(?:\s+\S+)?\s+$/.test(s.slice(Math.max(0, m.index - 30), m.index))) return;
    // "three-quarters of the fleet" is a fraction.
    if (/quarter/i.test(m[3]) && (/-quarters/i.test(m[0]) || /^\s+of\b/i.test(s.slice(m.index + m[0].length)))) return;
    const n = VAGUE.has(word) ? null : num(word);
    const unit = m[3];
    out.push({
      // "the two-week": TimeML leaves the article out of an adjectival duration
      start: base + m.index + (!m[1] && /^the\s+\S+-/i.test(m[0]) ? (/^the\s+/i.exec(m[0])?.[0].length ?? 0) : 0),
      end: base + m.index + m[0].length,
      pass: 'duration',
      priority: 1,
      type: 'DURATION',
      relative: false,
      resolve: () => ({ timeml: durationValue(n, unit), granularity: 'duration', value: null }),
    });
  });
  each(THE_PAST_UNIT, s, (m) =>
    out.push(whole(base, m, 'duration', 1, 'DURATION', false, () => ({ timeml: durationValue(1, m[1]), granularity: 'duration', value: null }))),
  );
  each(PLURAL_UNITS, s, (m) => {
    const at = m.index + m[0].length - m[1].length;
    // "in recent years" TimeML takes as a vague past date
    const recent = /recent|past/i.test(m[0]);
    out.push({
      start: base + (recent ? m.index : at),
      end: base + m.index + m[0].length,
      pass: 'duration',
      priority: 1,
      type: 'DURATION',
      relative: false,
      resolve: () => ({ timeml: durationValue(null, m[1]), granularity: 'duration', value: null }),
    });
  });
  each(SET, s, (m) =>
    out.push(whole(base, m, 'set', 2, 'SET', false, () => ({ timeml: durationValue(1, m[1] ?? m[2]), granularity: 'set', value: null }))),
  );
  // "each Thursday", "every July"
  each(SET_NAMED, s, (m) => {
    const w = WEEKDAYS.indexOf(m[1].toLowerCase());
    const month = MONTHS[m[1].toLowerCase().replace('.', '')];
    const timeml = w >= 0 ? `XXXX-WXX-${w === 0 ? 7 : w}` : `XXXX-${String(month).padStart(2, '0')}`;
    out.push(whole(base, m, 'set', 2, 'SET', false, () => ({ timeml, granularity: 'set', value: null })));
  });
};

// 10. chrono-node for the rest: full and partial dates ("March 17, 1949", "Nov. 9", "Oct. 1989"), clock
//     times ("3 p.m."), "Wednesday, April 24". Its year guesses and weekdays are replaced by the rules above.
const LEADING = /^(?:on|at|in|by|from|since|until|till|of|during|before|after|as of|through)\s+/i;
const casual = chrono.casual;
function parseChrono(s: string, refDate: Date): chrono.ParsedResult[] {
  try {
    return casual.parse(s, refDate);
  } catch {
    return [];
  }
}

// chrono's refiners match patterns anchored at the end of all the text before each result
// ("end of the month"), so one call over a long text costs its length times its results. It reads windows of
// at most CHRONO_WINDOW characters, cut at a sentence start or else at a space.
const CHRONO_WINDOW = 4000;
function parseChronoIn(text: string, from: number, to: number, refDate: Date, starts: readonly number[]): chrono.ParsedResult[] {
  const out: chrono.ParsedResult[] = [];
  let a = from;
  let k = 0;
  while (a < to) {
    let b = Math.min(to, a + CHRONO_WINDOW);
    if (b < to) {
      while (k < starts.length && starts[k] <= a) k++;
      let cut = -1;
      for (let j = k; j < starts.length && starts[j] < b; j++) cut = starts[j];
      if (cut <= a) {
        const space = text.lastIndexOf(' ', b);
        cut = space > a + CHRONO_WINDOW / 2 ? space : b;
      }
      b = cut;
    }
    for (const r of parseChrono(text.slice(a, b), refDate)) {
      (r as { index: number }).index += a;
      out.push(r);
    }
    a = b;
  }
  return out;
}

function pass10(results: readonly chrono.ParsedResult[], base: number, out: Raw[], refDate: Date): void {
  for (const r of results) {
    let text = r.text;
    let start = r.index;
    const lead = LEADING.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    // A range ("Friday to December", "March 1-5") is two expressions, as in TimeML.
    const sep = r.end ? /\s*(?:\bto\b|\bthrough\b|\buntil\b|[-–])\s*/.exec(text) : null;
    if (sep && sep.index > 0) {
      const rest = start + sep.index + sep[0].length;
      pass10(parseChrono(text.slice(sep.index + sep[0].length), refDate), base + rest, out, refDate);
      text = text.slice(0, sep.index);
    }
    // chrono keeps a trailing comma: "Wednesday," -> "Wednesday"; the stop of "Nov." and "p.m." stays.
    text = text.replace(/[\s,.;:]+$/, (p) => (/^\.$/.test(p) && /\b(?:[A-Z][a-z]{1,3}|[ap]\.m)\.$/i.test(text) ? p : ''));
    const c = r.start;
    const yearCertain = c.isCertain('year');
    const monthCertain = c.isCertain('month');
    const dayCertain = c.isCertain('day');
    const weekdayCertain = c.isCertain('weekday');
    const hourCertain = c.isCertain('hour');
    if (!yearCertain && !monthCertain && !dayCertain && !weekdayCertain && !hourCertain) continue;
    // chrono reads "may" and "second" as months and times in places; a date needs a digit or a capital.
    if (!/\d|[A-Z]/.test(text)) continue;
    // "Saturday Night Live" is a show; "four years after" counts from an event, not from publication.
    if (/\s(?:Morning|Afternoon|Evening|Night)\b/.test(text) || /\b(?:after|before)$/i.test(text)) continue;
    // Money is not time: "$28.5m after tax" gives chrono "28.5m after" (minutes).
    if (/^[\d.,]+\s*(?:m|bn|k)\b/i.test(text)) continue;
    // A clock time needs a colon, a.m./p.m. or a word: "$1.35 a share" gives chrono "1.35 a".
    if (hourCertain && !dayCertain && !weekdayCertain && !/:|[ap]\.?m\b|noon|midnight|o'clock/i.test(text)) continue;
    const y = c.get('year') ?? 0;
    const mo = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    const wd = c.get('weekday');
    const h = c.get('hour') ?? 0;
    const min = c.get('minute') ?? 0;
    out.push({
      start: base + start,
      end: base + start + text.length,
      pass: 'chrono',
      priority: 0,
      type: hourCertain ? 'TIME' : 'DATE',
      relative: !yearCertain,
      resolve({ ref, tense }) {
        let date: Day;
        if (dayCertain) date = yearCertain ? day(y, mo, d) : resolveMonthDay(ref, mo, d, tense, weekdayCertain ? (wd ?? null) : null);
        else if (weekdayCertain && wd !== null && wd !== undefined) date = resolveWeekday(ref, wd, null, tense);
        else if (hourCertain) date = ref;
        else if (monthCertain) {
          if (yearCertain) return { timeml: fmtMonth(y, mo), granularity: 'month' };
          return { timeml: resolveMonth(ref, mo, null, tense), granularity: 'month' };
        } else return { timeml: fmtYear(y), granularity: 'year' };
        if (hourCertain) return { timeml: fmtTime(date, h, min), granularity: 'time', type: 'TIME' };
        return { timeml: fmtDay(date), granularity: 'day' };
      },
    });
  }
}

/** "1500 local time Wednesday", "3 p.m. Thursday", "Wednesday at 1500 GMT": a clock time on a day is one expression. */
function joinTimeAndDay(text: string, picked: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < picked.length; i++) {
    const a = picked[i];
    const b = picked[i + 1];
    if (b && (a.type === 'TIME') !== (b.type === 'TIME') && /^(?:,?\s*(?:on|at)?\s*)$/i.test(text.slice(a.end, b.start))) {
      const clock = a.type === 'TIME' ? a : b;
      const date = a.type === 'TIME' ? b : a;
      if (date.type === 'DATE' && (date.pass === 'dayword' || date.pass === 'chrono')) {
        out.push({
          start: a.start,
          end: b.end,
          pass: 'time-on-day',
          priority: 2,
          type: 'TIME',
          relative: clock.relative || date.relative,
          resolve(env) {
            const dr = date.resolve(env);
            const cr = clock.resolve(env);
            if (!dr || !cr || dr.granularity !== 'day') return cr;
            const hm = /T(\d\d:\d\d)$/.exec(cr.timeml);
            if (!hm) return dr;
            return { timeml: `${dr.timeml}T${hm[1]}`, granularity: 'time' };
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

const OWN_PASSES: Pass[] = [pass1, pass2, pass3, pass4, pass5, pass5b, pass6, pass7, pass8, pass9];

export interface ExtractOptions {
  /** Publication date, YYYY-MM-DD; null resolves absolute expressions only. */
  published: string | null;
  /** Skip chrono (for measuring what the own passes do alone). */
  chrono?: boolean;
}

/** Every time expression of the document, in text order, with TimeML type and value. */
export function extractTimes(doc: Document, options: ExtractOptions): TimeCandidate[] {
  const ref = options.published ? parseDay(options.published) : null;
  // Without a publication date chrono still needs a reference; only its certain (absolute) parts are kept.
  const refDay = ref ?? day(2000, 1, 1);
  const t = ymd(refDay);
  const refDate = new Date(t.y, t.m - 1, t.d, 12);
  const out: TimeCandidate[] = [];
  let lastQuarter: { y: number; q: number } | null = null;
  let lastQuarterSentence = -9;
  // chrono runs once over the whole text (a little cheaper than per sentence in bench:time); a result that runs
  // across a sentence end ("Friday. At 3 p.m.") sends its sentence back to chrono alone.
  const chronoBySentence = new Map<number, { results: chrono.ParsedResult[]; base: number }>();
  if (options.chrono !== false) {
    const again = new Set<number>();
    const starts = doc.sentences.map((x) => x.start);
    for (const r of parseChronoIn(doc.text, 0, doc.text.length, refDate, starts)) {
      const si = sentenceAt(doc, r.index);
      if (si === null) continue;
      if (r.index + r.text.length > doc.sentences[si].end) again.add(si);
      else (chronoBySentence.get(si) ?? chronoBySentence.set(si, { results: [], base: 0 }).get(si)!).results.push(r);
    }
    for (const si of again) {
      const sen = doc.sentences[si];
      const results = parseChronoIn(doc.text, sen.start, sen.end, refDate, []);
      for (const r of results) (r as { index: number }).index -= sen.start;
      chronoBySentence.set(si, { results, base: sen.start });
    }
  }
  for (const sentence of doc.sentences) {
    const s = doc.text.slice(sentence.start, sentence.end);
    if (!/\d|day|night|morning|evening|week|month|year|quarter|half|century|now|current|recent|ago|past|future|soon|today|tomorrow|yesterday|moment|previous|formerly|spring|summer|fall|autumn|winter|hour|minute|nineteen|thousand|ties|noon|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i.test(s))
      continue;
    const raws: Raw[] = [];
    for (const p of OWN_PASSES) p(s, sentence.start, raws);
    const ch = chronoBySentence.get(sentence.index);
    if (ch) pass10(ch.results, ch.base, raws, refDate);
    const picked = pickLongest(raws);
    const joined = widenApproximate(doc.text, joinTimeAndDay(doc.text, picked), sentence.start);
    const toks = sentenceTokens(doc.tokens, sentence.start, sentence.end);
    for (const r of joined) {
      // The clause around an expression is read in a window of the sentence: in a sentence of 80 KB with an
      // expression every few words, reading it whole for each expression took 22 s.
      let tense;
      if (sentence.end - sentence.start <= 2 * TENSE_WINDOW) tense = clauseTense(doc.text, sentence, toks, r.start, r.end);
      else {
        const win = { start: Math.max(sentence.start, r.start - TENSE_WINDOW), end: Math.min(sentence.end, r.end + TENSE_WINDOW) };
        tense = clauseTense(doc.text, win, sentenceTokens(toks, win.start, win.end), r.start, r.end);
      }
      const text = doc.text.slice(r.start, r.end);
      let res: Resolved | null = null;
      if (ref !== null || !r.relative) res = r.resolve({
          ref: refDay,
          tense,
          sentenceText: s,
          lastQuarter,
          quarterInReach: lastQuarter !== null && sentence.index - lastQuarterSentence <= 1,
        });
      if (res?.anchorQuarter) {
        const q = /^(\d{4})-Q(\d)$/.exec(res.timeml);
        if (q) {
          lastQuarter = { y: Number(q[1]), q: Number(q[2]) };
          lastQuarterSentence = sentence.index;
        }
      }
      out.push({
        start: r.start,
        end: r.end,
        text,
        type: res?.type ?? r.type,
        timeml: res?.timeml ?? null,
        value: res ? (res.value === undefined ? res.timeml : res.value) : null,
        granularity: res?.granularity ?? guessGrain(r),
        tense,
        sentence: sentence.index,
        relative: r.relative,
        pass: r.pass,
      });
    }
  }
  return out;
}

function guessGrain(r: Raw): Grain {
  if (r.type === 'DURATION') return 'duration';
  if (r.type === 'SET') return 'set';
  return r.type === 'TIME' ? 'time' : 'day';
}

// "nearly two years", "about two years ago", "around 7:15 p.m.", "more than four hours": TimeML spans take in
// the approximator (its "mod").
const APPROX = /\b(?:nearly|almost|about|around|approximately|roughly|some|more than|less than|fewer than|up to|no more than|at least|just over|just under|over)\s+$/i;
function widenApproximate(text: string, picked: Raw[], sentenceStart: number): Raw[] {
  return picked.map((r, i) => {
    if (r.type !== 'DURATION' && r.type !== 'TIME' && r.pass !== 'ago') return r;
    const from = Math.max(sentenceStart, i > 0 ? picked[i - 1].end : 0, r.start - 20);
    const m = APPROX.exec(text.slice(from, r.start));
    return m ? { ...r, start: r.start - m[0].length } : r;
  });
}

/** Overlapping candidates: the longest wins, own passes over chrono on a tie. Returned in text order. */
function pickLongest(raws: Raw[]): Raw[] {
  const sorted = [...raws].sort((a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  // The taken spans are disjoint: kept sorted by start, one binary search tells whether a span overlaps one.
  const taken: Raw[] = [];
  for (const r of sorted) {
    if (r.end <= r.start) continue;
    const lo = firstStartingAt(taken, r.end);
    // taken[lo - 1] is the last span starting before r ends: r overlaps a taken span only if it overlaps that one
    if (lo > 0 && taken[lo - 1].end > r.start) continue;
    taken.splice(lo, 0, r);
  }
  return taken;
}

/** Characters on either side of an expression that its clause is looked for in (long sentences only). */
const TENSE_WINDOW = 400;

