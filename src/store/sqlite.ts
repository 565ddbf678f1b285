import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { UserError } from '../model/errors.js';
import type { Store, StoreStats, StoredDoc, StoredDocInput } from './store.js';

// Bumped whenever fingerprints or the body compression change: such an index must be rebuilt.
// 7: bodies deflated with a preset dictionary (src/reuse/prepare.ts).
const SCHEMA_VERSION = '7';
const SLOTS = 256; // = SENTENCE_SLOTS in src/reuse/prepare.ts
const MANY = 128; // rows per multi-row INSERT

// Documents keep a number that is never reused (AUTOINCREMENT): postings of a replaced document are left
// behind and simply no longer resolve, so a replacement needs no scan of the postings table.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs (
  n INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  hash BLOB NOT NULL,
  title TEXT,
  body BLOB NOT NULL,
  sig BLOB NOT NULL,
  sentences INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS postings (fp INTEGER NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY (fp, sid)) WITHOUT ROWID;
`;

export class SqliteStore implements Store {
  readonly location: string;
  private db: Database.Database;
  private stmts: {
    hash: Database.Statement;
    del: Database.Statement;
    ins: Database.Statement;
    post: Database.Statement;
    postMany: Database.Statement;
    lookup: Database.Statement;
    lookupMany: Database.Statement;
    doc: Database.Statement;
  };
  private writeTx: (docs: StoredDocInput[]) => void;
  private writes = 0;

  constructor(file: string, opts: { create?: boolean; readonly?: boolean } = {}) {
    this.location = file;
    if (!existsSync(file) && opts.create === false) throw new UserError(`${file}: no such index (create one with unspun index)`);
    try {
      this.db = new Database(file, { readonly: opts.readonly ?? false });
    } catch (e) {
      throw new UserError(`${file}: cannot open index: ${(e as Error).message}`);
    }
    const db = this.db;
    try {
      // A database with tables but none of ours is someone else's file: never write into it.
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      if (tables.length && !tables.includes('meta')) throw new UserError(`${file}: not an unspun index`);
      // Big pages pack ~1.6 KB compressed bodies and postings with less waste (set before the first table):
      // 32 KiB pages made the index 2% smaller than 16 KiB at the same speed.
      if (!tables.length && !opts.readonly) db.pragma('page_size = 32768');
      if (!opts.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
      }
      db.pragma('cache_size = -131072'); // 128 MiB: postings inserts are random over the fingerprint space
      db.pragma('temp_store = MEMORY');
      if (!opts.readonly) {
        db.exec(SCHEMA);
        db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
      }
      const v = db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined;
      if (v !== SCHEMA_VERSION) throw new UserError(v ? `${file}: index built by another version of unspun (format ${v}, this one reads ${SCHEMA_VERSION}): index again into a new file` : `${file}: not an unspun index`);
    } catch (e) {
      db.close();
      if (e instanceof UserError) throw e;
      throw new UserError(`${file}: not an unspun index (${(e as Error).message})`);
    }
    this.stmts = {
      hash: db.prepare('SELECT hash FROM docs WHERE id = ?').pluck(),
      del: db.prepare('DELETE FROM docs WHERE id = ?'),
      ins: db.prepare('INSERT INTO docs (id, hash, title, body, sig, sentences) VALUES (?, ?, ?, ?, ?, ?)'),
      post: db.prepare('INSERT OR IGNORE INTO postings (fp, sid) VALUES (?, ?)'),
      postMany: db.prepare(`INSERT OR IGNORE INTO postings (fp, sid) VALUES ${Array(MANY).fill('(?, ?)').join(', ')}`),
      lookup: db.prepare('SELECT sid FROM postings WHERE fp = ? LIMIT ?').pluck(),
      // One number per row (the fingerprint's place in the array * 2^32 + sentence id: exact below 2^53),
      // not an array per row: a trace reads thousands of postings.
      lookupMany: db.prepare('SELECT j.key * 4294967296 + p.sid FROM json_each(?) AS j JOIN postings AS p ON p.fp = j.value').pluck(),
      doc: db.prepare('SELECT n, id, title, body FROM docs WHERE n = ?'),
    };
    this.writeTx = db.transaction((docs: StoredDocInput[]) => {
      const rows: [number, number][] = [];
      for (const d of docs) {
        this.stmts.del.run(d.id);
        const p = d.postings;
        const info = this.stmts.ins.run(d.id, d.hash, d.title, d.body, d.sig, d.sentences);
        const n = Number(info.lastInsertRowid);
        for (let i = 0; i < p.length; i += 2) rows.push([p[i], n * SLOTS + p[i + 1]]);
      }
      // Sorted inserts touch each B-tree page once per batch instead of once per row.
      rows.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      // Many rows per statement: the per-call cost, not SQLite, dominates single-row inserts.
      const args: number[] = new Array(MANY * 2);
      let i = 0;
      for (; i + MANY <= rows.length; i += MANY) {
        for (let k = 0; k < MANY; k++) {
          args[2 * k] = rows[i + k][0];
          args[2 * k + 1] = rows[i + k][1];
        }
        this.stmts.postMany.run(args);
      }
      for (; i < rows.length; i++) this.stmts.post.run(rows[i][0], rows[i][1]);
    });
  }

  async hashes(ids: string[]): Promise<Map<string, Uint8Array>> {
    const out = new Map<string, Uint8Array>();
    for (const id of ids) {
      const h = this.stmts.hash.get(id) as Buffer | undefined;
      if (h) out.set(id, h);
    }
    return out;
  }

  async write(docs: StoredDocInput[]): Promise<void> {
    this.writes++;
    this.writeTx(docs);
  }

  /** Own writes, and SQLite's data_version (which changes when another connection commits). */
  generation(): string {
    return `${this.writes}/${this.db.pragma('data_version', { simple: true }) as number}`;
  }

  /** Synchronous lookup (the SQLite store answers in microseconds; tracing calls it in a loop). */
  lookupSync(fps: number[], limit: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const fp of fps) out.set(fp, []);
    // One statement for the whole article: a JSON array of fingerprints joined to the postings. Rows past
    // `limit` for one fingerprint are dropped here (such a fingerprint is ignored by tracing anyway).
    const keys = [...out.keys()];
    const lists = [...out.values()];
    const rows = this.stmts.lookupMany.all(JSON.stringify(keys)) as number[];
    for (const r of rows) {
      const l = lists[Math.floor(r / 4294967296)];
      if (l.length < limit) l.push(r % 4294967296);
    }
    return out;
  }

  async lookup(fps: number[], limit: number): Promise<Map<number, number[]>> {
    return this.lookupSync(fps, limit);
  }

  async docs(ns: number[]): Promise<Map<number, StoredDoc>> {
    const out = new Map<number, StoredDoc>();
    for (const n of ns) {
      const r = this.stmts.doc.get(n) as StoredDoc | undefined;
      if (r) out.set(n, r);
    }
    return out;
  }

  async *signatures(): AsyncIterable<{ n: number; id: string; sig: Uint8Array }> {
    for (const r of this.db.prepare('SELECT n, id, sig FROM docs ORDER BY n').iterate() as Iterable<{ n: number; id: string; sig: Buffer }>) yield r;
  }

  async stats(): Promise<StoreStats> {
    const c = this.db.prepare('SELECT count(*) AS documents, coalesce(sum(sentences), 0) AS sentences FROM docs').get() as { documents: number; sentences: number };
    const postings = this.db.prepare('SELECT count(*) FROM postings').pluck().get() as number;
    if (!this.db.readonly) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // a reader holds the log: the size below then includes it
      }
    }
    let bytes = 0;
    for (const f of [this.location, `${this.location}-wal`]) if (existsSync(f)) bytes += statSync(f).size;
    return { documents: c.documents, sentences: c.sentences, bytes, postings };
  }

  close(): void {
    if (!this.db.open) return;
    // Fold the write-ahead log back into the file, so the index is one file of its true size.
    if (!this.db.readonly) {
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // another connection is reading: the log is folded in later
      }
    }
    this.db.close();
  }
}
