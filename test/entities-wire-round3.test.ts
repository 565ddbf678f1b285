// Wire copy, third round (issue 13): fictional agency stories in 1990s layouts, one rule each, with a case where it
// fires and one where it must not (src/analyzers/entities: context.ts, recognize.ts, wire.ts, gazetteer.ts).
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { loadWire } from '../scripts/entities/data.js';
import { at, typed } from './helpers/entities.js';

const SOCCER = 'SOCCER - ENGLISH SUMMARY .\n\nLONDON 1996-09-21\n\n';

describe('wire copy, round 3', () => {
  it('reads a club by its place in the table and its next match', () => {
    const text = `${SOCCER}Harwick drew 1-1 at Carnforth on Saturday . Norbury stayed top with a 3-2 home win over Coldwell Rovers . Harwick play Lydgate on Tuesday .\n`;
    const m = typed(text);
    expect(m.get(at(text, 'Norbury'))).toBe('organization');
    expect(m.get(at(text, 'Lydgate'))).toBe('organization');
    // Outside a sports report the same words name the town.
    const t2 = 'LONDON 1996-09-21\n\nThe council said house prices in Norbury stayed high . Visitors play golf in Lydgate every summer .\n';
    expect(typed(t2).get(at(t2, 'Norbury'))).not.toBe('organization');
  });

  it('reads the opponent in a final as a club, not the venue', () => {
    const text = 'RUGBY LEAGUE - SEMI-FINAL .\n\nLONDON 1996-09-08\n\nWarringford beat Halesby 24-18 on Sunday . Warringford , who were the better side , meet Castlegate in the final at Wembley .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Castlegate'))).toBe('organization');
    expect(m.get(at(text, 'Wembley'))).toBe('place');
  });

  it('keeps a town after a sentence-opening "In" as the town when the club of the name came from the tagger', () => {
    const text = `${SOCCER}Grantley beat Swanmore 2-0 on Saturday . Swanmore rarely threatened . In Swanmore , fans called for the manager to go .\n`;
    const m = typed(text);
    expect(m.get(at(text, 'Swanmore'))).toBe('organization');
    expect(m.get(at(text, 'Swanmore', 2))).toBe('place');
  });

  it('trims a rugby or cricket position opening a sentence before a name', () => {
    const text = 'RUGBY LEAGUE - RESULT .\n\nLONDON 1996-09-08\n\nCentre Tony Marsh scored two tries for Warringford . Wicketkeeper Dan Lowe was injured .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Tony Marsh'))).toBe('person');
    expect(m.has(at(text, 'Centre Tony Marsh'))).toBe(false);
    expect(m.get(at(text, 'Dan Lowe'))).toBe('person');
  });

  it('reads a firm named with an ampersand ("Kappel & Co") whole', () => {
    const text = 'FRANKFURT 1996-09-10\n\nA trader at Kappel & Co said buying was strong . Dealers at Hale & Sons agreed .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Kappel & Co'))).toBe('organization');
    expect(m.get(at(text, 'Hale & Sons'))).toBe('organization');
    expect(m.has(at(text, 'Kappel'))).toBe(false);
  });

  it("types a 1990s seat of government acting as the government, and a fleet and a parliament as organizations", () => {
    const text = 'Moscow warns Kiev over fleet deal .\n\nMOSCOW 1996-09-04\n\nMoscow on Wednesday warned Kiev not to delay a deal on the Dniester Fleet . The Communists in the Duma called for sanctions . Bonn said it would wait .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Kiev', 1))).toBe('organization');
    expect(m.get(at(text, 'Dniester Fleet'))).toBe('organization');
    expect(m.get(at(text, 'Duma'))).toBe('organization');
    expect(m.get(at(text, 'Bonn'))).toBe('organization');
    // A location stays the place.
    const t2 = 'BONN 1996-09-12\n\nThe talks were held in Bonn on Thursday . She flew to Kiev .\n';
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'Bonn', 0))).toBe('place');
    expect(m2.get(at(t2, 'Kiev'))).toBe('place');
  });

  it('knows a national news agency credited in agency copy', () => {
    const text = 'PRAGUE 1996-09-04\n\nThe minister told the CTK news agency the talks had failed , and Tanjug reported the same .\n';
    const m = typed(text);
    expect(m.get(at(text, 'CTK'))).toBe('organization');
    expect(m.get(at(text, 'Tanjug'))).toBe('organization');
  });
  it("reads a side's innings in a county scoreboard as the club, the ground after \"At\" as the place", () => {
    const text = 'CRICKET - ENGLISH COUNTY SCORES .\n\nLONDON 1996-08-22\n\nClose of play scores on Thursday :\n\nAt Tarnbury : Kelshire 287-6 ( R. Hallam 92 , T. Ogden 51 ) v Darnshire .\n\nAt Lindley : Halshire 301 v Brackenshire .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Kelshire'))).toBe('organization');
    expect(m.get(at(text, 'Halshire'))).toBe('organization');
    expect(m.get(at(text, 'Tarnbury'))).toBe('place');
    // A batsman's runs are no innings.
    expect(m.get(at(text, 'R. Hallam'))).toBe('person');
  });

  it('reads a town and a club word as a club in a team report, and the town alone as the same club', () => {
    const text = 'SOCCER - IRISH SUMMARY .\n\nDUBLIN 1996-09-14\n\nDerry City won 2-0 at Shelbourne on Saturday . Goals from Liam Coyle gave Derry their third win . Cork City travel to Dundalk next week .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Derry City'))).toBe('organization');
    expect(m.get(at(text, 'Derry', 1))).toBe('organization');
    expect(m.get(at(text, 'Cork City'))).toBe('organization');
    // A city the gazetteer knows whole stays the place.
    const t2 = 'SOCCER - MEXICAN SUMMARY .\n\nMEXICO CITY 1996-09-14\n\nAmerica beat Toluca 2-0 on Saturday before 80,000 fans in Mexico City .\n';
    expect(typed(t2).get(at(t2, 'Mexico City', 0))).toBe('place');
  });

  it("reads the club after a word for a side's standing and after a transfer", () => {
    const text = `${SOCCER}Harwick lost at Carnforth on Saturday . Champions Ellesby have won only one of their five games . Midfielder Joe Platt , signed from Hatherleigh in the summer , scored .\n`;
    const m = typed(text);
    expect(m.get(at(text, 'Ellesby'))).toBe('organization');
    expect(m.has(at(text, 'Champions Ellesby'))).toBe(false);
    expect(m.get(at(text, 'Hatherleigh'))).toBe('organization');
    // Without a sports report the words are no club's.
    const t2 = 'LONDON 1996-09-21\n\nChampions Ellesby is a village near the coast . The council said so .\n';
    expect(typed(t2).get(at(t2, 'Ellesby'))).not.toBe('organization');
  });
  it('names the party before "of" and a role ("the ruling Popular Party of Prime Minister Tomas Ardevol Prieto")', () => {
    const text = 'MADRID 1996-09-08\n\nThe Socialists beat the ruling Popular Party of Prime Minister Tomas Ardevol Prieto on Sunday .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Popular Party'))).toBe('organization');
    expect(m.get(at(text, 'Tomas Ardevol Prieto'))).toBe('person');
    // A name that goes on after "of" is not cut there.
    const t2 = 'LONDON 1996-09-08\n\nThe Bank of England Governor Eddie George spoke on Sunday .\n';
    expect(typed(t2).get(at(t2, 'Bank of England'))).toBe('organization');
  });

  it('reads lone names before a price move in a market report as companies, and "Bank X" as a bank', () => {
    const text = 'Polish shares close higher .\n\nWARSAW 1996-09-04\n\nShares on the Warsaw bourse closed higher on Wednesday in thin trade . The WSX index rose 1.1 percent . Bank Karpacki gained 4 percent and Veltronix was flat . Quorvane fell after it cut its forecast , dealers said .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Bank Karpacki'))).toBe('organization');
    expect(m.get(at(text, 'Veltronix'))).toBe('organization');
    expect(m.get(at(text, 'Quorvane'))).toBe('organization');
    // Outside a market report a name before "fell" is whoever fell.
    const t2 = 'LONDON 1996-09-04\n\nThe climbers reached the ridge at noon . Quorvane fell on the ice and was taken to hospital , police said .\n';
    expect(typed(t2).get(at(t2, 'Quorvane'))).not.toBe('organization');
  });
  it('reads a golf row of players level on one score, the number written once, without brackets', () => {
    const text = 'GOLF - LEADING SCORES AT THE MIDLAND MASTERS .\n\nNORTHAMPTON , England 1996-09-05\n\nLeading first round scores on Thursday ( Britain unless stated ) :\n\n66 Callum Ferrie , Deryck Lomas\n\n67 Ossie Pettigrew\n\n68 Rhodri Bevan , Fergal Doyle , Gordie Brand\n';
    const m = typed(text);
    for (const p of ['Callum Ferrie', 'Deryck Lomas', 'Ossie Pettigrew', 'Rhodri Bevan', 'Gordie Brand']) expect(m.get(at(text, p))).toBe('person');
    // In a team sport's results the same shape names clubs.
    const t2 = `${SOCCER}Results on Saturday :\n\nHarwick 2 Carnforth 1\n\nLydgate 0 Norbury 3\n`;
    expect(typed(t2).get(at(t2, 'Carnforth'))).toBe('organization');
  });
  it('drops the town inside a sports event\'s name and reads a ground after "at" as a place', () => {
    const text = 'ATHLETICS - RESULTS FROM OSTRAVEN GRAND PRIX .\n\nOSTRAVEN 1996-08-23\n\nLeading results at the Ostraven grand prix athletics meeting on Friday , the day after the Marlow tennis tournament ended at Hallam Park :\n\n1. Dennis Mitchum ( U.S. ) 10.03\n\n2. Obadele Nwosu ( Nigeria ) 10.11\n';
    const m = typed(text);
    expect([...m.keys()].filter((k) => /:(?:Ostraven|OSTRAVEN|Marlow)$/.test(k))).toEqual([at(text, 'OSTRAVEN', 1)]);
    expect(m.get(at(text, 'Hallam Park'))).toBe('place');
    const t2 = 'CRICKET - SCOREBOARD .\n\nLONDON 1996-08-23\n\nScoreboard on the second day of the third test between England and Pakistan at The Oval on Friday :\n';
    expect(typed(t2).get(at(t2, 'The Oval'))).toBe('place');
    // Outside a sports report a town before "tournament" is left alone.
    const t3 = 'LEEDS 1996-08-23\n\nThe council said the Leeds tournament of debating societies would bring visitors to the city .\n';
    expect(typed(t3).get(at(t3, 'Leeds'))).toBe('place');
  });
  it('reads a capital that speaks as its government, also when its name is a given name ("Paris said")', () => {
    const text = 'Bonn says no to early talks .\n\nBONN 1996-09-12\n\nBonn said on Thursday it saw no need for early talks . Paris and Rome have pressed for a decision .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Bonn', 1))).toBe('organization');
    expect(m.get(at(text, 'BONN'))).toBe('place');
    const t2 = 'LONDON 1996-09-12\n\nParis said on Thursday it saw no need for talks .\n';
    expect(typed(t2).get(at(t2, 'Paris'))).toBe('organization');
    // A person of that name, named in full, keeps it.
    const t3 = 'LONDON 1996-09-12\n\nParis Holt said on Thursday she would stand . Paris said the race was open .\n';
    expect(typed(t3).get(at(t3, 'Paris', 1))).toBe('person');
  });
  it('reads clubs in a transfer story: a move to, a career at, two clubs joined by "and"', () => {
    const text = 'Harwick sign Ketley\n\nHarwick have completed the signing of striker Ben Ketley from Carnforth . He scored 15 goals for Carnforth last season and had been linked with a move to Lydgate . Ketley , who began his career at Norbury , played 120 games for Carnforth and Norbury .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Lydgate'))).toBe('organization');
    expect(m.get(at(text, 'Norbury'))).toBe('organization');
    expect(m.get(at(text, 'Carnforth', 2))).toBe('organization');
    expect(m.get(at(text, 'Norbury', 1))).toBe('organization');
    expect(m.has(at(text, 'Carnforth and Norbury'))).toBe(false);
    // Outside sport a career at a town is the town's.
    const t2 = 'LONDON 1996-09-12\n\nThe bank said its staff in Lydgate would move to Norbury , where rents were lower .\n';
    expect(typed(t2).get(at(t2, 'Norbury'))).not.toBe('organization');
  });
  it('parses the round-3 fixtures (tune 4, held-out 4) with every mention exact', () => {
    for (const dir of ['wire-tune-4', 'wire-heldout-4']) {
      const docs = loadWire(path.resolve(process.cwd(), 'test/fixtures', dir));
      expect(docs.length).toBeGreaterThanOrEqual(9);
      for (const d of docs) for (const g of d.gold) expect(d.text.slice(g.start, g.end)).toMatch(/^\p{Lu}[^[\]|]*$/u);
    }
  });
});
