/**
 * `npm run bench:reuse`: sentence-to-source precision and recall of the reuse engine, in two halves that share
 * no substitution resource, and a paraphrase section.
 *
 * Halves. "tune" is the half the engine may be tuned on: stitched articles from the even-numbered BBC
 * material, spun with WordNet synonyms of any sense, a hand thesaurus and FORMAL_NAMES (bench/reuse/spin.ts).
 * "held" is only reported: stitched articles from the odd-numbered material, spun with the Moby thesaurus
 * and HELD_FORMAL_NAMES (bench/reuse/moby.ts), a resource the engine never reads. Each half has its own
 * unindexed BBC articles (hard negatives and off-topic inserts). "probe" (only when asked for) is a third
 * split to study misses on without reading the held-out half's: the tuning half's material and unindexed
 * articles spun with WordNet's looser relations, never a shared synset (bench/reuse/wnrel.ts).
 *
 * Paraphrase section, per half: (a) articles of sentences paraphrased by bench/reuse/paraphrase.ts (voice,
 * dropped clause, reordering, "according to", synonyms from the half's resource); (b) FakeNewsAMT: the legit
 * articles indexed, the fakes traced (odd story numbers tune, even held, as bench:facts), with the facts a
 * traced fake sentence changed against its source (automatic diff) and whether reuse/altered-fact names
 * them; (c) same-event hard negatives (ECB+): per event the longest report indexed, the other outlets' reports
 * traced (odd topic numbers tune, even held); `--links FILE` writes every link with both texts for judging by
 * hand (outside the project: third-party text). `--misses FILE` writes the missed labelled sentences and every
 * link on an unindexed original (with offsets); the unindexed links judged by hand are counted from
 * bench/annotations/unindexed-links.json.
 *
 *   npm run bench:reuse -- [--seed 1] [--count 200] [--para 120] [--halves tune,held,probe] [--strengths 0.1,0.2,0.3,0.4]
 *                          [--holdout 200] [--sources 2-5] [--workers 2] [--analyzers ...] [--no-lsh] [--no-fake]
 *                          [--no-same-event] [--no-bbc] [--json FILE] [--misses FILE] [--links FILE] [--keep]
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { dataDir, listBbc, loadSourceDoc, readArticle, segmentText, sharedTextDocs, words, type SourceDoc } from '../lib/reuse-corpus.js';
import { loadEngine, type TraceReport } from '../lib/reuse-engine.js';
import { generateArticles, prng, REUSE_KINDS, type GenArticle } from './generate.js';
import { SentenceLsh, signature } from './minhash.js';
import { heldSpinner } from './moby.js';
import { PROBE_SPINNER } from './wnrel.js';
import { changedFacts, namedFacts } from './facts.js';
import { generateParaphraseArticles } from './paraphrase.js';
import { countFalseLinks, loadJudgments, type LinkRef } from './judged.js';
import { aggregate, alignPredictions, precision, recall, scoreArticle, type Cell, type Outcome } from './score.js';
import { lemmatize, TUNE_SPINNER, wordnetSynonyms, type Spinner, type WnPos } from './spin.js';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '200' },
    para: { type: 'string', default: '120' },
    halves: { type: 'string', default: 'tune,held' },
    strengths: { type: 'string', default: '0.1,0.2,0.3,0.4' },
    holdout: { type: 'string', default: '200' },
    sources: { type: 'string', default: '2-5' },
    workers: { type: 'string' },
    analyzers: { type: 'string' },
    'no-lsh': { type: 'boolean', default: false },
    'no-fake': { type: 'boolean', default: false },
    'no-same-event': { type: 'boolean', default: false },
    'no-bbc': { type: 'boolean', default: false },
    json: { type: 'string' },
    misses: { type: 'string' },
    links: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

type HalfName = 'tune' | 'held' | 'probe';
const seed = Number(args.seed);
const count = Number(args.count);
const paraCount = Number(args.para);
const halves = args.halves!.split(',').filter((h): h is HalfName => h === 'tune' || h === 'held' || h === 'probe');
const strengths = args.strengths!.split(',').map(Number);
const [minSources, maxSources] = args.sources!.split('-').map(Number);
const THRESHOLDS = [0.5, 0.3, 0.2];
const log = (s: string) => process.stderr.write(s + '\n');
const t0 = performance.now();
const since = () => `${((performance.now() - t0) / 1000).toFixed(1)}s`;

const spinners: Record<HalfName, Spinner> = { tune: TUNE_SPINNER, held: TUNE_SPINNER, probe: PROBE_SPINNER };
if (halves.includes('held')) {
  const h = heldSpinner();
  if (typeof h === 'string') {
    log(`bench:reuse: ${h}`);
    process.exit(2);
  }
  spinners.held = h;
}

// ---- corpus, duplicates, split ------------------------------------------------------------------------

const entries = args['no-bbc'] ? [] : listBbc();
const docs: SourceDoc[] = entries.map(loadSourceDoc);
const dupes = sharedTextDocs(docs.map((d) => ({ id: d.id, text: d.article.text })));
const clean = docs.filter((d) => !dupes.has(d.id));
const r = prng(seed ^ 0x5eed);
const order = clean.map((d) => ({ d, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.d);
const heldOut = order.slice(0, Number(args.holdout));
const heldIds = new Set(heldOut.map((d) => d.id));
const indexed = docs.filter((d) => !heldIds.has(d.id));
const material = indexed.filter((d) => !dupes.has(d.id));
// Halves: material by position (even tune, odd held); unindexed articles first half tune, second held.
// "probe" (bench/reuse/wnrel.ts) reuses the tuning half's material with a third substitution resource.
const tuneMaterial = material.filter((_, i) => i % 2 === 0);
const halfMaterial: Record<HalfName, SourceDoc[]> = { tune: tuneMaterial, held: material.filter((_, i) => i % 2 === 1), probe: tuneMaterial };
const cut = Math.floor(heldOut.length / 2);
const halfUnindexed: Record<HalfName, SourceDoc[]> = { tune: heldOut.slice(0, cut), held: heldOut.slice(cut), probe: heldOut.slice(0, cut) };
log(`[${since()}] BBC: ${docs.length} docs, ${dupes.size} share text with another; index ${indexed.length}, unindexed ${heldOut.length}; halves: ${halves.join(', ')}`);

// ---- the engine -------------------------------------------------------------------------------------

const engine = await loadEngine({ analyzers: args.analyzers?.split(',') });
const dir = mkdtempSync(join(tmpdir(), 'unspun-bench-reuse-'));
const workers = args.workers ? Number(args.workers) : undefined;
const store = await engine.openStore(join(dir, 'bbc.db'), { create: true });
const t = performance.now();
const idx = await engine.indexArticles(store, indexed.map((d) => d.article), { workers });
const indexSecs = (performance.now() - t) / 1000;
log(`[${since()}] indexed ${idx.added} (+${idx.unchanged} unchanged, ${idx.failed} failed) in ${indexSecs.toFixed(1)}s`);

const byId = new Map(docs.map((d) => [d.id, d]));
const misses: unknown[] = [];
const traceMs: number[] = [];

interface TraceSet {
  outcomes: Outcome[];
  kinds: Map<string, Map<string, number>>;
}

async function traceGenerated(gen: GenArticle[], half: HalfName, set: string): Promise<TraceSet> {
  const outcomes: Outcome[] = [];
  const kinds = new Map<string, Map<string, number>>();
  for (const g of gen) {
    const t1 = performance.now();
    const { spans } = await engine.trace(g.article, store);
    traceMs.push(performance.now() - t1);
    const preds = alignPredictions(g, spans);
    const outs = scoreArticle(g, preds);
    outcomes.push(...outs);
    outs.forEach((o, i) => {
      const label = g.sentences[i].label;
      if (o.correct) {
        const m = kinds.get(label.kind) ?? new Map<string, number>();
        const k = preds[i]!.kind ?? '?';
        m.set(k, (m.get(k) ?? 0) + 1);
        kinds.set(label.kind, m);
        return;
      }
      if (!o.predicted && (o.kind === 'offtopic' || o.kind === 'template')) return;
      const src = label.sources[0];
      const srcText = src ? byId.get(src.docId)?.article.text.slice(src.start, src.end) : null;
      misses.push({ half, set, article: g.article.id, label, text: g.sentences[i].text, source: srcText, predicted: o.predicted });
    });
  }
  return { outcomes, kinds };
}

/** Word-overlap Jaccard of two texts. */
function jaccard(a: string, b: string): number {
  const x = new Set(words(a));
  const y = new Set(words(b));
  let i = 0;
  for (const w of x) if (y.has(w)) i++;
  return x.size + y.size - i ? i / (x.size + y.size - i) : 0;
}

