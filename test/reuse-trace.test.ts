import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boilerplateAnalyzer } from '../src/analyzers/boilerplate/index.js';
import { reuseAnalyzer } from '../src/analyzers/reuse/index.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { textToArticle } from '../src/ingest/text.js';
import type { SourceMatch } from '../src/model/types.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { indexArticles, openStore, type Store } from '../src/reuse/index.js';
import { VERIFIER } from '../src/reuse/verifier-model.js';

// Fictional articles written for these tests (test/fixtures/reuse/).
const fixture = (name: string) => readFileSync(new URL(`./fixtures/reuse/${name}`, import.meta.url), 'utf8');
const analyzers = [segmentAnalyzer, boilerplateAnalyzer, reuseAnalyzer];

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-trace-'));
  store = await openStore(path.join(dir, 'index.db'), { create: true });
  const names = ['ferries.txt', 'kaldovia.txt', 'orchard.txt'];
  await indexArticles(store, names.map((n) => textToArticle(fixture(n), { id: n, origin: n })), { workers: 0 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function trace(text: string) {
  const doc = await analyzeArticle(textToArticle(text, { id: 'q', origin: null }), { store, analyzers });
  return { doc, report: buildReport(doc) };
}

/** The best source of the one-sentence article `text`. */
async function best(text: string): Promise<SourceMatch | undefined> {
  const { doc } = await trace(text);
  expect(doc.sentences).toHaveLength(1);
  return doc.data.reuse?.sources[0]?.[0];
}

describe('trace: alteration kinds', () => {
  it('verbatim copy', async () => {
    const m = await best('The older diesel boats will be sold to a ferry operator in Norway.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'verbatim', similarity: 1 });
    const src = fixture('ferries.txt');
    // Offsets point into the source's body text (after its header).
    const body = textToArticle(src, { id: 'x', origin: null }).text;
    expect(body.slice(m!.start, m!.end)).toBe('The older diesel boats will be sold to a ferry operator in Norway.');
    expect(m!.text).toBe(body.slice(m!.start, m!.end));
  });

  it('edited: number form and modal changed, words moved a little', async () => {
    const m = await best('Officials said the conversion will cut the diesel consumption of the fleet by nearly 4000 litres a week.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'edited' });
    expect(m!.similarity).toBeGreaterThan(0.8);
    expect(m!.similarity).toBeLessThan(1);
  });

  it('tense shift with a dropped phrase is an edit', async () => {
    const m = await best('The city of Marlow Bay switched its harbour ferries to electric engines, the transport authority announced on Tuesday.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'edited' });
  });

  it('stripped quotation marks are an edit, not verbatim', async () => {
    const m = await best("This is the largest investment our harbour has seen in a generation, said Edna Mirov, the authority's director.");
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'edited' });
  });

  it('an invented credit is an edit', async () => {
    const m = await best('Fares will not rise during the changeover, according to the plan published on the council website, the Daily Herald reported.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'edited' });
  });

  it('an invented credit on a sentence that also lost a word is an edit', async () => {
    // The credit's three words would otherwise count as unaligned content.
    const m = await best('The older diesel boats will be sold to an operator in Norway, the Portside Courier reported.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'edited' });
    // Three words that are no credit are no edit; the meaning tier may still call the restated rest a paraphrase.
    expect((await best('The older diesel boats will be sold to an operator in Norway, the Portside Courier had lunch.'))?.kind ?? 'none').not.toBe('edited');
  });

  it('spun with synonyms names the swapped words', async () => {
    const m = await best('Local fishermen have complained that building at the northern pier obstructed their berths for two months.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'spun' });
    expect(m!.substitutions).toEqual(
      expect.arrayContaining([
        { from: 'construction', to: 'building' },
        { from: 'blocked', to: 'obstructed' },
        { from: 'moorings', to: 'berths' },
      ]),
    );
  });

  it('spun at 40% of content words', async () => {
    const m = await best('The authority anticipates the entire fleet of nine ferryboats to operate on batteries before the summer festival.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'spun' });
    expect(m!.substitutions!.length).toBeGreaterThanOrEqual(3);
  });

  it('formal-name substitution: Russia -> Russian Federation', async () => {
    const m = await best('The foreign minister of Kaldovia arrived in the Russian Federation on Wednesday for talks on grain exports and a stalled pipeline project.');
    expect(m).toMatchObject({ docId: 'kaldovia.txt', kind: 'spun' });
    expect(m!.substitutions).toContainEqual({ from: 'Russia', to: 'Russian Federation' });
  });

  it('clauses reordered', async () => {
    const m = await best('Before the summer festival, the authority expects the full fleet of nine ferries to run on batteries.');
    expect(m).toMatchObject({ docId: 'ferries.txt', kind: 'spun' });
  });

  it('a sentence split in two traces both halves to the one source sentence', async () => {
    const { doc } = await trace('The first three vessels are being built at a shipyard in Portwell. They will carry up to 240 passengers each.');
    const s = doc.data.reuse!.sources;
    expect(s).toHaveLength(2);
    expect(s[0][0]?.docId).toBe('ferries.txt');
    expect(s[1][0]?.docId).toBe('ferries.txt');
    // Each half's passage is its part of the source sentence.
    expect(s[0][0].text).toMatch(/^The first three vessels/);
    expect(s[1][0].text).toMatch(/240 passengers each\.$/);
  });

  it('two sentences merged into one trace to both source sentences', async () => {
    const m = await best(
      'The minister is expected to meet her Russian counterpart in Moscow before travelling to Kazan, and analysts said the visit showed that Kaldovia was seeking new partners after its dispute with neighbouring states.',
    );
    expect(m?.docId).toBe('kaldovia.txt');
    expect(m!.text).toMatch(/^The minister is expected/);
    expect(m!.text).toMatch(/neighbouring states\.$/);
  });
});

describe('trace: whole articles', () => {
  it('a stitched article gets a splice map, sources, and reuse findings', async () => {
    const text = [
      'Marlow Bay ferries and a frost',
      '',
      'The older diesel boats will be sold to a ferry operator in Norway. A late frost destroyed about a third of the apple blossom in the Vell valley last weekend, growers said on Monday.',
      '',
      'The reporter visited the harbour on a grey morning and found it quiet. The foreign minister of Kaldovia arrived in the Russian Federation on Wednesday for talks on grain exports and a stalled pipeline project.',
    ].join('\n');
    const { report } = await trace(text);
    expect(report.summary.spliceMap).toEqual(['ferries.txt', 'orchard.txt', null, 'kaldovia.txt']);
    expect(report.summary.reusedSentences).toBe(3);
    const rules = report.findings.map((f) => f.ruleId);
    expect(rules).toEqual(['reuse/verbatim', 'reuse/verbatim', 'reuse/spun']);
    const spun = report.findings.find((f) => f.ruleId === 'reuse/spun')!;
    expect(spun.message).toContain('"Russia" → "Russian Federation"');
    expect(spun.data).toMatchObject({ docId: 'kaldovia.txt', kind: 'spun' });
  });

  it("a sentence spun past all its indexed fingerprints is found beside its neighbour's source", async () => {
    // Four words swapped in place, none for a WordNet synonym: no indexed fingerprint of the source survives.
    const spun = 'Local villagers have chattered that carpentry at the northern pier blocked their gardens for two months.';
    const alone = await trace(spun);
    expect(alone.doc.data.reuse?.sources[0] ?? []).toEqual([]);
    const { doc } = await trace(`The older diesel boats will be sold to a ferry operator in Norway. ${spun}`);
    const s = doc.data.reuse!.sources;
    expect(s[0][0]).toMatchObject({ docId: 'ferries.txt', kind: 'verbatim' });
    expect(s[1][0]).toMatchObject({ docId: 'ferries.txt', kind: 'spun' });
    expect(s[1][0].text).toMatch(/^Local fishermen/);
  });

  it('an independently written article on the same story matches nothing sentence by sentence', async () => {
    const { report } = await trace(fixture('ferries-independent.txt'));
    expect(report.sentences.length).toBeGreaterThan(5);
    // This article restates five of the source's sentences in the source's order, so the document pass
    // (src/reuse/trace-document.ts) links it as a rewrite, each link below the sentence-level bar; no
    // sentence matches on its own.
    const linked = report.sentences.flatMap((s) => s.sources.slice(0, 1));
    expect(linked.filter((m) => m.kind !== 'paraphrased' || (m.confidence ?? 1) >= VERIFIER.threshold)).toEqual([]);
  });

  it('without a store the analyzer leaves sources empty', async () => {
    const doc = await analyzeArticle(textToArticle(fixture('ferries.txt'), { id: 'q', origin: null }), { analyzers });
    expect(doc.data.reuse).toBeUndefined();
    expect(buildReport(doc).summary.reusedSentences).toBe(0);
  });
});
