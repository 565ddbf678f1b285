import { UserError } from '../model/errors.js';

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The index file is damaged (or is not a database at all): nothing in it can be trusted, and one document
 * of a batch failing on it means all of them will. Batch loops should stop on it rather than report it per
 * document. It is a UserError: one line, exit 2.
 */
export class DamagedIndexError extends UserError {
  override name = 'DamagedIndexError';
  constructor(
    readonly file: string,
    readonly reason: string,
    /** The file may be something else given by mistake (no SQLite header): deleting it is then not advised outright. */
    notSqlite = false,
  ) {
    // Rebuilding into the same path needs the damaged file gone first: `unspun index` refuses to write into it.
    super(`damaged index ${file}: ${reason}; ${notSqlite ? 'if it is an index, ' : ''}delete it and rebuild with "unspun index ... --db ${shellQuote(file)}"`);
  }
}

/** SQLite's error codes that mean the file's content is broken, not that the call was wrong. */
export function isCorruption(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'SQLITE_IOERR_SHORT_READ');
}

/**
 * Turns an error SQLite raised while reading or writing the index into a one-line UserError when the cause is
 * the file or the machine (damage, disk full, read-only, locked), and leaves bugs (SQLITE_ERROR, ...) alone.
 */
export function storeError(file: string, e: unknown): unknown {
  if (e instanceof UserError) return e;
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  const what = (e as Error).message;
  if (isCorruption(e)) return new DamagedIndexError(file, what);
  if (code.startsWith('SQLITE_FULL')) return new UserError(`index ${file}: the disk is full (${what})`);
  if (code.startsWith('SQLITE_READONLY')) return new UserError(`index ${file}: cannot write to it (${what})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UserError(`index ${file}: locked by another process for too long (${what}); try again later`);
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return new UserError(`index ${file}: ${what} (${code})`);
  return e;
}
