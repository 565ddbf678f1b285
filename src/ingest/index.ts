import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { normalizeDate } from '../text/dates.js';
import { decode } from './decode.js';
import { htmlToArticle } from './html.js';
import { cappedLines, collect, DEFAULT_PIPE_IDLE_MS, readCapped } from './read.js';
import { textToArticle } from './text.js';
import { fetchUrl, type FetchOptions } from './url.js';
import { plainChunks, type OnRead } from './stream.js';
import { readWarc } from './warc.js';

export interface IngestOptions extends FetchOptions {
  /** Largest accepted document, in bytes. */
  maxBytes: number;
  /** How long a FIFO, pipe or device may send nothing before its read fails (default 5 s). */
  pipeIdleMs?: number;
  /** Told how far a streamed input (JSONL, WARC, their .gz) has been read, as records come. */
  onRead?: OnRead;
}

export const DEFAULT_INGEST: IngestOptions = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  allowPrivate: false,
  pipeIdleMs: DEFAULT_PIPE_IDLE_MS,
};

/** One document read, or the reason it could not be. A batch carries on past errors. */
export type Ingested = { ok: true; article: Article } | { ok: false; id: string; origin: string | null; message: string };

const HTML_EXT = /\.(html?|xhtml)$/i;
const TEXT_EXT = /\.(txt|text|md)$/i;
const JSONL_EXT = /\.(jsonl|ndjson)(\.gz)?$/i;
const WARC_EXT = /\.warc(\.gz)?$/i;

/** Inputs that hold many documents (JSONL, WARC, gzipped or not): a batch even when given alone. */
export function isContainerFile(name: string): boolean {
  return JSONL_EXT.test(name) || WARC_EXT.test(name);
}

export function looksLikeHtml(text: string): boolean {
  if (/^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text)) return true;
  // An opening block tag and, after it, a closing one: two searches, not one pattern with [\s\S]* (which
  // retries from every "<div" of a page that never closes one).
  const head = text.slice(0, 20000);
  const open = /<(p|div|article)[\s>]/i.exec(head);
  return !!open && /<\/(p|div|article)>/i.test(head.slice(open.index));
}

/** Text or HTML, by extension first and content second. */
export function articleFromString(text: string, meta: { id: string; origin: string | null; url?: string | null; html?: boolean }): Article {
  if (meta.html ?? looksLikeHtml(text)) return htmlToArticle(text, meta);
  return textToArticle(text, meta);
}

/**
 * One document's failure as an item, so the batch goes on: a user error as it is, anything else (a bug, a
 * parser giving up on odd input) as one line naming the document and the reason.
 */
export function errorItem(id: string, origin: string | null, e: unknown): Ingested {
  if (e instanceof UserError) return { ok: false, id, origin, message: e.message };
  const reason = (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0].slice(0, 200);
  return { ok: false, id, origin, message: `${origin ?? id}: could not be read (internal error: ${reason})` };
}

