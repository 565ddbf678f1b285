/**
 * The PostgreSQL index's schema, as numbered migrations. unspun applies the ones a database lacks when it
 * opens it (src/store/postgres.ts), in one transaction under an advisory lock, and records each in
 * schema_migrations. Never edit a migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL run in the index's schema (the first of the search_path). */
  sql: (opts: MigrationOptions) => string;
}

export interface MigrationOptions {
  /** Hash partitions of the postings table by fingerprint (1: a plain table). Fixed when the index is created. */
  postingsPartitions: number;
}

function postings(parts: number): string {
  // The (fp, sid) index answers a lookup by an index-only scan. Partitions split it (and vacuum work) by
  // fingerprint, so that each partition's index stays small enough to be cached.
  if (parts <= 1) return 'CREATE TABLE postings (fp integer NOT NULL, sid bigint NOT NULL);\nCREATE INDEX postings_fp_sid ON postings (fp, sid);';
  const out = ['CREATE TABLE postings (fp integer NOT NULL, sid bigint NOT NULL) PARTITION BY HASH (fp);'];
  for (let i = 0; i < parts; i++) out.push(`CREATE TABLE postings_p${i} PARTITION OF postings FOR VALUES WITH (MODULUS ${parts}, REMAINDER ${i});`);
  out.push('CREATE INDEX postings_fp_sid ON postings (fp, sid);');
  return out.join('\n');
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents and postings',
    // Documents get a number from a sequence that never repeats: a replaced document takes a new number, and
    // the postings of the old one are left behind and no longer resolve (as in the SQLite index).
    // Sentence ids are n * SENTENCE_SLOTS + sentence, hence bigint.
    sql: (o) => `
CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
CREATE SEQUENCE docs_n_seq AS bigint;
CREATE TABLE docs (
  n bigint PRIMARY KEY,
  id text NOT NULL UNIQUE,
  hash bytea NOT NULL,
  title text,
  body bytea NOT NULL,
  sig bytea NOT NULL,
  sentences integer NOT NULL
);
-- Bodies are deflated already: another compression pass would only cost time.
ALTER TABLE docs ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN sig SET STORAGE EXTERNAL;
${postings(o.postingsPartitions)}
INSERT INTO meta (key, value) VALUES ('postings_partitions', '${o.postingsPartitions}');
`,
  },
  {
    version: 2,
    name: 'stored reports',
    sql: () => `
CREATE TABLE reports (id text PRIMARY KEY, json text NOT NULL, saved_at timestamptz NOT NULL DEFAULT now());
`,
  },
  {
    version: 3,
    name: 'report retention order',
    // saved_at ties within a transaction and needs a sort to prune by; a sequence gives the order and a range.
    sql: () => `
ALTER TABLE reports ADD COLUMN seq bigserial;
CREATE INDEX reports_seq ON reports (seq);
`,
  },
];
