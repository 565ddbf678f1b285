import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/model/errors.js';
import { contentHash, prepareDoc } from '../src/reuse/prepare.js';
import { openStore } from '../src/store/index.js';
import { SENTENCE_SLOTS } from '../src/store/store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const doc = (id: string, text: string) => {
  const p = prepareDoc({ id, title: null, text });
  return { ...p, sentences: p.sentences };
};

describe('SQLite store', () => {
  it('refuses a missing file when create is false, and postgres URLs for now', async () => {
    await expect(openStore(path.join(dir, 'none.db'), { create: false })).rejects.toThrow(UserError);
    await expect(openStore('postgres://localhost/unspun')).rejects.toThrow(/not supported yet/);
  });

  it('refuses files that are not an unspun index', async () => {
    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database at all, just some text that is long enough to have a header');
    await expect(openStore(junk)).rejects.toThrow(UserError);
    const other = path.join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expect(openStore(other, { create: false })).rejects.toThrow(/not an unspun index/);
  });

  it('keeps documents across close and reopen, and replaces by id', async () => {
    const file = path.join(dir, 'i.db');
    let store = await openStore(file, { create: true });
    await store.write([doc('a', 'The harbour ferries will switch to electric engines next spring. Fares will not rise.'), doc('b', 'A late frost destroyed the apple blossom in the valley.')]);
    let s = await store.stats();
    expect(s).toMatchObject({ documents: 2, sentences: 3 });
    await store.close();

    store = await openStore(file, { create: false });
    expect((await store.stats()).documents).toBe(2);
    const h = await store.hashes(['a', 'b', 'c']);
    expect([...h.keys()].sort()).toEqual(['a', 'b']);
    expect(Buffer.from(h.get('b')!)).toEqual(contentHash('A late frost destroyed the apple blossom in the valley.'));
    // Same id, new content: replaced, and the old document's number no longer resolves.
    const before = [...(await store.docs([1, 2])).keys()];
    await store.write([doc('a', 'Completely different text about a glassworks closing in June after ninety years.')]);
    s = await store.stats();
    expect(s.documents).toBe(2);
    const after = await store.docs([...before, 3]);
    expect([...after.values()].map((d) => d.id).sort()).toEqual(['a', 'b']);
    expect(after.has(1)).toBe(false);
    await store.close();
  });

  it('looks up fingerprints to sentence ids', async () => {
    const store = await openStore(path.join(dir, 'l.db'));
    const d = doc('x', 'The glassworks employs 312 people and supplied bottles to breweries across the county.');
    await store.write([d]);
    const fps = [...d.postings].filter((_, i) => i % 2 === 0);
    const hits = await store.lookup(fps, 10);
    for (const fp of fps) expect(hits.get(fp)).toEqual([1 * SENTENCE_SLOTS + 0]);
    expect((await store.lookup([12345], 10)).get(12345)).toEqual([]);
    await store.close();
  });
});
