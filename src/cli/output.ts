import { rmSync, statSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../model/errors.js';

const REASON: Record<string, string> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
};

/** Writes to --out atomically (temp file + rename), or to stdout. A failed write leaves nothing behind. */
export function emit(text: string, out: string | undefined): void {
  if (!out) {
    process.stdout.write(text);
    return;
  }
  let isDir = false;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    // Not there yet: the usual case.
  }
  if (isDir) throw new UserError(`cannot write ${out}: is a folder (give a file name)`);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, out);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write ${out}: ${(code && REASON[code]) ?? code ?? (e as Error).message}`);
  }
}
