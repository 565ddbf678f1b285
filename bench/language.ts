// Speed of the language layer (segment + entities + quotes + time) per ~600-word article, and of each pass
// alone, on BBC articles from ../shared/data/corpora/bbc.
//
//   npm run bench:language                 # 200 articles of 500-700 words, 2 warm-up rounds, 5 timed rounds
//   npm run bench:language -- --n 50 --rounds 3
// "whole analysis, no corpus" times analyzeArticle with the whole registry (the 25 ms budget).
//
// Articles: every .txt under the five category folders, in path order, that decodes as UTF-8 and has 500 to
// 700 words, taken round-robin across categories up to n. Each article's time is the median of its timed
// rounds; the figures are the median and p90 of those over the articles. "layer" runs the four passes in
// one analyzeArticle call (the registry's entries, in the registry's order); a pass "alone" is timed on a
// document that already went through the passes it reads (entities and time after segment, quotes after
// segment and entities), so each figure is that pass's own cost; "in layer order" times each pass inside one
// sequential run of the four on a fresh document.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzers, type Analyzer } from '../src/analyzers/index.js';
import { textToArticle } from '../src/ingest/text.js';
import { createDocument, type Article, type Document } from '../src/model/document.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { DATA, median } from './lib/data.js';

const args = process.argv.slice(2);
const opt = (name: string, d: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : d);
const N = opt('--n', 200);
const ROUNDS = opt('--rounds', 5);
const WARMUP = opt('--warmup', 2);

const pass = (name: string): Analyzer => {
  const a = analyzers.find((x) => x.name === name);
  if (!a) throw new Error(`no analyzer named ${name} in the registry`);
  return a;
};
const segment = pass('segment');
const entities = pass('entities');
const quotes = pass('quotes');
const time = pass('time');
const LAYER = [segment, entities, quotes, time];

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

// Articles, round-robin across categories.
const root = path.join(DATA, 'corpora/bbc');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const byCategory: Article[][] = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()
  .map((cat) =>
    readdirSync(path.join(root, cat))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .flatMap((f) => {
        let text: string;
        try {
          text = utf8.decode(readFileSync(path.join(root, cat, f)));
        } catch {
          return []; // the one file that is not UTF-8
        }
        const a = textToArticle(text, { id: `bbc/${cat}/${f}`, origin: null });
        const n = words(a.text);
        return n >= 500 && n <= 700 ? [a] : [];
      }),
  );
const articles: Article[] = [];
for (let i = 0; articles.length < N && byCategory.some((c) => i < c.length); i++) for (const c of byCategory) if (i < c.length && articles.length < N) articles.push(c[i]);
const meanWords = articles.reduce((s, a) => s + words(a.text), 0) / articles.length;

const ctxOf = (a: Article) => ({ published: a.published, report() {} });
async function prepared(a: Article, passes: Analyzer[]): Promise<Document> {
  const doc = createDocument(a);
  for (const p of passes) await p.run(doc, ctxOf(a));
  return doc;
}

async function timeLayer(a: Article): Promise<number> {
  const t0 = performance.now();
  await analyzeArticle(a, { analyzers: LAYER });
  return performance.now() - t0;
}
async function timeAlone(a: Article, p: Analyzer, before: Analyzer[]): Promise<number> {
  const doc = await prepared(a, before);
  const t0 = performance.now();
  await p.run(doc, ctxOf(a));
  return performance.now() - t0;
}

// Each pass timed inside one in-order run of the layer (the sum of these is the layer without its overhead).
const inOrder = new Map<Article, number[]>();
async function timeInOrder(a: Article, k: number): Promise<number> {
  if (k === 0) {
    const doc = createDocument(a);
    const ts: number[] = [];
    for (const p of LAYER) {
      const t0 = performance.now();
      await p.run(doc, ctxOf(a));
      ts.push(performance.now() - t0);
    }
    inOrder.set(a, ts);
  }
  return inOrder.get(a)![k];
}

// The whole analysis without a corpus: every analyzer of the registry (reuse has no store, so does nothing).
async function timeAll(a: Article): Promise<number> {
  const t0 = performance.now();
  await analyzeArticle(a);
  return performance.now() - t0;
}

const measures: [string, (a: Article) => Promise<number>][] = [
  ['whole analysis, no corpus', timeAll],
  ['layer (segment+entities+quotes+time)', timeLayer],
  ['segment alone', (a) => timeAlone(a, segment, [])],
  ['entities alone', (a) => timeAlone(a, entities, [segment])],
  ['quotes alone', (a) => timeAlone(a, quotes, [segment, entities])],
  ['time alone', (a) => timeAlone(a, time, [segment])],
  ...analyzers
    .filter((p) => p.name === 'coherence' || p.name === 'consistency')
    .map((p): [string, (a: Article) => Promise<number>] => [`${p.name} alone`, (a) => timeAlone(a, p, [segment, entities, quotes, time])]),
  ...LAYER.map((p, k): [string, (a: Article) => Promise<number>] => [`${p.name} in layer order`, (a) => timeInOrder(a, k)]),
];

for (let r = 0; r < WARMUP; r++) for (const a of articles) for (const [, m] of measures) await m(a);
const perArticle = measures.map(() => articles.map(() => [] as number[]));
for (let r = 0; r < ROUNDS; r++) {
  for (let i = 0; i < articles.length; i++) for (let k = 0; k < measures.length; k++) perArticle[k][i].push(await measures[k][1](articles[i]));
}

const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.9) - 1)];
console.log(`${articles.length} BBC articles of 500-700 words (mean ${meanWords.toFixed(0)} words); ${WARMUP} warm-up + ${ROUNDS} timed rounds; Node ${process.version}`);
console.log('pass'.padEnd(40) + 'median ms'.padStart(10) + 'p90 ms'.padStart(10));
measures.forEach(([name], k) => {
  const xs = perArticle[k].map(median);
  console.log(name.padEnd(40) + median(xs).toFixed(2).padStart(10) + p90(xs).toFixed(2).padStart(10));
});
