// Fits the off-topic weights (src/analyzers/coherence/off-topic.ts) on the odd (tuning) half of the BBC set.
//
//   npx tsx bench/coherence-fit.ts [--seeds 7,99] [--n 700]
//
// For each seed, n insertions: an article of the odd half gets a sentence (6 to 40 words) of an article of
// another category appended to one of its paragraphs (not the first); every body sentence of the altered
// article is a row (label 1 for the inserted one) with its cohesion features. A logistic regression
// (standardised features, gradient descent, small L2) gives the weights and bias in raw feature units; then
// the margin threshold over the article's next least cohesive sentence is chosen for F1. The even half is
// never read here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { entitiesAnalyzer } from '../src/analyzers/entities/index.js';
import { cohesionFeatures, FEATURES } from '../src/analyzers/coherence/off-topic.js';
import { profiles } from '../src/analyzers/coherence/profile.js';
import { quotesAnalyzer } from '../src/analyzers/quotes/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { DATA } from './lib/data.js';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const SEEDS = opt('--seeds', '7,99').split(',').map(Number);
const N = Number(opt('--n', '700'));

const root = path.join(DATA, 'corpora/bbc');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const arts: { cat: string; text: string }[] = [];
for (const cat of ['business', 'entertainment', 'politics', 'sport', 'tech']) {
  for (const f of readdirSync(path.join(root, cat)).sort()) {
    if (Number.parseInt(f, 10) % 2 !== 1) continue; // odd half only
    try {
      arts.push({ cat, text: utf8.decode(readFileSync(path.join(root, cat, f))) });
    } catch {
      // the one file that is not UTF-8
    }
  }
}

const X: number[][] = [];
const y: number[] = [];
const group: number[] = [];
for (const seed0 of SEEDS) {
  let seed = seed0;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < N; k++) {
    const a = arts[Math.floor(rand() * arts.length)];
    let d = a;
    while (d.cat === a.cat) d = arts[Math.floor(rand() * arts.length)];
    const cands = d.text.split('\n').slice(2).join(' ').split(/(?<=[.!?])\s+/).filter((s) => s.split(' ').length >= 6 && s.split(' ').length <= 40);
    const inserted = cands[Math.floor(rand() * cands.length)];
    const paras = a.text.split('\n\n');
    const pi = 1 + Math.floor(rand() * (paras.length - 1));
    paras[pi] = `${paras[pi]} ${inserted}`;
    const doc = await analyzeArticle(textToArticle(paras.join('\n\n'), { id: 'x', origin: null }), { analyzers: [segmentAnalyzer, entitiesAnalyzer, quotesAnalyzer] });
    const p = profiles(doc);
    for (const s of doc.sentences) {
      if (s.role !== 'body') continue;
      X.push(cohesionFeatures(doc, p, s.index));
      y.push(s.text === inserted || s.text.endsWith(inserted) || inserted.endsWith(s.text) ? 1 : 0);
      group.push(seed0 * 100000 + k);
    }
  }
}

// Logistic regression on standardised features.
const m = FEATURES.length;
const mu = new Array(m).fill(0);
const sd = new Array(m).fill(0);
for (const row of X) row.forEach((v, j) => (mu[j] += v / X.length));
for (const row of X) row.forEach((v, j) => (sd[j] += (v - mu[j]) ** 2 / X.length));
for (let j = 0; j < m; j++) sd[j] = Math.sqrt(sd[j]) + 1e-9;
const Z = X.map((row) => row.map((v, j) => (v - mu[j]) / sd[j]));
const w = new Array(m).fill(0);
let b = 0;
for (let it = 0; it < 4000; it++) {
  const g = new Array(m).fill(0);
  let gb = 0;
  for (let i = 0; i < Z.length; i++) {
    let z = b;
    for (let j = 0; j < m; j++) z += w[j] * Z[i][j];
    const e = 1 / (1 + Math.exp(-z)) - y[i];
    for (let j = 0; j < m; j++) g[j] += e * Z[i][j];
    gb += e;
  }
  for (let j = 0; j < m; j++) w[j] -= 0.5 * (g[j] / Z.length + 1e-3 * w[j]);
  b -= (0.5 * gb) / Z.length;
}
const raw = w.map((v, j) => v / sd[j]);
const bias = b - w.reduce((t, v, j) => t + (v * mu[j]) / sd[j], 0);
const score = (row: number[]) => row.reduce((t, v, j) => t + raw[j] * v, bias);

// Margin threshold: the sentence must beat the article's next least cohesive one by this much.
const scores = X.map(score);
const margins = scores.map((z, i) => {
  let next = -Infinity;
  for (let k = 0; k < scores.length; k++) if (k !== i && group[k] === group[i] && scores[k] > next) next = scores[k];
  return z - next;
});
const gold = y.reduce((t, v) => t + v, 0);
let best = { f1: 0, margin: 0, p: 0, r: 0 };
for (let mg = -1.5; mg <= 1.5; mg += 0.25) {
  let tp = 0;
  let pred = 0;
  for (let i = 0; i < y.length; i++) {
    if (margins[i] <= mg) continue;
    pred++;
    tp += y[i];
  }
  const p = pred ? tp / pred : 0;
  const r = tp / gold;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  if (f1 > best.f1) best = { f1, margin: mg, p, r };
}
console.log(`${y.length} sentences, ${gold} inserted (odd half, seeds ${SEEDS.join(',')})`);
console.log(`WEIGHTS = [${raw.map((v) => Number(v.toFixed(2))).join(', ')}]`);
console.log(`BIAS = ${bias.toFixed(2)}`);
console.log(`best margin ${best.margin}: P ${best.p.toFixed(3)} R ${best.r.toFixed(3)} F1 ${best.f1.toFixed(3)} (in-sample)`);
