// Byte streams of big inputs: a file's chunks, gunzipped when they are gzip, with a count of the bytes
// read for progress. Nothing here holds more than a chunk or two.
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { UserError } from '../model/errors.js';
import { fileChunks } from './read.js';

/** Progress of one streamed input: bytes of the file read so far (compressed, as on disk) out of its size. */
export interface ReadProgress {
  input: string;
  bytes: number;
  /** The file's size, or 0 when unknown (a pipe). */
  total: number;
  /** Records (documents or error items) read so far from this input. */
  records: number;
}

export type OnRead = (p: ReadProgress) => void;

/** True when the first bytes are gzip's magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The decompressed chunks of a file: gzip (one member or many, as Common Crawl writes one per record) is
 * detected by its magic number, whatever the name. `counted` is told the raw bytes read as they come.
 */
export async function* plainChunks(file: string, idleMs: number | undefined, counted: (n: number) => void): AsyncGenerator<Buffer> {
  const raw = fileChunks(file, idleMs);
  const first = await raw.next();
  if (first.done) return;
  counted(first.value.length);
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value;
    for await (const c of raw) {
      counted(c.length);
      yield c;
    }
  }
  if (!isGzip(first.value)) {
    yield* all();
    return;
  }
  const gunzip = createGunzip();
  const src = Readable.from(all());
  src.on('error', (e) => gunzip.destroy(e));
  src.pipe(gunzip);
  try {
    for await (const c of gunzip) yield c as Buffer;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // Z_BUF_ERROR: the file ends inside a member (a cut download); Z_DATA_ERROR: damaged bytes.
    throw new UserError(`${file}: ${code === 'Z_BUF_ERROR' ? 'the gzip data is cut short' : `damaged gzip data (${(e as Error).message})`}`);
  } finally {
    src.destroy();
    gunzip.destroy();
  }
}
