import pg from 'pg';

/** The PostgreSQL the tests run against (CI starts it): database test on 127.0.0.1, user postgres, trust. */
export const PG_BASE = process.env.UNSPUN_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Schemas for one test file: `url()` gives a URL whose search_path is a new schema (unspun creates it on
 * first open), `dropAll()` drops every schema handed out.
 */
export function pgSchemas(prefix: string): { url(): string; dropAll(): Promise<void> } {
  const names: string[] = [];
  const base = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  return {
    url() {
      const name = `${base}_${names.length}`;
      names.push(name);
      const sep = PG_BASE.includes('?') ? '&' : '?';
      return `${PG_BASE}${sep}options=${encodeURIComponent(`-c search_path=${name}`)}`;
    },
    async dropAll() {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      try {
        for (const n of names) await c.query(`DROP SCHEMA IF EXISTS "${n}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
