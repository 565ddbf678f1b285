/**
 * `npm run bench:reuse`: sentence-to-source precision and recall of the reuse engine on generated stitched
 * and spun articles, false positives on hard negatives, and the FakeNewsAMT legit/fake pairs, side by side
 * with a sentence-level MinHash-LSH (datasketch's scheme) at thresholds 0.5, 0.3 and 0.2.
 *
 *   npm run bench:reuse -- [--seed 1] [--count 200] [--strengths 0.1,0.2,0.3,0.4] [--holdout 200]
 *                          [--sources 2-5] [--workers 2] [--analyzers segment,reuse] [--no-lsh] [--no-fake]
 *                          [--json FILE] [--misses FILE (JSON Lines of missed and wrong sentences)] [--keep]
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dataDir, listBbc, loadSourceDoc, readArticle, segmentText, sharedTextDocs, words, type SourceDoc } from '../lib/reuse-corpus.js';
import { loadEngine } from '../lib/reuse-engine.js';
import { generateArticles, prng, REUSE_KINDS, type GenArticle } from './generate.js';
import { SentenceLsh, signature } from './minhash.js';
import { aggregate, alignPredictions, precision, recall, scoreArticle, type Cell, type Outcome, type Prediction } from './score.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '200' },
    strengths: { type: 'string', default: '0.1,0.2,0.3,0.4' },
    holdout: { type: 'string', default: '200' },
    sources: { type: 'string', default: '2-5' },
    workers: { type: 'string' },
    analyzers: { type: 'string' },
    'no-lsh': { type: 'boolean', default: false },
    'no-fake': { type: 'boolean', default: false },
    json: { type: 'string' },
    misses: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

const seed = Number(args.seed);
const count = Number(args.count);
const strengths = args.strengths!.split(',').map(Number);
const [minSources, maxSources] = args.sources!.split('-').map(Number);
const THRESHOLDS = [0.5, 0.3, 0.2];
const log = (s: string) => process.stderr.write(s + '\n');
const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

// ---- corpus, duplicates, split ------------------------------------------------------------------------

const entries = listBbc();
const docs: SourceDoc[] = entries.map(loadSourceDoc);
const dupes = sharedTextDocs(docs.map((d) => ({ id: d.id, text: d.article.text })));
const clean = docs.filter((d) => !dupes.has(d.id));
const r = prng(seed ^ 0x5eed);
const order = clean.map((d) => ({ d, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.d);
const heldOut = order.slice(0, Number(args.holdout));
const heldIds = new Set(heldOut.map((d) => d.id));
const indexed = docs.filter((d) => !heldIds.has(d.id));
const material = indexed.filter((d) => !dupes.has(d.id));
log(`[${since()}] BBC: ${docs.length} docs, ${dupes.size} share text with another (excluded from material and hard negatives); index ${indexed.length}, held out ${heldOut.length}`);

const gen = generateArticles(material, heldOut, { seed, count, strengths, minSources, maxSources });
log(`[${since()}] generated ${gen.length} articles, ${gen.reduce((a, g) => a + g.sentences.length, 0)} sentences`);

// ---- the engine -------------------------------------------------------------------------------------

const engine = await loadEngine({ analyzers: args.analyzers?.split(',') });
const dir = mkdtempSync(join(tmpdir(), 'unspun-bench-reuse-'));
const workers = args.workers ? Number(args.workers) : undefined;
const store = await engine.openStore(join(dir, 'bbc.db'), { create: true });
let t = performance.now();
const idx = await engine.indexArticles(store, indexed.map((d) => d.article), { workers });
const indexSecs = (performance.now() - t) / 1000;
log(`[${since()}] indexed ${idx.added} (+${idx.unchanged} unchanged, ${idx.failed} failed) in ${indexSecs.toFixed(1)}s`);

const engineOutcomes: Outcome[] = [];
const misses: unknown[] = [];
const byId = new Map(docs.map((d) => [d.id, d]));
const kindAgree = new Map<string, Map<string, number>>();
const traceMs: number[] = [];
for (const g of gen) {
  t = performance.now();
  const { spans } = await engine.trace(g.article, store);
  traceMs.push(performance.now() - t);
  const preds = alignPredictions(g, spans);
  const outs = scoreArticle(g, preds);
  engineOutcomes.push(...outs);
  outs.forEach((o, i) => {
    if (o.correct || (!o.predicted && (o.kind === 'offtopic' || o.kind === 'template'))) return;
    const s = g.sentences[i];
    const src = s.label.sources[0];
    const srcText = src ? byId.get(src.docId)?.article.text.slice(src.start, src.end) : null;
    misses.push({ article: g.article.id, label: s.label, text: s.text, source: srcText, predicted: o.predicted });
  });
  outs.forEach((o, i) => {
    if (!o.correct) return;
    const label = g.sentences[i].label.kind;
    const m = kindAgree.get(label) ?? new Map<string, number>();
    const k = preds[i]!.kind ?? '?';
    m.set(k, (m.get(k) ?? 0) + 1);
    kindAgree.set(label, m);
  });
}
log(`[${since()}] traced generated articles`);

// Hard negatives: held-out BBC articles (no twin in the corpus) traced whole.
let hnSentences = 0;
let hnFlagged = 0;
const hnDocsFlagged = new Set<string>();
const hnWrong: { id: string; text: string; source: string; overlap: number }[] = [];
// Flagged hard-negative sentences that share half their words with the passage found: the BBC recycling
// its own wording across stories ("insist voters face higher taxes" / "insisted that voters faced ...").
let hnShared = 0;
function jaccard(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  let i = 0;
  for (const w of x) if (y.has(w)) i++;
  return x.size + y.size - i ? i / (x.size + y.size - i) : 0;
}
for (const d of heldOut) {
  const { report } = await engine.trace(d.article, store);
  for (const s of report.sentences) {
    if (s.role !== 'body') continue;
    hnSentences++;
    if (s.sources.length) {
      hnFlagged++;
      hnDocsFlagged.add(d.id);
      const overlap = jaccard(s.text, s.sources[0].text ?? '');
      if (overlap >= 0.5) hnShared++;
      hnWrong.push({ id: d.id, text: s.text, source: s.sources[0].docId, overlap });
    }
  }
}
await store.close();
log(`[${since()}] traced ${heldOut.length} hard negatives`);

// ---- FakeNewsAMT: index legit, trace fakes ------------------------------------------------------------

interface FakeStats {
  fakes: number;
  toTwin: number;
  toWrong: number;
  sentences: number;
  sentencesToTwin: number;
  sentencesToWrong: number;
}
const fakeRoot = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset');
let fake: FakeStats | null = null;
const lshFake: FakeStats[] = [];
let fakeLegit: SourceDoc[] = [];
let fakeFakes: SourceDoc[] = [];
if (!args['no-fake'] && existsSync(fakeRoot)) {
  const load = (sub: string) =>
    readdirSync(join(fakeRoot, sub))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const article = readArticle(join(fakeRoot, sub, f), `fakenewsamt/${sub}/${f}`);
        return { id: article.id, category: sub, article, sentences: segmentText(article.text) } as SourceDoc;
      });
  fakeLegit = load('legit');
  fakeFakes = load('fake');
  const fstore = await engine.openStore(join(dir, 'fakenews.db'), { create: true });
  await engine.indexArticles(fstore, fakeLegit.map((d) => d.article), { workers });
  fake = { fakes: fakeFakes.length, toTwin: 0, toWrong: 0, sentences: 0, sentencesToTwin: 0, sentencesToWrong: 0 };
  for (const d of fakeFakes) {
    const twin = twinOf(d.id);
    const { report } = await engine.trace(d.article, fstore);
    let twinHit = false;
    let wrongHit = false;
    for (const s of report.sentences) {
      if (s.role !== 'body') continue;
      fake.sentences++;
      const src = s.sources[0]?.docId;
      if (!src) continue;
      if (src === twin) {
        fake.sentencesToTwin++;
        twinHit = true;
      } else {
        fake.sentencesToWrong++;
        wrongHit = true;
      }
    }
    if (twinHit) fake.toTwin++;
    if (wrongHit) fake.toWrong++;
  }
  await fstore.close();
  log(`[${since()}] traced ${fakeFakes.length} FakeNewsAMT fakes`);
}

function twinOf(fakeId: string): string {
  // "fakenewsamt/fake/biz01.fake.txt" ↔ "fakenewsamt/legit/biz01.legit.txt": the same file stem.
  const stem = fakeId.split('/').pop()!.replace(/\.fake\.txt$/, '');
  return `fakenewsamt/legit/${stem}.legit.txt`;
}

if (!args.keep) rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);

// ---- the anchor: sentence-level MinHash-LSH -------------------------------------------------------------

const lshOutcomes: Outcome[][] = [];
const lshHard: number[] = [];
if (!args['no-lsh']) {
  const lshes = THRESHOLDS.map((th) => new SentenceLsh(th));
  for (const d of indexed)
    for (const s of d.sentences) {
      const sig = signature(s.text);
      for (const l of lshes) l.insert({ docId: d.id, start: s.start, end: s.start + s.text.length, text: s.text }, sig);
    }
  lshes.forEach((l) => {
    const outs: Outcome[] = [];
    for (const g of gen) outs.push(...scoreArticle(g, g.sentences.map((s) => l.query(s.text))));
    lshOutcomes.push(outs);
    let flagged = 0;
    let n = 0;
    for (const d of heldOut)
      for (const s of d.sentences) {
        n++;
        if (l.query(s.text)) flagged++;
      }
    lshHard.push(n ? flagged / n : NaN);
  });
  if (fakeLegit.length) {
    const flsh = THRESHOLDS.map((th) => new SentenceLsh(th));
    for (const d of fakeLegit) for (const s of d.sentences) flsh.forEach((l) => l.insert({ docId: d.id, start: s.start, end: s.end, text: s.text }));
    flsh.forEach((l) => {
      const st: FakeStats = { fakes: fakeFakes.length, toTwin: 0, toWrong: 0, sentences: 0, sentencesToTwin: 0, sentencesToWrong: 0 };
      for (const d of fakeFakes) {
        let tw = false;
        let wr = false;
        for (const s of d.sentences) {
          st.sentences++;
          const p: Prediction | null = l.query(s.text);
          if (!p) continue;
          if (p.docId === twinOf(d.id)) {
            st.sentencesToTwin++;
            tw = true;
          } else {
            st.sentencesToWrong++;
            wr = true;
          }
        }
        if (tw) st.toTwin++;
        if (wr) st.toWrong++;
      }
      lshFake.push(st);
    });
  }
  log(`[${since()}] MinHash-LSH anchor done`);
}

// ---- report -----------------------------------------------------------------------------------------

const f2 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const pct = (x: number) => (Number.isNaN(x) ? '-' : `${(x * 100).toFixed(2)}%`);
const engineCells = aggregate(engineOutcomes);
const lshCells = lshOutcomes.map(aggregate);
const groups = [
  ...REUSE_KINDS.filter((k) => k !== 'spun'),
  'spun',
  ...strengths.map((s) => `spun@${Math.round(s * 100)}%`),
  'spun>=30%',
  'all reuse',
];
const lines: string[] = [];
const shown = lshCells.length ? THRESHOLDS : [];
const head = ['group', 'n', 'engine P', 'engine R', ...shown.flatMap((th) => [`LSH${th} P`, `LSH${th} R`])];
lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
for (const g of groups) {
  const c: Cell | undefined = engineCells.get(g);
  if (!c) continue;
  const row = [g, String(c.n), f2(precision(c)), f2(recall(c))];
  lshCells.forEach((lc) => {
    const x = lc.get(g);
    row.push(x ? f2(precision(x)) : '-', x ? f2(recall(x)) : '-');
  });
  lines.push(`| ${row.join(' | ')} |`);
}
const nonReuse = engineCells.get('non-reuse');
const fpLine = [
  'non-reuse sentences traced (off-topic, template)',
  nonReuse ? `${nonReuse.predicted}/${nonReuse.n}` : '-',
  ...lshCells.map((lc) => {
    const x = lc.get('non-reuse');
    return x ? `${x.predicted}/${x.n}` : '-';
  }),
];
const out: string[] = [];
out.push(`seed ${seed}, ${gen.length} articles (${engineOutcomes.length} labelled sentences), strengths ${strengths.join('/')}, ${minSources}-${maxSources} sources each`);
out.push(`index: ${indexed.length} BBC docs in ${indexSecs.toFixed(1)}s; trace: median ${median(traceMs).toFixed(0)} ms per generated article`);
out.push('');
out.push(...lines);
out.push('');
out.push('recall by edit operation (an edited sentence has 1-2 of them) and for spun sentences with clauses reordered:');
const tagRows = [...engineCells.keys()].filter((k) => k.includes(':')).sort();
out.push(`| group | n | engine R |${shown.map((th) => ` LSH${th} R |`).join('')}`, `|---|---|---|${shown.map(() => '---|').join('')}`);
for (const k of tagRows) {
  const c = engineCells.get(k)!;
  out.push(`| ${k} | ${c.n} | ${f2(recall(c))} |${lshCells.map((lc) => ` ${lc.get(k) ? f2(recall(lc.get(k)!)) : '-'} |`).join('')}`);
}
out.push('');
out.push(`${fpLine[0]}: engine ${fpLine[1]}${shown.map((th, i) => `; LSH${th} ${fpLine[2 + i]}`).join('')}`);
out.push(
  `hard negatives (${heldOut.length} held-out BBC articles, ${hnSentences} body sentences): engine ${hnFlagged} traced = ${pct(hnFlagged / hnSentences)} of sentences, in ${hnDocsFlagged.size} articles` +
    (lshHard.length ? `; ${THRESHOLDS.map((th, i) => `LSH${th} ${pct(lshHard[i])}`).join(', ')} (own segmentation)` : ''),
);
out.push(`  of the engine's ${hnFlagged}: ${hnShared} share at least half their words (Jaccard >= 0.5) with the passage found (recycled wording), ${hnFlagged - hnShared} less`);
if (fake) {
  const fmt = (s: FakeStats) =>
    `${s.toTwin}/${s.fakes} fakes traced to their twin, ${s.toWrong} to a wrong doc; sentences ${s.sentencesToTwin} to twin, ${s.sentencesToWrong} wrong of ${s.sentences}`;
  out.push(`FakeNewsAMT (240 legit indexed, fakes traced): engine ${fmt(fake)}`);
  lshFake.forEach((s, i) => out.push(`  LSH${THRESHOLDS[i]}: ${fmt(s)}`));
}
out.push('');
out.push('kind given by the engine for correctly traced sentences (label → engine kind counts):');
for (const [label, m] of kindAgree) out.push(`  ${label}: ${[...m].map(([k, n]) => `${k} ${n}`).join(', ')}`);
if (hnWrong.length) {
  out.push('');
  out.push('hard-negative sentences traced (lowest word overlap first, up to 10):');
  for (const w of [...hnWrong].sort((a, b) => a.overlap - b.overlap).slice(0, 10))
    out.push(`  ${w.overlap.toFixed(2)} ${w.id} → ${w.source}: ${w.text.slice(0, 100)}`);
}
out.push('');
out.push(`total ${since()}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(out.join('\n'));

if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        seed,
        count,
        strengths,
        engine: Object.fromEntries(engineCells),
        lsh: Object.fromEntries(THRESHOLDS.map((th, i) => [th, lshCells[i] ? Object.fromEntries(lshCells[i]) : null])),
        hardNegatives: { articles: heldOut.length, sentences: hnSentences, flagged: hnFlagged, lsh: lshHard },
        fake,
        lshFake,
      },
      null,
      1,
    ),
  );
}

if (args.misses) {
  mkdirSync(dirname(args.misses), { recursive: true });
  writeFileSync(args.misses, misses.map((m) => JSON.stringify(m)).join('\n') + '\n');
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export type { GenArticle };
