/**
 * The held-out half's spinner: substitutions from the Moby Thesaurus II (Grady Ward, public domain), a
 * resource the engine never reads (it uses WordNet). The file is not in the project (24 MB; the npm package
 * `moby` ships it as words.txt, one line per headword: "headword,related,related,..."). To get it, from the
 * repository root:
 *   mkdir -p ../cache/moby && cd ../cache/moby && npm pack moby@1.1.2 && tar xzf moby-1.1.2.tgz package/words.txt --strip-components=1
 * bench:reuse looks for it in $MOBY_THESAURUS, then ../cache/moby/words.txt, then /work/cache/moby/words.txt.
 *
 * Moby lists every related word ("say" → "Australian ballot", "company" → "bevy"), as crude spinners do. A
 * candidate is kept when it is one lowercase word whose own entry lists the word back (a two-way link) and
 * that can be the same part of speech (the WordNet index, read here only as a part-of-speech dictionary);
 * it is re-inflected like the word it replaces. Formal names come from HELD_FORMAL_NAMES, disjoint from the
 * tuning half's FORMAL_NAMES.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasLemma, inflect, lemmatize, matchCase, spinnable, type Spinner, type WnPos } from './spin.js';

// Formal and long names for short ones, none of them in FORMAL_NAMES (the tuning half).
export const HELD_FORMAL_NAMES: Record<string, string> = {
  Italy: 'Italian Republic',
  Spain: 'Kingdom of Spain',
  Ireland: 'Republic of Ireland',
  Australia: 'Commonwealth of Australia',
  Brazil: 'Federative Republic of Brazil',
  Canada: 'Dominion of Canada',
  Mexico: 'United Mexican States',
  Egypt: 'Arab Republic of Egypt',
  Netherlands: 'Kingdom of the Netherlands',
  Google: 'Google LLC',
  Nasa: 'National Aeronautics and Space Administration',
  NHS: 'National Health Service',
  IMF: 'International Monetary Fund',
  WTO: 'World Trade Organization',
  Nato: 'North Atlantic Treaty Organization',
  Fifa: 'International Federation of Association Football',
  Uefa: 'Union of European Football Associations',
  Nintendo: 'Nintendo Co',
  Yahoo: 'Yahoo Inc',
  Vodafone: 'Vodafone Group',
  Ofcom: 'Office of Communications',
  Tory: 'Conservative',
  Commons: 'House of Commons',
};

export function mobyPath(): string | null {
  const candidates = [process.env.MOBY_THESAURUS, resolve(process.cwd(), '../cache/moby/words.txt'), '/work/cache/moby/words.txt'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

let table: Map<string, string[]> | null = null;

function load(path: string): Map<string, string[]> {
  if (table) return table;
  const raw = new Map<string, string[]>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const f = line.split(',');
    if (f.length > 1) raw.set(f[0], f.slice(1));
  }
  const back = new Map<string, Set<string>>();
  for (const [k, v] of raw) back.set(k, new Set(v));
  table = new Map();
  for (const [k, v] of raw) {
    if (!/^[a-z]+$/.test(k)) continue;
    const two = v.filter((w) => /^[a-z]{3,}$/.test(w) && w !== k && back.get(w)?.has(k));
    if (two.length) table.set(k, two);
  }
  return table;
}

/** The held-out spinner, or null (with the reason) when the Moby file is not there. */
export function heldSpinner(): Spinner | string {
  const path = mobyPath();
  if (!path) return 'Moby Thesaurus not found: run `npm pack moby` in ../cache/moby and untar words.txt there (or set MOBY_THESAURUS)';
  const moby = load(path);
  return {
    name: 'held out (Moby Thesaurus II)',
    formalNames: HELD_FORMAL_NAMES,
    substitutes(word, udPos) {
      if (udPos === 'PROPN') return HELD_FORMAL_NAMES[word] ? [HELD_FORMAL_NAMES[word]] : [];
      const pos = spinnable(word, udPos);
      if (!pos) return [];
      const lem = lemmatize(word, pos, (l) => moby.has(l));
      if (!lem) return [];
      return (moby.get(lem.lemma) ?? [])
        .filter((s) => samePos(pos, s))
        .map((s) => matchCase(inflect(s, pos, lem.form), word))
        .filter((s) => s.toLowerCase() !== word.toLowerCase());
    },
  };
}

function samePos(pos: WnPos, w: string): boolean {
  return hasLemma(pos, w);
}
