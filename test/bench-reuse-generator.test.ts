import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { listBbc, loadSourceDoc, words, type SourceDoc } from '../bench/lib/reuse-corpus.js';
import { EDIT_OPS, generateArticles, reorderClauses, type GenArticle } from '../bench/reuse/generate.js';
import { aggregate, alignPredictions, precision, recall, scoreArticle } from '../bench/reuse/score.js';
import { optimalParams, SentenceLsh } from '../bench/reuse/minhash.js';
import { inflect, lemmatize } from '../bench/reuse/spin.js';

const bbc = new URL('../../shared/data/corpora/bbc', import.meta.url).pathname;
const have = existsSync(bbc);

describe.skipIf(!have)('reuse benchmark generator (on BBC files)', () => {
  // A handful of files from two categories: enough material, still fast.
  const entries = listBbc(bbc).filter((e) => /^bbc\/(business|tech)\/0[0-2]\d\.txt$/.test(e.id));
  const docs: SourceDoc[] = entries.map(loadSourceDoc);
  const material = docs.filter((d) => d.id.startsWith('bbc/business'));
  const offtopic = docs.filter((d) => d.id.startsWith('bbc/tech'));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const gen = generateArticles(material, offtopic, { seed: 7, count: 24 });
  const all = gen.flatMap((g) => g.sentences);
  const srcText = (id: string, a: number, b: number) => byId.get(id)!.article.text.slice(a, b);

  it('labels every sentence with its exact offsets in the article', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const g of gen) for (const s of g.sentences) expect(g.article.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('verbatim sentences equal their labelled source sentence', () => {
    const verbatim = all.filter((s) => s.label.kind === 'verbatim');
    expect(verbatim.length).toBeGreaterThan(5);
    for (const s of verbatim) expect(s.text).toBe(srcText(s.label.sources[0].docId, s.label.sources[0].start, s.label.sources[0].end));
  });

  it('source offsets are whole sentences of the source document', () => {
    for (const s of all)
      for (const src of s.label.sources) {
        const d = byId.get(src.docId)!;
        expect(d.sentences.some((x) => x.start === src.start && x.end === src.end)).toBe(true);
        expect(material.includes(d)).toBe(true);
      }
  });

  it('edited sentences differ from the source by small edits only', () => {
    const edited = all.filter((s) => s.label.kind === 'edited');
    expect(edited.length).toBeGreaterThan(5);
    for (const s of edited) {
      const src = srcText(s.label.sources[0].docId, s.label.sources[0].start, s.label.sources[0].end);
      expect(s.text).not.toBe(src);
      expect(s.label.edits!.length).toBeGreaterThan(0);
      const a = new Set(words(src));
      const shared = words(s.text).filter((w) => a.has(w)).length;
      // (a dropped attribution takes up to half the words: "Minister X said that ...")
      expect(shared / a.size).toBeGreaterThan(0.5);
    }
  });

  it('spun sentences replace about the requested share of content words', () => {
    const spun = all.filter((s) => s.label.kind === 'spun');
    expect(spun.length).toBeGreaterThan(10);
    let onTarget = 0;
    for (const s of spun) {
      const src = srcText(s.label.sources[0].docId, s.label.sources[0].start, s.label.sources[0].end);
      expect(s.text).not.toBe(src);
      const target = Math.max(1, Math.round(s.label.strength! * s.label.contentWords!));
      expect(s.label.replaced).toBeLessThanOrEqual(target);
      if (s.label.replaced === target) onTarget++;
      // Each substitution removes a source word and puts its replacement in the article.
      for (const sub of s.label.substitutions!) {
        expect(src).toContain(sub.from);
        expect(s.text).toContain(sub.to);
      }
      // The words that changed are about the ones the label names (a few more when clauses moved).
      const outWords = new Set(words(s.text));
      const lost = words(src).filter((w) => !outWords.has(w)).length;
      // ("China" → "People's Republic of China" keeps the word it replaces.)
      if (s.label.substitutions!.some((x) => !x.to.includes(x.from))) expect(lost).toBeGreaterThanOrEqual(1);
      expect(lost).toBeLessThanOrEqual(s.label.replaced! * 2 + 2);
    }
    expect(onTarget / spun.length).toBeGreaterThan(0.8);
    // Strengths were spread over the articles.
    expect(new Set(spun.map((s) => s.label.strength)).size).toBe(4);
  });

  it('off-topic sentences come from documents outside the material; template lines have no source', () => {
    const off = all.filter((s) => s.label.kind === 'offtopic');
    expect(off.length).toBeGreaterThan(3);
    for (const s of off) {
      expect(s.label.sources).toEqual([]);
      expect(offtopic.some((d) => d.id === s.label.from && d.sentences.some((x) => x.text === s.text))).toBe(true);
    }
    expect(all.some((s) => s.label.kind === 'template' && s.label.sources.length === 0)).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = generateArticles(material, offtopic, { seed: 7, count: 3 });
    expect(again.map((g) => g.article.text)).toEqual(gen.slice(0, 3).map((g) => g.article.text));
    const other = generateArticles(material, offtopic, { seed: 8, count: 3 });
    expect(other.map((g) => g.article.text)).not.toEqual(again.map((g) => g.article.text));
  });

  it('the scorer credits exact labels and rejects wrong documents', () => {
    const asSpans = (g: GenArticle, wrong: boolean) =>
      g.sentences.map((s) => ({
        start: s.start,
        end: s.end,
        sources: s.label.sources.map((src) => ({ ...src, docId: wrong ? 'bbc/other.txt' : src.docId })),
      }));
    const good = aggregate(gen.flatMap((g) => scoreArticle(g, alignPredictions(g, asSpans(g, false)))));
    expect(recall(good.get('all reuse')!)).toBe(1);
    expect(precision(good.get('all reuse')!)).toBe(1);
    expect(good.get('non-reuse')!.predicted).toBe(0);
    const bad = aggregate(gen.flatMap((g) => scoreArticle(g, alignPredictions(g, asSpans(g, true)))));
    expect(recall(bad.get('all reuse')!)).toBe(0);
  });

  it('the MinHash-LSH anchor finds verbatim copies and misses unrelated sentences', () => {
    const lsh = new SentenceLsh(0.5);
    for (const d of material) for (const s of d.sentences) lsh.insert({ docId: d.id, start: s.start, end: s.end, text: s.text });
    const v = all.filter((s) => s.label.kind === 'verbatim');
    for (const s of v) expect(lsh.query(s.text)?.docId).toBe(s.label.sources[0].docId);
    const hits = offtopic.flatMap((d) => d.sentences).filter((s) => lsh.query(s.text)).length;
    expect(hits).toBeLessThan(3);
  });
});

describe('spinner morphology and LSH parameters', () => {
  it('re-inflects replacements like the word they replace', () => {
    expect(lemmatize('companies', 'noun')).toMatchObject({ lemma: 'company', form: 'plural' });
    expect(inflect('firm', 'noun', 'plural')).toBe('firms');
    expect(lemmatize('dropped', 'verb')).toMatchObject({ lemma: 'drop', form: 'past' });
    expect(inflect('drop', 'verb', 'past')).toBe('dropped');
    expect(inflect('take off', 'verb', 'ing')).toBe('taking off');
  });

  it('changes the form of numbers without breaking decimals', () => {
    const s = { start: 0, end: 0, text: '', paragraph: 0, tokens: [] };
    expect(EDIT_OPS['number-form'](s, 'Sales rose 0.2% in 3 months to $1.5bn.', () => 0)).toBe('Sales rose 0.2 per cent in three months to $1.5 billion.');
  });

  it('reorders attribution and leading adverbials', () => {
    expect(reorderClauses('The firm grew sharply in the last quarter, he said.')).toBe('He said the firm grew sharply in the last quarter.');
    expect(reorderClauses('In March, the council approved the new budget for roads.')).toBe('The council approved the new budget for roads in March.');
    expect(reorderClauses('"We will build three more before 2030," she said.')).toBe('She said: "We will build three more before 2030."');
    expect(reorderClauses('The shares fell sharply on Monday after the firm cut its profit forecast.')).toBe(
      'After the firm cut its profit forecast, the shares fell sharply on Monday.',
    );
  });

  it('chooses bands and rows like datasketch for thresholds 0.5, 0.3, 0.2', () => {
    // datasketch's _optimal_param(t, 128, 0.5, 0.5) gives (25, 5), (37, 3), (28, 2).
    expect(optimalParams(0.5)).toEqual({ b: 25, r: 5 });
    expect(optimalParams(0.3)).toEqual({ b: 37, r: 3 });
    expect(optimalParams(0.2)).toEqual({ b: 28, r: 2 });
  });
});
