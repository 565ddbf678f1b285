/**
 * Study (tune halves only): document-level evidence of a rewrite. For each tune FakeNewsAMT fake against its
 * twin (and against the other legit article of its category that shares the most with it), and each tune
 * same-event report against its event's indexed (longest) report, prints one line of document features.
 * Counts only; no third-party text.
 *
 *   npx tsx bench/paraphrase/doc-study.ts > FILE
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, readArticle } from '../lib/reuse-corpus.js';
import { tokenize, type Tok } from '../../src/reuse/normalize.js';
import { splitSentences } from '../../src/reuse/split.js';
import { compare, meaningSide, type MeaningSide } from '../../src/reuse/meaning.js';

interface Doc {
  id: string;
  sides: MeaningSide[];
}

function docOf(id: string, text: string): Doc {
  const sides: MeaningSide[] = [];
  for (const sp of splitSentences(text)) {
    const toks: Tok[] = tokenize(text, sp.start, sp.end);
    const s = meaningSide(toks, text, sp.start, sp.end);
    if (s.words.length >= 4) sides.push(s);
  }
  return { id, sides };
}

/** Document features of q (analyzed) against s (indexed). */
function features(q: Doc, s: Doc) {
  const nq = q.sides.length;
  const ns = s.sides.length;
  const P: number[][] = [];
  const R: number[][] = [];
  const C: number[][] = [];
  for (const a of q.sides) {
    const rowP: number[] = [];
    const rowR: number[] = [];
    const rowC: number[] = [];
    for (const b of s.sides) {
      const c = compare(a, b);
      rowP.push(c.p);
      rowR.push(c.pRest);
      rowC.push(c.similarity);
    }
    P.push(rowP);
    R.push(rowR);
    C.push(rowC);
  }
  // Shared plain (non-anchor, non-common) content words over the documents, by key.
  const plain = (d: Doc) => {
    const m = new Set<number>();
    for (const x of d.sides) for (const w of x.words) if (!w.anchor && !x.toks[w.i].common) m.add(x.toks[w.i].key);
    return m;
  };
  const anchors = (d: Doc) => {
    const m = new Set<string>();
    for (const x of d.sides) for (const w of x.words) if (w.anchor) m.add(w.norm);
    return m;
  };
  const bigrams = (d: Doc) => {
    const m = new Set<string>();
    for (const x of d.sides) {
      const ks = x.words.map((w) => x.toks[w.i].key);
      for (let k = 1; k < ks.length; k++) m.add(`${ks[k - 1]}:${ks[k]}`);
    }
    return m;
  };
  const inter = <T,>(a: Set<T>, b: Set<T>) => [...a].filter((x) => b.has(x)).length;
  const pq = plain(q);
  const ps = plain(s);
  const aq = anchors(q);
  const as = anchors(s);
  const bq = bigrams(q);
  const bs = bigrams(s);
  // Monotone alignment on pRest: best order-kept chain of pairs, each above a bar.
  const chain = (M: number[][], bar: number) => {
    const best: number[][] = M.map((r) => r.map(() => 0));
    let top = 0;
    for (let i = 0; i < nq; i++)
      for (let j = 0; j < ns; j++) {
        let prev = 0;
        for (let i2 = 0; i2 < i; i2++) for (let j2 = 0; j2 < j; j2++) prev = Math.max(prev, best[i2][j2]);
        best[i][j] = M[i][j] >= bar ? prev + 1 : 0;
        top = Math.max(top, best[i][j]);
      }
    return top;
  };
  const rowMax = (M: number[][]) => M.map((r) => Math.max(0, ...r));
  const f = (x: number) => x.toFixed(2);
  const rp = rowMax(R);
  const rc = rowMax(C);
  return [
    `nq ${nq} ns ${ns}`,
    `plain ${inter(pq, ps)}/${pq.size}/${ps.size} (${f(inter(pq, ps) / Math.min(pq.size, ps.size))})`,
    `anch ${inter(aq, as)}/${aq.size}/${as.size}`,
    `bigr ${inter(bq, bs)}`,
    `pR>.3 ${rp.filter((x) => x >= 0.3).length} pR>.15 ${rp.filter((x) => x >= 0.15).length}`,
    `sim>.5 ${rc.filter((x) => x >= 0.5).length}`,
    `chain.3 ${chain(R, 0.3)} chain.15 ${chain(R, 0.15)} chainC.45 ${chain(C, 0.45)}`,
    `maxp ${f(Math.max(0, ...rowMax(P)))} maxpR ${f(Math.max(0, ...rp))}`,
  ].join(' | ');
}

const root = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset');
const tune = (f: string) => Number(/(\d+)\.(?:fake|legit)\.txt$/.exec(f)![1]) % 2 === 1;
const legit = new Map<string, Doc>();
for (const f of readdirSync(join(root, 'legit')).sort()) legit.set(f.replace('.legit.txt', ''), docOf(f, readArticle(join(root, 'legit', f), f).text));
const only = process.argv[2];
if (!only || only === 'amt')
  for (const f of readdirSync(join(root, 'fake')).sort()) {
    if (!tune(f)) continue;
    const stem = f.replace('.fake.txt', '');
    const q = docOf(f, readArticle(join(root, 'fake', f), f).text);
    console.log(`TWIN ${stem} | ${features(q, legit.get(stem)!)}`);
    // The other legit article of the category sharing most plain words: the hardest wrong document.
    const cat = stem.replace(/\d+$/, '');
    let bestOther: [string, number] = ['', -1];
    for (const [k, d] of legit) {
      if (k === stem || !k.startsWith(cat)) continue;
      const n = features(q, d);
      const m = Number(/plain (\d+)/.exec(n)![1]);
      if (m > bestOther[1]) bestOther = [k, m];
    }
    console.log(`WRONG ${stem}>${bestOther[0]} | ${features(q, legit.get(bestOther[0])!)}`);
  }

const sameRoot = join(dataDir(), 'corpora/same-event');
if ((!only || only === 'same') && existsSync(join(sameRoot, 'index.tsv'))) {
  const rows = readFileSync(join(sameRoot, 'index.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')).map(([event, file, , , , , w]) => ({ event, file, words: Number(w) }));
  const events = new Map<string, typeof rows>();
  for (const x of rows) events.set(x.event, [...(events.get(x.event) ?? []), x]);
  for (const [e, xs] of events) {
    if (Number(/^t(\d+)/.exec(e)![1]) % 2) continue; // even topics: tune
    const chosen = [...xs].sort((a, b) => b.words - a.words || a.file.localeCompare(b.file))[0];
    const s = docOf(chosen.file, readArticle(join(sameRoot, e, chosen.file), chosen.file).text);
    for (const x of xs) {
      if (x === chosen) continue;
      const q = docOf(x.file, readArticle(join(sameRoot, e, x.file), x.file).text);
      console.log(`SAME ${e}/${x.file} | ${features(q, s)}`);
    }
  }
}
