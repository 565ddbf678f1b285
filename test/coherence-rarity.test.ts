import { describe, expect, it } from 'vitest';
import { addTopics, cosine, idf, topicDimensions } from '../src/analyzers/coherence/rarity.js';
import { contentWords } from '../src/analyzers/coherence/profile.js';

// The tables come from BBC counts (scripts/coherence/build-tables.ts); these check what they must say about
// ordinary English, whatever the exact numbers.
const stems = (text: string) => contentWords(text, 0, text.length);
const topic = (text: string) => {
  const v = addTopics(new Float64Array(topicDimensions()), stems(text), idf);
  v[0] = 0; // as off-topic does: the dimension every news text shares
  return v;
};

describe('coherence rarity and topic tables', () => {
  it('weighs a specialised word above a word many stories use ("world"), and an unknown word highest', () => {
    const [striker] = stems('striker');
    const [world] = stems('world');
    expect(idf(striker)).toBeGreaterThan(idf(world));
    expect(idf('zzqxunknownstem')).toBeGreaterThanOrEqual(idf(striker));
    expect(idf(world)).toBeGreaterThan(0);
  });

  it('puts two sentences on one subject closer than sentences on different subjects that share no word', () => {
    const football = topic('The striker scored twice as the club won the league match.');
    const football2 = topic('The coach praised his defenders after the goalless draw at the stadium.');
    const markets = topic('Shares fell as investors sold bonds and the central bank raised interest rates.');
    expect(cosine(football, football2)).toBeGreaterThan(cosine(football, markets) + 0.2);
    expect(cosine(football2, football)).toBeCloseTo(cosine(football, football2), 10);
  });

  it('gives zero similarity to a vector of no known word', () => {
    expect(cosine(topic('zzqx wwvq'), topic('The striker scored.'))).toBe(0);
  });
});
