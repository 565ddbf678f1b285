import iconv from 'iconv-lite';
import { UserError } from '../model/errors.js';

/** The charset an HTML page declares in <meta charset> or <meta http-equiv="Content-Type">. */
export function declaredCharset(head: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  return control > n * 0.02;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text: a BOM wins (UTF-8, UTF-16 LE/BE); then valid UTF-8; then the charset the HTTP header or
 * the HTML meta tag declares; then Windows-1252 (a superset of Latin-1 for printable text).
 */
export function decode(buf: Buffer, opts: { name: string; html?: boolean; charset?: string | null }): string {
  if (buf.length === 0) throw new UserError(`${opts.name}: empty input`);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return check(buf.subarray(3).toString('utf8'), opts.name);
  if (buf[0] === 0xff && buf[1] === 0xfe) return check(iconv.decode(buf.subarray(2), 'utf-16le'), opts.name);
  if (buf[0] === 0xfe && buf[1] === 0xff) return check(iconv.decode(buf.subarray(2), 'utf-16be'), opts.name);
  if (looksBinary(buf)) throw new UserError(`${opts.name}: binary data, not text or HTML`);
  let declared = opts.charset?.toLowerCase() ?? null;
  if (opts.html) declared = declaredCharset(buf.subarray(0, 4096).toString('latin1')) ?? declared;
  // A page that says it is in a single-byte or CJK charset and is not valid UTF-8 is decoded as declared.
  try {
    return check(utf8.decode(buf), opts.name);
  } catch (e) {
    if (e instanceof UserError) throw e;
  }
  if (declared && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) return check(iconv.decode(buf, declared), opts.name);
  return check(iconv.decode(buf, 'windows-1252'), opts.name);
}

function check(text: string, name: string): string {
  if (!text.trim()) throw new UserError(`${name}: empty input`);
  return text;
}
