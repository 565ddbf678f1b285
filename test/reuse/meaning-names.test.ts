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
