import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { fmtWeek, parseDay } from '../src/analyzers/time/calendar.js';
import { extractTimes, timeAnalyzer } from '../src/analyzers/time/index.js';
import { textToArticle } from '../src/ingest/text.js';
import type { Article, Document } from '../src/model/document.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';

// Fictional articles written for these tests. Friday 2019-04-26 unless said otherwise.
const FRIDAY = '2019-04-26';

function article(text: string, published: string | null = FRIDAY): Article {
  return { id: 't', kind: 'text', origin: null, text, title: null, byline: null, published, url: null };
}

async function timeline(text: string, published: string | null = FRIDAY) {
  const doc = await analyzeArticle(article(text, published), { analyzers: [segmentAnalyzer, timeAnalyzer] });
  return doc.data.timeline ?? [];
}

async function one(text: string, published: string | null = FRIDAY) {
  const t = await timeline(text, published);
  expect(t).toHaveLength(1);
  return t[0];
}

describe('time: news conventions (fictional articles)', () => {
  it('a bare weekday in a past clause is the latest such day on or before publication', async () => {
    const t = await one('The harbour master said Monday that the pier would stay shut.');
    expect(t).toMatchObject({ text: 'Monday', value: '2019-04-22', granularity: 'day', tense: 'past' });
    // the publication day itself counts: "said Friday" in a Friday paper is that day
    expect((await one('The harbour master resigned Friday.')).value).toBe('2019-04-26');
  });

  it('a weekday in a future clause leans forward', async () => {
    const t = await one('The council will meet on Monday to vote on the ferry contract.');
    expect(t).toMatchObject({ text: 'Monday', value: '2019-04-29', tense: 'future' });
    expect((await one('The regatta is to start Sunday off Marrow Point.')).value).toBe('2019-04-28');
  });

  it('last week, this month, this year, last year, next month', async () => {
    const t = await timeline(
      'Fish prices rose last week. The co-op expects more boats this month. Catches fell last year. ' +
        'The quota is due for review next month, and the union wants a new deal this year.',
    );
    expect(t.map((x) => [x.text, x.value, x.granularity])).toEqual([
      ['last week', '2019-W16', 'week'],
      ['this month', '2019-04', 'month'],
      ['last year', '2018', 'year'],
      ['next month', '2019-05', 'month'],
      ['this year', '2019', 'year'],
    ]);
  });

  it('"1500 local time Wednesday" is a time on a day', async () => {
    const t = await one('The ferry left Port Ambler at 1500 local time Wednesday with forty passengers.');
    expect(t).toMatchObject({ text: '1500 local time Wednesday', value: '2019-04-24T15:00', granularity: 'time' });
  });

  it('"Tuesday morning" is the day (the part of day stays in the TimeML value)', async () => {
    const text = 'A cargo plane landed at Ambler airfield on Tuesday morning.';
    const t = await one(text);
    expect(t).toMatchObject({ text: 'Tuesday morning', value: '2019-04-23', granularity: 'day', tense: 'past' });
    const doc = await analyzeArticle(article(text), { analyzers: [segmentAnalyzer] });
    expect(extractTimes(doc, { published: FRIDAY })[0]).toMatchObject({ type: 'TIME', timeml: '2019-04-23TMO' });
  });

  it('"earlier this month", years alone and full dates', async () => {
    const t = await timeline(
      'Officials earlier this month said the bridge would reopen. The bridge opened in 1949. It was signed on March 17, 1949.',
    );
    expect(t.map((x) => [x.text, x.value, x.granularity])).toEqual([
      ['earlier this month', '2019-04', 'month'],
      ['1949', '1949', 'year'],
      ['March 17, 1949', '1949-03-17', 'day'],
    ]);
    expect(t[0].tense).toBe('past');
  });

  it('reads the tense of the clause from its verbs', async () => {
    expect((await one('The mayor is expected to sign the order next week.')).tense).toBe('future');
    expect((await one('The mayor signed the order last week.')).tense).toBe('past');
    expect((await one('The mayor signs orders this week.')).tense).toBe('present');
  });

  it('splits clauses at conjunctions and prefers the governing verb on the left', async () => {
    const t = await timeline('Kim arrived in Ambler on Wednesday and will meet the mayor on Thursday.');
    expect(t.map((x) => [x.text, x.value, x.tense])).toEqual([
      ['Wednesday', '2019-04-24', 'past'],
      ['Thursday', '2019-05-02', 'future'],
    ]);
    expect((await one('The guild voted narrowly Friday to cut its dues.')).tense).toBe('past');
    expect((await one('On Tuesday, the two guilds conferred in Ambler.')).tense).toBe('past');
    expect((await one('On Tuesday Mayor Quill met the two guilds.')).value).toBe('2019-04-23');
  });

  it('inside a quotation, the quoted verbs decide the tense', async () => {
    const t = await one('"We hope to finish the new dock this year," the harbour master said.');
    expect(t).toMatchObject({ text: 'this year', value: '2019', tense: 'present' });
  });

  it('reads spoken years from transcripts', async () => {
    expect((await one('The mill closed in nineteen ninety-six and never reopened.')).value).toBe('1996');
  });

  it('keeps offsets, sentence indexes and text order', async () => {
    const text = 'Rain fell on Saturday. Nobody came. The fair reopens on Thursday, April 25, 2019 at noon.';
    const t = await timeline(text);
    expect(t.map((x) => x.sentence)).toEqual([0, 2]);
    for (const x of t) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(t[0].start).toBeLessThan(t[1].start);
  });

  it('does not take counts and prices for dates', async () => {
    expect(await timeline('The mill sold 1996 tonnes of flour for $1.35 a bag.')).toEqual([]);
    expect(await timeline('May the best crew win, the skipper said.')).toEqual([]);
    expect(await timeline('Profit at the boatyard rose to £28.5m after tax.')).toEqual([]);
    expect(await timeline('She once hosted Saturday Night Revue on the island radio.')).toEqual([]);
    expect(await timeline('The mill closed, and four years after the town emptied.')).toEqual([]);
  });

  it('month and day without a year: the nearest one; a weekday picks the year', async () => {
    expect((await one('The vote is set for Nov. 9.', '2019-10-26')).value).toBe('2019-11-09');
    expect((await one('The vote was held on Nov. 9.', '2019-01-05')).value).toBe('2018-11-09');
    expect((await one('Voting opened Saturday, April 25.', '1998-04-24')).value).toBe('1998-04-25');
  });

  it('quarters in earnings stories, and "a year earlier"', async () => {
    const t = await timeline('Net income for the third quarter rose 4% from a year earlier.', '1989-10-26');
    expect(t.map((x) => [x.text, x.value, x.granularity])).toEqual([
      ['the third quarter', '1989-Q3', 'quarter'],
      ['a year earlier', '1988-Q3', 'quarter'],
    ]);
  });

  it('every granularity the timeline uses is valid in the report schema', async () => {
    const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    const text =
      'Net income for the third quarter rose 4% from a year earlier. The board met at 1500 GMT on Tuesday, ' +
      'a week after the vote last week, and will report in November. The firm was founded in 1949.';
    const report = buildReport(await analyzeArticle(article(text, '2019-10-25')));
    expect(new Set(report.timeline.map((x) => x.granularity))).toEqual(new Set(['quarter', 'time', 'week', 'month', 'year']));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it('ISO weeks across a year boundary', () => {
    expect(fmtWeek(parseDay('2021-01-01')!)).toBe('2020-W53');
    expect(fmtWeek(parseDay('2019-12-30')!)).toBe('2020-W01');
    expect(fmtWeek(parseDay('2019-04-26')!)).toBe('2019-W17');
  });

  it('extracts durations and sets for the benchmark but keeps them out of the timeline', async () => {
    const text = 'The dredging took three years and the pier is inspected every week.';
    expect(await timeline(text)).toEqual([]);
    const doc = await analyzeArticle(article(text), { analyzers: [segmentAnalyzer] });
    expect(extractTimes(doc, { published: FRIDAY }).map((c) => [c.text, c.type, c.timeml])).toEqual([
      ['three years', 'DURATION', 'P3Y'],
      ['every week', 'SET', 'P1W'],
    ]);
  });

  it('without a publication date: absolute dates only, and one time/no-anchor finding', async () => {
    const text = 'The harbour master said Monday that the pier, built on March 17, 1949, would close last week.';
    const doc = await analyzeArticle(article(text, null), { analyzers: [segmentAnalyzer, timeAnalyzer] });
    expect(doc.data.timeline?.map((x) => x.value)).toEqual(['1949-03-17']);
    const f = doc.findings.filter((x) => x.ruleId === 'time/no-anchor');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ start: text.indexOf('Monday'), severity: 'info' });
    expect(f[0].data?.expressions).toEqual(['Monday', 'last week']);
  });

  it('a publication date that is not a calendar date counts as none', async () => {
    const doc = await analyzeArticle(article('Prices rose last week.', '2019-02-31'), { analyzers: [segmentAnalyzer, timeAnalyzer] });
    expect(doc.data.timeline).toEqual([]);
    expect(doc.findings.map((f) => f.ruleId)).toEqual(['time/no-anchor']);
  });

  it('the --published override wins over the article date', async () => {
    const doc = await analyzeArticle(article('Prices rose last week.', '2019-04-26'), {
      analyzers: [segmentAnalyzer, timeAnalyzer],
      published: '2020-01-15',
    });
    expect(doc.data.timeline?.[0].value).toBe('2020-W02');
  });
});

