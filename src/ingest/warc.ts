// WARC and WARC.gz (the Common Crawl News format): every `response` record with an HTML body is one
// article; its target URI is the url (and the id), its WARC-Date the date when the page names none.
// warcio parses the records; this file keeps it within bounds on hostile input: a record's body is read
// up to the size cap and the rest skipped, a header that never ends stops at HEADER_MAX bytes, and a
// malformed record is one error item, after which reading resumes at the next "WARC/1.x" line.
import path from 'node:path';
import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { normalizeDate } from '../text/dates.js';
import { decode } from './decode.js';
import { htmlToArticle } from './html.js';
import { errorItem, type Ingested, type IngestOptions } from './index.js';
import { CappedBuffer } from './read.js';
import { plainChunks, type OnRead } from './stream.js';

/** WARC and HTTP headers of one record may take this many bytes; more means the record is malformed. */
const HEADER_MAX = 256 * 1024;

/**
 * The chunks under the parser, with a pushback and a budget of bytes the parser may pull before the next
 * record is announced. Its iterator never closes the file: a parser given up on leaves it to the next.
 */
class Feed {
  private back: Buffer[] = [];
  pulled = 0;
  /** While a record's headers are parsed: every byte the parser holds, to give back if the record is malformed. */
  journal: Buffer[] | null = null;
  constructor(private readonly src: AsyncIterator<Buffer>, private readonly name: string) {}
  unshift(c: Uint8Array | null | undefined): void {
    if (c && c.length) this.back.unshift(Buffer.from(c));
  }
  /** The error the file failed with (unreadable, damaged gzip); after it the feed is at its end. */
  failed: unknown = null;
  async next(): Promise<Buffer | null> {
    const b = this.back.shift();
    if (b) return b;
    if (this.failed) return null;
    try {
      const r = await this.src.next();
      return r.done ? null : r.value;
    } catch (e) {
      this.failed = e;
      throw e;
    }
  }
  /** Chunks for one parser; pulling past `limit` bytes (when set) throws. */
  iter(limit: () => number): AsyncIterable<Uint8Array> {
    const pull = async (): Promise<IteratorResult<Uint8Array>> => {
      const c = await this.next();
      if (!c) return { done: true, value: undefined };
      this.pulled += c.length;
      this.journal?.push(c);
      if (this.pulled > limit()) throw new UserError(`${this.name}: malformed WARC record (no end of headers within ${HEADER_MAX} bytes)`);
      return { done: false, value: c };
    };
    return {
      [Symbol.asyncIterator]: () => ({
        next: pull,
        // Leaving a loop early must not close the file.
        async return(): Promise<IteratorResult<Uint8Array>> {
          return { done: true, value: undefined };
        },
      }),
    };
  }
  /**
   * Gives back the bytes of a malformed record's headers, then drops bytes up to the next line that starts
   * a record (past the malformed record's own first line); false at the end of the input.
   */
  async resync(): Promise<boolean> {
    for (const c of (this.journal ?? []).reverse()) this.unshift(c);
    this.journal = null;
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    for (;;) {
      const c = await this.next();
      if (!c) return false;
      let buf = carry.length ? Buffer.concat([carry, c]) : c;
      if (first) {
        let i = 0;
        while (i < buf.length && (buf[i] === 10 || buf[i] === 13 || buf[i] === 32)) i++;
        if (i === buf.length) continue;
        buf = buf.subarray(i + 1);
        first = false;
      }
      const at = buf.indexOf('\nWARC/1.');
      if (at >= 0) {
        this.unshift(buf.subarray(at + 1));
        return true;
      }
      carry = buf.subarray(Math.max(0, buf.length - 6));
    }
  }
}

/**
 * Skips the rest of a record. warcio's own skipFully loops for ever when the file ends inside the record
 * (a cut download): here that ends the file with an error.
 */
async function skipRecord(rec: WARCRecord, origin: string): Promise<void> {
  const r = rec as unknown as { consumed: string | null; _reader: { limit: number; sourceIter: { skipSize(n: number): Promise<number> } } };
  if (r.consumed) return;
  while (r._reader.limit > 0) {
    const n = await r._reader.sourceIter.skipSize(r._reader.limit);
    if (n === 0) throw new UserError(`${origin}: the file ends inside this record (cut short?)`);
    r._reader.limit -= n;
  }
  r.consumed = 'skipped';
}

/** warcio warns on the console about records it recovers from; here a malformed record is an error item instead. */
async function quietly<T>(f: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await f();
  } finally {
    console.warn = warn;
  }
}