interface HardNeg {
  articles: number;
  sentences: number;
  flagged: number;
  docsFlagged: number;
  shared: number;
  wrong: { id: string; text: string; source: string; overlap: number; kind: string }[];
  links: LinkRef[];
}

async function traceUnindexed(ds: SourceDoc[], half: HalfName): Promise<HardNeg> {
  const h: HardNeg = { articles: ds.length, sentences: 0, flagged: 0, docsFlagged: 0, shared: 0, wrong: [], links: [] };
  for (const d of ds) {
    const { report } = await engine.trace(d.article, store);
    let any = false;
    for (const s of report.sentences) {
      if (s.role !== 'body') continue;
      h.sentences++;
      if (!s.sources.length) continue;
      h.flagged++;
      any = true;
      const overlap = jaccard(s.text, s.sources[0].text ?? '');
      if (overlap >= 0.5) h.shared++;
      h.wrong.push({ id: d.id, text: s.text, source: s.sources[0].docId, overlap, kind: s.sources[0].kind });
      h.links.push({ id: d.id, start: s.start, end: s.end, to: s.sources[0].docId });
      misses.push({ half, set: 'unindexed', article: d.id, start: s.start, end: s.end, label: { kind: 'original', sources: [] }, text: s.text, source: s.sources[0].text, predicted: { docId: s.sources[0].docId, start: s.sources[0].start, end: s.sources[0].end, kind: s.sources[0].kind, similarity: s.sources[0].similarity } });
    }
    if (any) h.docsFlagged++;
  }
  return h;
}

