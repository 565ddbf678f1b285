import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../src/model/document.js';
import { AnalysisRunner } from '../src/pipeline/runner.js';

const article = (id: string, text: string): Article => ({ id, kind: 'text', origin: `${id}.txt`, text, title: null, byline: null, published: null, url: null });
const GOOD = 'The ferry council in Port Ellery said on Monday that the crossing would reopen in May.';

describe('AnalysisRunner: a time budget per document, in a worker that can be stopped', () => {
  const runner = new AnalysisRunner({ timeBudgetMs: 6000, analyzersModule: new URL('./fixtures/spin-analyzers.ts', import.meta.url).href });
  afterAll(() => runner.close());

  it('stops a pass that never returns, reports why, and goes on with a fresh worker', async () => {
    const first = await runner.analyze(article('a', GOOD));
    expect(first.ok).toBe(true);
    const stuck = await runner.analyze(article('b', `${GOOD} SPIN-FOREVER`));
    expect(stuck).toEqual({ ok: false, message: 'analysis stopped after the time budget of 6000 ms (--time-budget)' });
    const after = await runner.analyze(article('c', GOOD));
    expect(after.ok).toBe(true);
    if (after.ok) expect(after.report.article.id).toBe('c');
  });

  it('turns any error inside a document into that document\'s failure, not the batch\'s', async () => {
    const failed = await runner.analyze(article('d', `${GOOD} THROW-NOW`));
    expect(failed).toEqual({ ok: false, message: 'internal error: deliberate failure' });
    const next = await runner.analyze(article('e', GOOD));
    expect(next.ok).toBe(true);
  });

  it('gives the same report as the analyzers run in this thread', async () => {
    const { analyzeArticle } = await import('../src/pipeline/analyze.js');
    const { buildReport } = await import('../src/report/build.js');
    const { analyzers } = await import('./fixtures/spin-analyzers.js');
    const a = article('f', `${GOOD} "We will be ready," Ann Lee told reporters.`);
    const r = await runner.analyze(a);
    expect(r.ok && JSON.stringify(r.report)).toBe(JSON.stringify(buildReport(await analyzeArticle(a, { analyzers }))));
  });
});
