import { describe, expect, it } from 'vitest';
import { changedFacts } from '../bench/reuse/facts.js';

// Fictional sentence pairs: the copy first, its source second.
describe('bench fact diff', () => {
  it('finds a substituted number, name and date, with offsets into the copy', () => {
    const copy = 'The council in Dorrel approved 45 new homes on Friday.';
    const src = 'The council in Marsh approved 30 new homes on Monday.';
    const got = changedFacts(copy, src).map((f) => [f.kind, copy.slice(f.start, f.end)]);
    expect(got).toEqual([
      ['number', '45'],
      ['name', 'Dorrel'],
      ['date', 'Friday'],
    ]);
  });

  it('tells numbers with the same unit apart', () => {
    expect(changedFacts('Prices rose by 45 per cent in March.', 'Prices rose by 30 per cent in March.').map((f) => f.text)).toEqual(['45 per cent']);
  });

  it('finds an added or a dropped negation', () => {
    expect(changedFacts('The mayor did not sign the contract.', 'The mayor signed the contract.').map((f) => f.kind)).toEqual(['negation']);
    expect(changedFacts('The mayor signed the contract.', 'The mayor never signed the contract.').map((f) => f.kind)).toEqual(['negation']);
  });

  it('leaves alone a fact that was only dropped, shortened or kept', () => {
    expect(changedFacts('The council approved the homes.', 'The council in Marsh approved 30 new homes on Monday.')).toEqual([]);
    expect(changedFacts('According to Mr Okafor, 30 homes will be built.', 'According to Sam Okafor, 30 homes will be built.')).toEqual([]);
    expect(changedFacts('According to Mr Okafor, 30 homes will be built.', 'According to Mr Vance, 30 homes will be built.').map((f) => f.text)).toEqual(['Mr Okafor']);
    expect(changedFacts('Thirty homes will be built, Okafor said.', 'Thirty homes will be built, Okafor said.')).toEqual([]);
  });
});