/** Share of substitutions that are WordNet synonyms of the replaced word (any sense, any part of speech). */
function wordnetShare(gen: GenArticle[]): { n: number; inWordNet: number } {
  let n = 0;
  let inWordNet = 0;
  for (const g of gen)
    for (const s of g.sentences)
      for (const x of s.label.substitutions ?? []) {
        if (!/^[a-z]+$/i.test(x.from)) continue;
        n++;
        const hit = (['noun', 'verb', 'adj', 'adv'] as WnPos[]).some((pos) => {
          const a = lemmatize(x.from, pos);
          const b = lemmatize(x.to.split(' ')[0], pos);
          return a && b && wordnetSynonyms(pos, a.lemma).includes(b.lemma);
        });
        if (hit) inWordNet++;
      }
  return { n, inWordNet };
}

interface HalfResult {
  stitched: Map<string, Cell>;
  stitchedKinds: Map<string, Map<string, number>>;
  para: Map<string, Cell>;
  paraKinds: Map<string, Map<string, number>>;
  lsh: Map<string, Cell>[];
  paraLsh: Map<string, Cell>[];
  hard: HardNeg;
  lshHard: number[];
  subs: { n: number; inWordNet: number };
  articles: number;
  paraArticles: number;
  paraSentences: number;
}