function isHtml(contentType: string | null | undefined): boolean {
  if (!contentType) return true; // many pages are served with none: the body decides
  return /html|xml/i.test(contentType);
}

/** One HTTP response record to an Article (throws UserError for a record that holds no article). */
async function recordArticle(rec: WARCRecord, origin: string, opts: IngestOptions): Promise<Article | null> {
  const http = rec.httpHeaders;
  const status = Number(http?.statusCode);
  const type = http?.headers.get('content-type');
  // Redirects, errors, images, scripts: not articles, and not failures either.
  if (!http || !(status >= 200 && status < 300) || !isHtml(type)) return null;
  const url = rec.warcTargetURI ?? null;
  const buf = new CappedBuffer(opts.maxBytes);
  for await (const c of rec) {
    if (!buf.add(Buffer.from(c.buffer, c.byteOffset, c.byteLength))) throw new UserError(`${origin}: record is over the size limit of ${opts.maxBytes} bytes (see --max-bytes)`);
  }
  const charset = /charset\s*=\s*["']?([\w.:-]+)/i.exec(type ?? '')?.[1] ?? null;
  const html = decode(buf.buffer(), { name: origin, html: true, charset });
  const article = htmlToArticle(html, { id: url ?? origin, origin, url });
  const date = article.published ?? normalizeDate((rec.warcDate ?? '').slice(0, 10));
  return { ...article, url: article.url ?? url, published: date ?? null };
}

/**
 * The articles of a WARC or WARC.gz file, one item per response record with HTML (other records are
 * skipped), in constant memory.
 */
export async function* readWarc(file: string, opts: IngestOptions, onRead?: OnRead): AsyncGenerator<Ingested> {
  const total = await import('node:fs/promises').then((fs) => fs.stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0));
  let bytes = 0;
  let records = 0;
  const base = path.basename(file);
  const feed = new Feed(plainChunks(file, opts.pipeIdleMs, (n) => (bytes += n))[Symbol.asyncIterator](), file);
  let n = 0;
  const report = () => onRead?.({ input: file, bytes, total, records });
  try {
    for (;;) {
      // A fresh parser per run of well-formed records: after a malformed one the old parser's state is lost.
      feed.pulled = 0;
      let limit = HEADER_MAX;
      const reader = new AsyncIterReader(feed.iter(() => limit), null);
      const parser = new WARCParser(reader);
      let malformed: Ingested | null = null;
      for (;;) {
        let rec: WARCRecord | null;
        const saved = (reader as unknown as { _savedChunk: Uint8Array | null })._savedChunk;
        feed.journal = saved ? [Buffer.from(saved)] : [];
        try {
          limit = feed.pulled + HEADER_MAX;
          rec = await quietly(() => parser.parse());
        } catch (e) {
          if (feed.failed) throw feed.failed;
          malformed = errorItem(`${base}#${n + 1}`, `${file}#${n + 1}`, e);
          break;
        }
        if (!rec) break;
        n++;
        const origin = `${file}#${n}`;
        const length = rec.warcContentLength;
        const overrun = (rec.reader as { limit?: number }).limit;
        const why = !/^WARC\/1\.\d$/.test(rec.warcHeaders.protocol ?? '')
          ? 'no WARC/1.x version line'
          : !Number.isFinite(length) || length < 0
            ? 'no valid Content-Length'
            : typeof overrun === 'number' && overrun < 0
              ? 'its HTTP headers run past its end'
              : null;
        if (why) {
          malformed = { ok: false, id: `${base}#${n}`, origin, message: `${origin}: malformed WARC record (${why})` };
          break;
        }
        feed.journal = null;
        // The body may be as long as the record says; only what is kept is capped (by CappedBuffer).
        limit = Infinity;
        if (rec.warcType === 'response') {
          let item: Ingested | null = null;
          try {
            const a = await recordArticle(rec, origin, opts);
            if (a) item = { ok: true, article: a };
          } catch (e) {
            // The file failed under the record: that is the file's error, said once below.
            if (feed.failed) throw feed.failed;
            item = errorItem(rec.warcTargetURI ?? `${base}#${n}`, origin, e);
          }
          await skipRecord(rec, origin);
          if (item) {
            records++;
            report();
            yield item;
          }
        } else await skipRecord(rec, origin);
      }
      if (!malformed) break;
      records++;
      report();
      yield malformed;
      if (!(await feed.resync())) break;
    }
  } catch (e) {
    // The file itself failed (unreadable, damaged gzip): one item, and the next input.
    records++;
    yield errorItem(base, file, e);
  }
  report();
}
