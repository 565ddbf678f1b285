/**
 * What only the PostgreSQL store has: migrations, many writers at once, reconnection, partitions, and errors
 * that name the server without the password. The shared contract is in conformance.ts.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/model/errors.js';
import { MIGRATIONS } from '../../src/store/migrations/postgres.js';
import { openStore } from '../../src/store/index.js';
import { PostgresStore, redactUrl } from '../../src/store/postgres.js';
import { SENTENCE_SLOTS, type Store } from '../../src/store/store.js';
import { generatedArticle } from '../helpers/generated.js';
import { PG_BASE, pgSchemas } from '../helpers/pg.js';
import { doc } from './conformance.js';

const schemas = pgSchemas('unspun_pg');
const opened: Store[] = [];
const open = async (url: string, create = true) => {
  const s = await openStore(url, { create });
  opened.push(s);
  return s;
};
const schemaOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('options')!).replace('-c search_path=', '');

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const s of opened) await s.close();
  await schemas.dropAll();
});

describe('PostgreSQL store', () => {
  it('errors name the server without the password, in one line', async () => {
    expect(redactUrl('postgres://alice:s3cret@db.example:5432/news?sslmode=require')).toBe('postgres://alice@db.example:5432/news?sslmode=require');
    const refused = openStore('postgres://alice:s3cret@127.0.0.1:1/test');
    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow(/^index postgres:\/\/alice@127\.0\.0\.1:1\/test: cannot connect to PostgreSQL \(ECONNREFUSED\)$/);
    const nodb = openStore('postgres://postgres:s3cret@127.0.0.1:5432/unspun_no_such_db');
    await expect(nodb).rejects.toThrow(/no such database/);
    await expect(nodb).rejects.not.toThrow(/s3cret/);
  });

  it('processes opening a new index at the same moment apply each migration once', async () => {
    const url = schemas.url();
    const stores = await Promise.all(Array.from({ length: 6 }, () => open(url)));
    expect(stores).toHaveLength(6);
    const rows = await sql<{ version: number }>(`SELECT version FROM "${schemaOf(url)}".schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('applies a missing migration to an older index, and refuses one from a newer unspun or another format', async () => {
    const url = schemas.url();
    const s = await open(url);
    await s.write([doc('a', 'Councillors in Marlow voted to extend the tram line to the old shipyard.')]);
    const schema = schemaOf(url);
    // As if made by a version that knew only migration 1.
    await sql(`DROP TABLE "${schema}".reports; DELETE FROM "${schema}".schema_migrations WHERE version > 1`);
    const again = await open(url, false);
    expect((await again.stats()).documents).toBe(1);
    await again.saveReport!('r', '{}');
    await sql(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (999, 'future')`);
    await expect(openStore(url)).rejects.toThrow(/made by a newer unspun \(schema version 999/);
    await sql(`DELETE FROM "${schema}".schema_migrations WHERE version = 999; UPDATE "${schema}".meta SET value = 'old' WHERE key = 'format'`);
    await expect(openStore(url)).rejects.toThrow(/built by another version of unspun/);
  });

  it("never writes into a schema holding someone else's tables", async () => {
    const url = schemas.url();
    await sql(`CREATE SCHEMA "${schemaOf(url)}"; CREATE TABLE "${schemaOf(url)}".customers (id int)`);
    await expect(openStore(url)).rejects.toThrow(/holds tables that are not an unspun index/);
  });

  it('many writers with overlapping batches in different orders: no deadlock, every document once', async () => {
    const url = schemas.url();
    const writers = await Promise.all(Array.from({ length: 4 }, () => open(url)));
    const all = Array.from({ length: 120 }, (_, i) => doc(`d${i}`, generatedArticle(i, 6)));
    const shuffled = (k: number) => [...all].sort((a, b) => ((a.id.length * 31 + a.id.charCodeAt(a.id.length - 1) * k) % 17) - ((b.id.length * 31 + b.id.charCodeAt(b.id.length - 1) * k) % 17));
    await Promise.all(writers.flatMap((w, k) => [0, 1, 2].map((j) => w.write(shuffled(k + j + 1).slice(j * 20, j * 20 + 80)))));
    await Promise.all(writers.map((w) => w.write(all)));
    const s = await writers[0].stats();
    expect(s.documents).toBe(120);
    // Each document's distinct (fingerprint, sentence) pairs, once.
    const distinct = all.reduce((t, d) => t + new Set([...d.postings].flatMap((v, i, p) => (i % 2 ? [] : [`${v}/${p[i + 1]}`]))).size, 0);
    expect(s.postings).toBe(distinct);
  });

  it('concurrent replacements of one id leave one document whose postings resolve', async () => {
    const url = schemas.url();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const va = doc('x', generatedArticle(1, 5));
    const vb = doc('x', generatedArticle(2, 5));
    await Promise.all([a.write([va]), b.write([vb]), a.write([vb]), b.write([va])]);
    expect((await a.stats()).documents).toBe(1);
    const stored = (await a.docById!('x'))!;
    const hash = Buffer.from((await a.hashes(['x'])).get('x')!);
    const winner = hash.equals(Buffer.from(va.hash)) ? va : vb;
    expect(Buffer.from(stored.body)).toEqual(Buffer.from(winner.body));
    const hits = await a.lookup([winner.postings[0]], 100);
    expect(hits.get(winner.postings[0])).toContain(stored.n * SENTENCE_SLOTS + winner.postings[1]);
  });

  it('a failure in the postings COPY rolls the documents back', async () => {
    const s = await open(schemas.url());
    const bad = { ...doc('bad', generatedArticle(3, 4)), postings: [Number.NaN, 0] as unknown as Int32Array };
    await expect(s.write([doc('ok', generatedArticle(4, 4)), bad])).rejects.toThrow();
    expect(await s.stats()).toMatchObject({ documents: 0, postings: 0 });
  });

  it('reconnects when the server drops its connections (a restart), and the write still lands once', async () => {
    // A name of this test's own, so that only its connections are dropped (other runs may share the server).
    const app = `unspun_test_${process.pid}`;
    const url = `${schemas.url()}&application_name=${app}`;
    const s = await open(url);
    await s.write([doc('before', generatedArticle(5, 4))]);
    const killed = await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
    expect(killed.length).toBeGreaterThan(0);
    await s.write([doc('after', generatedArticle(6, 4))]);
    expect((await s.hashes(['before', 'after'])).size).toBe(2);
    expect((await s.stats()).documents).toBe(2);
  });

  it('connections dropped in the middle of writes: every write lands once, and the process lives', async () => {
    const app = `unspun_test_mid_${process.pid}`;
    const s = await open(`${schemas.url()}&application_name=${app}`);
    const batches = Array.from({ length: 6 }, (_, b) => Array.from({ length: 150 }, (_, i) => doc(`b${b}-${i}`, generatedArticle(b * 1000 + i, 12))));
    let killed = 0;
    const killer = (async () => {
      for (let k = 0; k < 8; k++) {
        await new Promise((r) => setTimeout(r, 40));
        killed += (await sql('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app])).length;
      }
    })();
    for (const b of batches) await s.write(b);
    await killer;
    expect(killed).toBeGreaterThan(0);
    for (const b of batches) await s.write(b); // again, as a retried job would
    expect((await s.stats()).documents).toBe(900);
    const all = batches.flat();
    const want = all.reduce((t, d) => t + new Set([...d.postings].flatMap((v, i, p) => (i % 2 ? [] : [`${v}/${p[i + 1]}`]))).size, 0);
    expect((await s.stats()).postings).toBe(want);
  });

  it('hash-partitions postings by fingerprint when asked at creation', async () => {
    const url = schemas.url();
    const s = await PostgresStore.open(url, { create: true, postingsPartitions: 4 });
    opened.push(s);
    const parts = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = $1 AND c.relkind = 'r'`,
      [schemaOf(url)],
    );
    expect(parts[0].n).toBe(4);
    const d = doc('p', generatedArticle(7, 8));
    await s.write([d]);
    const st = await s.stats();
    expect(st.postings).toBeGreaterThan(0);
    expect(st.bytes).toBeGreaterThan(4 * 8192);
    const hits = await s.lookup([d.postings[0], d.postings[2]], 10);
    expect(hits.get(d.postings[0])).toContain(SENTENCE_SLOTS + d.postings[1]);
  });

  it("stats past the exact limit are the planner's estimates, flagged", async () => {
    const url = schemas.url();
    const s = await PostgresStore.open(url, { create: true, exactStatsMax: 10 });
    opened.push(s);
    const ds = Array.from({ length: 60 }, (_, i) => doc(`e${i}`, generatedArticle(i, 8)));
    await s.write(ds);
    await sql(`ANALYZE "${schemaOf(url)}".docs; ANALYZE "${schemaOf(url)}".postings`);
    const est = await s.stats();
    expect(est.estimated).toBe(true);
    expect(est.documents).toBe(60);
    const exact = await (await open(url, false)).stats();
    expect(exact.estimated).toBeUndefined();
    expect(est.postings).toBe(exact.postings);
    expect(est.sentences).toBeGreaterThan(0);
  });

  it('claim() refuses a role that may not write the index', async () => {
    const url = schemas.url();
    await (await open(url)).close();
    const role = `unspun_ro_${process.pid}`;
    await sql(`DROP ROLE IF EXISTS ${role}; CREATE ROLE ${role} LOGIN; GRANT USAGE ON SCHEMA "${schemaOf(url)}" TO ${role}; GRANT SELECT ON ALL TABLES IN SCHEMA "${schemaOf(url)}" TO ${role}`);
    try {
      const u = new URL(url);
      u.username = role;
      const ro = await open(u.toString(), false);
      await expect(ro.claim!()).rejects.toThrow(/may not write the index/);
      await ro.close();
    } finally {
      await sql(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
    }
  });
});
