/** `--db postgres://...` wherever `--db FILE` works: the real CLI in a child process. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { generatedArticle } from '../helpers/generated.js';
import { pgSchemas } from '../helpers/pg.js';

const schemas = pgSchemas('unspun_cli');
let dir: string;
let corpus: string;
let url: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-pgcli-'));
  corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 40; i++) writeFileSync(path.join(corpus, `${String(i).padStart(3, '0')}.txt`), generatedArticle(i, 10) + '\n');
  // a republished copy, for dupes
  writeFileSync(path.join(corpus, 'copy-of-007.txt'), generatedArticle(7, 10) + ' Reprinted with permission.\n');
  writeFileSync(path.join(dir, 'query.txt'), generatedArticle(3, 10).split(/(?<=\.) /).slice(0, 3).join(' ') + ' ' + generatedArticle(21, 10).split(/(?<=\.) /)[4] + '\n');
  url = schemas.url();
});

afterAll(async () => {
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('unspun with --db postgres://', () => {
  it('index, analyze and dupes work on PostgreSQL as on a SQLite file', async () => {
    const sqlite = path.join(dir, 'index.db');
    const ix = await runCli(['index', corpus, '--db', url, '--stats', '--workers', '1']);
    expect(ix.stderr).toMatch(/41 added/);
    expect(ix.stdout).toMatch(/41 documents/);
    expect(ix.code).toBe(0);
    const again = await runCli(['index', corpus, '--db', url, '--workers', '1']);
    expect(again.stderr).toMatch(/0 added, 41 unchanged/);
    await runCli(['index', corpus, '--db', sqlite, '--workers', '1']);

    const [a, b] = await Promise.all([
      runCli(['analyze', path.join(dir, 'query.txt'), '--db', url, '--format', 'json']),
      runCli(['analyze', path.join(dir, 'query.txt'), '--db', sqlite, '--format', 'json']),
    ]);
    expect(a.code).toBe(b.code);
    const report = JSON.parse(a.stdout) as { summary: { sources: { docId: string }[] } };
    expect(report.summary.sources.map((s) => s.docId)).toEqual(expect.arrayContaining(['003.txt', '021.txt']));
    expect(a.stdout).toBe(b.stdout);

    const dupes = await runCli(['dupes', '--db', url, '--format', 'json', '--threshold', '0.7']);
    expect(dupes.code).toBe(0);
    const ids = (JSON.parse(dupes.stdout) as { clusters: { docs: { id: string }[] }[] }).clusters.map((c) => c.docs.map((d) => d.id).sort());
    expect(ids).toContainEqual(['007.txt', 'copy-of-007.txt']);
  }, 180_000);

  it('a server that cannot be reached is one line, exit 2, without the password', async () => {
    for (const args of [
      ['index', corpus, '--db', 'postgres://postgres:hunter2@127.0.0.1:1/test'],
      ['analyze', path.join(dir, 'query.txt'), '--db', 'postgres://postgres:hunter2@127.0.0.1:1/test'],
      ['dupes', '--db', 'postgres://postgres:hunter2@127.0.0.1:1/test'],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/postgres:\/\/postgres@127\.0\.0\.1:1\/test: cannot connect to PostgreSQL/);
      expect(r.stderr).not.toMatch(/hunter2/);
    }
  }, 60_000);

  it('reading a schema without an index says how to make one', async () => {
    const r = await runCli(['dupes', '--db', schemas.url()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no unspun index in schema .*unspun index \.\.\. --db URL/);
  }, 60_000);
});
