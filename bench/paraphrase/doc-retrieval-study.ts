/**
 * Study (tune halves only): can one indexed document be told apart as the source of a whole rewrite by
 * document-level overlap (rarity-weighted content words, names, numbers, titles)? Prints, per analyzed
 * article, the best and second-best indexed document by the overlap measure and whether the best is the
 * right one: tune FakeNewsAMT fakes against the 240 legit articles; tune same-event reports against the 42
 * indexed reports (one per event); the 300 BBC tune articles of doc-negatives.ts against the rest of the
 * tuning material. Counts only; no third-party text.
 *
 *   npx tsx bench/paraphrase/doc-retrieval-study.ts [amt|same|neg] > FILE
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/model/document.js';
import { tokenize } from '../../src/reuse/normalize.js';
import { splitSentences } from '../../src/reuse/split.js';
import { compare, meaningSide, type MeaningSide } from '../../src/reuse/meaning.js';
import { dataDir, listBbc, loadSourceDoc, readArticle, sharedTextDocs } from '../lib/reuse-corpus.js';
import { prng } from '../reuse/generate.js';

interface Bag {
  id: string;
  sides: MeaningSide[];
  /** norm -> weight (rarity), distinct content words */
  w: Map<string, number>;
  anchors: Set<string>;
  norm2: number;
  title: Map<string, number>;
  sentences: number;
}

function bagOf(a: Article): Bag {
  const w = new Map<string, number>();
  const anchors = new Set<string>();
  let sentences = 0;
  const sides: MeaningSide[] = [];
  for (const sp of splitSentences(a.text)) {
    const s = meaningSide(tokenize(a.text, sp.start, sp.end), a.text, sp.start, sp.end);
    if (s.words.length >= 4) {
      sentences++;
      sides.push(s);
    }
    for (const x of s.words) {
      if (s.toks[x.i].common) continue;
      w.set(x.norm, x.w);
      if (x.anchor) anchors.add(x.norm);
    }
  }
  const title = new Map<string, number>();
  if (a.title) for (const x of meaningSide(tokenize(a.title, 0, a.title.length)).words) title.set(x.norm, x.w);
  let n2 = 0;
  for (const v of w.values()) n2 += v * v;
  return { id: a.id, sides, w, anchors, norm2: n2, title, sentences };
}

function sim(q: Bag, s: Bag) {
  let dot = 0;
  let an = 0;
  for (const [k, v] of q.w) if (s.w.has(k)) {
    dot += v * v;
    if (q.anchors.has(k)) an++;
  }
  let qw = 0;
  for (const v of q.w.values()) qw += v;
  let cov = 0;
  for (const [k, v] of q.w) if (s.w.has(k)) cov += v;
  return { cos: dot / Math.sqrt(q.norm2 * s.norm2 || 1), cov: cov / (qw || 1), an };
}

/** Sentence-pair evidence of q against s: best pRest per q sentence, and the order-kept chain at a bar. */
function pairs(q: Bag, s: Bag) {
  const R = q.sides.map((a) => s.sides.map((b) => (a.vec && b.vec ? compare(a, b).pRest : 0)));
  const best = R.map((r) => Math.max(0, ...r));
  const chain = (bar: number) => {
    const nq = R.length;
    const ns = s.sides.length;
    const L: number[][] = R.map((r) => r.map(() => 0));
    let top = 0;
    for (let i = 0; i < nq; i++)
      for (let j = 0; j < ns; j++) {
        let prev = 0;
        for (let i2 = 0; i2 < i; i2++) for (let j2 = 0; j2 < j; j2++) prev = Math.max(prev, L[i2][j2]);
        L[i][j] = R[i][j] >= bar ? prev + 1 : 0;
        top = Math.max(top, L[i][j]);
      }
    return top;
  };
  const usedS = new Set(R.map((r) => r.indexOf(Math.max(...r))));
  const f = (x: number) => x.toFixed(2);
  return `nq ${R.length} ns ${s.sides.length} b05 ${best.filter((x) => x >= 0.05).length} b1 ${best.filter((x) => x >= 0.1).length} b2 ${best.filter((x) => x >= 0.2).length} b4 ${best.filter((x) => x >= 0.4).length} mean ${f(best.reduce((a, b) => a + b, 0) / Math.max(1, best.length))} sum ${f(best.reduce((a, b) => a + b, 0))} c05 ${chain(0.05)} c1 ${chain(0.1)} c2 ${chain(0.2)} distinctS ${usedS.size}`;
}

