import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';

const SPECIMEN = new URL('../../shared/data/seed/article.txt', import.meta.url);

describe('the specimen (shared/data/seed/article.txt)', async () => {
  const article = textToArticle(readFileSync(SPECIMEN, 'utf8'), { id: 'seed', origin: null });
  const report = buildReport(await analyzeArticle(article));

  it('reads the header', () => {
    // The specimen's first line is its headline (not copied here: third-party text stays in shared/).
    expect(report.article.title).toBe(readFileSync(SPECIMEN, 'utf8').split('\n')[0].trim());
    expect(report.article.byline).toBe('Larry Hoffman');
    expect(report.article.published).toBe('2019-04-26');
  });

  it('has 26 body sentences whose offsets give back their text', () => {
    const body = report.sentences.filter((s) => s.role === 'body');
    expect(body).toHaveLength(26);
    expect(report.summary.sentences).toBe(26);
    for (const s of report.sentences) expect(report.article.text.slice(s.start, s.end)).toBe(s.text);
    expect(body[0].text.startsWith('After the failed Hanoi summit')).toBe(true);
    expect(body.some((s) => s.text.startsWith('The abortive U.S. -North Korea summit') && s.text.endsWith('said Monday.'))).toBe(true);
  });

  it('marks the footer lines as boilerplate', () => {
    const tail = report.sentences.slice(-2);
    expect(tail.map((s) => [s.text, s.role])).toEqual([
      ['Other reports by', 'boilerplate'],
      ['Discuss This Article', 'boilerplate'],
    ]);
    const bp = report.findings.filter((f) => f.ruleId.startsWith('boilerplate/'));
    expect(bp.map((f) => f.sentence)).toEqual([tail[0].index, tail[1].index]);
  });
});