async function* readFileInput(file: string, id: string, opts: IngestOptions): AsyncGenerator<Ingested> {
  if (JSONL_EXT.test(file)) {
    yield* readJsonl(file, opts);
    return;
  }
  if (WARC_EXT.test(file)) {
    yield* readWarc(file, opts, opts.onRead);
    return;
  }
  try {
    const buf = await readCapped(file, opts.maxBytes, opts.pipeIdleMs);
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

/**
 * The records of a JSONL file (gzipped or not) or of stdin's text, one item per line, streamed; a line over
 * the cap is an error item.
 */
async function* readJsonl(file: string, opts: IngestOptions, text?: string): AsyncGenerator<Ingested> {
  const name = text === undefined ? file : 'stdin';
  const base = path.basename(file).replace(JSONL_EXT, '');
  let bytes = 0;
  let records = 0;
  const total = text === undefined && opts.onRead ? await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0) : 0;
  const chunks = text === undefined ? plainChunks(file, opts.pipeIdleMs, (k) => (bytes += k)) : [text];
  try {
    for await (const line of cappedLines(chunks, opts.maxBytes)) {
      const { n } = line;
      if (opts.onRead && text === undefined) opts.onRead({ input: file, bytes, total, records: ++records });
      const origin = `${name}:${n}`;
      if ('tooLong' in line) {
        yield { ok: false, id: `${base}:${n}`, origin, message: `${origin}: line is over the size limit of ${opts.maxBytes} bytes (see --max-bytes)` };
        continue;
      }
      if (!line.text.trim()) continue;
      let rec: JsonlRecord;
      try {
        rec = JSON.parse(line.text) as JsonlRecord;
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
  } catch (e) {
    // The file itself failed (missing, unreadable, a pipe gone quiet): one item, and the next input.
    yield errorItem(file, name, e);
  }
}

const PROJECT_ANY_CASE = new Set(['readme', 'license', 'licence', 'copying', 'changelog', 'contributing', 'code_of_conduct']);
const PROJECT_UPPER = new Set(['AUTHORS', 'CHANGES', 'CONTRIBUTORS', 'HISTORY', 'INSTALL', 'NOTICE', 'SECURITY']);

/**
 * Files a project or data set ships beside its documents: README, LICENSE/LICENCE, COPYING, CHANGELOG,
 * CONTRIBUTING, CODE_OF_CONDUCT in any case; AUTHORS, CHANGES, CONTRIBUTORS, HISTORY, INSTALL, NOTICE,
 * SECURITY only in capitals (in lower case they could name an article). The name may carry a tag in
 * capitals or a language code and an extension ("LICENSE-MIT", "README.de.md", "README.TXT"), nothing
 * more: "license-fees-rise.txt" is an article. Skipped in folders only.
 */
export function isProjectFile(name: string): boolean {
  const m = /^(code[_-]of[_-]conduct|[a-z]+)(.*)$/i.exec(name);
  if (!m) return false;
  const tag = m[2].replace(/\.(?:txt|text|md|markdown|rst|html?)$/i, '');
  if (!/^(?:[-_.](?:[A-Z0-9]{2,12}|[a-z]{2}))?$/.test(tag)) return false;
  return PROJECT_ANY_CASE.has(m[1].toLowerCase().replace(/-/g, '_')) || PROJECT_UPPER.has(m[1]);
}

export interface FolderListing {
  files: { file: string; id: string }[];
  /** Subfolders that could not be read. */
  errors: { id: string; message: string }[];
}

/**
 * Articles under a folder, sorted, with ids relative to the folder (through symbolic links, as named).
 * Hidden files and project files (README, LICENSE...) are skipped, and so are FIFOs, devices and sockets.
 * Symbolic links to files and folders are followed; a folder reached twice (a link loop, two links to one
 * folder) is read once, and so is a file.
 */
export async function listFolderEntries(dir: string): Promise<FolderListing> {
  const files: { file: string; id: string; key: string }[] = [];
  const errors: { id: string; message: string }[] = [];
  const key = (st: { dev: number; ino: number }) => `${st.dev}:${st.ino}`;
  const seenDirs = new Set<string>([key(await stat(dir))]);
  const queue = [dir];
  while (queue.length) {
    const d = queue.pop()!;
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      const id = path.relative(dir, d).split(path.sep).join('/') || '.';
      errors.push({ id, message: `${d}: cannot read the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const file = path.join(d, e.name);
      if (!e.isFile() && !e.isDirectory() && !e.isSymbolicLink()) continue;
      let st;
      try {
        st = await stat(file); // follows links
      } catch {
        continue; // a dangling link
      }
      if (st.isDirectory()) {
        if (seenDirs.has(key(st))) continue;
        seenDirs.add(key(st));
        queue.push(file);
        continue;
      }
      if (!st.isFile() || isProjectFile(e.name)) continue;
      const id = path.relative(dir, file).split(path.sep).join('/');
      if (HTML_EXT.test(e.name) || TEXT_EXT.test(e.name) || JSONL_EXT.test(e.name) || WARC_EXT.test(e.name) || !/\.[a-z0-9]+$/i.test(e.name)) files.push({ file, id, key: key(st) });
    }
  }
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const seenFiles = new Set<string>();
  const out = files.filter((f) => !seenFiles.has(f.key) && seenFiles.add(f.key)).map(({ file, id }) => ({ file, id }));
  return { files: out, errors };
}

/** Files under a folder, sorted, with ids relative to the folder (see listFolderEntries). */
export async function listFolder(dir: string): Promise<{ file: string; id: string }[]> {
  return (await listFolderEntries(dir)).files;
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
        const buf = await collect(stdin as AsyncIterable<Buffer | string>, 'stdin', opts.maxBytes);
        const text = decode(buf, { name: 'stdin', html: true });
        if (/^\s*\{/.test(text) && text.trim().split('\n').every((l) => !l.trim() || /^\s*\{/.test(l))) {
          yield* readJsonl('stdin.jsonl', opts, text);
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
      let listing: FolderListing;
      try {
        listing = await listFolderEntries(input);
      } catch (e) {
        yield errorItem(input, input, e);
        continue;
      }
      for (const x of listing.errors) yield { ok: false, id: x.id, origin: input, message: x.message };
      if (listing.files.length === 0 && listing.errors.length === 0) yield { ok: false, id: input, origin: input, message: `${input}: folder has no articles (.txt, .html, .jsonl, .warc)` };
      for (const f of listing.files) yield* readFileInput(f.file, f.id, opts);
    } else {
      yield* readFileInput(input, input, opts);
    }
  }
}
