import { describe, expect, it } from 'vitest';
import { compare, meaningSide } from '../../src/reuse/meaning.js';
import { tokenize } from '../../src/reuse/normalize.js';

// Fictional sentences written for this test.
const side = (text: string) => meaningSide(tokenize(text), text, 0, text.length);
const names = (q: string, s: string) => compare(side(q), side(s)).facts.filter((f) => f.kind === 'name').map((f) => `${f.from} -> ${f.to}`);

describe('changed names in a restatement', () => {
  it('names a name put in the place of another', () => {
    expect(names('The minister met Kesteren in Velm on Friday to discuss the ferry fleet.', 'The minister met Morrow in Velm on Friday to discuss the ferry fleet.')).toEqual(['Morrow -> Kesteren']);
  });

  it('does not take one name spelt two ways, an acronym or a title for a changed name', () => {
    expect(names('The minister met Kesterin in Velm on Friday to discuss the ferry fleet.', 'The minister met Kesteren in Velm on Friday to discuss the ferry fleet.')).toEqual([]);
    expect(names('Officials of the VMA said on Friday the ferry fleet would double by spring.', 'Officials of the Velmish Maritime Authority said on Friday the ferry fleet would double by spring.')).toEqual([]);
    expect(names('On Friday Mr Tallow said the ferry fleet would double by spring.', 'On Friday Edwin Tallow said the ferry fleet would double by spring.')).toEqual([]);
  });
});

describe('rounded figures, initials and legal forms in a restatement', () => {
  const facts = (q: string, s: string) => compare(side(q), side(s)).facts.map((f) => `${f.kind}: ${f.from} -> ${f.to}`);

  it('does not take a figure rounded to fewer places for a changed number', () => {
    expect(facts('The Velm index slipped 4.6 percent to 981 points on Friday as ferry shares fell.', 'The Velm index slipped 4.56 percent to 981 points on Friday as ferry shares fell.')).toEqual([]);
    expect(facts('The harbour fire has killed 400 people and hurt more than 8,300 since March.', 'The harbour fire has killed 397 people and hurt more than 8,340 since March.')).toEqual([]);
  });

  it('still names a figure changed, not rounded', () => {
    expect(facts('The Velm index slipped 2.5 percent to 981 points on Friday as ferry shares fell.', 'The Velm index slipped 2 percent to 981 points on Friday as ferry shares fell.')).toEqual(['number: 2 -> 2.5']);
    expect(facts('The harbour fire has killed 100 people and hurt many more since March.', 'The harbour fire has killed 104 people and hurt many more since March.')).toEqual(['number: 104 -> 100']);
  });

  it('does not take an initial, a legal form or a part of a longer acronym for a changed name', () => {
    expect(names('"The hatch is not as strong as it should be," said retired Admiral E. K. Tallow, the board chairman.', '"The hatch is not as strong as it should be," said retired Admiral Edwin Tallow, the board chairman.')).toEqual([]);
    expect(names('Kesteren has signed deals with Velm Ferries Ltd and Harbour Lines.', 'Kesteren has signed deals with Velm Ferries and Harbour Lines Corp.')).toEqual([]);
    expect(names('Jon Hale, the VM envoy, will lead a council mission to the region in May.', 'The envoy to the Velmish Mission, Jon Hale, will lead a council mission to the region in May.')).toEqual([]);
  });

  it('takes a country and its people for one name, not two countries', () => {
    expect(names('At least 26 American sailors have been hurt in the harbour since May.', 'At least 26 U.S. sailors have been hurt in the harbour since May.')).toEqual([]);
    expect(names("Sir Tom Hale, the UK's envoy to Velm, will lead the mission.", 'Sir Tom Hale, the British envoy to Velm, will lead the mission.')).toEqual([]);
    expect(names('The French envoy to Velm will lead the mission.', 'The British envoy to Velm will lead the mission.')).toEqual(['British -> French']);
  });
});
