import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { normalizeDate } from '../text/dates.js';
import { decode } from './decode.js';
import { htmlToArticle } from './html.js';
import { textToArticle } from './text.js';
import { fetchUrl, type FetchOptions } from './url.js';

export interface IngestOptions extends FetchOptions {
  /** Largest accepted document, in bytes. */
  maxBytes: number;
}

export const DEFAULT_INGEST: IngestOptions = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  allowPrivate: false,
};

/** One document read, or the reason it could not be. A batch carries on past errors. */
export type Ingested = { ok: true; article: Article } | { ok: false; id: string; origin: string | null; message: string };

const HTML_EXT = /\.(html?|xhtml)$/i;
const TEXT_EXT = /\.(txt|text|md)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)$/i;

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || /<(p|div|article)[\s>][\s\S]*<\/(p|div|article)>/i.test(text.slice(0, 20000));
}

/** Text or HTML, by extension first and content second. */
export function articleFromString(text: string, meta: { id: string; origin: string | null; url?: string | null; html?: boolean }): Article {
  if (meta.html ?? looksLikeHtml(text)) return htmlToArticle(text, meta);
  return textToArticle(text, meta);
}

function errorItem(id: string, origin: string | null, e: unknown): Ingested {
  if (e instanceof UserError) return { ok: false, id, origin, message: e.message };
  throw e;
}

async function readFileChecked(file: string, opts: IngestOptions): Promise<Buffer> {
  let st;
  try {
    st = await stat(file);
  } catch {
    throw new UserError(`${file}: no such file or directory`);
  }
  if (st.size > opts.maxBytes) throw new UserError(`${file}: ${st.size} bytes is over the size limit of ${opts.maxBytes} (see --max-bytes)`);
  return readFile(file);
}

async function* readFileInput(file: string, id: string, opts: IngestOptions): AsyncGenerator<Ingested> {
  if (JSONL_EXT.test(file)) {
    yield* readJsonl(file, opts);
    return;
  }
  try {
    const buf = await readFileChecked(file, opts);
    const html = HTML_EXT.test(file) ? true : TEXT_EXT.test(file) ? false : undefined;
    const text = decode(buf, { name: file, html: html ?? true });
    yield { ok: true, article: articleFromString(text, { id, origin: file, html }) };
  } catch (e) {
    yield errorItem(id, file, e);
  }
}

