import { describe, expect, it } from 'vitest';
import { contentKeys, FIXED, hash32, tokenize } from '../src/reuse/normalize.js';
import { keyPairs, minK, pairFingerprints, prepareDoc } from '../src/reuse/prepare.js';
import { splitSentences } from '../src/reuse/split.js';
import { stem } from '../src/reuse/stem.js';
import { areSynonyms } from '../src/reuse/synonyms.js';

const norms = (t: string) => tokenize(t).filter((x) => x.content).map((x) => x.norm);

describe('normalization', () => {
  it('folds tense and number ("will switch" / "switched", "policies" / "policy")', () => {
    expect(stem('switched')).toBe(stem('switch'));
    expect(stem('switching')).toBe(stem('switches'));
    expect(stem('transferred')).toBe(stem('transfer'));
    expect(stem('took')).toBe(stem('take'));
    expect(stem('policies')).toBe(stem('policy'));
  });

  it('maps formal and common country names to one token', () => {
    expect(norms('talks in Russia')).toEqual(norms('talks in the Russian Federation'));
    expect(norms('North Korea said')).toEqual(norms("the Democratic People's Republic of Korea said"));
    expect(norms('the U.S. and the UK')).toEqual(norms('the United States and the United Kingdom'));
    // Not a country when lowercase: "turkey" the bird.
    expect(norms('a roast turkey')).not.toEqual(norms('a roast Turkey'));
    const t = tokenize('He arrived in the Russian Federation.').find((x) => x.norm.startsWith('@'))!;
    expect(t.surface).toBe('Russian Federation');
  });

  it('folds number forms ("1,400" = "1400", "nine" = "9")', () => {
    expect(norms('paid 1,400 crowns')).toEqual(norms('paid 1400 crowns'));
    expect(norms('nine months')).toEqual(norms('9 months'));
  });

  it('knows WordNet synonyms', () => {
    expect(areSynonyms(stem('construction'), stem('building'))).toBe(true);
    expect(areSynonyms(stem('purchase'), stem('buy'))).toBe(true);
    expect(areSynonyms(stem('harbour'), stem('election'))).toBe(false);
  });

  it('indexing keys equal the tracer tokens (both sides must fingerprint alike)', () => {
    const text = "North Korean leader Kim's visit to the Russian Federation, the U.S. said, will cost 1,400 crowns. Officials transferred onto policies.";
    for (const s of splitSentences(text)) {
      const keys: number[] = [];
      const flags: number[] = [];
      contentKeys(text, s.start, s.end, keys, flags);
      const toks = tokenize(text, s.start, s.end).filter((t) => t.content);
      expect(keys).toEqual(toks.map((t) => t.key));
      expect(flags.map((f) => Boolean(f & FIXED))).toEqual(toks.map((t) => t.fixed));
      expect(keyPairs(keys, flags)).toEqual(pairFingerprints(tokenize(text, s.start, s.end)));
    }
  });

  it('min-k keeps the k smallest distinct values', () => {
    expect(minK([5, 3, 9, 3, 1, 7], 3)).toEqual([1, 3, 5]);
    expect(minK([2], 4)).toEqual([2]);
  });

  it('prepares a document: postings per sentence, 8-byte hash, compressed body', () => {
    const p = prepareDoc({ id: 'a', title: null, text: 'The harbour ferries will switch to electric engines. Fares will not rise during the changeover, the plan says.' });
    expect(p.sentences).toBe(2);
    expect(p.hash.length).toBe(8);
    const sentencesWithPostings = new Set([...p.postings].filter((_, i) => i % 2 === 1));
    expect(sentencesWithPostings).toEqual(new Set([0, 1]));
    expect(hash32('x')).toBe(hash32('x'));
  });
});

describe('sentence splitter for indexed documents', () => {
  it('splits at sentence ends and line breaks, not after titles or initials', () => {
    const t = 'Mr. Kim arrived on Jan. 5 with Gen. Ross. "It was signed," she said. U.S. officials left!\nNext line';
    expect(splitSentences(t).map((s) => t.slice(s.start, s.end))).toEqual([
      'Mr. Kim arrived on Jan. 5 with Gen. Ross.',
      '"It was signed," she said.',
      'U.S. officials left!',
      'Next line',
    ]);
  });
});
