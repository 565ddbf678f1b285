import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { lineColumn } from '../src/model/document.js';
import type { Entity } from '../src/model/types.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { SCHEMA_ID, type Report, type ReportError } from '../src/report/report.js';
import { PRETTY_LIMITS, renderPretty, spliceStrip } from '../src/render/pretty.js';
import { ferryReport } from './fixtures/reports/build.js';

const ANSI = /\x1b\[[0-9;]*m/;
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('renderPretty', async () => {
  const ferry = await ferryReport();
  const out = renderPretty([ferry], false);

  it('uses colour only when asked', () => {
    expect(out).not.toMatch(ANSI);
    const coloured = renderPretty([ferry], true);
    expect(coloured).toMatch(ANSI);
    expect(strip(coloured)).toBe(out);
  });

  it('shows the header, the verdict with its score and reasons, and the summary', () => {
    const lines = out.split('\n');
    expect(lines[0]).toBe('Ferry workers in Port Ellery to strike this month');
    expect(lines[1]).toBe('Dana Whitcombe · 2024-06-12 · fixtures/ferry.txt');
    expect(out).toContain(` SPLICED   content-farm score ${ferry.verdict.score.toFixed(2)}`);
    for (const r of ferry.verdict.reasons) expect(out).toContain(`  • ${r.text}`);
    expect(out).toContain('6 sentences · 5 reused (83%) · originality 17%');
    expect(out).toMatch(/ {2}A {2}gazette\/2024\/ferry-011\.txt +2 sentences/);
    expect(out).toMatch(/ {2}C {2}archive\/1990\/museum-04\.txt +1 sentence\n/);
  });

  it('draws the splice map as one cell per sentence', () => {
    expect(spliceStrip(ferry)).toEqual(['ABAB·C▒']);
    expect(out).toContain('Splice map  ABAB·C▒');
  });

  it('lists sentences with line:column, their sources, spun words and findings', () => {
    const it = ferry.sentences.find((s) => s.text.startsWith('It was opened'))!;
    const { line, column } = lineColumn(ferry.article.text, it.start);
    expect(out).toContain(`${line}:${column} C s${it.index + 1} It was opened in 1911.`);
    expect(out).toContain('spun words: company → operator, stop work → walk out');
    expect(out).toMatch(/← B wire\/ellery-0612\.txt edited 0\.52/);
    const i = ferry.findings.findIndex((f) => f.ruleId === 'coherence/dangling-pronoun');
    expect(out).toMatch(new RegExp(`#${i + 1} ${line}:${column} +warning coherence/dangling-pronoun +"It" has no antecedent`));
  });

  it('lists quotes with speakers and credits, entities with counts, and the timeline in date order', () => {
    expect(out).toMatch(/s2 +Petra Voss told: the dispute was about rest hours, not pay · credited to Harbour Gazette/);
    expect(out).toContain('Voss said: “We have asked for the same thing for three years”');
    expect(out).toMatch(/person +Petra Voss ×2 {2}\(Union leader; aka Voss\)/);
    const tl = out.slice(out.indexOf('Timeline'));
    expect(tl.indexOf('1911')).toBeLessThan(tl.indexOf('2024-06-10'));
    expect(tl.indexOf('2024-06-10')).toBeLessThan(tl.indexOf('2024-06-20'));
    expect(tl).toContain('“on Monday”  s1 The ferry operator');
  });

  it('works with empty slots and with the error items of a batch', async () => {
    const plain = buildReport(await analyzeArticle(textToArticle('The library reopened on Saturday. Borrowers came back.', { id: 'plain.txt', origin: null })));
    const error: ReportError = { schema: SCHEMA_ID, error: { id: 'batch.jsonl:2', origin: 'batch.jsonl:2', message: 'batch.jsonl:2: malformed JSON on line 2' } };
    const text = renderPretty([plain, error], false);
    expect(text).toContain('── 1/2');
    expect(text).toContain('Splice map  ··');
    expect(text).toContain('✖ batch.jsonl:2: malformed JSON on line 2');
    expect(text).not.toContain('Sources');
  });

  it('caps long lists with "… N more" and wraps a long strip', () => {
    const big = structuredClone(ferry) as Report;
    const one = big.entities[0];
    big.entities = Array.from({ length: 50 }, (_, k): Entity => ({ ...one, id: `e${k}`, name: `Name ${k}` }));
    big.timeline = Array.from({ length: 30 }, () => big.timeline[0]);
    big.sentences = Array.from({ length: 200 }, (_, k) => ({ ...big.sentences[k % 6], index: k }));
    big.summary.spliceMap = big.sentences.map((s) => s.sources[0]?.docId ?? null);
    const text = renderPretty([big], false);
    expect(text).toContain(`… ${50 - PRETTY_LIMITS.entities} more entities`);
    expect(text).toContain(`… ${30 - PRETTY_LIMITS.timeline} more time expressions`);
    expect(text).toMatch(/… \d+ more sentences with findings or sources/);
    expect(spliceStrip(big)).toHaveLength(Math.ceil(200 / PRETTY_LIMITS.stripWidth));
    expect(text.split('\n').length).toBeLessThan(400);
  });

  it('never passes terminal escapes or bidi overrides from the article to the terminal', () => {
    const evil = structuredClone(ferry) as Report;
    evil.article.title = 'Title\x1b]0;owned\x07\x1b[2J with \u202Eoverride';
    evil.sentences[0].text = 'Line\x1b[31m red\r\x1b[Kgone';
    evil.quotes[0].text = '\x9b31m C1 escape';
    const text = renderPretty([evil], false);
    expect(text).not.toMatch(/[\x1b\x07\x9b\r\u202e]/);
    expect(text).toContain('Title�]0;owned��[2J with �override');
  });
});
