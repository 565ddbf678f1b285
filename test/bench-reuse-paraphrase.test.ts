import { describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { segmentText, type SourceDoc } from '../bench/lib/reuse-corpus.js';
import { prng } from '../bench/reuse/generate.js';
import { heldSpinner, HELD_FORMAL_NAMES } from '../bench/reuse/moby.js';
import { generateParaphraseArticles, paraphraseSentence } from '../bench/reuse/paraphrase.js';
import { FORMAL_NAMES, TUNE_SPINNER, type Spinner } from '../bench/reuse/spin.js';

// Fictional sentences written for this test.
const TEXT = `The harbour board bought the old dry dock in March.

In 2021, the harbour board approved a new ferry route to the Marrow Islands, which had been closed for a decade.

The repairs will cost about 2 million euros, Liesl Brandt said.

Mayor Ilse Dragan said the city would pay for a new seawall before the winter.`;

const sentences = segmentText(TEXT);
const never: Spinner = { name: 'none', formalNames: {}, substitutes: () => [] };
const some: Spinner = { name: 'fixed', formalNames: {}, substitutes: (w) => (/^[a-z]{4,}$/.test(w) ? [`${w}x`] : []) };

describe('bench paraphraser', () => {
  it('turns a past-tense active sentence into the passive', () => {
    const p = paraphraseSentence(sentences[0], some, prng(1));
    expect(p?.ops).toContain('voice');
    expect(p!.text).toMatch(/^The old dry\w* dock\w* was bought by the harbour\w* board\w* in March\.$/);
  });

  it('cuts a trailing clause and names the words it dropped', () => {
    const outs = Array.from({ length: 20 }, (_, k) => paraphraseSentence(sentences[1], some, prng(k))).filter((p) => p?.ops.includes('drop-clause'));
    expect(outs.length).toBeGreaterThan(0);
    for (const p of outs) {
      expect(p!.dropped).toBe('which had been closed for a decade');
      expect(p!.text).not.toContain('decade');
    }
  });

  it('moves an attribution ("according to") and never returns a synonym swap alone', () => {
    const outs = Array.from({ length: 30 }, (_, k) => paraphraseSentence(sentences[2], some, prng(k))).filter(Boolean);
    expect(outs.some((p) => /^According to Liesl Brandt, the repair\w* will cost\w* about 2 million euro\w*\.$/.test(p!.text))).toBe(true);
    expect(outs.some((p) => /^Liesl Brandt said the repair\w* will cost\w* about 2 million euro\w*\.$/.test(p!.text))).toBe(true);
    for (const p of outs) expect(p!.ops.some((o) => o !== 'synonyms')).toBe(true);
    // Nothing structural applies and no synonym either: no paraphrase.
    expect(paraphraseSentence(segmentText('Prices rose.')[0], never, prng(1))).toBeNull();
  });

  it('labels generated paraphrase articles with exact offsets and their source sentence', () => {
    const article = textToArticle(TEXT, { id: 'doc-a', origin: null });
    const doc: SourceDoc = { id: 'doc-a', category: 'x', article, sentences: segmentText(article.text) };
    const gen = generateParaphraseArticles([doc, { ...doc, id: 'doc-b' }], [], { seed: 3, count: 5, spinner: some });
    const all = gen.flatMap((g) => g.sentences.map((s) => ({ g, s })));
    expect(all.length).toBeGreaterThan(0);
    for (const { g, s } of all) {
      expect(g.article.text.slice(s.start, s.end)).toBe(s.text);
      expect(s.label.kind).toBe('paraphrased');
      expect(s.label.ops!.length).toBeGreaterThanOrEqual(2);
      const src = s.label.sources[0];
      expect(doc.sentences.some((x) => x.start === src.start && x.end === src.end)).toBe(true);
    }
  });
});

describe('the two halves share no substitution resource', () => {
  it('uses disjoint formal-name tables', () => {
    for (const k of Object.keys(HELD_FORMAL_NAMES)) expect(FORMAL_NAMES[k]).toBeUndefined();
    expect(TUNE_SPINNER.formalNames).toBe(FORMAL_NAMES);
  });

  const held = heldSpinner();
  it.skipIf(typeof held === 'string')('draws held-out swaps from the Moby thesaurus, re-inflected (needs its words.txt: see bench/reuse/moby.ts)', () => {
    const h = held as Spinner;
    const subs = h.substitutes('companies', 'NOUN', prng(1));
    expect(subs.length).toBeGreaterThan(5);
    expect(subs.every((s) => /s$/.test(s))).toBe(true);
    expect(h.substitutes('Italy', 'PROPN', prng(1))).toEqual(['Italian Republic']);
    expect(h.substitutes('Russia', 'PROPN', prng(1))).toEqual([]);
  });
});
