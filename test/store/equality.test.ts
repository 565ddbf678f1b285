/**
 * The same corpus indexed into SQLite and into PostgreSQL gives byte-identical reports: tracing depends on the
 * store's answers only, and both stores must answer alike (sentence ids, their order, documents, numbers).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../../src/ingest/text.js';
import type { Article } from '../../src/model/document.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { buildReport } from '../../src/report/build.js';
import { indexArticles } from '../../src/reuse/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/store.js';
import { generatedArticle } from '../helpers/generated.js';
import { pgSchemas } from '../helpers/pg.js';

const schemas = pgSchemas('unspun_equality');
const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-equality-'));
const FIXTURES = new URL('../fixtures/reuse/', import.meta.url).pathname;
let sqlite: Store;
let postgres: Store;

const sentencesOf = (i: number) => generatedArticle(i, 12).split(/(?<=\.) /);

// A generated corpus (many near-identical sentences: ties between candidates are everywhere, so the order
// of sentence ids matters) and the project's fictional reuse fixtures.
function corpus(): Article[] {
  const out: Article[] = [];
  for (let i = 0; i < 400; i++) out.push(textToArticle(generatedArticle(i, 12), { id: `gen/${String(i).padStart(4, '0')}.txt`, origin: null }));
  for (const f of readdirSync(FIXTURES).sort()) out.push(textToArticle(readFileSync(path.join(FIXTURES, f), 'utf8'), { id: `fixtures/${f}`, origin: null }));
  return out;
}

function queries(): Article[] {
  const swap = (s: string) => s.replace('approved', 'endorsed').replace('rejected', 'turned down').replace('the council', 'the municipal council');
  const texts = [
    // stitched verbatim from three documents, with a sentence of its own
    [sentencesOf(3)[2], sentencesOf(77)[5], 'Nobody at the quay would comment on the figures.', sentencesOf(150)[0]].join(' '),
    // spun: words swapped in copied sentences
    [sentencesOf(12).slice(0, 4).map(swap).join(' '), sentencesOf(301)[7]].join(' '),
    // a whole document republished
    generatedArticle(222, 12),
    // the fixtures, cut and mixed with generated sentences
    readFileSync(path.join(FIXTURES, 'kaldovia.txt'), 'utf8').split('\n\n').slice(1, 3).join(' ') + ' ' + sentencesOf(9)[1],
    readFileSync(path.join(FIXTURES, 'orchard.txt'), 'utf8'),
    // a new article made of sentences shaped like the corpus's but none of them
    generatedArticle(9999, 6),
  ];
  return texts.map((t, i) => textToArticle(t, { id: `query-${i}`, origin: null }));
}

async function reports(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (const q of queries()) out.push(JSON.stringify(buildReport(await analyzeArticle(q, { store }))));
  return out;
}

beforeAll(async () => {
  sqlite = await openStore(path.join(dir, 'index.db'), { create: true });
  postgres = await openStore(schemas.url(), { create: true });
  // Batches of 64: several transactions, as a real run.
  for (const s of [sqlite, postgres]) await indexArticles(s, corpus(), { workers: 0, batchSize: 64 });
}, 240_000);

afterAll(async () => {
  await sqlite?.close();
  await postgres?.close();
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite and PostgreSQL give the same traces', () => {
  it('indexes the same documents, sentences and postings', async () => {
    const [a, b] = [await sqlite.stats(), await postgres.stats()];
    expect({ ...b, bytes: 0 }).toEqual({ ...a, bytes: 0 });
  });

  it('byte-identical reports for stitched, spun, republished and original articles', async () => {
    const [a, b] = [await reports(sqlite), await reports(postgres)];
    // Not a vacuous comparison: most queries find sources, from several documents.
    const traced = a.map((r) => (JSON.parse(r) as { sentences: { sources: { docId: string }[] }[] }).sentences.flatMap((s) => s.sources.map((x) => x.docId)));
    expect(traced.filter((t) => t.length > 0).length).toBeGreaterThanOrEqual(4);
    expect(new Set(traced.flat()).size).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < a.length; i++) expect(b[i], `query ${i}`).toBe(a[i]);
  }, 120_000);

  it('still identical after documents are replaced (new numbers, orphaned postings)', async () => {
    const changed = [3, 12, 77].map((i) => textToArticle(`${generatedArticle(i, 12)} A closing line was added later.`, { id: `gen/${String(i).padStart(4, '0')}.txt`, origin: null }));
    for (const s of [sqlite, postgres]) {
      const r = await indexArticles(s, changed, { workers: 0 });
      expect(r.added).toBe(3);
    }
    expect(await reports(postgres)).toEqual(await reports(sqlite));
  }, 120_000);
});
