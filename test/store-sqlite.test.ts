import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../src/model/errors.js';
import { openStore } from '../src/store/index.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  // The contract shared with PostgreSQL (write, replace, lookup, ...) is in test/store/conformance.ts.
  it('refuses a missing file when create is false, and URLs of other kinds', async () => {
    await expect(openStore(path.join(dir, 'none.db'), { create: false })).rejects.toThrow(UserError);
    await expect(openStore('redis://127.0.0.1:6379')).rejects.toThrow(/not an index/);
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
});
