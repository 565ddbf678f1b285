import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { textToArticle } from '../../src/ingest/text.js';
import type { Document } from '../../src/model/document.js';
import type { SourceMatch } from '../../src/model/types.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { indexArticles, openStore, type Store } from '../../src/reuse/index.js';
import { SENTENCE_SLOTS } from '../../src/store/store.js';

// Fictional text written for these tests: a port town's news, and a long log of invented lighthouse records.
const PORTWELL = [
  'The harbour commission of Portwell approved on Monday a plan to dredge the eastern channel, at a cost of 14 million crowns, so that larger ferries can dock by next spring.',
  'Mayor Edwin Tallow arrived at the ceremony in a black homburg and overcoat, waving to the crowd of dockworkers gathered at the pier.',
  'The Treaty of Marrowby was signed by Kaldovia and Estrenia in the town hall of Velm on March 17, 1949.',
  'Tallow said the new terminal would employ 320 people when it opens in Portwell.',
  'The harbour commission of Portwell is waiting until October to decide whether it will sell the old lighthouse.',
  'Rescue crews pulled two fishermen from the water near Velm harbour on Saturday after their boat capsized in a storm.',
].join(' ');

const SYLLABLES = ['bar', 'ken', 'lo', 'mir', 'sta', 'vel', 'quo', 'dri', 'an', 'tusk', 'pel', 'ro', 'zen', 'hal', 'fi', 'gor'];
const name = (n: number) => {
  let s = '';
  for (let k = 0; k < 3; k++, n = Math.floor(n / 16)) s += SYLLABLES[n % 16];
  return s[0].toUpperCase() + s.slice(1);
};
/** 330 distinct sentences: every one carries its own invented island and keeper. */
const LOG = Array.from({ length: 330 }, (_, i) => `On the island of ${name(i * 7 + 3)}, keeper ${name(i * 13 + 5)} logged ${i + 12} storm petrels and repaired the ${name(i * 5 + 1)} lamp.`).join(' ');

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-para-'));
  store = await openStore(path.join(dir, 'index.db'), { create: true });
  await indexArticles(
    store,
    [textToArticle(PORTWELL, { id: 'portwell.txt', origin: null }), textToArticle(LOG, { id: 'log.txt', origin: null })],
    { workers: 0 },
  );
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function analyze(text: string): Promise<Document> {
  return analyzeArticle(textToArticle(text, { id: 'q', origin: null }), { store });
}
const first = (d: Document, i = 0): SourceMatch | undefined => d.data.reuse?.sources[i]?.[0];

describe('meaning tier and fragments', () => {
  it('traces a sentence past the 300th of a long document', async () => {
    expect(SENTENCE_SLOTS).toBeGreaterThan(330);
    const target = `On the island of ${name(312 * 7 + 3)}, keeper ${name(312 * 13 + 5)} logged ${312 + 12} storm petrels and repaired the ${name(312 * 5 + 1)} lamp.`;
    const d = await analyze(target);
    const m = first(d);
    expect(m?.docId).toBe('log.txt');
    expect(m?.kind).toBe('verbatim');
    expect(LOG.slice(m!.start, m!.end)).toBe(target);
  });

  it('reports a lifted run as a fragment, with offsets on both sides', async () => {
    const text = 'In a black homburg and overcoat, the mayor greeted the harbour staff with a grin.';
    const d = await analyze(text);
    const m = first(d);
    expect(m?.kind).toBe('fragment');
    expect(m?.lifted?.length).toBeGreaterThan(0);
    for (const l of m!.lifted!) {
      expect(text.slice(l.start, l.end)).toBe(l.text);
      expect(PORTWELL.slice(l.sourceStart, l.sourceEnd).toLowerCase()).toBe(l.text.toLowerCase());
    }
    expect(m!.lifted!.map((l) => l.text).join(' ')).toContain('homburg and overcoat');
    expect(d.findings.some((f) => f.ruleId === 'reuse/fragment')).toBe(true);
  });

  it('traces a sentence cut down from a longer one and names what it dropped', async () => {
    const d = await analyze('It was signed on March 17, 1949.');
    const m = first(d);
    expect(['edited', 'fragment']).toContain(m?.kind);
    expect(m?.docId).toBe('portwell.txt');
    expect(m?.dropped).toMatch(/Kaldovia and Estrenia/);
  });

  it('traces a reworded sentence as paraphrased, with aligned pairs, anchors and a confidence', async () => {
    const d = await analyze('The commission running Portwell harbour will make up its mind in October on selling the old lighthouse, it said on Wednesday.');
    const m = first(d);
    expect(m?.kind).toBe('paraphrased');
    expect(m?.docId).toBe('portwell.txt');
    expect(m?.aligned?.length).toBeGreaterThan(0);
    expect(m?.anchors).toEqual(expect.arrayContaining(['Portwell', 'October']));
    expect(m?.confidence).toBeGreaterThan(0.5);
    expect(d.findings.some((f) => f.ruleId === 'reuse/paraphrased')).toBe(true);
  });

  it('does not link an independent report of the same event', async () => {
    const d = await analyze('Two fishermen were treated for hypothermia in Velm on Saturday, the coastguard said, and both men are expected to recover.');
    expect(first(d)).toBeUndefined();
  });

  it('does not call a restatement with a changed number a paraphrase, and names the change', async () => {
    const d = await analyze("In the words of Tallow, 450 staff will be hired for Portwell's new terminal once it opens.");
    expect(first(d)?.kind).not.toBe('paraphrased');
    const f = d.findings.find((x) => x.ruleId === 'reuse/altered-fact');
    expect(f?.message).toMatch(/320/);
    expect(f?.message).toMatch(/450/);
  });

  it('reports the new kinds within the report schema', async () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const d = await analyze(
      'In a black homburg and overcoat, the mayor greeted the harbour staff with a grin. It was signed on March 17, 1949. The commission running Portwell harbour will make up its mind in October on selling the old lighthouse, it said on Wednesday.',
    );
    const kinds = d.data.reuse!.sources.map((m) => m[0]?.kind);
    expect(kinds).toEqual(['fragment', 'edited', 'paraphrased']);
    const ok = validate(JSON.parse(JSON.stringify(buildReport(d))));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
