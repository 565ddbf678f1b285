// Off-topic sentences inserted into BBC articles, and false alarms on the same articles unaltered.
//
//   npx tsx bench/coherence.ts --half odd     # the half the thresholds were tuned on (odd file numbers)
//   npx tsx bench/coherence.ts --half even    # the reported half
//   options: --n N (articles, default all of the half), --seed S (default 1), --show K (print K misses and false alarms)
//
// Each article of the half (files ../shared/data/corpora/bbc/<category>/<NNN>.txt with NNN odd or even, that
// decode as UTF-8 and have at least 5 body sentences) gets one sentence of 6 to 40 words from an article of a
// different category of the same half, inserted after a random sentence of a random paragraph. An inserted
// sentence is found when a coherence/off-topic finding (or, for "off-topic or dangling", a
// coherence/dangling-reference one) covers at least half of it. P, R and F1 are per sentence over the altered
// articles. "articles with a warning" is the share of unaltered articles with any warning-or-error finding of
// the coherence and consistency families (the false-positive measure).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { textToArticle } from '../src/ingest/text.js';
import type { Article, Document } from '../src/model/document.js';
import type { Finding } from '../src/model/types.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { DATA } from './lib/data.js';

const args = process.argv.slice(2);
const opt = (name: string, d: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const HALF = opt('--half', 'odd');
const N = Number(opt('--n', '100000'));
const SEED = Number(opt('--seed', '1'));
const SHOW = Number(opt('--show', '0'));
const RULE = opt('--rule', ''); // show only false alarms of this rule
if (HALF !== 'odd' && HALF !== 'even') throw new Error('--half odd|even');

// mulberry32: a small seeded generator, so a run can be repeated.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const root = path.join(DATA, 'corpora/bbc');
const utf8 = new TextDecoder('utf-8', { fatal: true });
interface Item {
  cat: string;
  article: Article;
}
const items: Item[] = [];
for (const cat of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  for (const f of readdirSync(path.join(root, cat)).filter((x) => x.endsWith('.txt')).sort()) {
    if ((Number.parseInt(f, 10) % 2 === 1) !== (HALF === 'odd')) continue;
    let text: string;
    try {
      text = utf8.decode(readFileSync(path.join(root, cat, f)));
    } catch {
      continue;
    }
    items.push({ cat, article: textToArticle(text, { id: `bbc/${cat}/${f}`, origin: null }) });
  }
}
// Interleave categories, then cut at N.
const byCat = new Map<string, Item[]>();
for (const it of items) byCat.set(it.cat, [...(byCat.get(it.cat) ?? []), it]);
const pool: Item[] = [];
for (let i = 0; pool.length < items.length; i++) for (const list of byCat.values()) if (i < list.length) pool.push(list[i]);

const FAMILIES = /^(?:coherence|consistency)\//;
const serious = (f: Finding) => FAMILIES.test(f.ruleId) && f.severity !== 'info';

async function analyze(a: Article): Promise<Document> {
  return analyzeArticle(a);
}

// For choosing the strong (warning) thresholds of off-topic: score and margin of each finding.
const cleanOff: { score: number; margin: number; article: number }[] = [];
const hitOff: { score: number; margin: number }[] = [];
let articles = 0;
let inserted = 0;
const found = { any: 0, warning: 0, either: 0 };
const predicted = { any: 0, warning: 0, either: 0 };
let cleanWithWarning = 0;
const cleanByRule = new Map<string, number>();
const misses: string[] = [];
const alarms: string[] = [];

for (const it of pool) {
  if (articles >= N) break;
  const clean = await analyze(it.article);
  const body = clean.sentences.filter((s) => s.role === 'body');
  if (body.length < 5) continue;
  articles++;
  for (const f of clean.findings) if (f.ruleId === 'coherence/off-topic') cleanOff.push({ score: Number(f.data?.score), margin: Number(f.data?.margin), article: articles });
  const warned = clean.findings.filter(serious);
  if (warned.length) {
    cleanWithWarning++;
    for (const r of new Set(warned.map((f) => f.ruleId))) cleanByRule.set(r, (cleanByRule.get(r) ?? 0) + 1);
    if (alarms.length < SHOW) for (const f of warned) if (!RULE || f.ruleId === RULE) alarms.push(`${it.article.id} ${f.ruleId}: ${clean.text.slice(f.start, f.end).slice(0, 160)}`);
  }

  // The donor: another category, same half; a sentence of 6 to 40 words.
  let donorSentence = '';
  for (let tries = 0; tries < 20 && !donorSentence; tries++) {
    const donor = pick(pool.filter((x) => x.cat !== it.cat));
    const d = await analyzeArticle(donor.article, { analyzers: [(await import('../src/analyzers/segment/index.js')).segmentAnalyzer] });
    const cands = d.sentences.filter((s) => {
      const w = s.text.split(/\s+/).length;
      return w >= 6 && w <= 40;
    });
    if (cands.length) donorSentence = pick(cands).text;
  }
  const after = pick(body);
  const text = `${clean.text.slice(0, after.end)} ${donorSentence}${clean.text.slice(after.end)}`;
  const start = after.end + 1;
  const end = start + donorSentence.length;
  const altered = await analyze({ ...it.article, id: `${it.article.id}+`, text });
  inserted++;
  const covers = (f: Finding) => Math.min(f.end, end) - Math.max(f.start, start) >= (end - start) / 2;
  const off = altered.findings.filter((f) => f.ruleId === 'coherence/off-topic');
  const dang = altered.findings.filter((f) => f.ruleId === 'coherence/dangling-reference');
  predicted.any += off.length;
  predicted.warning += off.filter((f) => f.severity !== 'info').length;
  const eitherSentences = new Set([...off, ...dang].map((f) => f.sentence));
  predicted.either += eitherSentences.size;
  for (const f of off) if (covers(f)) hitOff.push({ score: Number(f.data?.score), margin: Number(f.data?.margin) });
  if (off.some(covers)) found.any++;
  else if (misses.length < SHOW) misses.push(`${it.article.id}: ${donorSentence.slice(0, 160)}`);
  if (off.some((f) => covers(f) && f.severity !== 'info')) found.warning++;
  if ([...off, ...dang].some(covers)) found.either++;
}

const prf = (tp: number, pred: number, gold: number) => {
  const p = pred ? tp / pred : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x: number) => x.toFixed(3);
console.log(`BBC ${HALF} half, seed ${SEED}: ${articles} articles, ${inserted} inserted sentences`);
console.log('| detector | P | R | F1 |');
console.log('|---|---|---|---|');
for (const [name, k] of [
  ['coherence/off-topic (any severity)', 'any'],
  ['coherence/off-topic (warning)', 'warning'],
  ['off-topic or dangling-reference (any)', 'either'],
] as const) {
  const m = prf(found[k], predicted[k], inserted);
  console.log(`| ${name} | ${fmt(m.p)} | ${fmt(m.r)} | ${fmt(m.f1)} |`);
}
console.log(`unaltered articles with a coherence/consistency warning: ${cleanWithWarning} of ${articles} (${((100 * cleanWithWarning) / articles).toFixed(1)}%)`);
for (const [r, n] of [...cleanByRule].sort((a, b) => b[1] - a[1])) console.log(`  ${r}: ${n}`);
if (args.includes('--grid')) {
  console.log('\nstrong thresholds for off-topic: score > s and margin > m -> unaltered articles warned, inserted sentences warned');
  for (const sc of [0, 0.5, 1, 1.5, 2, 2.5, 3])
    for (const m of [0.5, 1, 1.5, 2, 2.5]) {
      const fp = new Set(cleanOff.filter((x) => x.score > sc && x.margin > m).map((x) => x.article)).size;
      const tp = hitOff.filter((x) => x.score > sc && x.margin > m).length;
      console.log(`  s ${sc} m ${m}: ${((100 * fp) / articles).toFixed(1)}% articles, recall ${(tp / inserted).toFixed(3)}`);
    }
}
if (SHOW) {
  console.log('\nmisses:');
  for (const m of misses) console.log(`  ${m}`);
  console.log('\nfalse alarms (unaltered):');
  for (const a of alarms) console.log(`  ${a}`);
}
