import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../../src/ingest/text.js';
import type { Document } from '../../src/model/document.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { indexArticles, openStore, type Store } from '../../src/reuse/index.js';
import type { SourceMatch } from '../../src/model/types.js';
import { tokenize } from '../../src/reuse/normalize.js';
import { splitSentences } from '../../src/reuse/split.js';
import { traceDocument } from '../../src/reuse/trace-document.js';
import { VERIFIER } from '../../src/reuse/verifier-model.js';

// Fictional text written for these tests: a four-sentence story about a town's bakers' guild, and short
// rewrites of it that restate two of its sentences each in new words (each pair far below the sentence-level
// bar), with stories that share its names indexed beside it.
const BAKERY = [
  "The Millbrook Bakers' Guild will close its shop on Tanner Street at the end of March after forty years of trading.",
  'Members blamed the rising price of flour and a rent increase agreed by the landlord, Castellan Estates.',
  "The guild's chairwoman, Odile Fenwick, said the ovens would be sold to a cookery school in Harrowgate.",
  'Regular customers have started a collection to keep the bread stall at the Saturday market going.',
];
const MATCH = [
  'Dunmore Rovers came from two goals down to beat Kelso Athletic 3-2 on Saturday.',
  'Striker Jonas Pell scored twice in the last ten minutes as the home crowd roared them on.',
  'Manager Rita Gough said her side had shown real character after a poor first half.',
  'The win lifts Rovers to fourth place in the table.',
];
// An earlier story about the same guild: the same names, and the rewrite resembles it about as much.
const BAKERY_EARLIER = [
  "The Millbrook Bakers' Guild has opened a second shop on Tanner Street, forty years after its first.",
  "The guild's chairwoman, Odile Fenwick, said new ovens had been bought from a cookery school in Harrowgate.",
  'Members hope the shop will win back customers lost to the supermarket.',
  'A bread stall at the Saturday market will stay open.',
];
const STORM = [
  'Gales brought down power lines across the coast on Thursday night, leaving two thousand homes without light.',
  'Engineers worked through the night and most supplies were back by the morning.',
  'Forecasters expect calmer weather over the weekend.',
];

const FIRST = 'After four decades of baking, the Millbrook guild is shutting its Tanner Street store this spring.';
const THIRD = 'Odile Fenwick, who leads the bakers, says a catering college in Harrowgate will take the old ovens off their hands.';
const REWRITE = [FIRST, THIRD, 'Nobody from the town hall was available to comment on Friday evening.'].join(' ');
const REWRITE_TWO = [FIRST, THIRD].join(' ');

const dirs: string[] = [];
const stores: Store[] = [];
async function indexed(docs: Record<string, string[]>): Promise<Store> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-docfollow-'));
  dirs.push(dir);
  const store = await openStore(path.join(dir, 'index.db'), { create: true });
  stores.push(store);
  await indexArticles(store, Object.entries(docs).map(([id, s]) => textToArticle(s.join(' '), { id, origin: null })), { workers: 0 });
  return store;
}

afterAll(async () => {
  for (const s of stores) await s.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function analyze(store: Store, text: string): Promise<Document> {
  return analyzeArticle(textToArticle(text, { id: 'q', origin: null }), { store });
}
const linkedTo = (d: Document, id: string) => d.data.reuse!.sources.filter((m) => m[0]?.docId === id).map((m) => m[0]!);

describe('document pass: a short source followed', () => {
  it('links a rewrite that restates half of a short source in order, two weak pairs, when that source stands out', async () => {
    const store = await indexed({ 'bakery.txt': BAKERY, 'match.txt': MATCH });
    for (const text of [REWRITE, REWRITE_TWO]) {
      const linked = linkedTo(await analyze(store, text), 'bakery.txt');
      // Two sentences, each below the sentence-level bar: only the whole article's resemblance links them.
      expect(linked.map((m) => m.start)).toEqual([0, BAKERY.slice(0, 2).join(' ').length + 1]);
      expect(linked.every((m) => m.kind === 'paraphrased' && m.confidence! < VERIFIER.threshold)).toBe(true);
    }
  });

  it('does not link it when another indexed story resembles the article about as much', async () => {
    const store = await indexed({ 'bakery.txt': BAKERY, 'bakery-earlier.txt': BAKERY_EARLIER, 'match.txt': MATCH });
    const d = await analyze(store, REWRITE_TWO);
    expect(d.data.reuse!.sources.filter((m) => m.length)).toEqual([]);
  });

  it('compares the document the whole article resembles most, though other stories are reached as often', async () => {
    // Called directly, so that which sentences reach which document is given (through chance fingerprints):
    // two other stories are reached by more of the rewrite's sentences than its source, which the count alone
    // would leave unread; the whole article resembles its source most, by far.
    const text = REWRITE;
    const sentences = splitSentences(text);
    const qToks = sentences.map((x) => tokenize(text, x.start, x.end));
    const docs = [['match.txt', MATCH], ['storm.txt', STORM], ['bakery.txt', BAKERY]].map(([id, lines]) => {
      const t = (lines as string[]).join(' ');
      return { id: id as string, title: null, text: t, spans: splitSentences(t), toks: [], bytes: 0 };
    });
    const reach = new Map([
      [0, new Set([0, 1, 2])],
      [1, new Set([0, 1, 2])],
      [2, new Set([0])],
    ]);
    const out: SourceMatch[][] = sentences.map(() => []);
    await traceDocument(text, sentences, qToks, [0, 1, 2], reach, async (n) => docs[n], out, undefined, undefined);
    expect(out.map((m) => m[0]?.docId ?? null)).toEqual(['bakery.txt', 'bakery.txt', null]);
  });
});
