/**
 * The index on PostgreSQL, for corpora past one machine: any number of writers (index runs, queue workers)
 * and readers on any machines share one database.
 *
 * - The index lives in the first schema of the URL's search_path (`?options=-c%20search_path%3Dname`), else
 *   `public`; unspun creates the schema and its tables (src/store/migrations/postgres.ts) itself.
 * - Writes are idempotent upserts keyed on the document id and its content hash: the same document written
 *   twice (a retried job, two workers racing) is stored once with its postings once; a new hash for an id
 *   replaces the document under a new number. Each write() is one transaction.
 * - Many writers may write at once: claim() only checks that this connection may write (see there).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { UserError } from '../model/errors.js';
import { MIGRATIONS } from './migrations/postgres.js';
import { INDEX_FORMAT } from './sqlite.js';
import { SENTENCE_SLOTS, type Store, type StoreStats, type StoredDoc, type StoredDocInput } from './store.js';

/** Documents per multi-row INSERT (7 parameters each, below PostgreSQL's 65,535). */
const DOCS_PER_INSERT = 512;
/** Transient failures (lost connection, server restart, deadlock) are retried for this long: writes are idempotent. */
const RETRY_MS = 30_000;
const NOTIFY_CHANNEL = 'unspun_index';
/** Wait before listening again after the listening connection failed or was lost. */
const LISTEN_RETRY_MS = 10_000;
/** Past this many documents stats() reports the database's estimates (see there). */
const EXACT_STATS_MAX = 1_000_000;
/** Hash partitions of postings at most (each is a table with its index). */
const MAX_PARTITIONS = 1024;

/** The URL without its password, for messages and `location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/^(postgres(?:ql)?:\/\/[^:@/]*):?@/i, '$1@');
  } catch {
    return url.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1@');
  }
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

function codeOf(e: unknown): string {
  const c = (e as { code?: unknown })?.code;
  return typeof c === 'string' ? c : '';
}

/** Lost connections, restarts, deadlocks: worth another try with the same (idempotent) statement. */
export function isTransient(e: unknown): boolean {
  const code = codeOf(e);
  if (CONNECT_CODES.has(code) || code.startsWith('08') || ['57P01', '57P02', '57P03', '40P01', '40001', '53300'].includes(code)) return true;
  const msg = (e as Error)?.message ?? '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(msg);
}

/**
 * PostgreSQL's errors about the connection, the server or the database become one-line UserErrors naming the
 * URL (without its password); errors in unspun's own statements (bugs) are left alone.
 */
export function pgError(location: string, e: unknown): unknown {
  if (e instanceof UserError) return e;
  const code = codeOf(e);
  const msg = ((e as Error)?.message ?? String(e)).split('\n')[0];
  const at = `index ${location}`;
  if (CONNECT_CODES.has(code) || /connection timeout|Connection terminated/i.test(msg)) return new UserError(`${at}: cannot connect to PostgreSQL (${code || msg})`);
  if (code === '28P01' || code === '28000') return new UserError(`${at}: PostgreSQL refused the login (${msg})`);
  if (code === '3D000') return new UserError(`${at}: no such database (${msg})`);
  if (code === '3F000') return new UserError(`${at}: no such schema (${msg})`);
  if (code === '42501') return new UserError(`${at}: not allowed (${msg})`);
  if (code === '25006') return new UserError(`${at}: the server is read-only (${msg})`);
  if (code === '53100') return new UserError(`${at}: the database's disk is full (${msg})`);
  if (code.startsWith('08') || code.startsWith('57P') || code === '53300') return new UserError(`${at}: ${msg} (${code})`);
  return e;
}

// bigint columns (document numbers, sentence ids, counts) as numbers: all stay below 2^53.
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The first schema named in a search_path setting (null for "$user" or an empty path). */
function firstSchema(searchPath: string): string | null {
  const m = /^\s*("(?:[^"]|"")*"|[^,\s]+)/.exec(searchPath);
  if (!m) return null;
  const s = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1].toLowerCase();
  return s === '$user' ? null : s;
}

