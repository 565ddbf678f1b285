import { describe, expect, it } from 'vitest';
import { changedFacts, namedFacts } from '../bench/reuse/facts.js';

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

  it('reads one name or figure written two ways as no change', () => {
    expect(changedFacts('The ferry firm Velm Lines, based in Harlow, paid $1.2 billion for the yard.', 'Velm Lines paid $1.2bn (£0.9bn) for the Harlow yard, says Odo.')).toEqual([]);
    expect(changedFacts('A pupil took a knife to a school outside of LA, said Hanna Kovač.', 'Police said a pupil took a knife to a school outside Los Angeles, Kovac told Marsh radio.')).toEqual([]);
    expect(changedFacts('The bill, backed by Brendon, would open schools at 9:00 a.m. daily.', 'Brendon introduced SB412, a bill to open schools later in Tarn.')).toEqual([]);
    expect(changedFacts('The town and 30 others refused to join the ferry talks on Monday.', 'The town and 30 others would not join the ferry talks on Monday.')).toEqual([]);
  });

  it('reads a bigger figure as changed, not as the smaller one written longer', () => {
    expect(changedFacts('The council will spend $20m on 30 new homes.', 'The council will spend $200m on 30 new homes.').map((f) => f.text)).toEqual(['$20m']);
  });

  it('finds no changed fact between two sentences that say different things', () => {
    expect(changedFacts('Watch with Moss the dog on Wednesday at Dorrel.', 'The mayor of Marsh was glad of the vote on Monday.')).toEqual([]);
  });

  it('counts a name added beside a changed one as one change, either of them named', () => {
    const copy = 'Big star Tom Vale, of the Lords of the Ocean films, is not taking the jibes lying down.';
    const got = changedFacts(copy, 'The "Lords of the Desert" star is not taking the jibes lying down, he says.');
    expect(got.map((f) => f.text)).toEqual(['Tom Vale']);
    const ocean = copy.indexOf('Ocean');
    expect(namedFacts(got, (a, b) => a < ocean + 5 && ocean < b)).toEqual([true]);
    expect(namedFacts(got, () => false)).toEqual([false]);
    expect(changedFacts('A pupil took a knife to a school in Orwell, CA, on the first day of term.', 'A pupil took a knife to a school in Orwell, Calif., on the first day of term.')).toEqual([]);
  });
});
