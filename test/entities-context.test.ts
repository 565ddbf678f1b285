// Types by context and organizations in news forms (issue 13, rules round): fictional articles, one rule
// each, with a case where it fires and one where it must not.
import { describe, expect, it } from 'vitest';
import { at, typed } from './helpers/entities.js';

const names = (m: Map<string, string>) => [...m.keys()].map((k) => k.slice(k.indexOf(':') + 1));

describe('types by context', () => {
  it('reads a plural noun for people opening a sentence as no name, a name there as one', () => {
    const text = 'Authorities said the road to Karsk was closed. Insurgents said they had fired on the depot. Rebels said the town had fallen.';
    const m = typed(text);
    for (const w of ['Authorities', 'Insurgents', 'Rebels']) expect(names(m)).not.toContain(w);
    expect(m.get(at(text, 'Karsk'))).toBe('place');
    const t2 = 'Ostrander said the road was closed. Police Scotland said two men were held.';
    const m2 = typed(t2);
    expect(m2.has(at(t2, 'Ostrander'))).toBe(true);
    expect(m2.get(at(t2, 'Police Scotland'))).toBe('organization');
  });

  it('reads a town as a club after a result with a score, and as the town after "in"', () => {
    const text =
      'SOCCER - LEAGUE SUMMARY .\nHullbridge drew 1-1 with Harwick on Saturday , while Carnforth went down 2-0 at home to Bexmoor . Carnforth \'s goalkeeper was sent off . Fans in Harwick were angry .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Harwick'))).toBe('organization');
    expect(m.get(at(text, 'Bexmoor'))).toBe('organization');
    // The split possessive stays outside the name.
    expect(m.get(at(text, 'Carnforth', 1))).toBe('organization');
    expect(names(m)).not.toContain("Carnforth 's");
    expect(m.get(at(text, 'Harwick', 1))).toBe('place');
    // No result, no club: a town a delegation travelled to stays a place.
    const t2 = 'The delegation drew up its plans in Harwick on Saturday before flying home.';
    expect(typed(t2).get(at(t2, 'Harwick'))).toBe('place');
  });

  it('reads a match result as naming clubs outside a sports report, a sentence as no title-case headline', () => {
    const text = 'Plymouth Argyle beat Exeter City 2-1 on Saturday .';
    const m = typed(text);
    expect(m.get(at(text, 'Plymouth Argyle'))).toBe('organization');
    expect(m.get(at(text, 'Exeter City'))).toBe('organization');
    const t2 = 'The mayor visited Exeter City Council on Saturday .';
    expect(typed(t2).get(at(t2, 'Exeter City'))).not.toBe('organization');
  });

  it('reads a capital owning a named thing as the place, a capital acting as its government', () => {
    const text = "London 's FTSE 100 index fell . Moscow denied the report .";
    const m = typed(text);
    expect(m.get(at(text, 'London'))).toBe('place');
    expect(m.get(at(text, 'Moscow'))).toBe('organization');
  });

  it('reads a team nickname after a town as a club in any story, not after a given name', () => {
    const text = 'Leicester Tigers signed a new sponsor on Monday. The deal with Harlow Hornets was smaller.';
    const m = typed(text);
    expect(m.get(at(text, 'Leicester Tigers'))).toBe('organization');
    expect(m.get(at(text, 'Harlow Hornets'))).toBe('organization');
    const t2 = 'Tom Eagles signed a new contract on Monday.';
    expect(typed(t2).get(at(t2, 'Tom Eagles'))).toBe('person');
  });
});