/** Content-word bigrams (adjacent content words) outside quotations, not both names/numbers: phrasing. */
function plainBigrams(b: Bag): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of b.sides)
    for (let k = 1; k < x.words.length; k++) {
      const u = x.words[k - 1];
      const v = x.words[k];
      if ((u.anchor && v.anchor) || x.quoted[u.i] || x.quoted[v.i]) continue;
      if (x.toks[u.i].common && x.toks[v.i].common) continue;
      m.set(`${x.toks[u.i].key}:${x.toks[v.i].key}`, u.w + v.w);
    }
  return m;
}
function bigramShare(q: Bag, s: Bag) {
  const a = plainBigrams(q);
  const b = plainBigrams(s);
  let n = 0;
  let w = 0;
  for (const [k, v] of a) if (b.has(k)) {
    n++;
    w += v;
  }
  return `bg ${n} bgq ${(n / Math.max(1, a.size)).toFixed(3)} bgw ${w.toFixed(1)}`;
}

function titleCos(q: Bag, s: Bag) {
  let dot = 0;
  let a = 0;
  let b = 0;
  for (const [k, v] of q.title) {
    a += v * v;
    if (s.title.has(k)) dot += v * v;
  }
  for (const v of s.title.values()) b += v * v;
  return a && b ? dot / Math.sqrt(a * b) : 0;
}

function rankAll(q: Bag, idx: Bag[], right: string | null, tag: string) {
  const r = idx.filter((s) => s.id !== q.id).map((s) => ({ s, ...sim(q, s) })).sort((a, b) => b.cos - a.cos);
  const [a, b] = r;
  const pos = right ? r.findIndex((x) => x.s.id === right) : -1;
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${tag} ${q.id.split('/').slice(-2).join('/')} nw ${q.w.size} | best ${a.s.id === right ? 'RIGHT' : 'other'} cos ${f(a.cos)} cov ${f(a.cov)} rcov ${f(sim(a.s, q).cov)} an ${a.an} tcos ${f(titleCos(q, a.s))} | 2nd cos ${f(b.cos)} ratio ${f(a.cos / b.cos)} | right@${pos}${pos >= 0 ? ` cos ${f(r[pos].cos)} cov ${f(r[pos].cov)}` : ''} | ${pairs(q, a.s)} | ${bigramShare(q, a.s)}`,
  );
}

const only = process.argv[2];
const root = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset');
if (!only || only === 'amt') {
  const tune = (f: string) => Number(/(\d+)\.(?:fake|legit)\.txt$/.exec(f)![1]) % 2 === 1;
  const legit = readdirSync(join(root, 'legit')).sort().map((f) => bagOf(readArticle(join(root, 'legit', f), `legit/${f}`)));
  for (const f of readdirSync(join(root, 'fake')).sort()) {
    if (!tune(f)) continue;
    rankAll(bagOf(readArticle(join(root, 'fake', f), `fake/${f}`)), legit, `legit/${f.replace('.fake.txt', '.legit.txt')}`, 'AMT');
  }
}
const sameRoot = join(dataDir(), 'corpora/same-event');
if ((!only || only === 'same') && existsSync(join(sameRoot, 'index.tsv'))) {
  const rows = readFileSync(join(sameRoot, 'index.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).map(([event, file, , , , , w]) => ({ event, file, words: Number(w) }));
  const events = new Map<string, typeof rows>();
  for (const x of rows) events.set(x.event, [...(events.get(x.event) ?? []), x]);
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const [e, xs] of events) chosen.set(e, [...xs].sort((a, b) => b.words - a.words || a.file.localeCompare(b.file))[0]);
  const idx = [...chosen].map(([e, x]) => bagOf(readArticle(join(sameRoot, e, x.file), `${e}/${x.file}`)));
  for (const [e, xs] of events) {
    if (Number(/^t(\d+)/.exec(e)![1]) % 2) continue; // even topics: tune
    for (const x of xs) if (x !== chosen.get(e)) rankAll(bagOf(readArticle(join(sameRoot, e, x.file), `${e}/${x.file}`)), idx, `${e}/${chosen.get(e)!.file}`, 'SAME');
  }
}
if (!only || only === 'neg') {
  const docs = listBbc().map(loadSourceDoc);
  const dupes = sharedTextDocs(docs.map((d) => ({ id: d.id, text: d.article.text })));
  const clean = docs.filter((d) => !dupes.has(d.id));
  const r = prng(1 ^ 0x5eed);
  const order = clean.map((d) => ({ d, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.d);
  const unindexed = new Set(order.slice(0, 200).map((d) => d.id));
  const material = docs.filter((d) => !unindexed.has(d.id) && !dupes.has(d.id));
  const tune = material.filter((_, i) => i % 2 === 0);
  const pick = prng(7);
  const out = new Set(tune.map((d) => ({ d, k: pick() })).sort((a, b) => a.k - b.k).slice(0, 300).map((x) => x.d.id));
  const idx = docs.filter((d) => !out.has(d.id) && !unindexed.has(d.id)).map((d) => bagOf(d.article));
  for (const d of docs.filter((x) => out.has(x.id))) rankAll(bagOf(d.article), idx, null, 'NEG');
}
