import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../../src/ingest/text.js';
import type { Document } from '../../src/model/document.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { indexArticles, openStore, type Store } from '../../src/reuse/index.js';
import { VERIFIER } from '../../src/reuse/verifier-model.js';

// Fictional text written for these tests: a report on a harbour town's ferry company, indexed; a rewrite of
// it that follows it sentence by sentence in new words with facts changed; an independent report of the same
// event in another outlet's words and order.
const SOURCE = [
  'Brindlemoor Ferries has cancelled its evening crossings to the island of Skarra after a second engine failure in a week.',
  'The company said its oldest vessel, the Gull of Velm, would stay in dry dock in Portwell until inspectors had finished their checks.',
  'Passengers stranded on the quay were offered hotel rooms and vouchers for the morning sailing.',
  'Harbour master Ana Ruiz said the repairs could take until the end of the month and warned that winter timetables might be cut.',
  'Islanders have long complained that the ageing fleet leaves them cut off whenever the weather turns.',
].join(' ');

const REWRITE = [
  'Brindlemoor Ferries has scrapped every night sailing to Skarra after its engines broke down for a third time this week.',
  'The Gull of Velm, the oldest boat the firm owns, is to be kept out of the water in Portwell while officials look it over, a spokesman said.',
  'Those left waiting at the dock got free rooms and tickets for the first boat of the day.',
  'The man in charge of the harbour, Piet Halloran, thinks mending the engines could last until the end of the month and that the winter schedule might shrink.',
  'Skarra families say the worn-out ships have left them stranded every time a storm blows in.',
].join(' ');

const INDEPENDENT = [
  'Skarra residents woke on Tuesday to find no ferry at all.',
  'Brindlemoor Ferries, which runs the only link to Portwell, blamed engine trouble and pulled the Gull of Velm from service.',
  'Fisherman Tomas Oddny, 58, said he had missed a hospital appointment on the mainland.',
  'Ana Ruiz, who runs the harbour, told this paper that checks were under way.',
  'A petition calling for a council-run service has gathered 400 signatures.',
].join(' ');

let dir: string;
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-docpass-'));
  store = await openStore(path.join(dir, 'index.db'), { create: true });
  await indexArticles(store, [textToArticle(SOURCE, { id: 'ferries.txt', origin: null })], { workers: 0 });
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function analyze(text: string): Promise<Document> {
  return analyzeArticle(textToArticle(text, { id: 'q', origin: null }), { store });
}

describe('document pass', () => {
  it('links a rewrite that follows one source sentence by sentence, with the aligned pairs as evidence', async () => {
    const d = await analyze(REWRITE);
    const sources = d.data.reuse!.sources.map((m) => m[0]);
    const linked = sources.filter((m) => m?.docId === 'ferries.txt');
    expect(linked.length).toBeGreaterThanOrEqual(3);
    // Below the sentence-level bar: linked because the whole article follows the source.
    const para = linked.filter((m) => m!.kind === 'paraphrased' && m!.confidence! < VERIFIER.threshold);
    expect(para.length).toBeGreaterThanOrEqual(2);
    expect(para.every((m) => (m!.aligned ?? []).length > 0)).toBe(true);
    // The source's sentences are followed in order.
    const starts = sources.filter((m) => m).map((m) => m!.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
  });

  it('names a name the rewrite put in place of its source\'s', async () => {
    const d = await analyze(REWRITE);
    const f = d.findings.filter((x) => x.ruleId === 'reuse/altered-fact' && /Piet Halloran/.test(x.message));
    expect(f.length).toBe(1);
    expect(f[0].message).toMatch(/Ana Ruiz/);
  });

  it('does not link an independent report of the same event (same names, its own words and order)', async () => {
    const d = await analyze(INDEPENDENT);
    const para = d.data.reuse!.sources.filter((m) => m[0]?.kind === 'paraphrased');
    expect(para).toEqual([]);
  });
});
