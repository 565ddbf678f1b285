// One bounded reader for every input: the size cap is enforced while reading, never trusted to `stat`
// (which says 0 bytes for /dev/zero, a FIFO or a process substitution), and a pipe that sends nothing
// cannot hold a run up.
import { constants, open as openFd, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../model/errors.js';

/** How long a FIFO, pipe or device may send nothing (before its first byte or between two) by default. */
export const DEFAULT_PIPE_IDLE_MS = 5000;

const CHUNK = 64 * 1024;

export function overLimit(name: string, max: number): UserError {
  return new UserError(`${name}: over the size limit of ${max} bytes (see --max-bytes)`);
}

/** Bytes gathered up to a cap. */
export class CappedBuffer {
  private chunks: Buffer[] = [];
  size = 0;
  constructor(readonly max: number) {}
  /** False (and nothing kept) once the total would pass the cap. */
  add(c: Buffer): boolean {
    if (this.size + c.length > this.max) return false;
    this.size += c.length;
    this.chunks.push(c);
    return true;
  }
  buffer(): Buffer {
    return Buffer.concat(this.chunks, this.size);
  }
}

/** All the bytes of a stream of chunks, or an error naming `name` and the cap as soon as it is passed. */
export async function collect(chunks: AsyncIterable<Buffer | string>, name: string, max: number): Promise<Buffer> {
  const buf = new CappedBuffer(max);
  for await (const c of chunks) {
    // Leaving the loop early closes the source (the generator's finally, the stream's destroy).
    if (!buf.add(typeof c === 'string' ? Buffer.from(c) : c)) throw overLimit(name, max);
  }
  return buf.buffer();
}

function errnoMessage(file: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'no such file or directory' :
    code === 'EACCES' || code === 'EPERM' ? 'permission denied' :
    code === 'EISDIR' ? 'is a folder' :
    code === 'ENXIO' ? 'not a readable file (a socket?)' :
    `cannot read (${code ?? (e as Error).message})`;
  return new UserError(`${file}: ${why}`);
}

function idleError(file: string, ms: number): UserError {
  return new UserError(`${file}: no data for ${ms / 1000} s (a FIFO or pipe with no writer?)`);
}

/**
 * The chunks of a file, whatever kind it is, each at most `want()` bytes. A regular file or device is
 * read in place; a FIFO (named, or a process substitution's /dev/fd/N) is opened without blocking —
 * opening one blocks until a writer comes — and read as a pipe, so a writer may still come, but one that
 * sends nothing for `idleMs` ends the read with an error. A device that would block is polled the same way.
 */
export async function* fileChunks(file: string, idleMs = DEFAULT_PIPE_IDLE_MS, st?: Stats, want: () => number = () => CHUNK): AsyncGenerator<Buffer> {
  let info = st;
  if (!info) {
    try {
      info = await stat(file);
    } catch (e) {
      throw errnoMessage(file, e);
    }
  }
  if (info.isDirectory()) throw new UserError(`${file}: is a folder`);
  if (info.isSocket()) throw new UserError(`${file}: not a readable file (a socket)`);
  const flags = constants.O_RDONLY | constants.O_NONBLOCK;
  if (info.isFIFO()) {
    // A bare descriptor, not a FileHandle: the socket owns it and closes it (a FileHandle would close
    // the same number again when collected, perhaps by then another file's).
    let fd: number;
    try {
      fd = await new Promise<number>((resolve, reject) => openFd(file, flags, (err, n) => (err ? reject(err) : resolve(n))));
    } catch (e) {
      throw errnoMessage(file, e);
    }
    yield* pipeChunks(fd, file, idleMs);
    return;
  }
  let fh;
  try {
    fh = await open(file, flags);
  } catch (e) {
    throw errnoMessage(file, e);
  }
  try {
    let idleSince = Date.now();
    for (;;) {
      const b = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, want())));
      let n: number;
      try {
        n = (await fh.read(b, 0, b.length, null)).bytesRead;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw errnoMessage(file, e);
        if (Date.now() - idleSince >= idleMs) throw idleError(file, idleMs);
        await sleep(20);
        continue;
      }
      if (n === 0) return;
      idleSince = Date.now();
      yield b.subarray(0, n);
    }
  } finally {
    await fh.close();
  }
}

/** A pipe's chunks through the event loop (epoll), so waiting on it blocks no thread. */
async function* pipeChunks(fd: number, file: string, idleMs: number): AsyncGenerator<Buffer> {
  const sock = new net.Socket({ fd, readable: true, writable: false });
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => sock.destroy(idleError(file, idleMs)), idleMs);
  };
  try {
    arm();
    for await (const c of sock) {
      arm();
      yield c as Buffer;
    }
  } finally {
    clearTimeout(timer);
    sock.destroy();
  }
}

/** A whole file, any kind, within `max` bytes. `stat`'s size is only a fast path: the read enforces the cap. */
export async function readCapped(file: string, max: number, idleMs = DEFAULT_PIPE_IDLE_MS): Promise<Buffer> {
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    throw errnoMessage(file, e);
  }
  if (st.isFile() && st.size > max) throw new UserError(`${file}: ${st.size} bytes is over the size limit of ${max} bytes (see --max-bytes)`);
  const buf = new CappedBuffer(max);
  // Never ask for more than one byte past the cap: /dev/zero answers any read in full.
  for await (const c of fileChunks(file, idleMs, st, () => max - buf.size + 1)) {
    if (!buf.add(c)) throw overLimit(file, max);
  }
  return buf.buffer();
}

export type Line = { n: number; text: string } | { n: number; tooLong: true };

/**
 * Lines of a byte stream (LF or CRLF, UTF-8, a leading BOM dropped), numbered from 1. A line longer than
 * `max` bytes is never held whole: its bytes are skipped up to the next newline and it comes back as
 * `tooLong`, so one huge record cannot take the batch's memory.
 */
export async function* cappedLines(chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, max: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;
  let n = 0;
  const finish = (): Line => {
    n++;
    if (skipping) return { n, tooLong: true };
    let text = Buffer.concat(parts, size).toString('utf8');
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return { n, text };
  };
  for await (const raw of chunks) {
    const c = typeof raw === 'string' ? Buffer.from(raw) : raw;
    let from = 0;
    while (from <= c.length) {
      const nl = c.indexOf(10, from);
      const piece = c.subarray(from, nl < 0 ? c.length : nl);
      if (!skipping) {
        if (size + piece.length > max) {
          skipping = true;
          parts = [];
          size = 0;
        } else if (piece.length) {
          parts.push(piece);
          size += piece.length;
        }
      }
      if (nl < 0) break;
      yield finish();
      parts = [];
      size = 0;
      skipping = false;
      from = nl + 1;
    }
  }
  if (size > 0 || skipping) yield finish();
}
