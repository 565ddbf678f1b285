import { describe, expect, it } from 'vitest';
import { liftedRuns } from '../../src/reuse/fragment.js';
import { meaningSide } from '../../src/reuse/meaning.js';
import { tokenize } from '../../src/reuse/normalize.js';

// Fictional sentences written for this test.
const side = (text: string) => meaningSide(tokenize(text), text, 0, text.length);
const lifted = (q: string, s: string) => {
  const Q = side(q);
  return liftedRuns(Q, side(s)).map((r) => q.slice(Q.toks[r.qa].start, Q.toks[r.qb - 1].end));
};

describe('lifted runs', () => {
  it('does not take a short set phrase of everyday words for a lifted run', () => {
    expect(lifted('Months later the harbour clerk pleaded guilty to contempt of court in Velm.', 'Tallow, who had hidden the ledgers for a decade, finally pleaded guilty to contempt of court.')).toEqual([]);
    expect(lifted('The ferry captain was charged with three counts of arson after the fire.', 'Police said Kesteren had been charged with three counts of arson and one of theft.')).toEqual([]);
  });

  it('still takes a short run holding a rare word or a figure', () => {
    expect(lifted('Wearing a black homburg and overcoat, the mayor greeted the crews.', 'The envoy arrived in a black homburg and overcoat and shook hands with the mayor.')).toEqual(['a black homburg and overcoat']);
    expect(lifted('Officers seized 14 rifles and 923 rounds of ammunition in the raid on Tuesday.', 'The haul included 14 rifles and 923 rounds of ammunition, the navy said.')).toEqual(['14 rifles and 923 rounds of ammunition']);
  });
});