describe('time: the specimen (shared/data/seed/article.txt, published 2019-04-26)', async () => {
  const text = readFileSync(new URL('../../shared/data/seed/article.txt', import.meta.url), 'utf8');
  const a = textToArticle(text, { id: 'seed', origin: null });
  const doc: Document = await analyzeArticle(a, { analyzers: [segmentAnalyzer, timeAnalyzer] });
  const t = doc.data.timeline ?? [];
  const find = (s: string) => t.find((x) => x.text === s);

  it('is dated by its header', () => expect(doc.article.published).toBe('2019-04-26'));

  it('resolves the conventions the issue names', () => {
    expect(find('Tuesday morning')?.value).toBe('2019-04-23');
    expect(find('1500 local time Wednesday')).toMatchObject({ value: '2019-04-24T15:00', granularity: 'time' });
    expect(find('Monday')).toMatchObject({ value: '2019-04-22', tense: 'past' });
    expect(find('last week')).toMatchObject({ value: '2019-W16', granularity: 'week' });
    expect(find('earlier this month')?.value).toBe('2019-04');
    expect(find('March 17, 1949')?.value).toBe('1949-03-17');
    expect(find('this year')?.value).toBe('2019');
  });

  it('lists the timeline in text order with offsets into the body', () => {
    const body = t.filter((x) => !x.field);
    for (let i = 1; i < body.length; i++) expect(body[i].start).toBeGreaterThan(body[i - 1].start);
    for (const x of body) expect(doc.text.slice(x.start, x.end)).toBe(x.text);
  });

  it("puts the headline's time expression in the timeline, with the headline's future tense", () => {
    const title = t.filter((x) => x.field === 'title');
    expect(title).toEqual([expect.objectContaining({ text: 'this month', value: '2019-04', tense: 'future', sentence: 0 })]);
    expect(doc.article.title?.slice(title[0].start, title[0].end)).toBe('this month');
    expect(doc.data.title?.tense).toBe('future');
  });
});