// The anchor's indexes over the same BBC sentences, built once for both halves.
let lshes: SentenceLsh[] | null = null;
function bbcLsh(): SentenceLsh[] {
  if (lshes) return lshes;
  lshes = THRESHOLDS.map((th) => new SentenceLsh(th));
  for (const d of indexed)
    for (const s of d.sentences) {
      const sig = signature(s.text);
      for (const l of lshes) l.insert({ docId: d.id, start: s.start, end: s.start + s.text.length, text: s.text }, sig);
    }
  return lshes;
}

/**
 * Links on unindexed originals judged by hand (bench/annotations/unindexed-links.json, see judged.ts): the
 * BBC reuses its own earlier copy, so some "unindexed" sentences really are copies of indexed ones.
 */
const unindexedJudged = loadJudgments(new URL('../annotations/unindexed-links.json', import.meta.url));

const results = new Map<HalfName, HalfResult>();
for (const half of args['no-bbc'] ? [] : halves) {
  const spinner = spinners[half];
  const gen = generateArticles(halfMaterial[half], halfUnindexed[half], { seed, count, strengths, minSources, maxSources, spinner });
  const para = generateParaphraseArticles(halfMaterial[half], halfUnindexed[half], { seed, count: paraCount, spinner });
  const stitched = await traceGenerated(gen, half, 'stitched');
  const paraTrace = await traceGenerated(para, half, 'paraphrase');
  const hard = await traceUnindexed(halfUnindexed[half], half);
  log(`[${since()}] ${half}: traced ${gen.length} stitched, ${para.length} paraphrase and ${halfUnindexed[half].length} unindexed articles`);
  const lsh: Map<string, Cell>[] = [];
  const paraLsh: Map<string, Cell>[] = [];
  const lshHard: number[] = [];
  if (!args['no-lsh']) {
    for (const l of bbcLsh()) {
      lsh.push(aggregate(gen.flatMap((g) => scoreArticle(g, g.sentences.map((s) => l.query(s.text))))));
      paraLsh.push(aggregate(para.flatMap((g) => scoreArticle(g, g.sentences.map((s) => l.query(s.text))))));
      let n = 0;
      let flagged = 0;
      for (const d of halfUnindexed[half])
        for (const s of d.sentences) {
          n++;
          if (l.query(s.text)) flagged++;
        }
      lshHard.push(n ? flagged / n : NaN);
    }
  }
  results.set(half, {
    stitched: aggregate(stitched.outcomes),
    stitchedKinds: stitched.kinds,
    para: aggregate(paraTrace.outcomes),
    paraKinds: paraTrace.kinds,
    lsh,
    paraLsh,
    hard,
    lshHard,
    subs: wordnetShare([...gen, ...para]),
    articles: gen.length,
    paraArticles: para.length,
    paraSentences: para.reduce((a, g) => a + g.sentences.filter((s) => s.label.kind === 'paraphrased').length, 0),
  });
}
await store.close();

// ---- FakeNewsAMT: index legit, trace fakes ------------------------------------------------------------

interface FakeHalf {
  fakes: number;
  toTwin: number;
  toWrong: number;
  sentences: number;
  sentencesToTwin: number;
  sentencesToWrong: number;
  byKind: Record<string, number>;
  facts: number;
  factsNamed: number;
  factsByKind: Record<string, [number, number]>;
}
const fakeRoot = join(dataDir(), 'corpora/fakenewsamt/fakeNewsDataset');
const fake = new Map<HalfName, FakeHalf>();
const lshFake = new Map<HalfName, { toTwin: number; toWrong: number }[]>();
const linksOut: string[] = [];
const storyHalf = (id: string): HalfName => (Number(/(\d+)\.(?:fake|legit)\.txt$/.exec(id)![1]) % 2 ? 'tune' : 'held');

