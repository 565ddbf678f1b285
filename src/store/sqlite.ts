import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import Database from 'better-sqlite3';
import { UserError } from '../model/errors.js';
import { DamagedIndexError, storeError } from './errors.js';
import { SENTENCE_SLOTS, type Store, type StoreStats, type StoredDoc, type StoredDocInput } from './store.js';

// Bumped whenever fingerprints or the body compression change: such an index must be rebuilt.
// 7: bodies deflated with a preset dictionary (src/reuse/prepare.ts).
// 8: sentence ids pack 2^24 sentence slots per document (every sentence indexed), plus anchor postings.
const SCHEMA_VERSION = '8';
const SMALL_LIMIT = 256;
const MANY = 128; // rows per multi-row INSERT
/** The fingerprint and body format: every store records it, and refuses an index made with another. */
export const INDEX_FORMAT = SCHEMA_VERSION;

// The server's stored reports (permalinks). Not part of the index format: an index of this format made before
// reports existed gets the table on its first saved report, and reads as having none until then.
const REPORTS = 'CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, json TEXT NOT NULL, at INTEGER NOT NULL);';

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
${REPORTS}
`;

// A full `PRAGMA quick_check` reads every page: 0.1-0.25 s for a 10k-document index (30 MB), ~10x that at
// 100k. Opening for writing always pays it (an index run takes minutes, and must not write into a broken
// file); opening for reading pays it up to this size, and past it relies on the header checks and on SQLite's
// own errors at query time, which become the same message.
export const READ_CHECK_MAX_BYTES = 32 * 1024 * 1024;

// A writer that has not committed for this long, on another machine, is taken to be dead (on this machine the
// process itself is checked).
const FOREIGN_WRITER_STALE_MS = 10 * 60 * 1000;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Checks the parts of the file SQLite would silently accept or overwrite: its size and header. */
function checkFile(file: string, st: Stats): void {
  if (st.size === 0) throw new DamagedIndexError(file, 'empty file (0 bytes)');
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (n < 100 || !head.subarray(0, 16).equals(MAGIC)) throw new DamagedIndexError(file, 'not a SQLite database (wrong header)', true);
  const raw = head.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) throw new DamagedIndexError(file, `bad page size ${raw} in the header`);
  if (st.size % pageSize !== 0) throw new DamagedIndexError(file, `${st.size} bytes is not a whole number of ${pageSize}-byte pages (truncated?)`);
  // The page count in the header is valid when its "version-valid-for" equals the change counter. With a
  // write-ahead log not yet folded in, the file may be behind the header: then SQLite judges.
  const pages = head.readUInt32BE(28);
  const wal = `${file}-wal`;
  const walEmpty = !existsSync(wal) || statSync(wal).size === 0;
  if (walEmpty && head.readUInt32BE(92) === head.readUInt32BE(24) && pages * pageSize > st.size)
    throw new DamagedIndexError(file, `truncated: the header counts ${pages} pages, the file holds ${st.size / pageSize}`);
}

/** This process, so that another can tell whether it is still alive: host, pid and (Linux) start time. */
function processStart(pid: number): string {
  try {
    // Field 22 of /proc/PID/stat, after the parenthesised command name (which may contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

interface Writer {
  host: string;
  pid: number;
  start: string;
  at: number;
}

function writerAlive(w: Writer): boolean {
  if (w.host !== hostname()) return Date.now() - w.at < FOREIGN_WRITER_STALE_MS;
  try {
    process.kill(w.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The pid may have been reused since a writer was killed: its start time tells.
  return !w.start || processStart(w.pid) === w.start;
}

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
    docById: Database.Statement;
    seq: Database.Statement;
  };
  private writeTx: Database.Transaction<(docs: StoredDocInput[]) => void>;
  private hasReports = false;
  /** This process as the index's one writer, once it has claimed that (at its first write). */
  private writer: Writer | null = null;

  constructor(file: string, opts: { create?: boolean; readonly?: boolean; /** tests: largest file checked on a read-open */ checkLimit?: number } = {}) {
    this.location = file;
    const create = opts.create !== false && !opts.readonly;
    let st: Stats | undefined;
    try {
      st = statSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UserError(`${file}: cannot open index (${(e as NodeJS.ErrnoException).code})`);
    }
    if (!st && !create) throw new UserError(`${file}: no such index (create one with "unspun index ... --db ${file}")`);
    if (st?.isDirectory()) throw new UserError(`${file}: is a folder, not an index`);
    // A device or a pipe ("--db /dev/null") is no place for an index, nor a source of one.
    if (st && !st.isFile()) throw new UserError(`${file}: not a regular file, not an index`);
    // A 0-byte file is an empty database to SQLite: an index run may start one there, a reader never does.
    if (st && !(create && st.size === 0)) checkFile(file, st);
    try {
      this.db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !create });
    } catch (e) {
      const err = storeError(file, e);
      throw err instanceof UserError ? err : new UserError(`${file}: cannot open index: ${(e as Error).message}`);
    }
    const db = this.db;
    try {
      const listTables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      if (create) {
        // Big pages pack ~1.6 KB compressed bodies and postings with less waste (set before the first table):
        // 32 KiB pages made the index 2% smaller than 16 KiB at the same speed.
        if (!st || st.size === 0) db.pragma('page_size = 32768');
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // The schema is created under the write lock in one transaction: a second run opening the same new
        // file at the same moment waits for it and then sees all the tables, never half of them.
        db.transaction(() => {
          if (listTables().length) return;
          db.exec(SCHEMA);
          db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
        }).immediate();
      }
      // A database with tables but none of ours is someone else's file: never write into it.
      const tables = listTables();
      if (!tables.length) throw new UserError(`${file}: not an unspun index (an empty database)`);
      if (!tables.includes('meta')) throw new UserError(`${file}: not an unspun index`);
      for (const t of ['docs', 'postings']) if (!tables.includes(t)) throw new DamagedIndexError(file, `table ${t} is missing`);
      const v = db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined;
      if (v !== SCHEMA_VERSION)
        throw new UserError(
          v ? `${file}: index built by another version of unspun (format ${v}, this one reads ${SCHEMA_VERSION}): index again into a new file` : `${file}: not an unspun index`,
        );
      // Every page read once: a damaged page found now, before any write lands next to it.
      if (create || (st?.size ?? 0) <= (opts.checkLimit ?? READ_CHECK_MAX_BYTES)) this.check();
      db.pragma('cache_size = -131072'); // 128 MiB: postings inserts are random over the fingerprint space
      db.pragma('temp_store = MEMORY');
    } catch (e) {
      db.close();
      const err = storeError(file, e);
      if (err instanceof UserError) throw err;
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
      lookupMany: db.prepare('SELECT j.key, p.sid FROM json_each(?) AS j JOIN postings AS p ON p.fp = j.value').raw(),
      doc: db.prepare('SELECT n, id, title, body FROM docs WHERE n = ?'),
      docById: db.prepare('SELECT n, id, title, body FROM docs WHERE id = ?'),
      seq: db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'docs'").pluck(),
    };
    this.writeTx = db.transaction((docs: StoredDocInput[]) => {
      this.claimWriter();
      const rows: [number, number][] = [];
      for (const d of docs) {
        // The same id with the same content (a retried write) is left as it is: no new number, no postings.
        const known = this.stmts.hash.get(d.id) as Buffer | undefined;
        if (known && known.equals(d.hash)) continue;
        this.stmts.del.run(d.id);
        const p = d.postings;
        const info = this.stmts.ins.run(d.id, d.hash, d.title, d.body, d.sig, d.sentences);
        const n = Number(info.lastInsertRowid);
        for (let i = 0; i < p.length; i += 2) rows.push([p[i], n * SENTENCE_SLOTS + p[i + 1]]);
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

  /** Runs a statement, turning SQLite's errors about the file (damage, disk full, ...) into one-line errors. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      throw storeError(this.location, e);
    }
  }

  /** `PRAGMA quick_check`: every page's structure, not the index-to-table agreement (that is integrity_check). */
  private check(): void {
    const problems = this.db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check;
    if (first !== 'ok') throw new DamagedIndexError(this.location, `quick_check: ${problems.map((p) => p.quick_check.replace(/\s+/g, ' ')).join('; ')}`);
  }

  /**
   * Two index runs on one file would both add the documents neither had yet, leaving twice the postings: the
   * first write of a run claims the index in its meta table (host, pid, start time), and a second run finds the
   * claim and refuses while the first is alive. Runs in the write transaction, so two claims cannot cross. A
   * run killed with -9 leaves its claim behind; the next run sees that process gone and takes over.
   * `unspun index` claims on open (`claim()`), so that a second run refuses even when it has nothing to add.
   */
  async claim(): Promise<void> {
    this.guard(() => this.db.transaction(() => this.claimWriter()).immediate());
  }

  private claimWriter(): void {
    const now = Date.now();
    if (!this.writer) {
      const row = this.db.prepare("SELECT value FROM meta WHERE key = 'writer'").pluck().get() as string | undefined;
      let other: Writer | null = null;
      try {
        other = row ? (JSON.parse(row) as Writer) : null;
      } catch {
        other = null;
      }
      const me: Writer = { host: hostname(), pid: process.pid, start: processStart(process.pid), at: now };
      const same = other && other.host === me.host && other.pid === me.pid && other.start === me.start;
      if (other && !same && writerAlive(other)) {
        const where = other.host === me.host ? `pid ${other.pid}` : `pid ${other.pid} on ${other.host}`;
        throw new UserError(`index ${this.location} is being written by another "unspun index" (${where}); wait for it to finish, or index into another --db`);
      }
      this.writer = me;
    }
    this.writer.at = now;
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('writer', ?)").run(JSON.stringify(this.writer));
  }

  async hashes(ids: string[]): Promise<Map<string, Uint8Array>> {
    return this.guard(() => {
      const out = new Map<string, Uint8Array>();
      for (const id of ids) {
        const h = this.stmts.hash.get(id) as Buffer | undefined;
        if (h) out.set(id, h);
      }
      return out;
    });
  }

  async write(docs: StoredDocInput[]): Promise<void> {
    // IMMEDIATE: the write lock is taken before the writer claim is read, so two runs cannot both claim.
    this.guard(() => this.writeTx.immediate(docs));
  }

  /**
   * The last document number given out: every write of documents (an addition, or a replacement, which
   * deletes and inserts) takes a new one, in this process or another, and nothing else does. (SQLite's
   * data_version also changed with every saved report, which emptied the tracing cache of a server's
   * analysis worker after each analysis.)
   */
  generation(): string {
    return String(this.guard(() => this.stmts.seq.get() as number | undefined) ?? 0);
  }

  async saveReport(id: string, json: string): Promise<void> {
    this.guard(() => {
      if (this.db.readonly) throw new UserError(`${this.location}: opened read-only, cannot store reports`);
      if (!this.hasReports) this.db.exec(REPORTS);
      this.hasReports = true;
      this.db.prepare('INSERT OR IGNORE INTO reports (id, json, at) VALUES (?, ?, ?)').run(id, json, Date.now());
    });
  }

  /** Rowids follow the order reports were saved in (INSERT OR IGNORE takes none for a repeat). */
  async pruneReports(keep: number): Promise<number> {
    return this.guard(() => {
      if (!this.hasReports && !this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'reports'").get()) return 0;
      return this.db.prepare('DELETE FROM reports WHERE rowid <= (SELECT rowid FROM reports ORDER BY rowid DESC LIMIT 1 OFFSET ?)').run(keep).changes;
    });
  }

  async report(id: string): Promise<string | null> {
    return this.guard(() => {
      try {
        return (this.db.prepare('SELECT json FROM reports WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
      } catch (e) {
        if (/no such table/.test((e as Error).message)) return null;
        throw e;
      }
    });
  }

  async docById(id: string): Promise<StoredDoc | null> {
    return this.guard(() => (this.stmts.docById.get(id) as StoredDoc | undefined) ?? null);
  }

  /** Synchronous lookup (the SQLite store answers in microseconds; tracing calls it in a loop). */
  lookupSync(fps: number[], limit: number): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (const fp of fps) out.set(fp, []);
    // One statement for the whole article: a JSON array of fingerprints joined to the postings. Rows past
    // `limit` for one fingerprint are dropped here (such a fingerprint is ignored by tracing anyway).
    // A small limit (the meaning tier's anchor lookups): one LIMITed query per fingerprint, so a fingerprint
    // in millions of postings costs its limit, not millions of rows.
    if (limit <= SMALL_LIMIT) {
      this.guard(() => {
        for (const [fp, l] of out) for (const sid of this.stmts.lookup.all(fp, limit) as number[]) l.push(sid);
      });
      return out;
    }
    const keys = [...out.keys()];
    const lists = [...out.values()];
    // Two columns: a sentence id can use all 53 bits of a double, so it cannot share one number with the key.
    const rows = this.guard(() => this.stmts.lookupMany.all(JSON.stringify(keys)) as [number, number][]);
    for (const [k, sid] of rows) {
      const l = lists[k];
      if (l.length < limit) l.push(sid);
    }
    return out;
  }

  async lookup(fps: number[], limit: number): Promise<Map<number, number[]>> {
    return this.lookupSync(fps, limit);
  }

  async docs(ns: number[]): Promise<Map<number, StoredDoc>> {
    return this.guard(() => {
      const out = new Map<number, StoredDoc>();
      for (const n of ns) {
        const r = this.stmts.doc.get(n) as StoredDoc | undefined;
        if (r) out.set(n, r);
      }
      return out;
    });
  }

  async *signatures(): AsyncIterable<{ n: number; id: string; sig: Uint8Array }> {
    const it = this.guard(() => this.db.prepare('SELECT n, id, sig FROM docs ORDER BY n').iterate() as IterableIterator<{ n: number; id: string; sig: Buffer }>);
    for (;;) {
      const r = this.guard(() => it.next());
      if (r.done) return;
      yield r.value;
    }
  }

  async stats(): Promise<StoreStats> {
    const { c, postings } = this.guard(() => ({
      c: this.db.prepare('SELECT count(*) AS documents, coalesce(sum(sentences), 0) AS sentences FROM docs').get() as { documents: number; sentences: number },
      postings: this.db.prepare('SELECT count(*) FROM postings').pluck().get() as number,
    }));
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
    if (this.writer) {
      try {
        const w = this.writer;
        this.db
          .prepare("DELETE FROM meta WHERE key = 'writer' AND json_extract(value, '$.host') = ? AND json_extract(value, '$.pid') = ?")
          .run(w.host, w.pid);
      } catch {
        // a damaged or busy file: the claim is left to be found stale
      }
      this.writer = null;
    }
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
