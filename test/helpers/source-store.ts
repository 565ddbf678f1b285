import type { Store } from '../../src/store/store.js';

/**
 * Runs `fn` with a temporary index holding `sources` (for rules that need a corpus).
 * The reuse engine fills this in with a real SQLite store.
 */
export async function withSourceStore<T>(_sources: string[], _fn: (store: Store) => Promise<T>): Promise<T> {
  throw new Error('no store implementation yet');
}
