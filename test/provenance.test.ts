import { describe, expect, it } from 'vitest';
import { alignWords, changedFacts } from '../src/analyzers/provenance/diff.js';
import { textToArticle } from '../src/ingest/text.js';
import type { Finding } from '../src/model/types.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { withSourceStore } from './helpers/source-store.js';

// Fictional source articles written for these tests.
const MILL = `Mill to reopen in Larkhaven

The Larkhaven flour mill will reopen in March after a fire closed it for eight months, its owner said on Thursday. "We will hire back every one of the 56 workers we had," said Ines Carrow, who runs the mill. Carrow said the new roof had cost about 1.2 million euros. Councillor Piet Ambrose welcomed the news. The insurer rejected a claim for the lost stock, the Larkhaven Courier reported. The mill did not sell flour to the supermarkets last year.`;

const MILL_UPDATE = `Larkhaven mill update

The Larkhaven flour mill will reopen in April after a fire closed it for eight months, its owner said on Thursday.`;

const CORPUS_RULES = ['attribution/mismatch', 'quote/stripped', 'quote/fabricated', 'reuse/altered-fact'];

async function run(text: string, sources: string[] = [MILL]): Promise<Finding[]> {
  return withSourceStore(sources, async (store) => {
    const doc = await analyzeArticle(textToArticle(text, { id: 'a', origin: null }), { store });
    return doc.findings.filter((f) => CORPUS_RULES.includes(f.ruleId));
  });
}
const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

describe('reuse/altered-fact: the word diff', () => {
  const facts = (a: string, s: string) => changedFacts(alignWords(a, 0, a.length, s, 0, s.length)).map((f) => ({ kind: f.kind, from: f.from, to: f.to }));

  it('names each kind with both sides', () => {
    expect(facts('The mill employs 65 workers.', 'The mill employs 56 workers.')).toEqual([{ kind: 'number', from: '56', to: '65' }]);
    expect(facts('The roof cost 1.2 billion euros in all.', 'The roof cost 1.2 million euros in all.')).toEqual([{ kind: 'number', from: 'million', to: 'billion' }]);
    expect(facts('The mill opened in 1998 near the river.', 'The mill opened in 1989 near the river.')).toEqual([{ kind: 'date', from: '1989', to: '1998' }]);
    expect(facts('The mill will reopen in April after the fire.', 'The mill will reopen in March after the fire.')).toEqual([{ kind: 'date', from: 'March', to: 'April' }]);
    expect(facts('Councillor Marta Quill welcomed the news on Friday.', 'Councillor Piet Ambrose welcomed the news on Friday.')).toEqual([{ kind: 'name', from: 'Piet Ambrose', to: 'Marta Quill' }]);
    expect(facts('The insurer approved a claim for the lost stock.', 'The insurer rejected a claim for the lost stock.')).toEqual([{ kind: 'verdict', from: 'rejected', to: 'approved' }]);
    expect(facts('Sales of flour fell sharply last year.', 'Sales of flour rose sharply last year.')).toEqual([{ kind: 'verdict', from: 'rose', to: 'fell' }]);
    expect(facts('The mill will not reopen in March.', 'The mill will reopen in March.')).toMatchObject([{ kind: 'negation', to: 'not' }]);
    expect(facts('The mill sold flour to the supermarkets.', 'The mill did not sell flour to the supermarkets.')).toMatchObject([{ kind: 'negation', from: 'did not' }]);
  });

  it('reads a changed figure beside a conversion in brackets, not a figure written another way', () => {
    expect(facts('The mill made a profit of $6m last year.', 'The mill made a profit of $5.4m (£4.2m) last year.')).toEqual([{ kind: 'number', from: '5.4m', to: '6m' }]);
    expect(facts('The mill made a profit of $5.4 million last year.', 'The mill made a profit of $5.4m (£4.2m) last year.')).toEqual([]);
    expect(facts('The mill made a profit of $5.4m last year.', 'The mill made a profit of $5.38m (£4.2m) last year.')).toEqual([]);
  });

  it('names nothing for synonyms, number forms, a moved negation or a cut clause', () => {
    expect(facts('The mill will reopen in March after a blaze shut it for eight months.', 'The mill will reopen in March after a fire closed it for eight months.')).toEqual([]);
    expect(facts('The mill employs 7 workers.', 'The mill employs seven workers.')).toEqual([]);
    expect(facts('The mill employs 1,400 workers.', 'The mill employs 1400 workers.')).toEqual([]);
    expect(facts('Not every worker will return to the mill.', 'Every worker will not return to the mill.')).toEqual([]);
    expect(facts('The mill will reopen in March.', 'The mill will reopen in March, though not all of its machines will be ready for the first shift.')).toEqual([]);
    // "would not" said with a verb of refusal is a rewording
    expect(facts('The owners refuse to sell the mill.', 'The owners would not sell the mill.')).toEqual([]);
  });
});