function buf(u: Uint8Array | null): Buffer | null {
  if (u == null) return null; // refused by the NOT NULL constraint, inside the transaction
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface PostgresOptions {
  /** Create the schema and tables when absent (an index run); readers refuse a database without an index. */
  create?: boolean;
  /** Hash partitions of postings by fingerprint when the index is created (default $UNSPUN_PG_PARTITIONS or 1). */
  postingsPartitions?: number;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Documents up to which stats() counts exactly (default EXACT_STATS_MAX). */
  exactStatsMax?: number;
}

export class PostgresStore implements Store {
  readonly location: string;
  /** The schema holding the index. */
  schema = '';
  private pool: pg.Pool;
  private writes = 0;
  private listener: pg.Client | null = null;
  private listening = false;
  private remote = 0;
  private volatile = 0;
  private listenAgainAt = 0;
  private closed = false;
  private exactStatsMax = EXACT_STATS_MAX;

  private constructor(
    private readonly url: string,
    poolSize: number,
  ) {
    this.location = redactUrl(url);
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, types: TYPES, connectionTimeoutMillis: 15_000, application_name: 'unspun' });
    // An idle connection dropped by a server restart must not crash the process: the pool replaces it.
    this.pool.on('error', () => {});
  }

  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    const env = process.env.UNSPUN_PG_PARTITIONS;
    const partitions = opts.postingsPartitions ?? (env ? Number(env) : 1);
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > MAX_PARTITIONS)
      throw new UserError(`UNSPUN_PG_PARTITIONS must be a whole number from 1 to ${MAX_PARTITIONS}, got "${env ?? partitions}"`);
    const store = new PostgresStore(url, opts.poolSize ?? 4);
    store.exactStatsMax = opts.exactStatsMax ?? EXACT_STATS_MAX;
    try {
      await store.migrate(opts.create ?? true, partitions);
    } catch (e) {
      await store.pool.end().catch(() => {});
      throw pgError(store.location, e);
    }
    return store;
  }

  /** Brings the schema up to the last migration, once, whatever number of processes open it at the same moment. */
  private async migrate(create: boolean, partitions: number): Promise<void> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    const onError = (e: Error) => (broken = e);
    c.on('error', onError);
    try {
      const sp = (await c.query<{ search_path: string; current: string | null }>('SELECT current_setting($1) AS search_path, current_schema() AS current', ['search_path'])).rows[0];
      // The first schema named in the search_path (created when absent); with the default path ("$user",
      // public), the one PostgreSQL resolves to.
      const first = firstSchema(sp.search_path);
      const schema = first ?? sp.current ?? 'public';
      this.schema = schema;
      const exists = async (table: string) =>
        ((await c.query('SELECT to_regclass($1) IS NOT NULL AS ok', [`${quoteIdent(schema)}.${table}`])).rows[0] as { ok: boolean }).ok;
      await c.query('BEGIN');
      // Two processes starting at once: the second waits here, then finds the migrations applied.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', ['unspun.migrate', schema]);
      if (!(await exists('schema_migrations'))) {
        if (!create) throw new UserError(`index ${this.location}: no unspun index in schema ${schema} (create one with "unspun index ... --db URL")`);
        await c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
        // A schema with tables but none of ours is someone else's: never write into it.
        const others = (await c.query('SELECT count(*) AS n FROM pg_tables WHERE schemaname = $1', [schema])).rows[0] as { n: number };
        if (others.n > 0) throw new UserError(`index ${this.location}: schema ${schema} holds tables that are not an unspun index`);
        await c.query('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      }
      const applied = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const last = MIGRATIONS[MIGRATIONS.length - 1].version;
      const newest = Math.max(0, ...applied);
      if (newest > last) throw new UserError(`index ${this.location}: made by a newer unspun (schema version ${newest}, this one knows ${last})`);
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.sql({ postingsPartitions: partitions }));
        await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      }
      // The fingerprint format and sentence packing must match this unspun's, as for a SQLite file.
      let meta = new Map((await c.query<{ key: string; value: string }>('SELECT key, value FROM meta')).rows.map((r) => [r.key, r.value]));
      if (!meta.has('format')) {
        // A new index (a reader with no write rights never gets here: every index has these rows).
        await c.query("INSERT INTO meta (key, value) VALUES ('format', $1), ('sentence_slots', $2)", [INDEX_FORMAT, String(SENTENCE_SLOTS)]);
        meta = new Map([...meta, ['format', INDEX_FORMAT], ['sentence_slots', String(SENTENCE_SLOTS)]]);
      }
      if (meta.get('format') !== INDEX_FORMAT || meta.get('sentence_slots') !== String(SENTENCE_SLOTS))
        throw new UserError(
          `index ${this.location}: built by another version of unspun (format ${meta.get('format')}/${meta.get('sentence_slots')}, this one reads ${INDEX_FORMAT}/${SENTENCE_SLOTS}): index again into a new schema`,
        );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.off('error', onError);
      c.release(broken);
    }
  }

  /** Runs `fn` again after transient failures (lost connection, restart, deadlock) for up to RETRY_MS. */
  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    for (let wait = 200; ; wait = Math.min(wait * 2, 5000)) {
      try {
        return await fn();
      } catch (e) {
        if (this.closed || !isTransient(e) || Date.now() - t0 + wait > RETRY_MS) throw pgError(this.location, e);
        await sleep(wait);
      }
    }
  }

  private query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.retry(() => this.pool.query<R>(text, values));
  }

  /** One transaction on one connection; a connection that failed is dropped from the pool. */
  private transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.retry(async () => {
      const c = await this.pool.connect();
      let broken: Error | undefined;
      // A connection lost mid-transaction emits 'error' on the client, which the pool does not listen to
      // while the client is checked out: unheard, it would end the process.
      const onError = (e: Error) => (broken = e);
      c.on('error', onError);
      try {
        await c.query('BEGIN');
        const r = await fn(c);
        await c.query('COMMIT');
        return r;
      } catch (e) {
        await c.query('ROLLBACK').catch((err: Error) => (broken = err));
        if (isTransient(e)) broken ??= e as Error;
        throw e;
      } finally {
        c.off('error', onError);
        c.release(broken);
      }
    });
  }

  async hashes(ids: string[]): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    if (!ids.length) return out;
    const r = await this.query<{ id: string; hash: Buffer }>('SELECT id, hash FROM docs WHERE id = ANY($1::text[])', [ids]);
    for (const row of r.rows) out.set(row.id, row.hash);
    return out;
  }

  /**
   * Upserts by id: a document whose id is stored with the same hash is left as it is (no new number, no
   * postings); a new hash replaces it under a new number. Rows are locked in id order, so that concurrent
   * writers of overlapping batches wait for each other rather than deadlock; the last to commit wins.
   */
  async write(docs: StoredDocInput[]): Promise<void> {
    // The last of one id in a batch wins, as with successive writes.
    const byId = new Map<string, StoredDocInput>();
    for (const d of docs) {
      byId.delete(d.id);
      byId.set(d.id, d);
    }
    const list = [...byId.values()];
    if (!list.length) return;
    const changed = await this.transaction(async (c) => {
      // Numbers in batch order (as SQLite assigns them), taken before the upsert so that they follow it.
      const ns = (await c.query<{ n: number }>("SELECT nextval('docs_n_seq') AS n FROM generate_series(1, $1)", [list.length])).rows.map((r) => r.n).sort((a, b) => a - b);
      const rows = list.map((d, i) => ({ d, n: ns[i] })).sort((a, b) => (a.d.id < b.d.id ? -1 : a.d.id > b.d.id ? 1 : 0));
      const written = new Map<string, number>();
      for (let i = 0; i < rows.length; i += DOCS_PER_INSERT) {
        const chunk = rows.slice(i, i + DOCS_PER_INSERT);
        const values: unknown[] = [];
        const tuples = chunk.map(({ d, n }, k) => {
          values.push(n, d.id, buf(d.hash), d.title, buf(d.body), buf(d.sig), d.sentences);
          const b = k * 7;
          return `($${b + 1}::bigint, $${b + 2}::text, $${b + 3}::bytea, $${b + 4}::text, $${b + 5}::bytea, $${b + 6}::bytea, $${b + 7}::integer)`;
        });
        const r = await c.query<{ id: string; n: number }>(
          `INSERT INTO docs (n, id, hash, title, body, sig, sentences) VALUES ${tuples.join(', ')}
           ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n, hash = EXCLUDED.hash, title = EXCLUDED.title, body = EXCLUDED.body, sig = EXCLUDED.sig, sentences = EXCLUDED.sentences
           WHERE docs.hash <> EXCLUDED.hash
           RETURNING id, n`,
          values,
        );
        for (const row of r.rows) written.set(row.id, row.n);
      }
      if (written.size) {
        await this.copyPostings(c, list, written);
        await c.query('SELECT pg_notify($1, $2)', [NOTIFY_CHANNEL, this.schema]);
      }
      return written.size;
    });
    // Only a change of documents changes the generation (a retried write of the same ones does not).
    if (changed) this.writes++;
  }

  /** The written documents' postings, by COPY: one stream, sorted so that index pages are touched in order. */
  private async copyPostings(c: pg.PoolClient, docs: StoredDocInput[], written: Map<string, number>): Promise<void> {
    let total = 0;
    for (const d of docs) if (written.has(d.id)) total += d.postings.length / 2;
    const fps = new Float64Array(total); // not Int32Array: a bad value must reach COPY and fail there, not wrap
    const sids = new Float64Array(total);
    let k = 0;
    for (const d of docs) {
      const n = written.get(d.id);
      if (n === undefined) continue;
      const p = d.postings;
      for (let i = 0; i < p.length; i += 2) {
        fps[k] = p[i];
        sids[k++] = n * SENTENCE_SLOTS + p[i + 1];
      }
    }
    const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => fps[a] - fps[b] || sids[a] - sids[b]);
    function* lines(): Generator<string> {
      let out = '';
      let prevFp = NaN;
      let prevSid = NaN;
      for (const i of order) {
        if (fps[i] === prevFp && sids[i] === prevSid) continue; // a pair repeated in one sentence
        prevFp = fps[i];
        prevSid = sids[i];
        out += `${fps[i]}\t${sids[i]}\n`;
        if (out.length > 1 << 16) {
          yield out;
          out = '';
        }
      }
      if (out) yield out;
    }
    await pipeline(Readable.from(lines()), c.query(copyStreams.from('COPY postings (fp, sid) FROM STDIN')));
  }

  async lookup(fps: number[], limit: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const fp of fps) out.set(fp, []);
    if (!out.size) return out;
    // One statement per article: each fingerprint's first `limit` sentence ids by an index-only scan.
    const r = await this.retry(() =>
      this.pool.query<[number, number]>({
        text: 'SELECT f.fp, p.sid FROM unnest($1::integer[]) AS f(fp) CROSS JOIN LATERAL (SELECT sid FROM postings WHERE postings.fp = f.fp ORDER BY sid LIMIT $2) AS p',
        values: [[...out.keys()], limit],
        rowMode: 'array',
      }),
    );
    for (const [fp, sid] of r.rows) out.get(fp)!.push(sid);
    for (const l of out.values()) l.sort((a, b) => a - b);
    return out;
  }

  async docs(ns: number[]): Promise<Map<number, StoredDoc>> {
    const out = new Map<number, StoredDoc>();
    if (!ns.length) return out;
    const r = await this.query<StoredDoc>('SELECT n, id, title, body FROM docs WHERE n = ANY($1::bigint[])', [ns]);
    for (const row of r.rows) out.set(row.n, row);
    return out;
  }

  async docById(id: string): Promise<StoredDoc | null> {
    const r = await this.query<StoredDoc>('SELECT n, id, title, body FROM docs WHERE id = $1', [id]);
    return r.rows[0] ?? null;
  }

  /** Pages through the documents by number: no transaction is held open while the caller works. */
  async *signatures(): AsyncIterable<{ n: number; id: string; sig: Uint8Array }> {
    let after = -1;
    for (;;) {
      const r = await this.query<{ n: number; id: string; sig: Buffer }>('SELECT n, id, sig FROM docs WHERE n > $1 ORDER BY n LIMIT 2000', [after]);
      for (const row of r.rows) yield row;
      if (r.rows.length < 2000) return;
      after = r.rows[r.rows.length - 1].n;
    }
  }

  /**
   * Exact counts up to EXACT_STATS_MAX documents; past that the planner's estimates (kept by VACUUM/ANALYZE)
   * and a 0.1% sample for sentences, flagged `estimated`: an exact count would read every row.
   */
  async stats(): Promise<StoreStats> {
    const ns = quoteIdent(this.schema);
    const sized = await this.query<{ bytes: number; docs: number; postings: number }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes,
              coalesce(sum(c.reltuples) FILTER (WHERE c.relname = 'docs'), 0)::float8 AS docs,
              coalesce(sum(greatest(c.reltuples, 0)) FILTER (WHERE c.relname LIKE 'postings%'), 0)::float8 AS postings
         FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'm')`,
      [ns],
    );
    const { bytes, docs, postings } = sized.rows[0];
    if (docs > this.exactStatsMax) {
      const avg = (await this.query<{ a: number | null }>('SELECT coalesce((SELECT avg(sentences) FROM docs TABLESAMPLE SYSTEM (0.1)), (SELECT avg(sentences) FROM (SELECT sentences FROM docs LIMIT 1000) AS s))::float8 AS a')).rows[0].a ?? 0;
      return { documents: Math.round(docs), sentences: Math.round(docs * avg), bytes, postings: Math.round(postings), estimated: true };
    }
    const r = await this.query<{ documents: number; sentences: number; postings: number }>(
      'SELECT (SELECT count(*) FROM docs) AS documents, (SELECT coalesce(sum(sentences), 0)::bigint FROM docs) AS sentences, (SELECT count(*) FROM postings) AS postings',
    );
    return { ...r.rows[0], bytes };
  }

  /**
   * Changes when documents change: this store's own writes, and other processes' through LISTEN/NOTIFY (every
   * write notifies at commit). Until the listening connection is up, or after it is lost, every call returns
   * a new value, so that tracing caches nothing it cannot invalidate.
   */
  generation(): string {
    if (!this.listening) {
      this.listen();
      return `volatile/${++this.volatile}`;
    }
    return `${this.writes}/${this.remote}`;
  }

  private listen(): void {
    // After a failure (a standby cannot LISTEN, the server is down) not every trace tries again.
    if (this.listener || this.closed || Date.now() < this.listenAgainAt) return;
    const client = new pg.Client({ connectionString: this.url, types: TYPES, application_name: 'unspun-listen' });
    this.listener = client;
    const drop = () => {
      this.listening = false;
      this.listenAgainAt = Date.now() + LISTEN_RETRY_MS;
      if (this.listener === client) this.listener = null;
      client.end().catch(() => {});
    };
    client.on('error', drop);
    client.on('end', drop);
    client.on('notification', (m) => {
      if (m.payload === this.schema) this.remote++;
    });
    client
      .connect()
      .then(() => client.query(`LISTEN ${NOTIFY_CHANNEL}`))
      .then(() => {
        if (this.listener === client && !this.closed) this.listening = true;
        else void client.end().catch(() => {});
      }, drop);
  }

  /**
   * On PostgreSQL many processes may write at once (upserts are idempotent and lock the rows they write), so
   * claiming takes no lock: it checks that this connection can write the index, so that an index run that
   * cannot (a standby, a read-only role) fails before any work rather than at its first batch.
   */
  async claim(): Promise<void> {
    const r = await this.query<{ standby: boolean; docs: boolean; postings: boolean }>(
      "SELECT pg_is_in_recovery() AS standby, has_table_privilege('docs', 'INSERT, UPDATE') AS docs, has_table_privilege('postings', 'INSERT') AS postings",
    );
    const row = r.rows[0];
    if (row.standby) throw new UserError(`index ${this.location}: the server is a read-only standby`);
    if (!row.docs || !row.postings) throw new UserError(`index ${this.location}: this role may not write the index tables`);
  }

  /** Keeps the first report saved under an id (as the SQLite store does): a permalink never changes. Not a change of documents: generation() stays. */
  async saveReport(id: string, json: string): Promise<void> {
    await this.query('INSERT INTO reports (id, json) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, json]);
  }

  async pruneReports(keep: number): Promise<number> {
    // Not max(seq) - keep: a repeat that hits ON CONFLICT still takes a number from the sequence.
    const r = await this.query('DELETE FROM reports WHERE seq <= (SELECT seq FROM reports ORDER BY seq DESC OFFSET $1 LIMIT 1)', [keep]);
    return r.rowCount ?? 0;
  }

  async report(id: string): Promise<string | null> {
    const r = await this.query<{ json: string }>('SELECT json FROM reports WHERE id = $1', [id]);
    return r.rows[0]?.json ?? null;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const l = this.listener;
    this.listener = null;
    this.listening = false;
    await Promise.all([l?.end().catch(() => {}), this.pool.end().catch(() => {})]);
  }
}
