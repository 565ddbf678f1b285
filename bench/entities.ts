// Entity recognition against the hand annotations in bench/annotations/entities/*.json (PolNeAR texts, read
// from ../shared/data/bench/polnear; see GUIDELINES.md there).
//
//   npm run bench:entities                  # dev and test figures (the test figure is the result)
//   npm run bench:entities -- --errors dev  # also list dev misses (FN) and false mentions (FP)
//   npm run bench:entities -- --no-known-people  # ablation: without the list of public figures
//
// Metric: exact-span mention F1, CoNLL style: a predicted mention counts when its start, end and type all
// equal a gold mention's; also per type P/R/F1, and an "untyped" F1 (span only). The analyzer runs on the
// whole file text (title line included), as the annotator's offsets are into the whole file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { KNOWN_SURNAMES, lookup } from '../src/analyzers/entities/gazetteer.js';
import { entitiesAnalyzer } from '../src/analyzers/entities/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { createDocument, type Article } from '../src/model/document.js';
import { DATA, listFiles, median, readJson } from './lib/data.js';

const ANN = path.resolve(process.cwd(), 'bench/annotations/entities');
const TYPES = { P: 'person', O: 'organization', L: 'place' } as const;
type T = (typeof TYPES)[keyof typeof TYPES];
const args = process.argv.slice(2);
// Ablation: without the hand list of public figures known by surname alone (Putin, Obama...).
if (args.includes('--no-known-people')) KNOWN_SURNAMES.clear();
const showErrors = args.includes('--errors') ? (args[args.indexOf('--errors') + 1] ?? 'dev') : null;

interface AnnFile {
  file: string;
  sha256: string;
  split: 'dev' | 'test';
  entities: { start: number; end: number; type: keyof typeof TYPES | T }[];
}
interface Span {
  start: number;
  end: number;
  type: T;
}
interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function score(gold: Span[], pred: Span[], by: Record<string, Counts>, untyped: Counts) {
  const key = (s: Span) => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.map(key));
  const p = new Set(pred.map(key));
  for (const s of pred) {
    const c = (by[s.type] ??= zero());
    if (g.has(key(s))) c.tp++;
    else c.fp++;
  }
  for (const s of gold) if (!p.has(key(s))) (by[s.type] ??= zero()).fn++;
  const gs = new Set(gold.map((s) => `${s.start}:${s.end}`));
  const ps = new Set(pred.map((s) => `${s.start}:${s.end}`));
  for (const s of ps) if (gs.has(s)) untyped.tp++;
  else untyped.fp++;
  for (const s of gs) if (!ps.has(s)) untyped.fn++;
}

/**
 * Baseline, scored in the same run: runs of wink-nlp PROPN tokens (joined over hyphens), typed by the same
 * gazetteer lookup, else person — what POS tags and gazetteers give without the recognizer's rules.
 */
function baseline(doc: ReturnType<typeof createDocument>): Span[] {
  const out: Span[] = [];
  const toks = doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].pos !== 'PROPN') continue;
    let j = i;
    while (j + 1 < toks.length && toks[j + 1].sentence === toks[i].sentence && (toks[j + 1].pos === 'PROPN' || (toks[j + 1].text === '-' && toks[j + 2]?.start === toks[j + 1].end)) && /^[ -]?$/.test(doc.text.slice(toks[j].end, toks[j + 1].start))) j++;
    const start = toks[i].start;
    const end = toks[j].end;
    const e = lookup(doc.text.slice(start, end));
    out.push({ start, end, type: e ? e.type : 'person' });
    i = j;
  }
  return out;
}