interface JsonlRecord {
  id?: unknown;
  text?: unknown;
  html?: unknown;
  title?: unknown;
  byline?: unknown;
  published?: unknown;
  url?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** One JSON line to an Article. Fields given in the record win over what is found in the text. */
export function articleFromRecord(rec: JsonlRecord, fallbackId: string, origin: string, opts: IngestOptions): Article {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new UserError(`${origin}: not a JSON object`);
  const id = str(rec.id) ?? (typeof rec.id === 'number' ? String(rec.id) : fallbackId);
  const body = str(rec.html) ?? str(rec.text);
  if (!body) throw new UserError(`${origin}: record has neither "text" nor "html"`);
  if (Buffer.byteLength(body) > opts.maxBytes) throw new UserError(`${origin}: document is over the size limit of ${opts.maxBytes} bytes`);
  const url = str(rec.url);
  const base = str(rec.html) ? htmlToArticle(body, { id, origin, url }) : textToArticle(body, { id, origin, kind: 'jsonl' });
  const published = str(rec.published);
  let date = base.published;
  if (published) {
    date = normalizeDate(published);
    if (!date) throw new UserError(`${origin}: "published" is not a date: ${published}`);
  }
  return {
    ...base,
    kind: 'jsonl',
    title: str(rec.title) ?? base.title,
    byline: str(rec.byline) ?? base.byline,
    published: date,
    url: url ?? base.url,
  };
}

async function* readJsonl(file: string, opts: IngestOptions, stream?: NodeJS.ReadableStream): AsyncGenerator<Ingested> {
  const name = stream ? 'stdin' : file;
  if (!stream) {
    try {
      await stat(file);
    } catch {
      yield { ok: false, id: file, origin: file, message: `${file}: no such file or directory` };
      return;
    }
  }
  const rl = createInterface({ input: stream ?? createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  const base = path.basename(file).replace(JSONL_EXT, '');
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const origin = `${name}:${n}`;
    let rec: JsonlRecord;
    try {
      rec = JSON.parse(line) as JsonlRecord;
    } catch {
      yield { ok: false, id: `${base}:${n}`, origin, message: `${origin}: malformed JSON on line ${n}` };
      continue;
    }
    try {
      yield { ok: true, article: articleFromRecord(rec, `${base}:${n}`, origin, opts) };
    } catch (e) {
      yield errorItem(str(rec?.id) ?? `${base}:${n}`, origin, e);
    }
  }
}

/** Files under a folder, sorted, with ids relative to the folder. Hidden files are skipped. */
export async function listFolder(dir: string): Promise<{ file: string; id: string }[]> {
  const out: { file: string; id: string }[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const parent = (e as unknown as { parentPath?: string; path?: string }).parentPath ?? (e as unknown as { path: string }).path;
    const file = path.join(parent, e.name);
    const id = path.relative(dir, file).split(path.sep).join('/');
    if (id.split('/').some((p) => p.startsWith('.'))) continue;
    if (HTML_EXT.test(e.name) || TEXT_EXT.test(e.name) || JSONL_EXT.test(e.name) || !/\.[a-z0-9]+$/i.test(e.name)) out.push({ file, id });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function readStdin(stdin: NodeJS.ReadableStream, opts: IngestOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stdin) {
    const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer);
    size += b.length;
    if (size > opts.maxBytes) throw new UserError(`stdin: input is over the size limit of ${opts.maxBytes} bytes (see --max-bytes)`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Every document in the inputs, in order: files, folders (recursively), JSONL files, URLs and "-" (stdin).
 * Errors of single documents come back as items; only usage errors throw.
 */
export async function* readInputs(
  inputs: string[],
  opts: IngestOptions = DEFAULT_INGEST,
  stdin: NodeJS.ReadableStream = process.stdin,
): AsyncGenerator<Ingested> {
  for (const input of inputs) {
    if (input === '-') {
      try {
        const buf = await readStdin(stdin, opts);
        const text = decode(buf, { name: 'stdin', html: true });
        if (/^\s*\{/.test(text) && text.trim().split('\n').every((l) => !l.trim() || /^\s*\{/.test(l))) {
          const { Readable } = await import('node:stream');
          yield* readJsonl('stdin.jsonl', opts, Readable.from([text]));
        } else yield { ok: true, article: articleFromString(text, { id: 'stdin', origin: 'stdin' }) };
      } catch (e) {
        yield errorItem('stdin', 'stdin', e);
      }
      continue;
    }
    if (/^https?:\/\//i.test(input)) {
      try {
        const f = await fetchUrl(input, opts);
        const html = !f.contentType || /html|xml/i.test(f.contentType);
        const text = decode(f.body, { name: input, html, charset: f.charset });
        const article = articleFromString(text, { id: f.url, origin: input, url: f.url, html });
        yield { ok: true, article: { ...article, kind: 'url', url: article.url ?? f.url } };
      } catch (e) {
        yield errorItem(input, input, e);
      }
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch {
      yield { ok: false, id: input, origin: input, message: `${input}: no such file, folder or URL` };
      continue;
    }
    if (st.isDirectory()) {
      const files = await listFolder(input);
      if (files.length === 0) yield { ok: false, id: input, origin: input, message: `${input}: folder has no articles (.txt, .html, .jsonl)` };
      for (const f of files) yield* readFileInput(f.file, f.id, opts);
    } else {
      yield* readFileInput(input, input, opts);
    }
  }
}
