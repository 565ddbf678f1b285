import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareDoc } from '../../src/reuse/prepare.js';
import { openStore } from '../../src/store/index.js';
import { SqliteStore } from '../../src/store/sqlite.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-reports-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const doc = (id: string, text: string) => prepareDoc({ id, title: `Title of ${id}`, text });

describe('SQLite store: reports and documents by id (the server)', () => {
  it('keeps reports across reopen, by id, once', async () => {
    const file = path.join(dir, 'i.db');
    let store = await openStore(file);
    expect(await store.report!('r1')).toBeNull();
    await store.saveReport!('r1', '{"schema":"unspun.report/1"}');
    await store.saveReport!('r1', '{"schema":"unspun.report/1"}');
    await store.close();
    store = await openStore(file, { create: false });
    expect(await store.report!('r1')).toBe('{"schema":"unspun.report/1"}');
    expect(await store.report!('r2')).toBeNull();
    await store.close();
  });

  it('reads an index of this format made before reports existed, and adds the table on the first report', async () => {
    const file = path.join(dir, 'old.db');
    const store = await openStore(file);
    await store.write([doc('a', 'The harbour ferries will switch to electric engines next spring.')]);
    await store.close();
    const db = new Database(file);
    db.exec('DROP TABLE reports');
    db.close();
    const old = await openStore(file, { create: false });
    expect(await old.report!('x')).toBeNull();
    await old.saveReport!('x', '{}');
    expect(await old.report!('x')).toBe('{}');
    expect((await old.docById!('a'))?.title).toBe('Title of a');
    await old.close();
  });

  it('finds a document by its external id', async () => {
    const store = await openStore(path.join(dir, 'd.db'));
    await store.write([doc('bbc/politics/012.txt', 'A late frost destroyed the apple blossom in the valley.')]);
    const d = await store.docById!('bbc/politics/012.txt');
    expect(d).toMatchObject({ id: 'bbc/politics/012.txt', title: 'Title of bbc/politics/012.txt' });
    expect(await store.docById!('bbc/politics/013.txt')).toBeNull();
    await store.close();
  });

  it("changes its generation when documents change, in this connection or another, not when a report is saved", async () => {
    const file = path.join(dir, 'g.db');
    const writer = new SqliteStore(file);
    const reader = new SqliteStore(file, { create: false });
    const g0 = reader.generation();
    await writer.write([doc('a', 'The harbour ferries will switch to electric engines next spring.')]);
    const g1 = reader.generation();
    expect(g1).not.toBe(g0);
    expect(writer.generation()).toBe(g1);
    // A replacement (same id, new text) is a change too.
    await writer.write([doc('a', 'The harbour ferries will switch to hydrogen engines next spring.')]);
    const g2 = reader.generation();
    expect(g2).not.toBe(g1);
    // Reports are not what tracing reads: the analysis worker's cache of parsed documents stays.
    await writer.saveReport('r', '{}');
    expect(reader.generation()).toBe(g2);
    reader.close();
    writer.close();
  });
});

describe('the server keeps the newest reports (--keep-reports)', () => {
  it('answers 404 for a pruned permalink, and saves it again when the article is analyzed again', async () => {
    const { testServer, json, FERRY } = await import('./helpers.js');
    const s = await testServer({ limits: { keepReports: 1 } });
    try {
      const analyze = async (published: string) => (await s.app.request('/api/analyze', json({ text: FERRY, published }))).headers.get('x-report-id')!;
      const first = await analyze('2025-04-14');
      expect((await s.app.request(`/api/reports/${first}`)).status).toBe(200);
      const second = await analyze('2025-04-15');
      expect((await s.app.request(`/api/reports/${first}`)).status).toBe(404);
      expect((await s.app.request(`/api/reports/${second}`)).status).toBe(200);
      expect(await analyze('2025-04-14')).toBe(first);
      expect((await s.app.request(`/api/reports/${first}`)).status).toBe(200);
      expect((await s.app.request(`/api/reports/${second}`)).status).toBe(404);
    } finally {
      await s.stop();
    }
  }, 60_000);
});
