// Lookup tables, built once at module load from the country datasets and the hand-written lists in data/.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Country } from 'world-countries';
import isoCountries from 'i18n-iso-countries';
import { INDUSTRY_HEADS, METONYMS, NON_ENTITY_HEADS, ORG_HEADS, ORGS, OUTLET_HEADS, OUTLETS } from './data/orgs.js';
import { FIRST_NAMES, HONORIFICS, KIN_NOUNS, KNOWN_PEOPLE, NOT_NAMES, ROLE_NOUNS, ROLE_WORDS, STRONG_ROLES } from './data/people.js';
import { CITIES, PLACE_HEADS, PLACE_LEADS, REGIONS, US_STATES } from './data/places.js';

const require = createRequire(import.meta.url);
// world-countries is CommonJS JSON: required, so its array type survives NodeNext resolution.
const countries = require('world-countries') as Country[];

/** Lookup key: case, accents, dots, hyphens and apostrophe styles folded ("Kim Jong-un" = "Kim Jong Un"). */
export function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[-‐‑–]/g, ' ')
    .replace(/\./g, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export type GazType = 'person' | 'organization' | 'place';

export interface GazEntry {
  type: GazType;
  /** Stable referent key: "c:RUS", "s:Texas", "o:Reuters"... */
  key: string;
  name: string;
  outlet?: boolean;
  /** For metonyms and capitals: the ISO alpha-3 code of the country they stand for. */
  country?: string;
  /** A capital city: acts as its government in "Pyongyang denied it". */
  capitalOf?: string;
  /** Also a common given name or surname ("Jordan", "Victoria"): needs place context. */
  weak?: boolean;
}

const gaz = new Map<string, GazEntry>();
/** Longest number of words of any gazetteer name: bounds the sub-span search. */
export let MAX_GAZ_WORDS = 1;

function add(form: string, entry: GazEntry, override = false): void {
  const k = norm(form);
  if (!k || (!override && gaz.has(k))) return;
  gaz.set(k, entry);
  MAX_GAZ_WORDS = Math.max(MAX_GAZ_WORDS, k.split(' ').length);
}

// People's name parts (MIT list from cspell): evidence that an unknown capitalised word is a name.
const NAME_PARTS = new Set(
  readFileSync(join(dirname(require.resolve('@cspell/dict-people-names')), 'dict/people-names.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.trim()),
);

// 1. Metonyms and outlets first: "the Kremlin", "Reuters".
for (const [name, iso] of METONYMS) add(name, { type: 'organization', key: `m:${norm(name)}`, name, country: iso });
for (const [name, ...alts] of OUTLETS) {
  const e: GazEntry = { type: 'organization', key: `o:${norm(name)}`, name, outlet: true };
  for (const f of [name, ...alts]) add(f, e);
}
for (const [name, ...alts] of ORGS) {
  const e: GazEntry = { type: 'organization', key: `o:${norm(name)}`, name };
  for (const f of [name, ...alts]) add(f, e);
}

// 2. US states before countries: in US news "Georgia" is the state more often than the country.
const STATE_ABBR = new Map<string, GazEntry>();
for (const [name, ...abbrs] of US_STATES) {
  const e: GazEntry = { type: 'place', key: `s:${norm(name)}`, name };
  add(name, e);
  // "N.Y.", "Calif.": dotted forms are safe anywhere; bare postal codes ("NY", "IN") only in "(R-IN)" or "Albany, NY".
  for (const a of abbrs) {
    if (/\.\w/.test(a) || (a.length > 3 && a.endsWith('.') && a !== 'Miss.')) add(a, e);
    STATE_ABBR.set(a.replace(/\.$/, ''), e);
  }
}
add('Washington', { type: 'place', key: 'p:washington', name: 'Washington', capitalOf: 'USA' });
// Seats of government under the names and the status agency copy of the 1990s used ("Bonn said", "Moscow warned
// Kiev"); the capitals dataset spells the present ones.
for (const [cap, iso] of [['Bonn', 'DEU'], ['Kiev', 'UKR'], ['Rangoon', 'MMR'], ['Alma-Ata', 'KAZ'], ['Almaty', 'KAZ'], ['Peking', 'CHN']]) {
  add(cap, { type: 'place', key: `p:${norm(cap)}`, name: cap, capitalOf: iso }, true);
}

// 3. Countries: common and official names, alternative spellings, from both datasets.
const isoCode = new Map<string, string>(); // alpha-2 -> alpha-3
for (const c of countries) {
  isoCode.set(c.cca2, c.cca3);
  const e: GazEntry = { type: 'place', key: `c:${c.cca3}`, name: c.name.common, country: c.cca3 };
  add(c.name.common, e);
  add(c.name.official, e);
  for (const alt of c.altSpellings) {
    // Skip two-letter codes ("RU") and non-Latin scripts; keep "DPRK", "Russian Federation".
    if (alt.length <= 2 || !/^[\p{Script=Latin}\s.,'’()-]+$/u.test(alt) || alt.includes(',')) continue;
    add(alt, e);
  }
  for (const cap of c.capital ?? []) {
    add(cap, { type: 'place', key: `p:${norm(cap)}`, name: cap, capitalOf: c.cca3 });
  }
}
isoCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
for (const [a2, names] of Object.entries(isoCountries.getNames('en', { select: 'all' }))) {
  const a3 = isoCode.get(a2);
  if (!a3) continue;
  const base = gaz.get(norm(countries.find((c) => c.cca3 === a3)?.name.common ?? ''));
  if (!base) continue;
  for (const n of names) if (n.length > 2 && !n.includes(',')) add(n, base);
}
const usa = gaz.get('united states')!;
for (const f of ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States of America']) add(f, usa, true);
const gbr = gaz.get('united kingdom')!;
for (const f of ['UK', 'U.K.', 'Britain', 'Great Britain']) add(f, gbr, true);
const kor = gaz.get('south korea');
if (kor) for (const f of ['Republic of Korea', 'ROK']) add(f, kor, true);

// 4. Cities, regions.
for (const city of CITIES) add(city, { type: 'place', key: `p:${norm(city)}`, name: city });
for (const r of REGIONS) add(r, { type: 'place', key: `r:${norm(r)}`, name: r });

// Places that are also common names ("Jordan", "Victoria", "Chad"): weak without place context.
for (const [k, e] of gaz) {
  if (e.type !== 'place' || k.includes(' ')) continue;
  const surface = e.name.split(' ')[0];
  if (k === norm(e.name) && (FIRST_NAMES.has(surface) || (NAME_PARTS.has(surface) && !e.country))) gaz.set(k, { ...e, weak: true });
}

/** Demonyms ("Russian", "North Korean"): adjectives, never mentions; they may start a role ("Russian President"). */
export const DEMONYMS = new Set<string>();
for (const c of countries) {
  const d = c.demonyms?.eng;
  if (d) {
    DEMONYMS.add(d.m);
    DEMONYMS.add(d.f);
  }
}
for (const d of 'American British English Scottish Welsh Irish European Asian African Arab Soviet Korean Kurdish Palestinian Israeli Iranian Syrian Chinese Japanese Taiwanese Texan Californian Floridian Republican Democratic Democrat Conservative Liberal Labour Western Eastern Northern Southern Islamic Muslim Christian Jewish Catholic Evangelical Hispanic Latino Tory Labourite Blairite Conservative'.split(
  ' ',
))
  DEMONYMS.add(d);

// Prefixes of names with inner "of"/"for"/"and" ("United States of ..."): the chunker may join through them.
const PREFIXES = new Set<string>();
for (const k of gaz.keys()) {
  const parts = k.split(' ');
  for (let i = 1; i < parts.length; i++) if (/^(?:of|for|and|on|the|at|de)$/.test(parts[i])) PREFIXES.add(parts.slice(0, i + 1).join(' '));
}

/** Does some gazetteer name start with these words and this connector ("United States of")? */
export function gazPrefix(text: string): boolean {
  return PREFIXES.has(norm(text));
}

export function lookup(text: string): GazEntry | undefined {
  // "Moody 's": agency copy's split possessive inside a listed name ("Moody's").
  return gaz.get(norm(text)) ?? (/\s['’]s\b/.test(text) ? gaz.get(norm(text.replace(/\s+(['’]s)\b/g, '$1'))) : undefined);
}

/** A bare state abbreviation in "(R-Ohio)", "(D-N.Y.)", "Purchase, N.Y.": only called in those contexts. */
export function stateAbbr(text: string): GazEntry | undefined {
  return STATE_ABBR.get(text.replace(/\.$/, ''));
}

export function isNamePart(w: string): boolean {
  return NAME_PARTS.has(w) || FIRST_NAMES.has(w);
}

export const KNOWN_SURNAMES = new Set(Object.keys(KNOWN_PEOPLE));

export {
  FIRST_NAMES,
  KIN_NOUNS,
  HONORIFICS,
  INDUSTRY_HEADS,
  NON_ENTITY_HEADS,
  NOT_NAMES,
  ORG_HEADS,
  OUTLET_HEADS,
  PLACE_HEADS,
  PLACE_LEADS,
  ROLE_NOUNS,
  ROLE_WORDS,
  STRONG_ROLES,
};
