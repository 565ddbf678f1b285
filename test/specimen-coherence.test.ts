import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';

// The "Done when" items of the coherence and consistency rules, on the specimen (read from shared/,
// never copied here). Sentences are found by how they start.
const SPECIMEN = new URL('../../shared/data/seed/article.txt', import.meta.url);

describe.skipIf(!existsSync(SPECIMEN))('the specimen: coherence and consistency, no corpus', async () => {
  const article = textToArticle(readFileSync(SPECIMEN, 'utf8'), { id: 'seed', origin: null });
  const report = buildReport(await analyzeArticle(article));
  const sentence = (prefix: string) => {
    const s = report.sentences.find((x) => x.text.startsWith(prefix));
    if (!s) throw new Error(`no sentence starts with "${prefix}"`);
    return s;
  };
  const rulesOn = (prefix: string) => report.findings.filter((f) => f.sentence === sentence(prefix).index).map((f) => f.ruleId);

  it('the unrelated 1949 sentence is off-topic or dangling', () => {
    const rules = rulesOn('It was signed on');
    expect(rules.some((r) => r === 'coherence/off-topic' || r === 'coherence/dangling-reference')).toBe(true);
  });

  it('"Nor was ..." leans on a sentence that is not there, and is not a quotation', () => {
    const nor = sentence('Nor was ');
    expect(rulesOn('Nor was ')).toContain('coherence/dangling-reference');
    expect(report.quotes.filter((q) => q.start >= nor.start && q.end <= nor.end)).toEqual([]);
  });

  it('the Kremlin aide\'s first person, pasted without marks, is a voice shift', () => {
    expect(rulesOn('Our president will hold talks')).toContain('coherence/voice-shift');
  });

  it('the headline\'s "this month", future, is against the arrival told in the past', () => {
    const f = report.findings.find((x) => x.ruleId === 'consistency/headline');
    expect(f).toBeDefined();
    const title = f!.data!.title as { start: number; end: number; text: string };
    expect(report.article.title?.slice(title.start, title.end)).toBe('this month');
    expect(report.sentences[f!.sentence!].text).toMatch(/landed/);
  });

  it('"the venue was not disclosed" is against "Putin will meet with Kim in Vladivostok"', () => {
    const f = report.findings.find((x) => x.ruleId === 'consistency/claim' && x.data?.kind === 'withheld-stated');
    expect(f).toBeDefined();
    const withheld = f!.data!.withheld as { text: string };
    const stated = f!.data!.stated as { text: string; fact: { text: string } };
    expect(withheld.text).toMatch(/venue was not disclosed/);
    expect(stated.text).toMatch(/will meet with Kim in Vladivostok/);
    expect(stated.fact.text).toBe('Vladivostok');
  });

  it('the headline joins the language layer: its Kim is the body\'s Kim, its "this month" is in the timeline', () => {
    const kim = report.entities.find((e) => e.mentions.some((m) => m.text === 'Kim Jong-un'))!;
    expect(kim.mentions.filter((m) => m.field === 'title').map((m) => m.text)).toEqual(['Kim Jong Un']);
    expect(report.timeline.filter((t) => t.field === 'title').map((t) => [t.text, t.tense])).toEqual([['this month', 'future']]);
  });
});
