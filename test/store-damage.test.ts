import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../src/model/errors.js';
import { compressText, prepareDoc, storedText } from '../src/reuse/prepare.js';
import { DamagedIndexError, storeError } from '../src/store/errors.js';
import { openStore } from '../src/store/index.js';
import { SqliteStore } from '../src/store/sqlite.js';
import { runCli } from './helpers/cli.js';
import { generatedArticle } from './helpers/generated.js';

const root = path.resolve(new URL('..', import.meta.url).pathname);
let dir: string;
let clean: string;
let corpus: string;
const PAGE = 32768;

const sha = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex');
const copy = (name: string) => {
  const f = path.join(dir, name);
  copyFileSync(clean, f);
  return f;
};
/** Overwrites the first `n` bytes of page `page` (1-based, as SQLite counts) with a fixed pattern. */
function smash(file: string, page: number, n = 512) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(n, 0xa5), 0, n, (page - 1) * PAGE);
  closeSync(fd);
}
const pagesOf = (file: string) => statSync(file).size / PAGE;
const DAMAGED = /^damaged index \S+: .+; (if it is an index, )?delete it and rebuild with "unspun index \.\.\. --db \S+"$/;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'unspun-damage-'));
  corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 300; i++) writeFileSync(path.join(corpus, `${i}.txt`), generatedArticle(i, 12) + '\n');
  clean = path.join(dir, 'clean.db');
  const store = await openStore(clean, { create: true });
  const docs = [];
  for (let i = 0; i < 300; i++) docs.push(prepareDoc({ id: `${i}.txt`, title: null, text: generatedArticle(i, 12) }));
  await store.write(docs);
  await store.close();
  expect(pagesOf(clean)).toBeGreaterThan(8);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the store checks its file on open', () => {
  it('a damaged page in the middle: refused on open for reading and for writing, and nothing written', async () => {
    const file = copy('mid.db');
    smash(file, Math.floor(pagesOf(file) / 2));
    const before = sha(file);
    for (const create of [false, true]) {
      const e = await openStore(file, { create }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DamagedIndexError);
      expect((e as Error).message).toMatch(DAMAGED);
      expect((e as Error).message).not.toMatch(/if it is an index/);
    }
    expect(sha(file)).toBe(before);
  });

  it('past the size checked on open, a damaged page found by a query is the same one-line error', async () => {
    const file = copy('late.db');
    smash(file, Math.floor(pagesOf(file) / 2));
    // checkLimit 0: as a large index is opened for reading (header checks only).
    const store = new SqliteStore(file, { create: false, checkLimit: 0 });
    // Between them these read every page of both tables.
    const all = async () => {
      for await (const _ of store.signatures());
      await store.stats();
    };
    const e = await all().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DamagedIndexError);
    expect((e as Error).message).toMatch(DAMAGED);
    store.close();
  });

  it('a 0-byte file: a reader refuses it and leaves it as it was; an index run may start an index there', async () => {
    const file = path.join(dir, 'zero.db');
    writeFileSync(file, '');
    await expect(openStore(file, { create: false })).rejects.toThrow(/^damaged index \S+zero\.db: empty file \(0 bytes\)/);
    expect(statSync(file).size).toBe(0);
    const store = await openStore(file, { create: true });
    expect((await store.stats()).documents).toBe(0);
    await store.close();
    expect(statSync(file).size).toBeGreaterThan(0);
  });

  it('a file that is not SQLite, or truncated, or missing', async () => {
    const text = path.join(dir, 'notes.db');
    writeFileSync(text, 'Shopping list: bread, apples, a new kettle. '.repeat(20));
    const before = sha(text);
    for (const create of [false, true]) await expect(openStore(text, { create })).rejects.toThrow(/^damaged index \S+: not a SQLite database .*if it is an index, delete it/);
    expect(sha(text)).toBe(before);

    const cut = copy('cut.db');
    truncateSync(cut, Math.floor(pagesOf(cut) / 2) * PAGE);
    await expect(openStore(cut, { create: false })).rejects.toThrow(/^damaged index \S+: truncated: the header counts \d+ pages, the file holds \d+/);
    const odd = copy('odd.db');
    truncateSync(odd, statSync(odd).size - 100);
    await expect(openStore(odd, { create: true })).rejects.toThrow(/not a whole number of 32768-byte pages/);

    for (const create of [false, true]) await expect(openStore('/dev/null', { create })).rejects.toThrow(/^\/dev\/null: not a regular file/);
    const missing = path.join(dir, 'missing.db');
    await expect(openStore(missing, { create: false })).rejects.toThrow(/no such index/);
    expect(existsSync(missing)).toBe(false);
  });

  it('another version, another program\'s database and an empty database are told apart from damage', async () => {
    const old = copy('old.db');
    const d = new Database(old);
    d.prepare("UPDATE meta SET value = '6' WHERE key = 'schema'").run();
    d.close();
    await expect(openStore(old, { create: false })).rejects.toThrow(/another version of unspun \(format 6/);
    const empty = path.join(dir, 'empty-sqlite.db');
    new Database(empty).close(); // a database with no tables is 0 bytes until something is written
    const e2 = path.join(dir, 'empty2.db');
    const d2 = new Database(e2);
    d2.pragma('user_version = 3'); // writes the header page: a valid database with no tables
    d2.close();
    await expect(openStore(e2, { create: false })).rejects.toThrow(/not an unspun index \(an empty database\)/);
  });

  it('a stored body that does not inflate is damage too (SQLite cannot see inside a blob)', () => {
    const store = { location: 'x.db' };
    expect(storedText(store, { id: 'a', body: compressText('The ferry left at noon.') })).toBe('The ferry left at noon.');
    expect(() => storedText(store, { id: 'a', body: Buffer.from([0xff, 0xff, 0xff, 0x00, 0x13]) })).toThrow(DamagedIndexError);
  });

  it('maps SQLite errors about the file to one-line user errors and leaves bugs alone', () => {
    const err = (code: string) => Object.assign(new Error('boom'), { code });
    expect(storeError('x.db', err('SQLITE_CORRUPT'))).toBeInstanceOf(DamagedIndexError);
    expect(storeError('x.db', err('SQLITE_CORRUPT_INDEX'))).toBeInstanceOf(DamagedIndexError);
    expect(storeError('x.db', err('SQLITE_NOTADB'))).toBeInstanceOf(DamagedIndexError);
    expect(String(storeError('x.db', err('SQLITE_FULL')))).toMatch(/disk is full/);
    expect(storeError('x.db', err('SQLITE_BUSY'))).toBeInstanceOf(UserError);
    const bug = err('SQLITE_ERROR');
    expect(storeError('x.db', bug)).toBe(bug);
    const plain = new TypeError('x');
    expect(storeError('x.db', plain)).toBe(plain);
  });
});

