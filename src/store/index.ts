import { UserError } from '../model/errors.js';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/**
 * Opens the index at `location`: a file path (SQLite) or a postgres:// URL (PostgreSQL; the index lives in
 * the first schema of the URL's search_path, e.g. `?options=-c%20search_path%3Dnews`). With `create` (the
 * default) a missing index is created; without it, a missing index is refused.
 */
export async function openStore(location: string, opts: { create?: boolean } = {}): Promise<Store> {
  if (!location) throw new UserError('no index given');
  if (/^postgres(ql)?:\/\//i.test(location)) return PostgresStore.open(location, { create: opts.create ?? true });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) throw new UserError(`${location.replace(/:\/\/[^@/]*@/, '://')}: not an index (a file path or a postgres:// URL)`);
  return new SqliteStore(location, { create: opts.create ?? true });
}

export type { Store, StoreStats, StoredDoc, StoredDocInput } from './store.js';