if (!args['no-fake'] && existsSync(fakeRoot)) {
  const load = (sub: string) =>
    readdirSync(join(fakeRoot, sub))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const article = readArticle(join(fakeRoot, sub, f), `fakenewsamt/${sub}/${f}`);
        return { id: article.id, category: sub, article, sentences: segmentText(article.text) } as SourceDoc;
      });
  const legit = load('legit');
  const fakes = load('fake');
  const fstore = await engine.openStore(join(dir, 'fakenews.db'), { create: true });
  await engine.indexArticles(fstore, legit.map((d) => d.article), { workers });
  for (const h of halves) fake.set(h, { fakes: 0, toTwin: 0, toWrong: 0, sentences: 0, sentencesToTwin: 0, sentencesToWrong: 0, byKind: {}, facts: 0, factsNamed: 0, factsByKind: {} });
  for (const d of fakes) {
    const st = fake.get(storyHalf(d.id));
    if (!st) continue;
    st.fakes++;
    const twin = twinOf(d.id);
    const { report } = await engine.trace(d.article, fstore);
    let twinHit = false;
    let wrongHit = false;
    report.sentences.forEach((s, i) => {
      if (s.role !== 'body') return;
      st.sentences++;
      const m = s.sources[0];
      if (!m) return;
      if (m.docId !== twin) {
        st.sentencesToWrong++;
        wrongHit = true;
        if (args.links) linksOut.push(JSON.stringify({ set: 'fakenewsamt-wrong', id: d.id, to: m.docId, kind: m.kind, text: s.text, source: m.text }));
        return;
      }
      st.sentencesToTwin++;
      if (args.links) linksOut.push(JSON.stringify({ set: 'fakenewsamt-twin', id: d.id, to: m.docId, kind: m.kind, text: s.text, source: m.text }));
      twinHit = true;
      st.byKind[m.kind] = (st.byKind[m.kind] ?? 0) + 1;
      const named = (report.findings ?? []).filter((f) => f.ruleId === 'reuse/altered-fact' && f.sentence === i);
      const diffed = changedFacts(s.text, m.text ?? '');
      const hits = namedFacts(diffed, (fa, fb) => named.some((x) => x.start < s.start + fb && s.start + fa < x.end));
      for (const [k, f] of diffed.entries()) {
        st.facts++;
        const cell = (st.factsByKind[f.kind] ??= [0, 0]);
        cell[0]++;
        if (hits[k]) {
          st.factsNamed++;
          cell[1]++;
        }
      }
    });
    if (twinHit) st.toTwin++;
    if (wrongHit) st.toWrong++;
  }
  await fstore.close();
  if (!args['no-lsh'])
    for (const h of halves) {
      const rows = THRESHOLDS.map((th) => {
        const l = new SentenceLsh(th);
        for (const d of legit) for (const s of d.sentences) l.insert({ docId: d.id, start: s.start, end: s.end, text: s.text });
        let toTwin = 0;
        let toWrong = 0;
        for (const d of fakes.filter((x) => storyHalf(x.id) === h)) {
          const hits = d.sentences.map((s) => l.query(s.text)).filter((p) => p !== null);
          if (hits.some((p) => p!.docId === twinOf(d.id))) toTwin++;
          if (hits.some((p) => p!.docId !== twinOf(d.id))) toWrong++;
        }
        return { toTwin, toWrong };
      });
      lshFake.set(h, rows);
    }
  log(`[${since()}] traced ${fakes.length} FakeNewsAMT fakes`);
}

function twinOf(fakeId: string): string {
  // "fakenewsamt/fake/biz01.fake.txt" ↔ "fakenewsamt/legit/biz01.legit.txt": the same file stem.
  const stem = fakeId.split('/').pop()!.replace(/\.fake\.txt$/, '');
  return `fakenewsamt/legit/${stem}.legit.txt`;
}

// ---- same-event hard negatives (ECB+) ------------------------------------------------------------------

/**
 * Links judged by hand (bench/annotations/same-event-links.json): each a traced sentence (offsets into the
 * report's body) and the document it was linked to, with what a person reading both saw: "reuse" (the
 * same wire story, press release or rewrite of it), "quote" (only a quotation both carry), "independent"
 * (two reports of the same facts: a false link).
 */