describe('the CLI on damaged indexes', () => {
  it('analyze --db and index --db: one line, exit 2, no stack, no write; analyze never creates an index', async () => {
    const mid = copy('cli-mid.db');
    smash(mid, Math.floor(pagesOf(mid) / 2));
    const midSum = sha(mid);
    const zero = path.join(dir, 'cli-zero.db');
    writeFileSync(zero, '');
    const text = path.join(dir, 'cli-text.db');
    writeFileSync(text, 'not an index\n'.repeat(50));
    const missing = path.join(dir, 'cli-missing.db');
    const article = path.join(corpus, '7.txt');
    const runs = await Promise.all([
      runCli(['analyze', article, '--db', mid, '--format', 'json']),
      runCli(['index', path.join(corpus, '1.txt'), '--db', mid]),
      runCli(['index', '--stats', '--db', mid]),
      runCli(['analyze', article, '--db', zero]),
      runCli(['analyze', article, '--db', text]),
      runCli(['analyze', article, '--db', missing]),
    ]);
    const patterns = [DAMAGED, DAMAGED, DAMAGED, /^damaged index \S+: empty file/, /^damaged index \S+: not a SQLite database/, /no such index/];
    runs.forEach((r, i) => {
      expect(r.code, `${i}: ${r.stderr}`).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0].replace(/^unspun: /, '')).toMatch(patterns[i]);
      expect(r.stdout).toBe('');
    });
    expect(sha(mid)).toBe(midSum);
    expect(statSync(zero).size).toBe(0);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('one writer at a time', () => {
  const claim = (file: string, w: object) => {
    const d = new Database(file);
    d.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)").run(JSON.stringify(w));
    d.close();
  };
  const startOf = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  };
  const one = prepareDoc({ id: 'new.txt', title: null, text: generatedArticle(9999, 5) });

  it('refuses to write while another live process holds the index, takes over from a dead one', async () => {
    const file = copy('claimed.db');
    const sleeper = spawn('sleep', ['30']);
    try {
      claim(file, { host: hostname(), pid: sleeper.pid, start: startOf(sleeper.pid!), at: Date.now() });
      const store = await openStore(file);
      await expect(store.write([one])).rejects.toThrow(new RegExp(`being written by another "unspun index" \\(pid ${sleeper.pid}\\)`));
      expect((await store.stats()).documents).toBe(300);
      await store.close();
    } finally {
      sleeper.kill();
    }
    // The same pid number with another start time is another process (the writer died, its pid was reused).
    claim(file, { host: hostname(), pid: process.pid, start: '1', at: Date.now() });
    let store = await openStore(file);
    await store.write([one]);
    await store.close();
    // A process that is gone (kill -9 leaves its claim behind).
    const gone = spawnSync('true').pid;
    claim(file, { host: hostname(), pid: gone, start: '', at: Date.now() });
    store = await openStore(file);
    await store.write([prepareDoc({ id: 'new2.txt', title: null, text: generatedArticle(9998, 5) })]);
    expect((await store.stats()).documents).toBe(302);
    await store.close();
    // Closing gives the claim back.
    const d = new Database(file, { readonly: true });
    expect(d.prepare("SELECT count(*) FROM meta WHERE key = 'writer'").pluck().get()).toBe(0);
    d.close();
  });

  it('two real `unspun index` runs on one file: one indexes, the other refuses, postings are not doubled', async () => {
    const big = path.join(dir, 'big');
    mkdirSync(big);
    const N = 2000;
    for (let i = 0; i < N; i++) writeFileSync(path.join(big, `${i}.txt`), generatedArticle(20_000 + i, 12) + '\n');
    const file = path.join(dir, 'race.db');
    const [a, b] = await Promise.all([runCli(['index', big, '--db', file, '--workers', '1']), runCli(['index', big, '--db', file, '--workers', '1'])]);
    const codes = [a.code, b.code].sort();
    expect(codes, a.stderr + b.stderr).toEqual([0, 2]);
    const loser = a.code === 2 ? a : b;
    expect(loser.stderr.trim()).toMatch(/^unspun: index \S+race\.db is being written by another "unspun index" \(pid \d+\); wait for it to finish/);

    const single = path.join(dir, 'single.db');
    expect(spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'index', big, '--db', single, '--workers', '1'], { cwd: root }).status).toBe(0);
    const count = (f: string) => {
      const d = new Database(f, { readonly: true });
      try {
        return {
          docs: d.prepare('SELECT count(*) FROM docs').pluck().get(),
          postings: d.prepare('SELECT count(*) FROM postings').pluck().get(),
          maxN: d.prepare('SELECT max(n) FROM docs').pluck().get(),
          writer: d.prepare("SELECT count(*) FROM meta WHERE key = 'writer'").pluck().get(),
        };
      } finally {
        d.close();
      }
    };
    // maxN: no document was stored twice (numbers are never reused).
    expect(count(file)).toEqual(count(single));
    expect(count(file)).toMatchObject({ docs: N, maxN: N, writer: 0 });
  }, 180_000);
});
