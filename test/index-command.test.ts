import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { contentHash } from '../src/reuse/prepare.js';
import { generatedArticle } from './helpers/generated.js';

// The real CLI in a child process, so that worker threads, crash recovery and exit codes are the real ones.
const root = path.resolve(new URL('..', import.meta.url).pathname);
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

const DOCS = 3000;
let dir: string;
let corpus: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-cli-'));
  corpus = path.join(dir, 'corpus');
  for (let i = 0; i < DOCS; i++) {
    const sub = path.join(corpus, `part${i % 3}`);
    if (i < 3) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(i).padStart(5, '0')}.txt`), generatedArticle(i, 12) + '\n');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function counts(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    return {
      documents: d.prepare('SELECT count(*) FROM docs').pluck().get() as number,
      postings: d.prepare('SELECT count(*) FROM postings').pluck().get() as number,
      integrity: d.prepare('PRAGMA integrity_check').pluck().get() as string,
    };
  } finally {
    d.close();
  }
}

describe('unspun index', () => {
  it('indexes a folder with ids relative to it, and is idempotent', () => {
    const db = path.join(dir, 'clean.db');
    const r = cli(['index', corpus, '--db', db, '--stats']);
    expect(r.stderr).toMatch(new RegExp(`indexed ${DOCS} documents .*: ${DOCS} added, 0 unchanged, 0 failed`));
    expect(r.stdout).toMatch(new RegExp(`${DOCS} documents, ${DOCS * 12} sentences`));
    expect(r.status).toBe(0);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT id FROM docs ORDER BY id LIMIT 1').pluck().get()).toBe('part0/00000.txt');
    d.close();
    const again = cli(['index', corpus, '--db', db]);
    expect(again.stderr).toMatch(`0 added, ${DOCS} unchanged, 0 failed`);
  }, 120_000);

  it('survives kill -9 mid-run: committed work is kept and a rerun completes the rest', async () => {
    const clean = counts(path.join(dir, 'clean.db'));
    const db = path.join(dir, 'killed.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/bin.ts', 'index', corpus, '--db', db, '--workers', '1'], { cwd: root, stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => (exited = true));
    // Kill as soon as the first batch is committed.
    let seen = 0;
    const t0 = Date.now();
    while (!exited && Date.now() - t0 < 60_000) {
      await new Promise((r) => setTimeout(r, 20));
      try {
        seen = counts(db).documents;
      } catch {
        seen = 0; // not created yet
      }
      if (seen > 0) break;
    }
    expect(exited, 'the indexing run finished before it could be killed').toBe(false);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));

    const after = counts(db);
    expect(after.integrity).toBe('ok');
    expect(after.documents).toBeGreaterThanOrEqual(seen);
    expect(after.documents).toBeLessThan(DOCS);
    // Every stored document is whole: its hash is its file's content.
    const d = new Database(db, { readonly: true });
    for (const row of d.prepare('SELECT id, hash FROM docs').iterate() as Iterable<{ id: string; hash: Buffer }>) {
      const text = textToArticle(readFileSync(path.join(corpus, row.id), 'utf8'), { id: row.id, origin: null }).text;
      expect(row.hash.equals(contentHash(text))).toBe(true);
    }
    d.close();

    const rerun = cli(['index', corpus, '--db', db]);
    expect(rerun.status).toBe(0);
    expect(rerun.stderr).toMatch(`${DOCS - after.documents} added, ${after.documents} unchanged, 0 failed`);
    expect(counts(db)).toEqual(clean);
  }, 120_000);

  it('uses $UNSPUN_DB, reports unreadable inputs, and finds duplicates with unspun dupes', () => {
    const db = path.join(dir, 'env.db');
    const small = path.join(dir, 'small');
    mkdirSync(small);
    for (let i = 0; i < 5; i++) writeFileSync(path.join(small, `${i}.txt`), generatedArticle(1000 + i, 15));
    copyFileSync(path.join(small, '0.txt'), path.join(small, 'copy-of-0.txt'));
    const r = cli(['index', small, path.join(dir, 'missing.txt')], { UNSPUN_DB: db });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
    expect(r.stderr).toMatch('6 added, 0 unchanged, 1 failed');
    const dupes = cli(['dupes', '--format', 'json'], { UNSPUN_DB: db });
    expect(dupes.status).toBe(0);
    const out = JSON.parse(dupes.stdout) as { clusters: { similarity: number; docs: { id: string }[] }[] };
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0].docs.map((x) => x.id)).toEqual(['0.txt', 'copy-of-0.txt']);
    expect(out.clusters[0].similarity).toBe(1);
    const text = cli(['dupes', '--db', db]);
    expect(text.stdout).toMatch(/cluster 1: 2 documents, similarity 1\.000/);
  }, 120_000);

  it('usage errors are one line, exit 2', () => {
    const none = cli(['index']);
    expect(none.status).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    const missing = cli(['dupes', '--db', path.join(dir, 'nope.db')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such index/);
    const bad = cli(['dupes', '--db', path.join(dir, 'clean.db'), '--threshold', '2']);
    expect(bad.status).toBe(2);
  }, 60_000);
});
