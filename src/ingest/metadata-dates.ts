import * as chrono from 'chrono-node';
import { parseFullDate } from '../text/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');
const MIN_YEAR = 1990;

function ymd(y: number, m: number, d: number): string | null {
  const maxYear = new Date().getUTCFullYear() + 1;
  if (y < MIN_YEAR || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// Chrono's parsers for the languages news pages come in, English first.
const LOCALES = [chrono.en, chrono.de, chrono.fr, chrono.es, chrono.pt, chrono.it, chrono.nl, chrono.ru, chrono.uk, chrono.sv, chrono.fi, chrono.ja, chrono.zh, chrono.vi, chrono.id] as unknown as { parse: typeof chrono.parse }[];
const REF = new Date(Date.UTC(2000, 0, 1));

/**
 * A machine date from a meta tag or attribute ("2019-04-26T10:31:00+03:00", "2019/04/26", "20190426",
 * "26.04.2019", a Unix timestamp) or a full written date, as YYYY-MM-DD. The calendar day is the one
 * written, not converted to UTC: "2019-04-26T23:30:00-04:00" is the 26th where it was published.
 */
export function parseDateValue(raw: string | null | undefined, written = true): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (!s || s.length > 300) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s]?\d{2}:?\d{2})/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /^(\d{10}|\d{13})$/.exec(s);
  if (m) {
    const d = new Date(m[1].length === 13 ? +m[1] : +m[1] * 1000);
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return written ? parseWrittenDate(s) : null;
}

// Month names in the languages of news pages, from the ICU data Node ships: nominative ("septembrie",
// "Oktober") and the genitive a day takes ("20 сентября", "20 września"). A name two languages give to
// different months is dropped.
const MONTH_LOCALES = ['en', 'ar-SY', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'ro', 'ru', 'uk', 'pl', 'cs', 'sk', 'tr', 'ar', 'fa', 'he', 'id', 'ms', 'sv', 'nb', 'da', 'fi', 'hu', 'el', 'bg', 'hr', 'sr-Latn', 'bs', 'sl', 'lt', 'lv', 'et', 'ca', 'az', 'sq', 'vi'];
// MONTH_WORDS: every such name, the ambiguous ones too (see mayHoldLocaleDate).
const MONTH_WORDS = new Set<string>();
const MONTHS: Map<string, number> = (() => {
  const map = new Map<string, number>();
  const bad = new Set<string>();
  const add = (name: string, m: number) => {
    const k = name.toLowerCase().replace(/\.$/, '');
    if (!/^\p{L}+$/u.test(k) || k.length < 3) return;
    MONTH_WORDS.add(k);
    if (map.has(k) && map.get(k) !== m) bad.add(k);
    else map.set(k, m);
  };
  for (const loc of MONTH_LOCALES) {
    for (let m = 1; m <= 12; m++) {
      const d = new Date(Date.UTC(2021, m - 1, 15));
      for (const month of ['long', 'short'] as const) {
        add(new Intl.DateTimeFormat(loc, { month, timeZone: 'UTC' }).format(d), m);
        const part = new Intl.DateTimeFormat(loc, { day: 'numeric', month, timeZone: 'UTC' }).formatToParts(d).find((x) => x.type === 'month');
        if (part) add(part.value, m);
      }
    }
  }
  for (const k of bad) map.delete(k);
  return map;
})();

