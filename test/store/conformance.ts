/**
 * The Store contract (src/store/store.ts), run unchanged against every store: sqlite.conformance.test.ts and
 * postgres.conformance.test.ts call `storeConformance` with a way to make a fresh, empty index location.
 * Everything goes through `openStore`, as the CLI does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/model/errors.js';
import { contentHash, prepareDoc } from '../../src/reuse/prepare.js';
import { openStore } from '../../src/store/index.js';
import { SENTENCE_SLOTS, type Store, type StoredDocInput } from '../../src/store/store.js';

export interface ConformanceTarget {
  /** A location (file path or URL) where no index exists yet; each call a new one. */
  fresh(): string;
  /** Removes everything the locations handed out hold (after all tests). */
  cleanup(): Promise<void>;
}

// Fictional articles written for these tests.
const TEXTS = {
  ferries: 'The harbour ferries will switch to electric engines next spring. Fares will not rise, the operator said.',
  frost: 'A late frost destroyed the apple blossom in the valley. Growers expect half the usual harvest.',
  glass: 'The glassworks employs 312 people and supplied bottles to breweries across the county.',
  glass2: 'Completely different text about a glassworks closing in June after ninety years of trade.',
  tram: 'Councillors in Marlow voted to extend the tram line to the old shipyard. Work starts in autumn. The cost is put at 40 million crowns.',
};

export const doc = (id: string, text: string, title: string | null = null): StoredDocInput => prepareDoc({ id, title, text });

const fpsOf = (d: StoredDocInput) => [...new Set([...d.postings].filter((_, i) => i % 2 === 0))];

/** (fingerprint, sentence) pairs of a document: what its postings must resolve to. */
function pairs(d: StoredDocInput): Map<number, Set<number>> {
  const m = new Map<number, Set<number>>();
  for (let i = 0; i < d.postings.length; i += 2) {
    if (!m.has(d.postings[i])) m.set(d.postings[i], new Set());
    m.get(d.postings[i])!.add(d.postings[i + 1]);
  }
  return m;
}

async function numberOf(store: Store, id: string, max = 64): Promise<number | undefined> {
  const found = await store.docs(Array.from({ length: max }, (_, i) => i + 1));
  return [...found.values()].find((d) => d.id === id)?.n;
}

