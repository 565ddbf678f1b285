// Agency copy (fictional, test/fixtures/wire): datelines, results tables, competitors with a country in
// brackets, headlines in capitals. Each case names the layout it checks.
import { describe, expect, it } from 'vitest';
import { at, typed } from './helpers/entities.js';
import { entitiesAnalyzer } from '../src/analyzers/entities/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { loadWire } from '../scripts/entities/data.js';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';

describe('agency copy', () => {
  it('reads a dateline town in capitals as a place, with the country after it', () => {
    const text = 'RIVER FALLS CLUB SOLD .\n\nPORT ALDA , Marenvia 1996-08-29\n\nThe club was sold on Thursday .\n';
    const m = typed(text);
    expect(m.get(at(text, 'PORT ALDA'))).toBe('place');
    expect(m.get(at(text, 'Marenvia'))).toBe('place');
  });

  it('reads the names of a results table as clubs, countries as places, a given name as a person', () => {
    const text = 'Results of matches on Saturday :\nBarrowby 2 Culmstead 1\nHexley Rovers 0 Fennick Athletic 3\nStandings :\nFennick Athletic 5 4 1 0 12 3 13\nWales 3 2 1 0 5 2 7\nColin Brook 69 70 71\n';
    const m = typed(text);
    for (const club of ['Barrowby', 'Culmstead', 'Hexley Rovers']) expect(m.get(at(text, club))).toBe('organization');
    expect(m.get(at(text, 'Fennick Athletic', 1))).toBe('organization');
    expect(m.get(at(text, 'Wales'))).toBe('place');
    expect(m.get(at(text, 'Colin Brook'))).toBe('person');
    // A score is never part of a name.
    expect([...m.keys()].some((k) => /\d$/.test(k))).toBe(false);
  });

  it('reads scorers in brackets as people and table labels as nothing', () => {
    const text = 'SOCCER - RESULTS .\nBarrowby 2 ( Verhoek 17 , Pryce 61 pen ) Hexley Rovers 1 ( Lund 34 )\nAttendance : 6,200\nHalftime 1-0\n';
    const m = typed(text);
    expect(m.get(at(text, 'Barrowby'))).toBe('organization');
    expect(m.get(at(text, 'Hexley Rovers'))).toBe('organization');
    for (const p of ['Verhoek', 'Pryce', 'Lund']) expect(m.get(at(text, p))).toBe('person');
    expect(m.has(at(text, 'Attendance'))).toBe(false);
    expect(m.has(at(text, 'Halftime'))).toBe(false);
  });

  it('reads a fixture line of a sports report as two clubs, and leaves it alone elsewhere', () => {
    const text = 'BASEBALL - SCHEDULE .\nGames on Friday :\nRiverton at Port Halley\n';
    const m = typed(text);
    expect(m.get(at(text, 'Riverton'))).toBe('organization');
    expect(m.get(at(text, 'Port Halley'))).toBe('organization');
    const t2 = 'Notes from the week .\nRiverton at Port Halley\n';
    expect(typed(t2).get(at(t2, 'Port Halley'))).not.toBe('organization');
  });

  it('reads a scorers line: names before minutes are people, names before a dash clubs', () => {
    const text = 'SOCCER - RESULT .\nBarrowby 2 Culmstead 1\nScorers : Barrowby - Verhoek 17 , Pryce 61 . Culmstead - Lund 34\n';
    const m = typed(text);
    for (const p of ['Verhoek', 'Pryce', 'Lund']) expect(m.get(at(text, p))).toBe('person');
    expect(m.get(at(text, 'Culmstead', 1))).toBe('organization');
    const t2 = 'CRICKET - SCORES .\nBooked : Holm ( Barrowby )\nBowling : Ambler 20-5-50-2 , Wicks 18-3-45-1\n';
    const m2 = typed(t2);
    for (const p of ['Holm', 'Ambler', 'Wicks']) expect(m2.get(at(t2, p))).toBe('person');
    expect(m2.get(at(t2, 'Barrowby'))).toBe('organization');
  });

  it('reads a batting line of a scoreboard as people', () => {
    const text = 'CRICKET - SCOREBOARD .\nM. Ambler c Holm b Wicks 34\nRoy Dahl lbw b Wicks 0\nExtras ( b-1 lb-2 ) 3\n';
    const m = typed(text);
    for (const p of ['M. Ambler', 'Holm', 'Roy Dahl']) expect(m.get(at(text, p))).toBe('person');
    expect(m.get(at(text, 'Wicks'))).toBe('person');
    expect(m.has(at(text, 'Extras'))).toBe(false);
    const t2 = "CRICKET - SCOREBOARD .\nBarrowby first innings\nMen 's singles , second round\n";
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'Barrowby'))).toBe('organization');
    expect(m2.has(at(t2, 'Men'))).toBe(false);
  });

  it('does not read a line of prose with numbers as a table', () => {
    const text = 'Ana Lisboa met envoys in Port Alda on Friday and said 12 of them agreed .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Ana Lisboa'))).toBe('person');
    expect(m.get(at(text, 'Port Alda'))).not.toBe('organization');
  });

  it('reads a competitor with a country in brackets as a person', () => {
    const text = 'Tennis results on Friday :\nJens Aaltonen ( Finland ) beat Kwame Osei ( Ghana ) 7-6 6-3\n';
    const m = typed(text);
    expect(m.get(at(text, 'Jens Aaltonen'))).toBe('person');
    expect(m.get(at(text, 'Kwame Osei'))).toBe('person');
    expect(m.get(at(text, 'Finland'))).toBe('place');
  });

  it('gives a name in a headline in capitals the type the body gives it, and nothing to other capitals', () => {
    const text = 'SOCCER - BARROWBY EDGE PAST CULMSTEAD .\n\nBarrowby beat Culmstead 2-1 in the league on Saturday , and the Barrowby manager was pleased .\n';
    const m = typed(text);
    expect(m.get(at(text, 'BARROWBY'))).toBe(m.get(at(text, 'Barrowby')));
    expect(m.get(at(text, 'CULMSTEAD'))).toBe(m.get(at(text, 'Culmstead')));
    for (const w of ['SOCCER', 'EDGE', 'PAST']) expect(m.has(at(text, w))).toBe(false);
    // A headline with a score is a headline, not a results row; surnames stand for people named in full.
    const t2 = 'TENNIS - VERHOEK BEATS PRYCE 6-4 6-3 .\nTomas Verhoek ( Netherlands ) beat Aled Pryce ( Wales ) 6-4 6-3 on Friday .\n';
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'VERHOEK'))).toBe('person');
    expect(m2.get(at(t2, 'PRYCE'))).toBe('person');
    expect(m2.has(at(t2, 'TENNIS'))).toBe(false);
  });

  it('keeps a competitor named in full a person when the surname alone beats someone', () => {
    const text = 'TENNIS - RESULTS .\nTomas Verhoek ( Netherlands ) beat Aled Pryce ( Wales ) 6-4 6-2 .\nVerhoek beat Pryce for the third time this year .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Tomas Verhoek'))).toBe('person');
    expect(m.get(at(text, 'Verhoek', 1))).toBe('person');
    expect(m.get(at(text, 'Pryce', 1))).toBe('person');
    expect(m.get(at(text, 'Wales'))).toBe('place');
  });

  it('reads the rows of an individual sport, where competitors carry a country, as people', () => {
    const text = 'Leading scores after the second round :\n133 Torvald Lindgren ( Sweden ) 66 67 , Callum Ferrie 68 65\n135 Seve Aranda ( Spain ) 67 68\n';
    const m = typed(text);
    for (const p of ['Torvald Lindgren', 'Callum Ferrie', 'Seve Aranda']) expect(m.get(at(text, p))).toBe('person');
    expect(m.get(at(text, 'Spain'))).toBe('place');
  });

  it("takes a company's name without its suffix for the company, and splits off the country after 'of'", () => {
    const text = 'Traders said Dravo Industries of Finland would bid for the group .\nDravo declined to comment on Friday .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Dravo Industries'))).toBe('organization');
    expect(m.get(at(text, 'Finland'))).toBe('place');
    expect(m.get(at(text, 'Dravo', 1))).toBe('organization');
    // A suffix is what splits: "Bank of Finland" stays one name.
    const t2 = 'The Bank of Finland raised its rate on Friday .\n';
    expect(typed(t2).get(at(t2, 'Bank of Finland'))).toBe('organization');
  });

  it("reads a name ending in a company's suffix as a company, and keeps a position out of a person's name", () => {
    const text = 'The shipbuilder Halvorsen Marine ASA said on Friday profits would fall .\nMidfielder Piet Haarland scored twice .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Halvorsen Marine ASA'))).toBe('organization');
    expect(m.get(at(text, 'Piet Haarland'))).toBe('person');
    expect(m.has(at(text, 'Midfielder Piet Haarland'))).toBe(false);
  });

  it('gives a headline in capitals that became the title the body\'s types, and reads its sports slug', async () => {
    const text = 'SOCCER - BARROWBY EDGE PAST CULMSTEAD\n\nKESTON 1996-08-31\n\nBarrowby beat Culmstead 2-1 in the league on Saturday , and the Barrowby manager was pleased .\n';
    const doc = await analyzeArticle(textToArticle(text, { id: 't', origin: null }), { analyzers: [segmentAnalyzer, entitiesAnalyzer] });
    expect(doc.article.title).toContain('BARROWBY');
    const of = (t: string, field?: 'title') => doc.data.entities!.find((e) => e.mentions.some((m) => m.text === t && m.field === field));
    expect(of('BARROWBY', 'title')?.type).toBe('organization');
    expect(of('BARROWBY', 'title')).toBe(of('Barrowby'));
    expect(of('CULMSTEAD', 'title')?.type).toBe('organization');
    expect(of('SOCCER', 'title')).toBeUndefined();
  });

  it('keeps every fixture mention exact (the fictional wire set parses)', () => {
    const docs = loadWire();
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const d of docs) for (const g of d.gold) expect(d.text.slice(g.start, g.end)).not.toMatch(/[[\]|]/);
  });
});
