import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';

// Fictional articles written for these tests.
async function findings(text: string, rule: string) {
  const doc = await analyzeArticle(textToArticle(text, { id: 't', origin: null }));
  return doc.findings.filter((f) => f.ruleId === rule).map((f) => ({ text: doc.text.slice(f.start, f.end), severity: f.severity, data: f.data }));
}

const BAKERY = [
  'Hollin bakery reopens after flood',
  '',
  'The Marlow bakery on Quay Street in Hollin reopened on Monday, six weeks after the river flooded its ovens.',
  '',
  'Ines Marlow, who has run the bakery since 2009, said the flood destroyed two ovens and most of the flour store.',
  '',
  'Neighbours helped to dry the shop, and a baker from Arle lent the Marlows a spare oven for the first weeks.',
  '',
  'The bakery now bakes bread and rye loaves again each morning, though the cake counter stays closed until spring.',
  '',
  'Marlow said the insurers paid for one oven; the flour store was rebuilt with money from a street collection.',
  '',
  'Customers queued along Quay Street before the bakery opened its doors at seven.',
].join('\n');

describe('coherence/off-topic', () => {
  it('flags a sentence about something else pasted into the article, and gives the article without it no warning', async () => {
    const pasted = BAKERY.replace(
      'Neighbours helped',
      'The striker Tomas Oduya scored twice as Dunmore Rovers beat Kelso United in the cup semi-final. Neighbours helped',
    );
    const hits = await findings(pasted, 'coherence/off-topic');
    expect(hits.map((h) => h.text)).toEqual(['The striker Tomas Oduya scored twice as Dunmore Rovers beat Kelso United in the cup semi-final.']);
    expect(hits[0].data?.score).toEqual(expect.any(Number));
    // The unaltered article: its least cohesive sentence may get a weak (info) note, never a warning, and
    // never the same evidence as the pasted sentence.
    const clean = await findings(BAKERY, 'coherence/off-topic');
    expect(clean.filter((h) => h.severity !== 'info')).toEqual([]);
    for (const h of clean) expect(Number(h.data?.score)).toBeLessThan(Number(hits[0].data?.score));
  });
});

describe('coherence/dangling-reference', () => {
  it('"Nor was ..." after a paragraph that denies nothing is dangling; after a denial it is not', async () => {
    const base = 'The Hollin council met on Tuesday to plan the spring fair.\n\nThe mayor opened the meeting with a report on the budget.\n\n';
    const hits = await findings(`${base}Nor was the treasurer named on the fair committee.`, 'coherence/dangling-reference');
    expect(hits).toEqual([expect.objectContaining({ text: 'Nor was the treasurer named on the fair committee.', severity: 'warning' })]);
    const fine = 'The Hollin council met on Tuesday to plan the spring fair.\n\nThe mayor did not say who would run the fair.\n\nNor was the treasurer named on the fair committee.';
    expect(await findings(fine, 'coherence/dangling-reference')).toEqual([]);
  });

  it('"However," opening the article has nothing to contrast', async () => {
    const hits = await findings('However, the ferry to Arle will run twice a day from May.\n\nThe harbour board agreed the timetable on Friday.', 'coherence/dangling-reference');
    expect(hits.map((h) => h.text)).toEqual(['However, the ferry to Arle will run twice a day from May.']);
  });

  it('"It" with nothing it could stand for and a date decades from the rest is strong evidence', async () => {
    const text = `${BAKERY.split('\n').slice(2).join('\n')}\n\nIt was ratified on June 2, 1931.`;
    const hits = await findings(`Hollin bakery reopens\n\nAnna Berg\nMarch 3, 2021\n\n${text}`, 'coherence/dangling-reference');
    expect(hits).toEqual([expect.objectContaining({ text: 'It was ratified on June 2, 1931.', severity: 'warning' })]);
  });

  it('"It" whose words the article uses before is not dangling', async () => {
    const text = `${BAKERY}\n\nIt was the first bread baked in Hollin since the flood.`;
    expect((await findings(text, 'coherence/dangling-reference')).map((h) => h.text)).not.toContain('It was the first bread baked in Hollin since the flood.');
  });
});

describe('coherence/voice-shift', () => {
  const story = [
    'The governor of Arle will visit Hollin next week, officials said on Monday.',
    'The visit comes after months of talks about the new bridge over the Hollin river.',
    'Officials said the governor would meet the mayor at the town hall.',
    'The bridge is due to open in the autumn.',
  ];

  it('flags first person pasted without quotation marks in a third-person article', async () => {
    const text = [...story.slice(0, 2), 'Our governor will hold talks with the mayor, who will show him round our city.', ...story.slice(2)].join('\n\n');
    const hits = await findings(text, 'coherence/voice-shift');
    expect(hits).toEqual([expect.objectContaining({ text: 'Our governor will hold talks with the mayor, who will show him round our city.', severity: 'warning' })]);
  });

  it('leaves the same words alone inside quotation marks or reported speech', async () => {
    const quoted = [...story.slice(0, 2), '"Our governor will hold talks with the mayor," an aide said.', ...story.slice(2)].join('\n\n');
    expect(await findings(quoted, 'coherence/voice-shift')).toEqual([]);
  });

  it('leaves a first-person column alone, and titles of works with "We" or "I" in them', async () => {
    const column = [
      'I grew up in Hollin, and I still cross the old bridge every morning.',
      'We were promised a new bridge ten years ago.',
      'My neighbours have stopped believing it will ever open.',
      'Our town deserves better than another decade of promises.',
    ].join('\n\n');
    expect(await findings(column, 'coherence/voice-shift')).toEqual([]);
    const titles = [...story.slice(0, 2), 'The town band played Are We Home Yet? and the old march I, Sailor at the fair.', ...story.slice(2)].join('\n\n');
    expect(await findings(titles, 'coherence/voice-shift')).toEqual([]);
  });
});

describe('coherence and consistency on arbitrary text', () => {
  it('never throw, and every finding lies inside the body', async () => {
    const fc = await import('fast-check');
    const words = fc.constantFrom('It', 'We', 'our', 'Nor', 'was', 'However,', 'the', 'venue', 'not', 'disclosed', 'Hollin', 'Arle', 'met', 'in', '12', 'people', 'died', 'first', 'visit', 'previous', 'on', 'May 3, 2031', '"', '.', '\n\n', 'to', 'meet', 'this month');
    await fc.assert(
      fc.asyncProperty(fc.array(words, { maxLength: 80 }), fc.option(fc.array(words, { maxLength: 10 })), async (body, title) => {
        const text = `${title ? `${title.join(' ').replace(/\n/g, ' ')}\n\nAnna Berg\nMay 20, 2022\n\n` : ''}${body.join(' ')}`;
        const doc = await analyzeArticle(textToArticle(text, { id: 'p', origin: null }));
        for (const f of doc.findings.filter((x) => /^(?:coherence|consistency)\//.test(x.ruleId))) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(doc.text.length);
          expect(f.end).toBeGreaterThanOrEqual(f.start);
        }
      }),
      { numRuns: 40 },
    );
  });
});
