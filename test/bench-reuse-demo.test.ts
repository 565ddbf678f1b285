import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { indexArticles, openStore } from '../src/reuse/index.js';

// The README demo: the fictional corpus indexed, the content-farm article traced to it.
const root = new URL('../examples/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'unspun-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function corpusFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? corpusFiles(join(d, e.name)) : [join(d, e.name)]));
}

describe('demo corpus and article', async () => {
  const files = corpusFiles(join(root, 'corpus')).filter((f) => f.endsWith('.txt'));
  const store = await openStore(join(dir, 'demo.db'), { create: true });
  const articles = files.map((f) => textToArticle(readFileSync(f, 'utf8'), { id: relative(join(root, 'corpus'), f), origin: f }));
  await indexArticles(store, articles, { workers: 0 });
  const article = textToArticle(readFileSync(join(root, 'article.txt'), 'utf8'), { id: 'article.txt', origin: null });
  const report = buildReport(await analyzeArticle(article, { store }));
  // The specimen against an index that holds none of its sources (the demo corpus is fictional).
  const specimenArticle = textToArticle(readFileSync(new URL('../../shared/data/seed/article.txt', import.meta.url), 'utf8'), { id: 'seed', origin: null });
  const specimenIndexed = buildReport(await analyzeArticle(specimenArticle, { store }));
  const specimenAlone = buildReport(await analyzeArticle(specimenArticle));
  await store.close();
  const byText = (start: string) => report.sentences.find((s) => s.text.startsWith(start))!;

  it('has 8-10 articles of 250-400 words with a header', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files.length).toBeLessThanOrEqual(10);
    for (const a of articles) {
      const n = a.text.split(/\s+/).length;
      expect(n).toBeGreaterThan(230);
      expect(n).toBeLessThan(420);
      expect(a.title && a.byline && a.published).toBeTruthy();
    }
    expect(article.title && article.byline && article.published).toBeTruthy();
  });

  it('traces the article to four or more sources, most sentences reused', () => {
    expect(report.summary.sources.length).toBeGreaterThanOrEqual(4);
    expect(report.summary.reusedSentences / report.summary.sentences).toBeGreaterThan(0.7);
  });

  it('names spun words, a formal-name swap among them', () => {
    const subs = report.sentences.flatMap((s) => s.sources[0]?.substitutions ?? []);
    expect(subs.some((x) => x.to.includes('Kingdom of Denmark') || x.to.includes('Federal Republic of Germany'))).toBe(true);
    expect(subs.some((x) => x.from === 'produce' && x.to === 'generate')).toBe(true);
    expect(byText('The port city of Velmora turned on').sources[0]?.kind).toBe('spun');
  });

  it('finds the lifted quote, the invented credit and the reordered clauses', () => {
    expect(byText('We will build three more').sources[0]?.docId).toBe('coastline-press/solar-farm-opens.txt');
    expect(byText('The regional audit office said').sources[0]?.docId).toBe('coastline-press/audit-office-review.txt');
    expect(byText('As a brass band').sources[0]?.docId).toBe('coastline-press/solar-farm-opens.txt');
  });

  it('shows a lifted fragment and a paraphrase, with their evidence', () => {
    const frag = byText('The utility insists the array will survive').sources[0];
    expect(frag?.kind).toBe('fragment');
    expect(frag?.docId).toBe('coastline-press/storm-hedda.txt');
    const run = frag!.lifted![0];
    expect(run.text).toContain('floating solar farm');
    expect(report.article.text.slice(run.start, run.end)).toBe(run.text);
    const para = byText('A consultancy contract worth 2.4 million euros').sources[0];
    expect(para?.kind).toBe('paraphrased');
    expect(para?.docId).toBe('coastline-press/audit-office-review.txt');
    expect(para!.confidence).toBeGreaterThan(0.5);
    expect(para!.anchors).toContain('2.4');
    expect(para!.aligned!.length).toBeGreaterThan(0);
  });

  it('leaves the off-topic sentence and the template lines untraced', () => {
    expect(byText('It was first performed').sources).toEqual([]);
    for (const t of ['Share this', 'Other reports by', 'Discuss This Article']) expect(byText(t).sources).toEqual([]);
  });

  it('judges an article the index traces nothing of on its own signs, as without an index', () => {
    expect(specimenIndexed.summary.reusedSentences).toBe(0);
    expect(specimenIndexed.verdict.label).toBe(specimenAlone.verdict.label);
    expect(specimenIndexed.verdict.score).toBe(specimenAlone.verdict.score);
    expect(specimenIndexed.verdict.label).toBe('suspicious');
  });
});
