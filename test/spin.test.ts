import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { countryNames } from '../src/analyzers/spin/countries.js';
import { newsUsesFormal } from '../src/analyzers/spin/formal-name.js';
import { decodeTable, encodeTable, wordKey } from '../src/analyzers/spin/collocations.js';
import { gzipSync } from 'node:zlib';

const SPECIMEN = new URL('../../shared/data/seed/article.txt', import.meta.url);

async function spin(text: string, rule: string) {
  const doc = await analyzeArticle(textToArticle(text, { id: 't', origin: null }));
  return doc.findings.filter((f) => f.ruleId === rule);
}

describe('spin/formal-name', () => {
  it('fires on the specimen for "Russian Federation", naming Russia, as a warning (repeated and mixed)', async () => {
    const found = await spin(readFileSync(SPECIMEN, 'utf8'), 'spin/formal-name');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.data?.formal).toBe('Russian Federation');
      expect(f.data?.short).toBe('Russia');
      expect(f.severity).toBe('warning');
      expect(f.message).toContain('"Russia"');
    }
    expect(found[0].data?.formalCount).toBe(found.length + (found[0].data?.inTitle as number));
  });

  it('is info for a single formal name, mixed or not, and warning when it is repeated', async () => {
    const single = await spin('The Kingdom of Denmark opened an embassy in the port city on Monday.', 'spin/formal-name');
    expect(single.map((f) => [f.severity, f.data?.short])).toEqual([['info', 'Denmark']]);
    const mixed = await spin('The Kingdom of Denmark opened an embassy on Monday. Denmark had closed it in 2003.', 'spin/formal-name');
    expect(mixed.map((f) => [f.severity, f.data?.shortCount])).toEqual([['info', 1]]);
    const repeated = await spin('The Kingdom of Denmark opened an embassy on Monday. The Kingdom of Denmark had closed it in 2003.', 'spin/formal-name');
    expect(repeated.map((f) => [f.severity, f.data?.formalCount])).toEqual([
      ['warning', 2],
      ['warning', 2],
    ]);
  });

  it('takes the longest name: "People\'s Republic of China" is China, not Taiwan', async () => {
    const f = await spin("Officials of the People's Republic of China met the delegation.", 'spin/formal-name');
    expect(f.map((x) => x.data?.short)).toEqual(['China']);
    expect(f[0].end - f[0].start).toBe("People's Republic of China".length);
  });

  it('fires inside quotation marks too', async () => {
    const f = await spin('"We will never trade with the Republic of Korea," the minister said.', 'spin/formal-name');
    expect(f.map((x) => x.data?.short)).toEqual(['South Korea']);
  });

  it('leaves formal names that news itself writes', async () => {
    expect(await spin('Aid reached the Democratic Republic of Congo on Monday.', 'spin/formal-name')).toEqual([]);
    expect(await spin('The Republic of Ireland drew with Israel in Dublin.', 'spin/formal-name')).toEqual([]);
    expect(await spin('Unemployment fell in the Czech Republic last year.', 'spin/formal-name')).toEqual([]);
  });

  it('derives which formal names pass from measurement and shared short names, not from a hand list', () => {
    const { formal, shortForms } = countryNames();
    const by = (name: string) => formal.find((f) => f.formal === name)!;
    expect(newsUsesFormal(by('Russian Federation'), shortForms)).toBe(false);
    expect(newsUsesFormal(by('Democratic Republic of Congo'), shortForms)).toBe(true);
    expect(newsUsesFormal(by('Republic of Ireland'), shortForms)).toBe(true);
    // Common names of a country are never formal variants.
    expect(formal.some((f) => f.formal === 'Dominican Republic' || f.formal === 'Central African Republic')).toBe(false);
  });
});

describe('spin/unnatural-phrase', () => {
  it('names the usual wording of a known spun phrase', async () => {
    const f = await spin('Campaigners raised money for research into bosom peril.', 'spin/unnatural-phrase');
    expect(f.map((x) => [x.data?.kind, x.data?.suggestion, x.severity])).toEqual([['fingerprint', 'breast cancer', 'warning']]);
  });

  it('flags a word that never goes with its neighbour and proposes the synonym that does', async () => {
    const f = await spin('The ward for novel mothers opened in the spring.', 'spin/unnatural-phrase');
    expect(f).toHaveLength(1);
    expect(f[0].data?.suggestion).toBe('new mothers');
    expect(f[0].message).toContain('perhaps "new mothers"');
  });

  it('stays quiet on ordinary news wording', async () => {
    const text =
      'The government said on Monday that interest rates would stay unchanged. Shares in the bank rose sharply after the announcement, and analysts expect house prices to keep climbing next year.';
    expect(await spin(text, 'spin/unnatural-phrase')).toEqual([]);
  });

  it('swapping words into that same text makes it fire', async () => {
    const text =
      'The government said on Monday that involvement rates would stay unchanged. Shares in the bank rose sharply after the announcement, and analysts expect household terms to keep climbing next year.';
    expect((await spin(text, 'spin/unnatural-phrase')).length).toBeGreaterThan(0);
  });
});

describe('spin/tense-shift', () => {
  it('fires on a past verb governing a future time, and on "will" with a past time', async () => {
    const a = await spin('The harbour line transferred onto the new timetable next month, the operator said.', 'spin/tense-shift');
    expect(a.map((f) => [f.data?.verb, f.data?.time, f.data?.direction])).toEqual([['transferred', 'next month', 'past-for-future']]);
    const b = await spin('Passengers will board the new ferries yesterday, officials said.', 'spin/tense-shift');
    expect(b.map((f) => f.data?.direction)).toEqual(['future-for-past']);
  });

  it('leaves plans, postponements, prepositional times and quotations alone', async () => {
    for (const text of [
      'The harbour line will switch to the new timetable next month.',
      'The council postponed the vote until next week.',
      'The firm announced a new ferry next year.',
      'Prices rose for next year, the board said.',
      '"We moved everything next week," she joked.',
      'The ferry sailed yesterday and will return next week.',
    ])
      expect(await spin(text, 'spin/tense-shift'), text).toEqual([]);
  });
});

describe('collocation table', () => {
  it('round-trips counts, pairs and synonyms through the binary format', () => {
    const buf = encodeTable({
      words: ['new', 'mothers', 'novel'],
      counts: [9, 4, 2],
      total: 15,
      pairs: [[0 * 65536 + 1, 3]],
      gapPairs: [[2 * 65536 + 1, 1]],
      synonyms: [['fresh|a', [0]], ['novel|a', [0]]],
    });
    const t = decodeTable(gzipSync(buf));
    expect(t.total).toBe(15);
    expect(t.count(t.id.get('mothers')!)).toBe(4);
    expect(t.pair(0, 1)).toBe(3);
    expect(t.pair(1, 0)).toBe(0);
    expect(t.gapPair(2, 1)).toBe(1);
    expect(t.gapPair(0, 1)).toBe(0);
    expect(t.synonymsOf('novel', 'a').map((i) => t.words[i])).toEqual(['new']);
    expect(t.synonymsOf('novel', 'n')).toEqual([]);
    expect(t.synonymsOf('unknown', 'a')).toEqual([]);
  });

  it('keys tokens as lowercase words or a number sign', () => {
    expect([wordKey('Mothers'), wordKey('1,500'), wordKey(','), wordKey('don’t')]).toEqual(['mothers', '#', null, "don't"]);
  });
});
