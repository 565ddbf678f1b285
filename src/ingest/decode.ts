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
 * Charset labels as browsers read them (WHATWG Encoding): a page labelled Latin-1 or ASCII is really
 * Windows-1252 ("\x93quoted\x94" curly quotes), GB2312 is read as its superset GBK, and so on.
 */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252', iso8859_1: 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252', l1: 'windows-1252',
  'us-ascii': 'windows-1252', ascii: 'windows-1252', cp1252: 'windows-1252', 'x-cp1252': 'windows-1252',
  gb2312: 'gbk', 'x-gbk': 'gbk', 'iso-8859-9': 'windows-1254', 'x-sjis': 'shift_jis', 'ks_c_5601-1987': 'euc-kr', unicode: 'utf-16le',
};

function canonicalCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const c = ALIASES[l] ?? l;
  return iconv.encodingExists(c) ? c : null;
}

/** UTF-16 without a BOM: every other byte of Latin-script text is zero. */
function sniffUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 1024) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.05) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero < half * 0.05) return 'utf-16be';
  return null;
}

/**
 * Bytes to text, the way a browser picks the encoding: a BOM wins (UTF-8, UTF-16 LE/BE); then the charset
 * of the HTTP header; then the HTML <meta charset> (or XML declaration); valid UTF-8 is taken as UTF-8
 * whatever the label says; then the declared charset; then Windows-1252 (which covers Latin-1 text).
 * Empty and binary input throw UserError.
 */
export function decode(buf: Buffer, opts: { name: string; html?: boolean; charset?: string | null }): string {
  if (buf.length === 0) throw new UserError(`${opts.name}: empty input`);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return check(buf.subarray(3).toString('utf8'), opts.name);
  if (buf[0] === 0xff && buf[1] === 0xfe) return check(iconv.decode(buf.subarray(2), 'utf-16le'), opts.name);
  if (buf[0] === 0xfe && buf[1] === 0xff) return check(iconv.decode(buf.subarray(2), 'utf-16be'), opts.name);
  let declared = canonicalCharset(opts.charset);
  // Browsers look for <meta charset> in the first 1 KB and re-parse when they meet one later; heads full
  // of scripts push it further, so the first 16 KB are searched.
  if (!declared && opts.html) declared = canonicalCharset(declaredCharset(buf.subarray(0, 16384).toString('latin1')));
  const utf16 = declared?.startsWith('utf-16') || declared?.startsWith('utf16') ? declared : sniffUtf16(buf);
  if (utf16) {
    const text = iconv.decode(buf, utf16 === 'utf-16' ? 'utf-16le' : utf16);
    // Zeros at every other byte are also what some binary formats look like: the text must read as text.
    const bad = (text.slice(0, 4096).match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
    if (bad > Math.min(text.length, 4096) * 0.02) throw new UserError(`${opts.name}: binary data, not text or HTML`);
    return check(text, opts.name);
  }
  if (looksBinary(buf)) throw new UserError(`${opts.name}: binary data, not text or HTML`);
  try {
    return check(utf8.decode(buf), opts.name);
  } catch (e) {
    if (e instanceof UserError) throw e;
  }
  // Not valid UTF-8: a page that declares a single-byte or CJK charset is decoded as declared.
  if (declared && !/^utf-?8$/.test(declared)) return check(iconv.decode(buf, declared), opts.name);
  return check(iconv.decode(buf, 'windows-1252'), opts.name);
}

function check(text: string, name: string): string {
  if (!text.trim()) throw new UserError(`${name}: empty input`);
  return text;
}