const files = await listFiles(ANN, '.json');
if (!files.length) throw new Error(`no annotations in ${ANN}`);
const results: Record<string, { by: Record<string, Counts>; untyped: Counts; n: number; gold: number; ms: number[]; words: number }> = {};
const errors: string[] = [];
const docs: { doc: ReturnType<typeof createDocument>; split: string }[] = [];
for (const f of files) {
  const ann = readJson<AnnFile>(path.join(ANN, f));
  const file = path.join(DATA, 'bench/polnear', ann.file);
  const bytes = readFileSync(file);
  if (createHash('sha256').update(bytes).digest('hex') !== ann.sha256) throw new Error(`${f}: text hash differs from the annotation's`);
  const text = bytes.toString('utf8');
  const article: Article = { id: ann.file, kind: 'text', origin: file, text, title: null, byline: null, published: null, url: null };
  const doc = createDocument(article);
  segmentAnalyzer.run(doc, { published: null, report() {} });
  entitiesAnalyzer.run(doc, { published: null, report() {} });
  docs.push({ doc, split: ann.split });
  const pred: Span[] = doc.data.entities!.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, type: e.type })));
  const gold: Span[] = ann.entities.map((e) => ({ start: e.start, end: e.end, type: e.type in TYPES ? TYPES[e.type as keyof typeof TYPES] : (e.type as T) }));
  const r = (results[ann.split] ??= { by: {}, untyped: zero(), n: 0, gold: 0, ms: [], words: 0 });
  score(gold, pred, r.by, r.untyped);
  const b = (results[`${ann.split}-baseline`] ??= { by: {}, untyped: zero(), n: 0, gold: 0, ms: [], words: 0 });
  score(gold, baseline(doc), b.by, b.untyped);
  r.n++;
  r.gold += gold.length;
  r.words += text.split(/\s+/).filter(Boolean).length;
  if (showErrors === ann.split) {
    const key = (s: Span) => `${s.start}:${s.end}:${s.type}`;
    const g = new Set(gold.map(key));
    const p = new Set(pred.map(key));
    const ctx = (s: Span) => JSON.stringify(text.slice(Math.max(0, s.start - 25), s.start) + '[' + text.slice(s.start, s.end) + ']' + text.slice(s.end, s.end + 20));
    for (const s of gold) if (!p.has(key(s))) errors.push(`FN ${s.type.padEnd(12)} ${ctx(s)}  ${f.slice(0, 30)}`);
    for (const s of pred) if (!g.has(key(s))) errors.push(`FP ${s.type.padEnd(12)} ${ctx(s)}  ${f.slice(0, 30)}`);
  }
}

// Timing, after every article was run four times (warm-up): the median of five runs of the entities pass alone.
for (let k = 0; k < 3; k++) for (const { doc } of docs) entitiesAnalyzer.run(doc, { published: null, report() {} });
for (const { doc, split } of docs) {
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    entitiesAnalyzer.run(doc, { published: null, report() {} });
    runs.push(performance.now() - t0);
  }
  results[split].ms.push(median(runs));
  if (process.env.E_TIMES) console.log(doc.article.id, median(runs).toFixed(2), doc.text.length);
}

const pct = (x: number) => x.toFixed(3);
for (const split of ['dev', 'test']) {
  const r = results[split];
  if (!r) continue;
  const all = Object.values(r.by).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());
  const o = prf(all);
  const ball = Object.values(results[`${split}-baseline`].by).reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), zero());
  const bo = prf(ball);
  console.log(`\n${split}: ${r.n} articles, ${r.gold} gold mentions, mean ${Math.round(r.words / r.n)} words; entities pass median ${median(r.ms).toFixed(2)} ms/article`);
  console.log(`  exact span+type  P ${pct(o.p)}  R ${pct(o.r)}  F1 ${pct(o.f)}   (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`);
  console.log(`  baseline (PROPN runs + gazetteer, else person)  P ${pct(bo.p)}  R ${pct(bo.r)}  F1 ${pct(bo.f)}`);
  const u = prf(r.untyped);
  console.log(`  exact span only  P ${pct(u.p)}  R ${pct(u.r)}  F1 ${pct(u.f)}`);
  for (const t of Object.values(TYPES)) {
    const c = r.by[t] ?? zero();
    const x = prf(c);
    console.log(`  ${t.padEnd(13)}   P ${pct(x.p)}  R ${pct(x.r)}  F1 ${pct(x.f)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
}
if (errors.length) console.log('\n' + errors.join('\n'));