describe('organizations in news forms', () => {
  it('knows exchanges and indices', () => {
    const text = 'Shares in Vandermere rose on the Nasdaq . The Dow Jones industrial average rose and the Nikkei closed higher .';
    const m = typed(text);
    for (const o of ['Nasdaq', 'Dow Jones', 'Nikkei']) expect(m.get(at(text, o))).toBe('organization');
  });

  it('ends a company name with an industry word, not a person named with a given name', () => {
    const text = 'Halvorsen Marine said on Monday it had won an order . Shares of Ostrava Steel rose 4 percent .';
    const m = typed(text);
    expect(m.get(at(text, 'Halvorsen Marine'))).toBe('organization');
    expect(m.get(at(text, 'Ostrava Steel'))).toBe('organization');
    const t2 = 'John Steel said on Monday he would retire .';
    expect(typed(t2).get(at(t2, 'John Steel'))).toBe('person');
  });

  it('splits "the University of A and the Bank of B", keeps "Department of A and B Services"', () => {
    const text = 'The University of Glynford and the Bank of Kaldoria published a report.';
    const m = typed(text);
    expect(m.get(at(text, 'University of Glynford'))).toBe('organization');
    expect(m.get(at(text, 'Bank of Kaldoria'))).toBe('organization');
    const t2 = 'The Department of Health and Human Services published a report.';
    expect(typed(t2).get(at(t2, 'Department of Health and Human Services'))).toBe('organization');
  });

  it('reads "X for Y" and "X for the Y of Z" names with their acronym', () => {
    const text = 'The Movement for the Emancipation of the Kaldor Delta (MEKD) said it had freed the hostages. The Organisation for Economic Co-operation and Development said growth would slow.';
    const m = typed(text);
    expect(m.get(at(text, 'Movement for the Emancipation of the Kaldor Delta'))).toBe('organization');
    expect(m.get(at(text, 'MEKD'))).toBe('organization');
    expect(m.get(at(text, 'Organisation for Economic Co-operation and Development'))).toBe('organization');
    // "for" after a word that heads no organization stays outside: two names.
    const t2 = 'Anna Ruiz voted for Tom Baxter on Monday.';
    expect(names(typed(t2))).toEqual(['Anna Ruiz', 'Tom Baxter']);
  });

  it("keeps a possessive inside a party's name, not a country's possessive before one", () => {
    const text = "The Kaldorian Workers' Party (KWP) and the People's Power Party boycotted the vote. The Farmers ' Union did not .";
    const m = typed(text);
    expect(m.get(at(text, "Kaldorian Workers' Party"))).toBe('organization');
    expect(m.get(at(text, "People's Power Party"))).toBe('organization');
    expect(m.get(at(text, "Farmers ' Union"))).toBe('organization');
    const t2 = "Britain's Labour Party said it welcomed the result.";
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'Britain'))).toBe('place');
    expect(m2.get(at(t2, 'Labour Party'))).toBe('organization');
  });

  it('reads a company by its name without the industry word, but not the town after "in"', () => {
    const text = 'Glynford Mining Corp said on Monday it had agreed to buy Ostrava Gold Ltd for C$ 200 million . Glynford said the deal would add to earnings . Ostrava \'s board backed the offer .';
    const m = typed(text);
    expect(m.get(at(text, 'Ostrava Gold Ltd'))).toBe('organization');
    expect(m.get(at(text, 'Glynford', 1))).toBe('organization');
    expect(m.get(at(text, 'Ostrava', 1))).toBe('organization');
    const t2 = 'Keswick Marine said it would build a yard . The yard will open in Keswick next year .';
    const m2 = typed(t2);
    expect(m2.get(at(t2, 'Keswick Marine'))).toBe('organization');
    expect(m2.get(at(t2, 'Keswick', 1))).not.toBe('organization');
  });

  it('reads a one-word bank as an organization, not a word that only contains "bank"', () => {
    const text = 'Dealers at Kaldorbank said the rate would hold .';
    expect(typed(text).get(at(text, 'Kaldorbank'))).toBe('organization');
    const t2 = 'Tom Banks said the rate would hold .';
    expect(typed(t2).get(at(t2, 'Tom Banks'))).toBe('person');
  });

  it("reads a club's name again where a sentence opens with it, and a scorer's club after 'for'", () => {
    const text = 'SOCCER - KALDORIAN LEAGUE SUMMARY .\n\nBarrowby moved top of the table on Sunday after a 3-0 win at Culmstead . Piet Haarland scored twice for Barrowby , who have 10 points from four games .\n';
    const m = typed(text);
    expect(m.get(at(text, 'Barrowby', 0))).toBe('organization');
    expect(m.get(at(text, 'Barrowby', 1))).toBe('organization');
    expect(m.get(at(text, 'Culmstead'))).toBe('organization');
    expect(m.get(at(text, 'Piet Haarland'))).toBe('person');
    // Outside a sports report, a word opening a sentence is not brought back as a club (the tagger may still
    // read the town there as a place).
    const t2 = 'Barrowby moved its offices on Sunday . The firm voted for Barrowby , the mayor said .';
    expect(typed(t2).get(at(t2, 'Barrowby'))).not.toBe('organization');
  });
});

