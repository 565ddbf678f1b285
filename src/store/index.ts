import { UserError } from '../model/errors.js';
import type { Store } from './store.js';

/** Opens the index at `location` (a SQLite file path, or a postgres:// URL). */
export async function openStore(location: string, _opts: { create?: boolean } = {}): Promise<Store> {
  throw new UserError(`${location}: indexes are not available in this build`);
}

export type { Store } from './store.js';
