import { UserError } from '../model/errors.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

/**
 * Opens the index at `location`: a file path (SQLite, created when `create` is not false) or, in a later
 * version, a postgres:// URL.
 */
export async function openStore(location: string, opts: { create?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(location)) throw new UserError(`${location}: PostgreSQL indexes are not supported yet (use a SQLite file)`);
  if (!location) throw new UserError('no index given');
  return new SqliteStore(location, { create: opts.create ?? true });
}

export type { Store, StoreStats, StoredDoc, StoredDocInput } from './store.js';