describe('time: the headline', () => {
  const titled = async (title: string) => {
    const text = `${title}\n\nAnna Berg\nMarch 3, 2021\n\nThe mayor of Harwick spoke to the council on Tuesday.\n`;
    return analyzeArticle(textToArticle(text, { id: 't', origin: null }), { analyzers: [segmentAnalyzer, timeAnalyzer] });
  };

  it('reads headline grammar: "to meet" is future, "met" past, "meets" present, no verb null', async () => {
    expect((await titled('Harwick mayor to meet striking dockers next week')).data.title?.tense).toBe('future');
    expect((await titled('Harwick mayor met striking dockers last week')).data.title?.tense).toBe('past');
    expect((await titled('Harwick mayor meets striking dockers')).data.title?.tense).toBe('present');
    expect((await titled('Harwick mayor in talks with dockers')).data.title?.tense).toBe(null);
  });

  it('adds title time expressions with offsets into the title and leaves the body timeline alone', async () => {
    const doc = await titled('Harwick mayor to meet striking dockers next week');
    const t = doc.data.timeline ?? [];
    expect(t.filter((x) => !x.field).map((x) => x.text)).toEqual(['Tuesday']);
    const title = t.filter((x) => x.field === 'title');
    expect(title).toEqual([expect.objectContaining({ text: 'next week', value: '2021-W10', tense: 'future', start: 39, end: 48 })]);
  });
});
