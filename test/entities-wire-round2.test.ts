// Wire copy, second round (issue 13): fictional agency stories, one rule each, with a case where it fires and
// one where it must not. Each fails without its rule (src/analyzers/entities: recognize.ts, context.ts, wire.ts).
import { describe, expect, it } from 'vitest';
import { agree } from '../src/analyzers/entities/combine.js';
import type { RawMention } from '../src/analyzers/entities/recognize.js';
import { at, typed } from './helpers/entities.js';

describe('wire copy, round 2', () => {
  it('names a player and a country ending like an event apart ("of the Czech Republic")', () => {
    const text = 'Pete Brook beat Pavel Tavik of the Czech Republic on Thursday .';
    const m = typed(text);
    expect(m.get(at(text, 'Pavel Tavik'))).toBe('person');
    expect(m.get(at(text, 'Czech Republic'))).toBe('place');
    // A law's name still goes on through "of" and is dropped whole.
    const t2 = 'The Freedom of Information Act was passed in Kaldoria .';
    expect([...typed(t2).keys()].some((k) => k.includes('Freedom'))).toBe(false);
  });

  it("reads a club by a club's abbreviation, first or last", () => {
    const text = 'Tarvik won 2-0 against Roda JC . FC Kessel lost to Brena FC on Sunday , and SV Marsdorf drew .';
    const m = typed(text);
    for (const c of ['Roda JC', 'FC Kessel', 'Brena FC', 'SV Marsdorf']) expect(m.get(at(text, c))).toBe('organization');
    const t2 = 'Tom Brena said on Sunday he would stay .';
    expect(typed(t2).get(at(t2, 'Tom Brena'))).toBe('person');
  });

  it('reads the club in a passive result ("were held 1-1 by Vitesse Arnhem")', () => {
    const text = 'SOCCER - DUTCH SUMMARY .\n\nKessel Eindhoven were held 1-1 by Vitesse Arnhem on Saturday .\n';
    expect(typed(text).get(at(text, 'Vitesse Arnhem'))).toBe('organization');
    const t1 = 'SOCCER - DUTCH SUMMARY .\n\nTarvik were held 1-1 by Dunmere on Saturday .\n';
    expect(typed(t1).get(at(t1, 'Dunmere'))).toBe('organization');
    // Without a score, "held by" is no result.
    const t2 = 'SOCCER - DUTCH SUMMARY .\n\nThe talks were held by Dunmere on Saturday , officials said .\n';
    expect(typed(t2).get(at(t2, 'Dunmere'))).not.toBe('organization');
  });

  it("reads a sports headline's word as the club whose name it opens, not a word opening a league's name", () => {
    const text = 'SOCCER - MARSDORF HOLD KESSEL TO DRAW .\n\nAMSTERDAM 1996-08-31\n\nKessel Athletic were held 1-1 by Marsdorf Rovers on Saturday in the Major League Soccer cup .\n';
    const m = typed(text);
    expect(m.get(at(text, 'MARSDORF'))).toBe('organization');
    expect(m.get(at(text, 'KESSEL'))).toBe('organization');
    const t2 = 'BASEBALL - MAJOR LEAGUE STANDINGS .\n\nNEW YORK 1996-08-31\n\nStandings of Major League Baseball after games played on Friday :\n\nTorville 70 63 .526 4\n';
    expect(typed(t2).has(at(t2, 'MAJOR'))).toBe(false);
  });

  it("reads the dateline's town as a place in the body, not a person", () => {
    // (Round 3: the town inside the event's name, "the New Haven tennis tournament", is no mention at all.)
    const text = 'TENNIS - RESULTS .\n\nNEW HAVEN , Connecticut 1996-08-22\n\nResults from the tennis tournament in New Haven on Thursday :\n';
    expect(typed(text).get(at(text, 'New Haven'))).toBe('place');
  });

  it('reads "Name ( Club ) goals" rows of a scorers table as a player and his club', () => {
    const text = 'SOCCER - FRENCH LEAGUE SUMMARIES .\n\nPARIS 1996-08-31\n\nLeading scorers :\n\nKarim Belhadj ( Nantes ) 4\n\nJean-Marc Perrin ( Lorient ) 3\n';
    const m = typed(text);
    expect(m.get(at(text, 'Karim Belhadj'))).toBe('person');
    expect(m.get(at(text, 'Jean-Marc Perrin'))).toBe('person');
    expect(m.get(at(text, 'Nantes'))).toBe('organization');
    expect(m.get(at(text, 'Lorient'))).toBe('organization');
    // A results row without brackets names two clubs.
    const t2 = 'SOCCER - FRENCH RESULTS .\n\nPARIS 1996-08-31\n\nNantes 2 Lorient 1\n';
    expect(typed(t2).get(at(t2, 'Nantes'))).toBe('organization');
  });

  it('reads a report with two scores as a sports report, without sports words', () => {
    const text = 'Harwick beat Carnforth 2-1 on Saturday . Bexmoor drew 0-0 with Hullbridge . Lindmoor lost at Dunmere and Hullbridge have now drawn twice .';
    const m = typed(text);
    expect(m.get(at(text, 'Dunmere'))).toBe('organization');
    expect(m.get(at(text, 'Hullbridge', 1))).toBe('organization');
    // One score is no sports report: a town after "lost at" stays the town.
    const t2 = 'Harwick beat Carnforth 2-1 on Saturday . The mayor lost at Dunmere in the spring elections .';
    expect(typed(t2).get(at(t2, 'Dunmere'))).not.toBe('organization');
  });

  it('reads the employer of analysts and dealers as a firm, and the firm after "and"', () => {
    const text = 'Tarrant Corp shares fell on Tuesday . Analysts at Harrow Lynch and Kessling Brothers said the move was expected .';
    const m = typed(text);
    expect(m.get(at(text, 'Harrow Lynch'))).toBe('organization');
    expect(m.get(at(text, 'Kessling Brothers'))).toBe('organization');
    // Not after other words: "talks with Tom Harrow" names a person.
    const t2 = 'The minister held talks with Tom Harrow and Anna Kessling on Tuesday .';
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'Tom Harrow'))).toBe('person');
    expect(m2.get(at(t2, 'Anna Kessling'))).toBe('person');
  });

  it("reads a player's club after his name and 'of' in a sports report, a country there as the place", () => {
    const text = 'SOCCER - CAPTAIN NAMED .\n\nLONDON 1996-08-30\n\nHarwick striker Alan Pryce was named captain on Friday . Pryce replaces Tony Marsh of Dunmere .\n';
    expect(typed(text).get(at(text, 'Dunmere'))).toBe('organization');
    const t2 = 'SOCCER - CAPTAIN NAMED .\n\nLONDON 1996-08-30\n\nHarwick striker Alan Pryce was named captain on Friday . Pryce replaces Tony Marsh of Scotland .\n';
    expect(typed(t2).get(at(t2, 'Scotland'))).toBe('place');
  });

  it("reads the team after a competitor's country in a results row, not a rival after 'beat'", () => {
    const text = 'CYCLING - STAGE RESULTS .\n\nTORVIK , Norway 1996-08-22\n\n1. Marco Fenzi ( Italy ) Velotec 4:21:52\n\n2. Pieter Draaijer ( Netherlands ) Rabo Kessel same time\n';
    const m = typed(text);
    expect(m.get(at(text, 'Velotec'))).toBe('organization');
    expect(m.get(at(text, 'Rabo Kessel'))).toBe('organization');
    expect(m.get(at(text, 'Marco Fenzi'))).toBe('person');
    const t2 = 'TENNIS - RESULTS .\n\nTORVIK , Norway 1996-08-22\n\nMarco Fenzi ( Italy ) beat Jens Aaltonen ( Finland ) 6-4 6-2\n';
    expect(typed(t2).get(at(t2, 'Jens Aaltonen'))).toBe('person');
  });

  it('types a name in a line in capitals as the gazetteer types it in mixed case, not a weak or unknown word', () => {
    const text = 'UK PRESS DIGEST - AUG 30 .\n\nLONDON 1996-08-30\n\nThese are the leading stories in some newspapers on Friday .\n\nFINANCIAL TIMES\n\n- Police arrested two men in a raid .\n';
    const m = typed(text);
    expect(m.get(at(text, 'UK'))).toBe('place');
    expect(m.get(at(text, 'FINANCIAL TIMES'))).toBe('organization');
    for (const w of ['AUG', 'PRESS', 'DIGEST']) expect([...m.keys()].some((k) => k.includes(w))).toBe(false);
    const t2 = 'NICE WEATHER HELPS HARVEST .\n\nLONDON 1996-08-30\n\nFarmers said the harvest was early .\n';
    expect(typed(t2).has(at(t2, 'NICE'))).toBe(false);
  });

  it('reads players and figures in a scorecard\'s brackets in a line of prose of a sports report', () => {
    const text = 'CRICKET - THIRD TEST SCOREBOARD .\n\nLONDON 1996-08-24\n\nKaldoria 326 and 220-5 ( M. Atherley 80 , N. Hussein 45 ; Tariq Hameed 3-50 ) .\n';
    const m = typed(text);
    for (const p of ['M. Atherley', 'N. Hussein', 'Tariq Hameed']) expect(m.get(at(text, p))).toBe('person');
    // Outside a sports report a bracket with a name and a number is left to the other rules.
    const t2 = 'The index rose 12 points ( Dravo Steel 45 ) on Monday .';
    expect(typed(t2).get(at(t2, 'Dravo Steel'))).not.toBe('person');
  });

  it('reads a line-up as the side and its players, with particles inside the names', () => {
    const text = 'SOCCER - CUP FINAL LINE-UPS .\n\nROTTERDAM 1996-05-16\n\nTeams :\n\nMarsdorf - Ed de Goey ; Ulrich van der Gobbel , Henk Fraser ; Pieter Blink\n\nNetherlands - Jan Smit ; Kees Rood , Dirk Hals\n';
    const m = typed(text);
    expect(m.get(at(text, 'Marsdorf'))).toBe('organization');
    expect(m.get(at(text, 'Netherlands'))).toBe('place');
    for (const p of ['Ed de Goey', 'Ulrich van der Gobbel', 'Henk Fraser', 'Pieter Blink', 'Kees Rood', 'Dirk Hals']) expect(m.get(at(text, p))).toBe('person');
  });

  it('reads a squad list after its label as players and their clubs in brackets', () => {
    const text = 'SOCCER - SQUAD NAMED .\n\nLONDON 1996-08-27\n\nSquad : David Marsh ( Harwick ) , Gary Pryce ( Dunmere Rovers ) .\n';
    const m = typed(text);
    expect(m.get(at(text, 'David Marsh'))).toBe('person');
    expect(m.get(at(text, 'Harwick'))).toBe('organization');
    expect(m.get(at(text, 'Dunmere Rovers'))).toBe('organization');
  });

  it('reads a scorers row whose rank is written once for two players', () => {
    const text = 'SOCCER - SCORERS .\n\nMADRID 1996-09-02\n\nLeading scorers :\n\n5 - Ronaldo Pires ( Tarvega ) , Davor Sukic ( Real Marsena )\n';
    const m = typed(text);
    expect(m.get(at(text, 'Davor Sukic'))).toBe('person');
    expect(m.get(at(text, 'Real Marsena'))).toBe('organization');
    expect(m.get(at(text, 'Tarvega'))).toBe('organization');
  });

  it('gives the same name in two words one type across a story, by the majority of its evidence', () => {
    const mk = (start: number, type: RawMention['type'], evidence: RawMention['evidence'], extra: Partial<RawMention> = {}): RawMention => ({ start, end: start + 9, text: 'IG Tarvos', type, evidence, sentence: 0, ...extra });
    const ms = agree([mk(0, 'organization', 'strong'), mk(40, 'person', 'strong'), mk(90, 'organization', 'strong')]);
    expect(ms.map((m) => m.type)).toEqual(['organization', 'organization', 'organization']);
    // A tie is left alone; a mention with a title is a person's evidence and is never retyped.
    expect(agree([mk(0, 'organization', 'strong'), mk(40, 'person', 'strong')]).map((m) => m.type)).toEqual(['organization', 'person']);
    const t = agree([mk(0, 'organization', 'strong'), mk(40, 'person', 'weak', { role: 'Chancellor' })]);
    expect(t.map((m) => m.type)).toEqual(['person', 'person']);
  });

  it('reads a name the tagger took for a person as a club when a score follows its verb, and a club ahead on points', () => {
    const text = 'SOCCER - AUSTRIAN SUMMARY .\n\nVIENNA 1996-08-31\n\nSturm Tarvic drew 1-1 at Linzau on Saturday . Rapid top the table , two points ahead of Salzau .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Sturm Tarvic'))).toBe('organization');
    expect(m.get(at(text, 'Salzau'))).toBe('organization');
    // A player's result puts the opponent after the verb: the player stays a person.
    const t2 = 'TENNIS - RESULTS .\n\nVIENNA 1996-08-31\n\nGoran Tarvic beat Pieter Salzau 6-4 6-3 on Saturday .\n';
    expect(typed(t2).get(at(t2, 'Goran Tarvic'))).toBe('person');
  });

  it('reads a name before a lowercase kind of organization as one, not a person who tells party members', () => {
    const text = 'The Tarvos engineering union rejected the offer on Friday .';
    expect(typed(text).get(at(text, 'Tarvos'))).toBe('organization');
    const t2 = 'Baxter told party members on Monday that the vote would be close .';
    expect(typed(t2).get(at(t2, 'Baxter'))).not.toBe('organization');
  });

  it('ends a name before "and" when the next name opens with a country', () => {
    const text = 'Kessel Kabel and France Telecom bid for the licence .';
    const m = typed(text);
    expect(m.get(at(text, 'France Telecom'))).toBe('organization');
    expect([...m.keys()].some((k) => k.includes('Kabel and'))).toBe(false);
    const t2 = 'The Securities and Exchange Commission opened an inquiry .';
    expect(typed(t2).get(at(t2, 'Securities and Exchange Commission'))).toBe('organization');
  });

  it('reads the results after a label with lowercase words and a colon, not a scorers list there', () => {
    const text = 'SOCCER - SCOTTISH RESULTS .\n\nGLASGOW 1996-08-31\n\nDivision one : Greenock Tarvic 2 St Marnan 1 , Falkmoor 0 Airdene 1 .\n\nScorers : Dunlop 12 , Tait 80\n';
    const m = typed(text);
    for (const c of ['Greenock Tarvic', 'St Marnan', 'Falkmoor', 'Airdene']) expect(m.get(at(text, c))).toBe('organization');
    expect(m.get(at(text, 'Dunlop'))).toBe('person');
  });

  it('reads lone names in a tennis report as players, not clubs, whatever the result around them', () => {
    const text = 'TENNIS - TARVIC BEATS MOLAN .\n\nVIENNA 1996-08-30\n\nAustrian Tomas Tarvic beat Carlos Molan 6-3 6-4 on Friday . Tarvic next meets Kafelnov , who beat Rossard 7-6 6-2 . Halvik lost to Haarmond 6-4 3-6 7-5 .\n';
    const m = typed(text);
    for (const p of ['Kafelnov', 'Rossard', 'Haarmond']) expect(m.get(at(text, p))).toBe('person');
    // A football report keeps its clubs.
    const t2 = 'SOCCER - AUSTRIAN SUMMARY .\n\nVIENNA 1996-08-31\n\nKessel lost 4-0 at home to Rapidau on Saturday .\n';
    expect(typed(t2).get(at(t2, 'Rapidau'))).toBe('organization');
  });
});
