import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredCharset, decode } from '../src/ingest/decode.js';
import { UserError } from '../src/model/errors.js';

// Fictional text with characters outside ASCII in each script the encodings below can hold.
const LATIN = 'Café owner Zoë Brontë paid £12 for “fresh” crème brûlée — naïve, façade, œuvre.';
const WIDE = `${LATIN} Ελληνικά, кириллица, 中文.`;

describe('decode', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decode(Buffer.from(LATIN, 'utf8'), { name: 'a' })).toBe(LATIN);
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(WIDE)]), { name: 'a' })).toBe(WIDE);
  });

  it('reads UTF-16 LE and BE with a BOM, and without one by its zero bytes', () => {
    expect(decode(iconv.encode(WIDE, 'utf-16le', { addBOM: true }), { name: 'a' })).toBe(WIDE);
    expect(decode(iconv.encode(WIDE, 'utf-16be', { addBOM: true }), { name: 'a' })).toBe(WIDE);
    expect(decode(iconv.encode(LATIN, 'utf-16le'), { name: 'a' })).toBe(LATIN);
    expect(decode(iconv.encode(LATIN, 'utf-16be'), { name: 'a' })).toBe(LATIN);
  });

  it('falls back to Windows-1252 for Latin-1 text that is not UTF-8', () => {
    const bytes = iconv.encode(LATIN, 'windows-1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decode(bytes, { name: 'a' })).toBe(LATIN);
    // Latin-1 proper (no curly quotes or dashes): the same bytes, the same text.
    const plain = 'Zoë paid £12 for the crème brûlée at the café.';
    expect(decode(iconv.encode(plain, 'latin1'), { name: 'a' })).toBe(plain);
  });

  it('follows the HTML meta charset and the HTTP charset, the header first', () => {
    const ru = 'Новости дня: в городе открылась библиотека.';
    const page = (cs: string) => `<html><head><meta charset="${cs}"><title>t</title></head><body><p>${ru}</p></body></html>`;
    const koi = iconv.encode(page('koi8-r'), 'koi8-r');
    expect(decode(koi, { name: 'a', html: true })).toContain(ru);
    const win = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>${ru}</body></html>`, 'windows-1251');
    expect(decode(win, { name: 'a', html: true })).toContain(ru);
    // The header says windows-1251, the page (wrongly) says koi8-r: the header wins, as in browsers.
    const mislabeled = iconv.encode(page('koi8-r'), 'windows-1251');
    expect(decode(mislabeled, { name: 'a', html: true, charset: 'windows-1251' })).toContain(ru);
    expect(decode(mislabeled, { name: 'a', html: true })).not.toContain(ru);
  });

  it('reads a page labelled ISO-8859-1 as Windows-1252, as browsers do', () => {
    const text = 'He said “yes” — twice.';
    const bytes = iconv.encode(`<meta charset="iso-8859-1"><p>${text}</p>`, 'windows-1252');
    expect(decode(bytes, { name: 'a', html: true })).toContain(text);
  });

  it('finds the declared charset in meta tags and XML declarations', () => {
    expect(declaredCharset('<meta charset="Shift_JIS">')).toBe('shift_jis');
    expect(declaredCharset('<meta http-equiv="content-type" content="text/html; charset=ISO-8859-2">')).toBe('iso-8859-2');
    expect(declaredCharset('<?xml version="1.0" encoding="windows-1250"?>')).toBe('windows-1250');
    expect(declaredCharset('<p>no charset here</p>')).toBeNull();
  });

  it('rejects empty, blank and binary input with a one-line UserError', () => {
    expect(() => decode(Buffer.alloc(0), { name: 'x.txt' })).toThrow(new UserError('x.txt: empty input'));
    expect(() => decode(Buffer.from(' \n\t\n'), { name: 'x.txt' })).toThrow(/empty input/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 7]);
    expect(() => decode(png, { name: 'x.png' })).toThrow(/x\.png: binary data/);
    // Every other byte zero, like UTF-16, but the other bytes are control codes: still binary.
    const words = Buffer.alloc(64);
    for (let i = 0; i < 64; i += 2) words[i] = (i % 7) + 1;
    expect(() => decode(words, { name: 'x.bin' })).toThrow(/x\.bin: binary data/);
  });

  it('decodes the one non-UTF-8 file of the BBC corpus without replacement characters', () => {
    const bytes = readFileSync(new URL('../../shared/data/corpora/bbc/sport/199.txt', import.meta.url));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = decode(bytes, { name: 'bbc/sport/199.txt' });
    expect(text).not.toContain('\ufffd');
    expect(text).toMatch(/£\d/);
  });
});
