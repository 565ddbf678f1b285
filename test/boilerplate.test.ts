import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boilerplateAnalyzer } from '../src/analyzers/boilerplate/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { decode } from '../src/ingest/decode.js';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';

const passes = [segmentAnalyzer, boilerplateAnalyzer];
async function run(text: string) {
  return analyzeArticle(textToArticle(text, { id: 't', origin: null }), { analyzers: passes });
}

const STORY = 'The harbour board met on Monday and approved the dredging plan after a long debate.';

describe('boilerplate', () => {
  it.each([
    ['Share this', 'boilerplate/template-line'],
    ['Other reports by', 'boilerplate/template-line'],
    ['Discuss This Article', 'boilerplate/template-line'],
    ['Related: Harbour board approves budget', 'boilerplate/template-line'],
    ['Read more: Tram fares to rise', 'boilerplate/template-line'],
    ['Tags: harbour, Velmora, dredging', 'boilerplate/template-line'],
    ['© 2025 Velmora Ledger. All rights reserved.', 'boilerplate/template-line'],
    ['Advertisement', 'boilerplate/promo'],
    ['Click here to subscribe', 'boilerplate/promo'],
    ['Sign up for our morning newsletter', 'boilerplate/promo'],
    ['We use cookies to improve your experience.', 'boilerplate/promo'],
    ['By Mara Quillon', 'boilerplate/byline'],
    ['Reporting by Tom Hale; Editing by Ann Lee', 'boilerplate/byline'],
  ])('"%s" is %s, and its sentence leaves the article', async (line, rule) => {
    const d = await run(`${STORY}\n\n${line}\n\n${STORY}`);
    expect(d.findings.map((f) => f.ruleId)).toEqual([rule]);
    const f = d.findings[0];
    expect(d.text.slice(f.start, f.end)).toBe(line);
    expect(new Set(d.sentences.filter((s) => s.role === 'boilerplate').map((s) => s.paragraph))).toEqual(new Set([1]));
  });

  it.each([
    'Residents can share this view at the hearing, the mayor said.',
    'Related industries also suffered, according to the chamber of commerce.',
    'By Friday the water had receded from the low town.',
    'The advertisement campaign cost the council 12,000 euros.',
  ])('leaves story sentences alone: "%s"', async (line) => {
    const d = await run(`${STORY}\n\n${line}`);
    expect(d.findings).toEqual([]);
  });

  it('fires on almost no sentence of real news bodies (BBC corpus sample)', async () => {
    const root = new URL('../../shared/data/corpora/bbc/', import.meta.url);
    let sentences = 0;
    let flagged = 0;
    for (const cat of ['business', 'politics', 'sport', 'tech', 'entertainment']) {
      const dir = new URL(`${cat}/`, root);
      for (const f of readdirSync(dir).sort().slice(0, 60)) {
        const d = await run(decode(readFileSync(new URL(f, dir)), { name: f }));
        sentences += d.sentences.length;
        flagged += d.findings.length;
      }
    }
    expect(sentences).toBeGreaterThan(4000);
    expect(flagged / sentences).toBeLessThan(0.001);
  });
});
