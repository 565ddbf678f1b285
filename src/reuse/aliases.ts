// Formal and common country names mapped to one token, so that "Russia" and "Russian Federation",
// "North Korea" and "Democratic People's Republic of Korea", "U.S." and "United States" compare equal.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Country {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

export interface AliasTable {
  /** Lowercase first word -> phrases starting with it (lowercase words), longest first. */
  phrases: Map<string, { words: string[]; canon: string }[]>;
  /** Case-sensitive abbreviations: "US", "UK", "USA", "DPRK". */
  abbreviations: Map<string, string>;
  /** Lowercase demonyms -> the country's token ("american" -> "@usa"): for telling a changed name, not for indexing. */
  demonyms: Map<string, string>;
}

let table: AliasTable | null = null;

/** Splits a name the way the tokenizer does: lowercase words, possessive "'s" dropped, dots removed. */
export function nameWords(name: string): string[] {
  return (name.match(/[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, '').replace(/\./g, ''));
}

export function aliasTable(): AliasTable {
  if (table) return table;
  const phrases = new Map<string, { words: string[]; canon: string }[]>();
  const abbreviations = new Map<string, string>();
  const add = (name: string, code: string) => {
    const canon = '@' + code.toLowerCase();
    // Skip inverted forms ("Korea, Republic of") and non-Latin scripts.
    if (/[,(]/.test(name) || !/^[\p{Script=Latin}\s.'’-]+$/u.test(name)) return;
    const compact = name.replace(/\./g, '');
    if (/^[A-Z]{2,5}$/.test(compact)) {
      abbreviations.set(compact, canon);
      return;
    }
    const words = nameWords(name);
    if (words.length === 0) return;
    const list = phrases.get(words[0]) ?? [];
    if (!list.some((p) => p.words.join(' ') === words.join(' '))) list.push({ words, canon });
    phrases.set(words[0], list);
  };
  const countries = require('world-countries') as Country[];
  const demonyms = new Map<string, string>();
  for (const c of countries) {
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d && !/\s/.test(d)) demonyms.set(d.toLowerCase(), '@' + c.cca3.toLowerCase());
    add(c.name.common, c.cca3);
    add(c.name.official, c.cca3);
    for (const a of c.altSpellings ?? []) if (a.length > 2 || /^[A-Z]{2}$/.test(a)) add(a, c.cca3);
  }
  const iso = require('i18n-iso-countries') as { getNames(lang: string, o: { select: 'all' }): Record<string, string[]>; alpha2ToAlpha3(c: string): string | undefined };
  for (const [a2, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    const a3 = iso.alpha2ToAlpha3(a2);
    if (a3) for (const n of names) add(n, a3);
  }
  // Everyday names the tables leave out.
  for (const [n, c] of [
    ['America', 'USA'],
    ['Britain', 'GBR'],
    ['Great Britain', 'GBR'],
    ['DPRK', 'PRK'],
    ['ROK', 'KOR'],
    ['Holland', 'NLD'],
  ] as const)
    add(n, c);
  // Two-letter codes that are also words ("IN", "IT", "NO", "BE") must not become countries.
  for (const a of [...abbreviations.keys()]) if (a.length === 2 && !['US', 'UK'].includes(a)) abbreviations.delete(a);
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  table = { phrases, abbreviations, demonyms };
  return table;
}
