// Formal country names and the short names news style uses for them, built from the country datasets
// (world-countries: common, official and alternative names; i18n-iso-countries: English names). Which formal
// names news copy really uses ("Democratic Republic of Congo", "Republic of Ireland", "Czech Republic") is
// measured on news text by scripts/spin/build-formal-usage.ts, whose output is formal-usage.ts.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Country {
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
}

export interface FormalName {
  /** The formal form as written ("Russian Federation", "Democratic Republic of the Congo"). */
  formal: string;
  /** Key shared by the forms with and without "the" ("republic of congo"): one measurement per key. */
  key: string;
  /** The short, common name ("Russia"). */
  short: string;
  /** ISO 3166 alpha-3 code. */
  country: string;
}

export interface CountryNames {
  formal: FormalName[];
  /** alpha-3 -> every short form of the country ("Russia"; "United States", "US", "U.S.", "America"). */
  shortForms: Map<string, string[]>;
}

// The words that make a name a state's formal title rather than its everyday name.
const FORMAL_WORD =
  /\b(?:Republic|Kingdom|Federation|Federal|Commonwealth|Principality|Duchy|Sultanate|Emirate|Union|Confederation|State|States of|Plurinational|Bolivarian|Socialist|Democratic|People's|Islamic|Independent|Co-operative|Oriental)\b/;
const LATIN = /^[\p{Script=Latin}\s.'’-]+$/u;

/** "Democratic Republic of the Congo" and "Democratic Republic of Congo" share one key. */
export function formalKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/\bof the\b/g, 'of')
    .replace(/^the\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

let cached: CountryNames | null = null;

export function countryNames(): CountryNames {
  if (cached) return cached;
  const countries = require('world-countries') as Country[];
  const iso = require('i18n-iso-countries') as {
    registerLocale(l: unknown): void;
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
    alpha2ToAlpha3(c: string): string | undefined;
  };
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const names = new Map<string, Set<string>>(); // alpha-3 -> every usable English name
  const common = new Map<string, string>();
  const addName = (a3: string, n: string) => {
    // Inverted ("Korea, Republic of"), bracketed and non-Latin forms are not what running text says.
    if (/[,()]/.test(n) || !LATIN.test(n) || n.length < 2) return;
    let s = names.get(a3);
    if (!s) names.set(a3, (s = new Set()));
    s.add(n.replace(/^The /, ''));
  };
  for (const c of countries) {
    common.set(c.cca3, c.name.common);
    addName(c.cca3, c.name.common);
    addName(c.cca3, c.name.official);
    for (const a of c.altSpellings ?? []) if (a.length > 2 || a === 'US' || a === 'UK') addName(c.cca3, a);
  }
  for (const [a2, list] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    const a3 = iso.alpha2ToAlpha3(a2);
    if (a3 && common.has(a3)) for (const n of list) addName(a3, n);
  }
  // Everyday forms the tables leave out.
  for (const [a3, n] of [
    ['USA', 'U.S.'],
    ['USA', 'America'],
    ['GBR', 'Britain'],
  ] as const)
    addName(a3, n);
  // A name that is some country's common name is never a formal variant ("Dominican Republic",
  // "Central African Republic", "Republic of the Congo").
  const commonKeys = new Set([...common.values()].map(formalKey));
  const formal: FormalName[] = [];
  const shortForms = new Map<string, string[]>();
  for (const [a3, set] of names) {
    const short = common.get(a3)!;
    const shorts: string[] = [];
    for (const n of set) {
      const key = formalKey(n);
      if (FORMAL_WORD.test(n) && !commonKeys.has(key) && n.split(/\s+/).length >= 2) {
        // Both "of the X" and "of X" are written: keep both surface forms under one key.
        const variants = new Set([n, n.replace(/\bof the\b/, 'of')]);
        for (const v of variants) if (!formal.some((f) => f.formal === v)) formal.push({ formal: v, key, short, country: a3 });
      } else if (!FORMAL_WORD.test(n) || commonKeys.has(key)) shorts.push(n);
    }
    shortForms.set(a3, shorts);
  }
  // Longest first, so "Democratic People's Republic of Korea" wins over "Republic of Korea".
  formal.sort((a, b) => b.formal.length - a.formal.length);
  cached = { formal, shortForms };
  return cached;
}

/** One regular expression over every formal name, longest first; group 1 is the name. */
export function formalPattern(list: readonly FormalName[]): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
  return new RegExp(`(?<![\\p{L}\\p{N}-])(${list.map((f) => esc(f.formal)).join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
}