type Verdict = 'reuse' | 'quote' | 'independent';
const linkKey = (id: string, start: number, end: number, to: string) => `${id}|${start}|${end}|${to}`;
const judged = new Map<string, Verdict>();
const judgedFile = new URL('../annotations/same-event-links.json', import.meta.url);
if (existsSync(judgedFile))
  for (const j of JSON.parse(readFileSync(judgedFile, 'utf8')).links as { id: string; start: number; end: number; to: string; verdict: Verdict }[])
    judged.set(linkKey(j.id, j.start, j.end, j.to), j.verdict);

interface SameEvent {
  judged: Record<Verdict, number>;
  unjudgedLow: number;
  events: number;
  articles: number;
  sentences: number;
  linked: number;
  articlesLinked: number;
  byKind: Record<string, number>;
  shared: number;
}
const sameRoot = join(dataDir(), 'corpora/same-event');
const same = new Map<HalfName, SameEvent>();
if (!args['no-same-event'] && existsSync(join(sameRoot, 'index.tsv'))) {
  const rows = readFileSync(join(sameRoot, 'index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([event, file, outlet, , , , bodyWords]) => ({ event, file, outlet, words: Number(bodyWords) }));
  const events = new Map<string, typeof rows>();
  for (const x of rows) events.set(x.event, [...(events.get(x.event) ?? []), x]);
  // Even topics are the half the engine's verifier is fitted on (bench/paraphrase): tune; odd: held.
  const eventHalf = (e: string): HalfName => (Number(/^t(\d+)/.exec(e)![1]) % 2 ? 'held' : 'tune');
  // Per event, the longest report is indexed (the most for the others to be mistaken for copies of).
  const chosen = new Map<string, (typeof rows)[number]>();
  for (const [e, xs] of events) chosen.set(e, [...xs].sort((a, b) => b.words - a.words || a.file.localeCompare(b.file))[0]);
  const read = (x: (typeof rows)[number]) => readArticle(join(sameRoot, x.event, x.file), `same-event/${x.event}/${x.file}`);
  const sstore = await engine.openStore(join(dir, 'same-event.db'), { create: true });
  await engine.indexArticles(sstore, [...chosen.values()].map(read), { workers });
  for (const h of halves) same.set(h, { judged: { reuse: 0, quote: 0, independent: 0 }, unjudgedLow: 0, events: 0, articles: 0, sentences: 0, linked: 0, articlesLinked: 0, byKind: {}, shared: 0 });
  for (const [e, xs] of events) {
    const st = same.get(eventHalf(e));
    if (!st) continue;
    st.events++;
    for (const x of xs) {
      if (x === chosen.get(e)) continue;
      st.articles++;
      const { report } = await engine.trace(read(x), sstore);
      let any = false;
      for (const s of report.sentences) {
        if (s.role !== 'body') continue;
        st.sentences++;
        const m = s.sources[0];
        if (!m) continue;
        st.linked++;
        any = true;
        st.byKind[m.kind] = (st.byKind[m.kind] ?? 0) + 1;
        const ov = jaccard(s.text, m.text ?? '');
        if (ov >= 0.5) st.shared++;
        const verdict = judged.get(linkKey(`${e}/${x.file}`, s.start, s.end, m.docId));
        if (verdict) st.judged[verdict]++;
        else if (ov < 0.5) st.unjudgedLow++;
        if (args.links)
          linksOut.push(
            JSON.stringify({ set: 'same-event', half: eventHalf(e), id: `${e}/${x.file}`, start: s.start, end: s.end, to: m.docId, sourceStart: m.start, kind: m.kind, similarity: m.similarity, jaccard: Number(ov.toFixed(2)), verdict: verdict ?? null, text: s.text, source: m.text }),
          );
      }
      if (any) st.articlesLinked++;
    }
  }
  await sstore.close();
  log(`[${since()}] traced same-event reports`);
}

if (!args.keep) rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);

// ---- report -----------------------------------------------------------------------------------------

const f2 = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
const pct = (x: number) => (Number.isNaN(x) ? '-' : `${(x * 100).toFixed(2)}%`);
const out: string[] = [];
const shown = args['no-lsh'] ? [] : THRESHOLDS;

function table(cells: Map<string, Cell>, lsh: Map<string, Cell>[], groups: string[]): string[] {
  const head = ['group', 'n', 'engine P', 'engine R', ...shown.flatMap((th) => [`LSH${th} P`, `LSH${th} R`])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const g of groups) {
    const c = cells.get(g);
    if (!c) continue;
    const row = [g, String(c.n), f2(precision(c)), f2(recall(c))];
    for (const lc of lsh) {
      const x = lc.get(g);
      row.push(x ? f2(precision(x)) : '-', x ? f2(recall(x)) : '-');
    }
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines;
}

const kindLine = (m: Map<string, Map<string, number>>) => [...m].map(([label, k]) => `${label}: ${[...k].map(([x, n]) => `${x} ${n}`).join(', ')}`).join('; ');

out.push(`seed ${seed}; index: ${indexed.length} BBC docs in ${indexSecs.toFixed(1)}s; trace: median ${median(traceMs).toFixed(0)} ms per generated article`);
for (const half of halves) {
  out.push('');
  out.push(`## half "${half}": ${spinners[half].name}`);
  const h = results.get(half);
  if (h) bbcLines(h, half);
  fakeAndSameLines(half);
}

function bbcLines(h: HalfResult, half: HalfName) {
  const nonReuse = h.stitched.get('non-reuse');
  out.push(`stitched: ${h.articles} articles from ${halfMaterial[half].length} material docs, strengths ${strengths.join('/')}, ${minSources}-${maxSources} sources each; ${h.subs.inWordNet} of ${h.subs.n} word substitutions (${pct(h.subs.inWordNet / h.subs.n)}) are WordNet synonyms of any sense`);
  out.push(
    ...table(h.stitched, h.lsh, [...REUSE_KINDS.filter((k) => k !== 'spun' && k !== 'paraphrased'), ...strengths.map((s) => `spun@${Math.round(s * 100)}%`), 'spun>=30%', 'all reuse']),
  );
  const tags = [...h.stitched.keys()].filter((k) => k.includes(':')).sort();
  out.push(`recall by operation: ${tags.map((k) => `${k} ${f2(recall(h.stitched.get(k)!))} (${h.stitched.get(k)!.n})`).join(', ')}`);
  out.push(`off-topic/template sentences traced: engine ${nonReuse ? `${nonReuse.predicted}/${nonReuse.n}` : '-'}${h.lsh.map((l, i) => `; LSH${THRESHOLDS[i]} ${l.get('non-reuse')?.predicted ?? 0}`).join('')}`);
  out.push(
    `unindexed originals (${h.hard.articles} BBC articles, ${h.hard.sentences} body sentences): engine ${h.hard.flagged} traced = ${pct(h.hard.flagged / h.hard.sentences)} of sentences, in ${h.hard.docsFlagged} articles (${h.hard.shared} share >= half their words with the passage found)` +
      (h.lshHard.length ? `; ${THRESHOLDS.map((th, i) => `LSH${th} ${pct(h.lshHard[i])}`).join(', ')}` : ''),
  );
  const fl = countFalseLinks(h.hard.sentences, h.hard.links, unindexedJudged);
  out.push(
    `  judged by hand: ${fl.judged.reuse} reuse, ${fl.judged.quote} shared quote, ${fl.judged.stock} stock, ${fl.judged.independent} independent, ${fl.unjudged} not judged (counted false) = judged false links ${pct(fl.rate)} (${fl.false}) of sentences`,
  );
  for (const w of [...h.hard.wrong].sort((a, b) => a.overlap - b.overlap).slice(0, 5)) out.push(`  ${w.overlap.toFixed(2)} ${w.kind} ${w.id} → ${w.source}: ${w.text.slice(0, 90)}`);
  out.push(`kinds given for correctly traced sentences: ${kindLine(h.stitchedKinds)}`);
  out.push('');
  out.push(`paraphrase (a), generated: ${h.paraArticles} articles, ${h.paraSentences} paraphrased sentences`);
  out.push(...table(h.para, h.paraLsh, ['paraphrased', ...[...h.para.keys()].filter((k) => k.startsWith('paraphrased:')).sort()]));
  const pn = h.para.get('non-reuse');
  out.push(`off-topic sentences traced: engine ${pn ? `${pn.predicted}/${pn.n}` : '-'}; kinds given: ${kindLine(h.paraKinds)}`);
}

function fakeAndSameLines(half: HalfName) {
  const fk = fake.get(half);
  if (fk) {
    out.push(
      `paraphrase (b), FakeNewsAMT (${fk.fakes} fakes of this half, 240 legit indexed): ${fk.toTwin}/${fk.fakes} = ${pct(fk.toTwin / fk.fakes)} traced to their twin, ${fk.toWrong} to a wrong document; sentences ${fk.sentencesToTwin} to twin (${Object.entries(fk.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}), ${fk.sentencesToWrong} wrong, of ${fk.sentences}`,
    );
    out.push(
      `  changed facts in traced sentences (automatic diff): ${fk.facts}, named by reuse/altered-fact ${fk.factsNamed} (${pct(fk.factsNamed / fk.facts)}): ${Object.entries(fk.factsByKind).map(([k, [n, m]]) => `${k} ${m}/${n}`).join(', ')}`,
    );
    const lf = lshFake.get(half);
    if (lf) out.push(`  LSH: ${lf.map((x, i) => `${THRESHOLDS[i]} ${x.toTwin} to twin, ${x.toWrong} to a wrong doc`).join('; ')}`);
  }
  const se = same.get(half);
  if (se) {
    out.push(
      `paraphrase (c), same-event (${se.events} events, longest report indexed, ${se.articles} other reports traced, ${se.sentences} sentences): ${se.linked} linked = ${pct(se.linked / se.sentences)} of sentences, in ${se.articlesLinked} reports (${Object.entries(se.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}; ${se.shared} share >= half their words)`,
    );
    out.push(
      `  judged by hand: ${se.judged.reuse} reuse, ${se.judged.quote} shared quote, ${se.judged.independent} independent = false links ${pct(se.judged.independent / se.sentences)} of sentences; not judged: ${se.unjudgedLow} with Jaccard < 0.5, ${se.linked - se.judged.reuse - se.judged.quote - se.judged.independent - se.unjudgedLow} with Jaccard >= 0.5`,
    );
  }
}
out.push('');
out.push(`total ${since()}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(out.join('\n'));

if (args.json) {
  mkdirSync(dirname(args.json), { recursive: true });
  const obj = (m: Map<string, unknown>) => Object.fromEntries(m);
  writeFileSync(
    args.json,
    JSON.stringify(
      {
        seed,
        count,
        para: paraCount,
        strengths,
        halves: Object.fromEntries(
          [...results].map(([h, x]) => [
            h,
            { stitched: obj(x.stitched), paraphrase: obj(x.para), hard: { ...x.hard, wrong: undefined, links: undefined, judged: countFalseLinks(x.hard.sentences, x.hard.links, unindexedJudged) }, lshHard: x.lshHard, subs: x.subs, fake: fake.get(h) ?? null, sameEvent: same.get(h) ?? null },
          ]),
        ),
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
if (args.links) {
  mkdirSync(dirname(args.links), { recursive: true });
  writeFileSync(args.links, linksOut.join('\n') + '\n');
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

export type { GenArticle, TraceReport };