/** "20 septembrie 2020", "7. Oktober 2020", "Eylül 20, 2020" in any language of MONTHS. */
function parseMonthNameDate(s: string): string | null {
  // "24 نيسان / أبريل 2020": Levantine papers give a month both its names.
  let m = /(?<!\d)(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?(?:\s*\/\s*(\p{L}+))?,?\s+(?:de\s+)?(\d{4})(?!\d)/u.exec(s);
  if (m) {
    const mo = MONTHS.get(m[2].toLowerCase()) ?? (m[3] ? MONTHS.get(m[3].toLowerCase()) : undefined);
    if (mo) return ymd(+m[4], mo, +m[1]);
  }
  m = /(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)/u.exec(s);
  if (m) {
    const mo = MONTHS.get(m[1].toLowerCase());
    if (mo) return ymd(+m[3], mo, +m[2]);
  }
  return null;
}

/**
 * Whether chrono's other-language parsers can find a day, a month and a year in `s` beyond what the checks before
 * them read: a month's name (in any language of MONTH_WORDS: "3.März 2011", no space after the day's dot) or a
 * number beside the year ("04/05/201704/05/2017"). Those parsers cost ~1-2 ms a string (14 languages); on the 965
 * pages of the shared sets and set T they dated 9 strings, 5 of them wrongly from a word for "today" or "now"
 * (below) and one from a street address, 1 rightly (a month name run into its day), while most lines with a year
 * ("Luftbilder von 2004", "Seit 1950 im Verein") name no month.
 */
function mayHoldLocaleDate(s: string): boolean {
  if ((s.match(/\d+/g)?.length ?? 0) >= 2) return true;
  for (const w of s.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (MONTH_WORDS.has(w)) return true;
  return false;
}

// Strings already read: a page asks for the same line's date several times (its date element, its byline line,
// the line above the headline). Bounded: cleared when full.
const WRITTEN_CACHE = new Map<string, string | null>();

/** A date written for people: "April 26, 2019", "26.04.2019 10:31", "26 квітня 2019", "2019年4月26日". */
export function parseWrittenDate(s: string): string | null {
  // A full date states its year: chrono alone would date "Listen now!" to its reference day.
  if (s.length > 300 || !/\d{4}/.test(s)) return null;
  const hit = WRITTEN_CACHE.get(s);
  if (hit !== undefined) return hit;
  const found = readWrittenDate(s);
  if (WRITTEN_CACHE.size >= 2000) WRITTEN_CACHE.clear();
  WRITTEN_CACHE.set(s, found);
  return found;
}

function readWrittenDate(s: string): string | null {
  // Day-first numeric dates, the European way: "26.04.2019", "26/04/2019" (never month-first unless the
  // day is over 12, "04/26/2019").
  let m = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    return b > 12 && a <= 12 ? ymd(+m[4], a, b) : ymd(+m[4], b, a);
  }
  m = /(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?!\d)/.exec(s);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  const en = parseFullDate(s);
  if (en) return ymd(+en.slice(0, 4), +en.slice(5, 7), +en.slice(8, 10));
  const named = parseMonthNameDate(s);
  if (named) return named;
  if (!mayHoldLocaleDate(s)) return null;
  for (const loc of LOCALES.slice(1)) {
    for (const r of loc.parse(s, REF)) {
      const c = r.start;
      // "1950 bis heute", "Jetzt 500 Euro sparen", "今天": a word for today or now is a certain day to
      // chrono (its reference day, 2000-01-01); a written date states its year in digits.
      if (!/\d{4}/.test(r.text)) continue;
      if (c.isCertain('day') && c.isCertain('month') && c.isCertain('year')) return ymd(c.get('year')!, c.get('month')!, c.get('day')!);
    }
  }
  return null;
}

/** A date in a URL path: "/2019/04/26/", "/2019-04-26-", "/20190426/". */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let p: string;
  try {
    const u = new URL(url);
    p = u.pathname + u.search;
  } catch {
    p = url;
  }
  let m = /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-]|[^\d])/.exec(p);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/.exec(p);
  if (m) return ymd(+m[1], +m[2], +m[3]);
  return null;
}

// Offsets of the zone abbreviations news pages print after a time ("8:00 PM EST"), in hours. "ET", "CT" and
// "PT" follow US daylight time (second Sunday of March to first Sunday of November, taken by month here).
const ZONES: Record<string, number> = {
  EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, AKST: -9, AKDT: -8, HST: -10,
  GMT: 0, UTC: 0, BST: 1, CET: 1, CEST: 2, MEZ: 1, MESZ: 2, EET: 2, EEST: 3, MSK: 3, IST: 5.5, PKT: 5, WIB: 7,
  SGT: 8, HKT: 8, JST: 9, KST: 9, AEST: 10, AEDT: 11, ACST: 9.5, AWST: 8, NZST: 12, NZDT: 13,
};
const US_GENERIC: Record<string, [number, number]> = { ET: [-5, -4], CT: [-6, -5], MT: [-7, -6], PT: [-8, -7] };

/** The zone a page prints a time in: "8:00 PM EST, Dec 19" → "EST"; "Updated 11:21 pm CST" → "CST". */
export function shownZone(text: string): string | null {
  const m = /\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*\(?\b([A-Z]{2,5})\b\)?/i.exec(text);
  if (!m) return null;
  const z = m[1].toUpperCase();
  // "am"/"pm" matched as the zone, or a word: only known abbreviations written in capitals count.
  if (m[1] !== z) return null;
  return z in ZONES || z in US_GENERIC ? z : null;
}

/** The calendar day of a UTC instant in a zone the page shows: ("2014-12-20T01:00:00Z", "EST") → "2014-12-19". */
export function localDay(instant: string, zone: string): string | null {
  const t = Date.parse(instant.trim().replace(/\s*(?:GMT|UTC)$/i, 'Z'));
  if (Number.isNaN(t)) return null;
  let off = ZONES[zone];
  if (off === undefined) {
    const g = US_GENERIC[zone];
    if (!g) return null;
    const month = new Date(t).getUTCMonth() + 1;
    off = month >= 4 && month <= 10 ? g[1] : g[0];
  }
  const d = new Date(t + off * 3_600_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The offset a stamp states, in minutes: "2014-12-19T20:00:00-05:00" → -300; none, or "Z", → null / 0. */
export function stampOffset(v: string): number | null {
  const s = v.trim();
  if (!/\d{1,2}:\d{2}/.test(s)) return null;
  if (/(?:Z|\bGMT|\bUTC)$/i.test(s)) return 0;
  const m = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})$/.exec(s);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (+m[2] * 60 + +m[3]);
}

/** The calendar day of an instant at an offset in minutes: ("2014-12-20T01:00:00Z", -300) → "2014-12-19". */
export function dayAtOffset(instant: string, minutes: number): string | null {
  const t = Date.parse(instant.trim().replace(/\s*(?:GMT|UTC)$/i, 'Z'));
  if (Number.isNaN(t)) return null;
  const d = new Date(t + minutes * 60_000);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** "2019-04-26T00:00:00Z": a day written as its first instant, no time of day to move. */
export function isMidnightStamp(v: string): boolean {
  return /[T\s]00:00(?::00(?:\.0+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)?$/i.test(v.trim());
}
