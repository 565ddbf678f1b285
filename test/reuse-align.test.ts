import { describe, expect, it } from 'vitest';
import { align } from '../src/reuse/align.js';
import { tokenize } from '../src/reuse/normalize.js';
import { compare, meaningSide } from '../src/reuse/meaning.js';
import { enoughToParaphrase } from '../src/reuse/trace-meaning.js';
import { VERIFIER } from '../src/reuse/verifier-model.js';

// Fictional sentences written for these tests.
const SOURCE = 'Local fishermen have complained that construction at the northern pier blocked their moorings for two months.';
const alignTo = (q: string, s = SOURCE) => align(tokenize(q), q, 0, q.length, tokenize(s), s, 0, s.length);

describe('align: words swapped in place (slot fills)', () => {
  it('pairs words a spinner put in the same places, whatever its thesaurus', () => {
    // None of the four swaps shares a WordNet synset with the word it replaces.
    const a = alignTo('Local villagers have chattered that carpentry at the northern pier blocked their gardens for two months.');
    expect(a).toMatchObject({ kind: 'spun' });
    expect(a!.similarity).toBeGreaterThan(0.9);
    expect(a!.substitutions).toEqual(expect.arrayContaining([{ from: 'moorings', to: 'gardens' }, { from: 'construction', to: 'carpentry' }]));
  });

  it('does not pair words when the words around them changed too', () => {
    // Same story, another statement: six words shared, none of the others in a slot of the source.
    expect(alignTo('Two months after the storm, the northern pier is again open to local fishermen and their boats.')).toBeNull();
  });

  it('pairs swapped words in a clause moved to the front', () => {
    const s = 'The hosts gave themselves a glimmer of hope just after the restart, when Okafor scored a penalty at the other end.';
    const a = alignTo('When Okafor scored a penalty at the other end, the villagers gave themselves a flicker of hope just after the restart.', s);
    expect(a).toMatchObject({ kind: 'spun' });
    expect(a!.substitutions).toEqual(expect.arrayContaining([{ from: 'hosts', to: 'villagers' }]));
  });

  it('does not fill a slot with a name or a number', () => {
    const s = 'Edna Mirov said the harbour would reopen to fishing boats in March after the storm.';
    expect(alignTo('Tom Hale said the harbour would reopen to fishing boats in June after the storm.', s)?.substitutions ?? []).not.toContainEqual({ from: 'Edna', to: 'Tom' });
    expect(alignTo('Tom Hale said the harbour would reopen to sailing yachts in June after the flood.', s)).toBeNull();
  });

  it('needs most of the sentence aligned word for word first', () => {
    // Three words kept of seven: too few for slots to count.
    expect(alignTo('Local villagers have chattered that carpentry at the southern quay blocked their gardens for six weeks.')).toBeNull();
  });
});

describe('align: a repeated word', () => {
  it('counts a word matched twice once', () => {
    // Five of seven content words pair up, but "goal" twice: four distinct of six, under the coverage.
    expect(alignTo('On Sunday we missed by two goals, today one goal.', 'We missed two goals, yet we still have one more goal in the tie.')).toBeNull();
    // The same sentence copied with an edit keeps its coverage.
    expect(alignTo('On Sunday we missed by two goals, today by one goal.', 'On Sunday we missed by two goals, and today one goal.')).not.toBeNull();
  });
});

describe('align: a short quote in everyday words', () => {
  it('does not link a generic quote on plain words and a loose synonym', () => {
    // "full", "belief", "team", "say" and game~back (of "full-back"): every shared word is one any match
    // report uses.
    expect(alignTo('"They are full of belief and are playing a great team game," he said.', '"There is no lack of belief in the team," said the Dunmore full-back.')).toBeNull();
  });

  it('still links a restatement that keeps its distinctive words', () => {
    expect(alignTo('The ferry operator can cancel a route if its losses exceed its fares for three years running.', 'operator can cancel any route if its losses exceed its fares three years running.')).not.toBeNull();
    expect(alignTo('Local fishermen said the new quay had blocked their moorings for months.', 'Local fishermen have complained that construction at the northern quay blocked their moorings for months.')).toMatchObject({ kind: 'spun' });
    // Plain words only, but in the source's order: a spun copy, not a chance match.
    expect(alignTo('The home side opened as slowly as the visitors.', 'The home side started as slowly as the visitors.')).not.toBeNull();
  });
});

describe('meaning tier: firm evidence for a paraphrase', () => {
  const side = (t: string) => meaningSide(tokenize(t), t, 0, t.length);
  it('accepts a rewording that shares a figure and most of its words', () => {
    expect(
      enoughToParaphrase(
        side('A consultancy deal worth 2.4 million euros for the environmental study will also be examined, as its director had advised the mayor.'),
        side("Auditors will also look at a 2.4 million euro consultancy contract for the environmental study, whose director had advised the mayor's campaign."),
      ),
    ).toBe(true);
  });

  // The whole decision of the meaning tier: firm evidence, the verifier, no changed fact.
  const paraphrase = (q: string, s: string) => {
    const c = compare(side(q), side(s));
    return enoughToParaphrase(side(q), side(s)) && c.p >= VERIFIER.threshold && !c.facts.length;
  };

  it('rejects a short stock line and a sentence that shares only a name with another statement', () => {
    expect(enoughToParaphrase(side('Other operators are expected to follow suit.'), side('"I think other operators will follow suit," he said.'))).toBe(false);
    // Firm evidence for 40% of its words with a shared name lets the verifier decide; it says no.
    expect(paraphrase('Portwell, however, took time to settle under their new manager Ana Ruiz this season.', 'Portwell manager Ana Ruiz said she was delighted to get the win.')).toBe(false);
  });

  it('needs a plain word shared that is more than everyday wording', () => {
    // A small figure and "lot", "half", "minutes", "hard", "work": any coach's quote after any match.
    expect(enoughToParaphrase(side('"We were stuck in our own half for 20 minutes, so it was a lot of hard work.'), side('"They had a lot of the ball in the first half, but we scored twice in the last 20 minutes."'))).toBe(false);
  });

  it('takes a number spelt as a word for everyday wording, not an anchor', () => {
    // Under half the words firm: a shared name or figure would be needed, and "two" is none.
    const q = 'The rowers lost by two seconds at the regatta in the cold rain.';
    const s = 'Two seconds cost the rowers dearly, their coach told reporters.';
    expect(enoughToParaphrase(side(q), side(s))).toBe(false);
    // The same sentences with the figure in digits share an anchor.
    expect(enoughToParaphrase(side(q.replace('two', '2')), side(s.replace('Two', '2')))).toBe(true);
  });
});