describe('with a corpus', () => {
  it('reuse/altered-fact fires with {kind, from, to} in data, at the changed word', async () => {
    const text = 'Carrow said the new roof had cost about 2.1 million euros.';
    const fs = await run(text);
    expect(ids(fs)).toEqual(['reuse/altered-fact']);
    expect(fs[0].data).toMatchObject({ kind: 'number', from: '1.2', to: '2.1', docId: 'source-1' });
    expect(text.slice(fs[0].start, fs[0].end)).toBe('2.1');
  });

  it('a faithful copy of the whole source fires none of the corpus rules', async () => {
    const copy = MILL.replace('on Thursday', 'on Thursday.').replace('"We will hire', '"We will hire').split('\n\n')[1];
    expect(await run(copy)).toEqual([]);
  });

  it('a change another source of the sentence has is no altered fact', async () => {
    const text = 'The Larkhaven flour mill will reopen in April after a fire closed it for eight months, its owner said on Thursday.';
    expect(ids(await run(text, [MILL]))).toEqual(['reuse/altered-fact']);
    expect(ids(await run(text, [MILL, MILL_UPDATE]))).toEqual([]);
  });

  it('attribution/mismatch: an invented credit fires, the source\'s own credit does not', async () => {
    const fs = await run('The Larkhaven flour mill will reopen in March after a fire closed it for eight months, the Northgate Herald reported.');
    expect(ids(fs)).toContain('attribution/mismatch');
    expect(fs.find((f) => f.ruleId === 'attribution/mismatch')!.data).toMatchObject({ outlet: 'Northgate Herald', docId: 'source-1' });
    expect(ids(await run('The insurer rejected a claim for the lost stock, the Larkhaven Courier said.'))).not.toContain('attribution/mismatch');
  });

  it('quote/stripped: marks and speaker dropped, or the speaker of reported speech cut', async () => {
    const marks = await run('We will hire back every one of the 56 workers we had.');
    expect(ids(marks)).toEqual(['quote/stripped']);
    expect(marks[0].data).toMatchObject({ marks: true, speaker: 'Ines Carrow' });
    const cue = await run('The new roof had cost about 1.2 million euros.');
    expect(ids(cue)).toEqual(['quote/stripped']);
    expect(cue[0].data).toMatchObject({ marks: false, speaker: 'Carrow' });
  });

  it('quote/stripped: not when the article keeps a speaker', async () => {
    expect(await run('We will hire back every one of the 56 workers we had, Ines Carrow said.')).toEqual([]);
    expect(await run('Carrow told reporters the new roof had cost about 1.2 million euros.')).toEqual([]);
  });

  it('quote/fabricated: reported speech made a quotation fires; a quotation kept does not', async () => {
    const fs = await run('Carrow said "the new roof had cost about 1.2 million euros."');
    expect(ids(fs)).toEqual(['quote/fabricated']);
    expect(await run('"We will hire back every one of the 56 workers we had," said Ines Carrow.')).toEqual([]);
  });
});

describe('reuse/altered-fact: forms of words and names', () => {
  const facts = (a: string, s: string) => changedFacts(alignWords(a, 0, a.length, s, 0, s.length)).map((f) => ({ kind: f.kind, from: f.from, to: f.to }));

  it('reads comparatives as their base word, and names every opposite of a replacement', () => {
    expect(facts('The mill hopes to draw a smaller, less loyal group of buyers.', 'The mill hopes to draw a larger, more loyal group of buyers.')).toEqual([
      { kind: 'verdict', from: 'larger', to: 'smaller' },
      { kind: 'verdict', from: 'more', to: 'less' },
    ]);
  });

  it('a misspelt name or initials of the same name are no changed name', () => {
    expect(facts('Carrow studied at Larkhavn College in the north.', 'Carrow studied at Larkhaven College in the north.')).toEqual([]);
    expect(facts('The grant came from the European Union last year.', 'The grant came from the EU last year.')).toEqual([]);
  });
});

describe('attribution/mismatch: credits the quotes pass does not know as outlets', () => {
  it('a trailing "<Name> reported" is a credit', async () => {
    const fs = await run('The Larkhaven flour mill will reopen in March after a fire closed it for eight months - Harbour Desk Online reported.');
    expect(fs.find((f) => f.ruleId === 'attribution/mismatch')?.data).toMatchObject({ outlet: 'Harbour Desk Online' });
  });

  it('the figures a council reported, mid-sentence, are no credit', async () => {
    expect(ids(await run('Councillor Piet Ambrose welcomed the news, which the Larkhaven Council reported on Friday.'))).not.toContain('attribution/mismatch');
  });
});

describe('reuse/altered-fact: only a close copy has changed facts', () => {
  it('a list copied in order with one name replaced fires; the same names shuffled pair no names', async () => {
    const source = `Cup final line-up\n\nThe Larkhaven side was Moor, Quill, Ambrose, Carrow, Lind, Hale, Brandt, Voss, Oakes, Pine, Reed.`;
    const fs = await run('The Larkhaven side was Moor, Quill, Ambrose, Tarn, Lind, Hale, Brandt, Voss, Oakes, Pine, Reed.', [source]);
    expect(fs.map((f) => f.data)).toMatchObject([{ kind: 'name', from: 'Carrow', to: 'Tarn' }]);
    // In word order only half the names line up: the others would pair at random ("Lind" -> "Ambrose").
    const shuffled = await run('The Larkhaven side was Quill, Moor, Carrow, Ambrose, Hale, Lind, Voss, Brandt, Tarn, Oakes, Reed.', [source]);
    expect(ids(shuffled)).toEqual([]);
  });
});