export function storeConformance(kind: string, target: ConformanceTarget): void {
  const open: Store[] = [];
  const opened = async (location: string, create = true) => {
    const s = await openStore(location, { create });
    open.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of open) await s.close();
    await target.cleanup();
  });

  describe(`store conformance: ${kind}`, () => {
    it('refuses to open a missing index for reading, with a one-line error', async () => {
      await expect(openStore(target.fresh(), { create: false })).rejects.toThrow(UserError);
    });

    it('keeps documents across close and reopen; hashes, docs and stats agree', async () => {
      const loc = target.fresh();
      const a = doc('a', TEXTS.ferries, 'Ferries go electric');
      const b = doc('b', TEXTS.frost);
      let store = await openStore(loc, { create: true });
      await store.write([a, b]);
      await store.close();

      store = await opened(loc, false);
      expect(await store.stats()).toMatchObject({ documents: 2, sentences: a.sentences + b.sentences });
      const h = await store.hashes(['a', 'b', 'missing']);
      expect([...h.keys()].sort()).toEqual(['a', 'b']);
      expect(Buffer.from(h.get('b')!)).toEqual(Buffer.from(contentHash(TEXTS.frost)));
      const got = await store.docs([1, 2, 99]);
      expect([...got.keys()].sort()).toEqual([1, 2]);
      const da = got.get(1)!;
      expect({ n: da.n, id: da.id, title: da.title }).toEqual({ n: 1, id: 'a', title: 'Ferries go electric' });
      expect(Buffer.from(da.body)).toEqual(Buffer.from(a.body));
      expect(got.get(2)!.title).toBeNull();
      expect((await store.hashes([])).size).toBe(0);
      expect((await store.docs([])).size).toBe(0);
    });

    it('looks up fingerprints to sentence ids (n * SENTENCE_SLOTS + sentence), ascending, at most limit each', async () => {
      const store = await opened(target.fresh());
      const a = doc('a', TEXTS.tram);
      const b = doc('b', TEXTS.tram + ' A second text shares the first three sentences.');
      await store.write([a, b]);
      const expected = pairs(a);
      const hits = await store.lookup([...expected.keys(), 12345], 10);
      expect(hits.get(12345)).toEqual([]);
      for (const [fp, sentences] of expected) {
        const want = [...[...sentences].map((k) => 1 * SENTENCE_SLOTS + k), ...[...sentences].map((k) => 2 * SENTENCE_SLOTS + k)].sort((x, y) => x - y);
        expect(hits.get(fp)).toEqual(want);
      }
      const one = await store.lookup([...expected.keys()], 1);
      for (const [fp, sentences] of expected) expect(one.get(fp)).toEqual([SENTENCE_SLOTS + Math.min(...sentences)]);
      expect((await store.lookup([], 10)).size).toBe(0);
    });

    it('replaces a document by id: a new number, the old one no longer resolves, counts unchanged', async () => {
      const store = await opened(target.fresh());
      await store.write([doc('a', TEXTS.glass), doc('b', TEXTS.frost)]);
      const old = (await numberOf(store, 'a'))!;
      const next = doc('a', TEXTS.glass2, 'Glassworks closes');
      await store.write([next]);
      expect((await store.stats()).documents).toBe(2);
      const n = (await numberOf(store, 'a'))!;
      expect(n).toBeGreaterThan(2);
      expect((await store.docs([old])).has(old)).toBe(false);
      expect(Buffer.from((await store.hashes(['a'])).get('a')!)).toEqual(Buffer.from(contentHash(TEXTS.glass2)));
      // The new text's fingerprints resolve to the new number.
      const hits = await store.lookup(fpsOf(next), 10);
      for (const [fp, ks] of pairs(next)) for (const k of ks) expect(hits.get(fp)).toContain(n * SENTENCE_SLOTS + k);
    });

    it('a retried write of the same document stores it once: same number, postings not doubled', async () => {
      const store = await opened(target.fresh());
      const a = doc('a', TEXTS.tram);
      await store.write([a]);
      const before = await store.stats();
      await store.write([a]);
      await store.write([a, doc('b', TEXTS.frost)]);
      const after = await store.stats();
      expect(after.documents).toBe(2);
      expect(await numberOf(store, 'a')).toBe(1);
      expect(after.postings).toBe(before.postings + pairsCount(doc('b', TEXTS.frost)));
      for (const l of (await store.lookup(fpsOf(a), 10)).values()) expect(l.every((sid) => Math.floor(sid / SENTENCE_SLOTS) === 1)).toBe(true);
    });

    it('two connections writing the same documents at once store each once', async () => {
      const loc = target.fresh();
      const s1 = await opened(loc);
      const s2 = await opened(loc);
      const batch = [doc('a', TEXTS.tram), doc('b', TEXTS.frost), doc('c', TEXTS.ferries)];
      await Promise.all([s1.write(batch), s2.write([...batch].reverse()), s1.write(batch.slice(1))]);
      const s = await s1.stats();
      expect(s.documents).toBe(3);
      expect(s.postings).toBe(batch.reduce((t, d) => t + pairsCount(d), 0));
    });

    it('a write is all or nothing: a batch that fails leaves no document of it', async () => {
      const store = await opened(target.fresh());
      await store.write([doc('keep', TEXTS.frost)]);
      const before = await store.stats();
      // A document the database refuses (no body) after several good ones: the whole batch fails.
      const good = Array.from({ length: 600 }, (_, i) => doc(`g${i}`, `${TEXTS.tram} Item ${i} of the list.`));
      const bad = { ...doc('bad', TEXTS.glass), body: null as unknown as Uint8Array };
      await expect(store.write([...good, bad])).rejects.toThrow();
      expect(await store.stats()).toEqual(before);
      expect((await store.hashes(['g0', 'g599', 'bad'])).size).toBe(0);
      // And the store still works afterwards.
      await store.write([doc('after', TEXTS.glass)]);
      expect((await store.stats()).documents).toBe(2);
    });

    it('lists every signature in document order', async () => {
      const store = await opened(target.fresh());
      const ds = Array.from({ length: 30 }, (_, i) => doc(`d${i}`, `${TEXTS.tram} Paragraph ${i} adds its own line about ${i * 7} trams.`));
      await store.write(ds);
      const seen: { n: number; id: string; sig: Buffer }[] = [];
      for await (const s of store.signatures()) seen.push({ n: s.n, id: s.id, sig: Buffer.from(s.sig) });
      expect(seen.map((s) => s.n)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(seen.map((s) => s.id)).toEqual(ds.map((d) => d.id));
      seen.forEach((s, i) => expect(s.sig).toEqual(Buffer.from(ds[i].sig)));
    });

    it('stats: bytes on disk grow with the documents', async () => {
      const store = await opened(target.fresh());
      const empty = await store.stats();
      expect(empty).toMatchObject({ documents: 0, sentences: 0, postings: 0 });
      await store.write(Array.from({ length: 400 }, (_, i) => doc(`d${i}`, `${TEXTS.tram} ${TEXTS.frost} Number ${i * 13} closes it.`)));
      const full = await store.stats();
      expect(full.documents).toBe(400);
      expect(full.postings).toBeGreaterThan(400);
      expect(full.bytes).toBeGreaterThan(empty.bytes);
      expect(full.bytes).toBeGreaterThan(400 * 100);
    });

    it("generation changes with this store's writes and with another connection's", async () => {
      const loc = target.fresh();
      const a = await opened(loc);
      const b = await opened(loc);
      if (!a.generation) return;
      // A store may need a moment before its generation is stable (PostgreSQL: its listening connection).
      await expect.poll(() => a.generation!() === a.generation!(), { timeout: 5000 }).toBe(true);
      const g0 = a.generation();
      await a.write([doc('a', TEXTS.frost)]);
      const g1 = a.generation();
      expect(g1).not.toBe(g0);
      await b.write([doc('b', TEXTS.glass)]);
      await expect.poll(() => a.generation!(), { timeout: 5000 }).not.toBe(g1);
    });

    it('claim() lets this process write', async () => {
      const store = await opened(target.fresh());
      await store.claim?.();
      await store.write([doc('a', TEXTS.frost)]);
      expect((await store.stats()).documents).toBe(1);
    });

    it('keeps reports by id and finds documents by id (when the store has them)', async (ctx) => {
      const store = await opened(target.fresh());
      if (!store.saveReport || !store.report || !store.docById) return ctx.skip();
      expect(await store.report('r1')).toBeNull();
      await store.write([doc('src/a.txt', TEXTS.glass, 'Glass')]);
      // A permalink keeps the first report saved under its id; saving one changes no document.
      await expect.poll(() => store.generation?.() === store.generation?.(), { timeout: 5000 }).toBe(true);
      const g = store.generation?.();
      await store.saveReport('r1', '{"schema":"unspun.report/1","x":1}');
      await store.saveReport('r2', '{"b":"ü ✓"}');
      await store.saveReport('r1', '{"schema":"unspun.report/1","x":2}');
      expect(await store.report('r1')).toBe('{"schema":"unspun.report/1","x":1}');
      expect(await store.report('r2')).toBe('{"b":"ü ✓"}');
      await new Promise((r) => setTimeout(r, 200)); // a notification, were there one, would have come
      expect(store.generation?.()).toBe(g);
      const d = await store.docById('src/a.txt');
      expect(d && { id: d.id, title: d.title, n: d.n }).toEqual({ id: 'src/a.txt', title: 'Glass', n: 1 });
      expect(await store.docById('nope')).toBeNull();
    });

    it('prunes all but the newest reports, in the order they were saved', async (ctx) => {
      const store = await opened(target.fresh());
      if (!store.saveReport || !store.pruneReports) return ctx.skip();
      expect(await store.pruneReports(2)).toBe(0); // no reports yet
      for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) await store.saveReport(id, `{"id":"${id}"}`);
      await store.saveReport('r1', '{"again":true}'); // a repeat is not a newer report
      expect(await store.pruneReports(2)).toBe(3);
      expect(await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => store.report!(id)))).toEqual([null, null, null, '{"id":"r4"}', '{"id":"r5"}']);
      expect(await store.pruneReports(2)).toBe(0);
      await store.saveReport('r6', '{}');
      expect(await store.pruneReports(2)).toBe(1);
      expect(await store.report!('r4')).toBeNull();
    });
  });
}

function pairsCount(d: StoredDocInput): number {
  let n = 0;
  for (const s of pairs(d).values()) n += s.size;
  return n;
}
