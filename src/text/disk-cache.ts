import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a derived table (WordNet synonyms, antonyms) to the first of `files` that can be written, through a
 * temporary file and a rename so that a reader in another process never sees half of it. A read-only install
 * is no error: the table is rebuilt next time.
 */
export function saveCache(files: readonly string[], text: string): void {
  for (const f of files) {
    try {
      mkdirSync(path.dirname(f), { recursive: true });
      const tmp = `${f}.${process.pid}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, f);
      return;
    } catch {
      // try the next place
    }
  }
}
