import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';

// Fictional articles written for these tests.
async function findings(text: string, rule: string) {
  const doc = await analyzeArticle(textToArticle(text, { id: 't', origin: null }));
  return doc.findings.filter((f) => f.ruleId === rule).map((f) => ({ text: doc.text.slice(f.start, f.end), severity: f.severity, data: f.data }));
}

const header = (title: string) => `${title}\n\nAnna Berg\nMay 20, 2022\n\n`;

describe('consistency/headline', () => {
  const body = [
    'The governor of Arle, Petra Lind, is expected to hold talks with the mayor of Hollin, Tomas Brandt.',
    'Officials said Lind will meet Brandt in Dunmore to discuss the new bridge.',
    'Lind arrived by train in Dunmore on Tuesday morning, where she was greeted by a brass band.',
  ].join('\n\n');

  it('fires when the headline announces for this month what the body tells as done', async () => {
    const hits = await findings(header('Arle governor Petra Lind to meet Tomas Brandt this month') + body, 'consistency/headline');
    expect(hits).toHaveLength(1);
    expect(hits[0].text).toBe('Lind arrived by train in Dunmore on Tuesday morning, where she was greeted by a brass band.');
    expect(hits[0].data?.title).toMatchObject({ field: 'title', text: 'this month', tense: 'future' });
    expect(hits[0].data?.body).toEqual([expect.objectContaining({ value: '2022-05-17', tense: 'past' })]);
  });

  it('does not fire when the headline tells it as done, or when the body only announces it', async () => {
    expect(await findings(header('Arle governor Petra Lind arrived in Dunmore this month') + body, 'consistency/headline')).toEqual([]);
    const announced = body.split('\n\n').slice(0, 2).join('\n\n');
    expect(await findings(header('Arle governor Petra Lind to meet Tomas Brandt this month') + announced, 'consistency/headline')).toEqual([]);
  });
});

describe('consistency/date', () => {
  it('fires on an event told in the past but dated after publication, and on a plan dated before it', async () => {
    const past = await findings(`${header('Hollin mill closes')}The old mill in Hollin closed on June 3, 2022, after a century of work.\n\nThe owners thanked the workers.`, 'consistency/date');
    expect(past).toEqual([expect.objectContaining({ text: 'June 3, 2022' })]);
    expect(past[0].data).toMatchObject({ tense: 'past', published: '2022-05-20' });
    const future = await findings(`${header('Hollin bridge')}The new bridge will open in 2019, the council said.\n\nIt will carry two lanes.`, 'consistency/date');
    expect(future.map((f) => f.text)).toEqual(['2019']);
  });

  it('does not fire on deadlines, hypotheticals or dates that agree with the tense', async () => {
    const text = `${header('Hollin mill')}The owners extended their offer until June 3, 2022.\n\nThe mill closed in 2021.\n\nThe mill would have turned 100 in 2030.\n\nA museum will open in 2023.`;
    expect(await findings(text, 'consistency/date')).toEqual([]);
  });
});

describe('consistency/claim', () => {
  it('a venue said to be undisclosed beside a sentence that names it', async () => {
    const text = [
      'The leaders of Arle and Kelso will meet next month, officials said.',
      'However, the venue was not disclosed.',
      'Officials in Kelso said the two leaders will hold talks in Dunmore.',
    ].join('\n\n');
    const hits = await findings(text, 'consistency/claim');
    expect(hits).toHaveLength(1);
    expect(hits[0].data).toMatchObject({ kind: 'withheld-stated', fact: 'place', withheld: { text: 'However, the venue was not disclosed.' }, stated: { fact: { text: 'Dunmore' } } });
  });

  it('a venue kept secret and never named does not fire', async () => {
    const text = ['The leaders of Arle and Kelso will meet next month, officials said.', 'However, the venue was not disclosed.', 'Both leaders arrived from abroad.'].join('\n\n');
    expect(await findings(text, 'consistency/claim')).toEqual([]);
  });

  it('"first visit" beside an earlier visit of the same person to the same place', async () => {
    const text = ['This will be Petra Lind\'s first visit to Kelso.', 'The governor spoke about trade.', 'On her previous visit to Kelso in 2015, Lind opened a school.'].join('\n\n');
    const hits = await findings(text, 'consistency/claim');
    expect(hits).toEqual([expect.objectContaining({ data: expect.objectContaining({ kind: 'first-after-earlier' }) })]);
    const fine = ['This will be Petra Lind\'s first visit to Kelso.', 'It would not be her last visit to Kelso, she said.'].join('\n\n');
    expect(await findings(fine, 'consistency/claim')).toEqual([]);
  });

  it('two numbers for the same count, but not two counts of different things', async () => {
    const text = ['A fire at a warehouse in Hollin on Monday night left 12 people dead.', 'Firefighters said 12 people died in the blaze.', 'By morning officials said 15 people died, most of them workers.'].join('\n\n');
    const hits = await findings(text, 'consistency/claim');
    expect(hits).toEqual([expect.objectContaining({ text: '15 people died', data: expect.objectContaining({ kind: 'two-counts' }) })]);
    const fine = ['Twelve films competing in the documentary section come from Asia.', 'The 16 films competing in the drama section come from Europe.', 'Another 4 people died on Tuesday.', '3 people died on Monday.'].join('\n\n');
    expect(await findings(fine, 'consistency/claim')).toEqual([]);
  });
});

describe('consistency/date severity', () => {
  it('warns for a day or month told in the wrong tense, and only informs for a bare year', async () => {
    const sev = async (body: string) =>
      (await analyzeArticle(textToArticle(header('Hollin mill') + body, { id: 't', origin: null }))).findings
        .filter((f) => f.ruleId === 'consistency/date')
        .map((f) => f.severity);
    expect(await sev('The old mill in Hollin closed on June 3, 2022, after a century of work.')).toEqual(['warning']);
    expect(await sev('The old mill in Hollin closed in 2024, after a century of work.')).toEqual(['info']);
  });
});

describe('the headline in the report', () => {
  it('carries the headline tense as article.titleTense', async () => {
    const { buildReport } = await import('../src/report/build.js');
    const tense = async (title: string) => {
      const a = textToArticle('The harbour board met on Monday and voted on the ferry plan.', { id: 't', origin: null });
      return buildReport(await analyzeArticle({ ...a, title })).article.titleTense;
    };
    expect(await tense('Harbour board to vote on ferry plan this month')).toBe('future');
    expect(await tense('Harbour board voted on ferry plan')).toBe('past');
  });
});
