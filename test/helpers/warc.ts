// WARC records written by hand, as Common Crawl News writes them (one gzip member per record when
// compressed), so that tests and scripts/make-warc.ts can make well-formed and malformed files.
import { gzipSync } from 'node:zlib';

export interface PageRecord {
  url: string;
  date: string; // WARC-Date, e.g. 2026-03-04T10:00:00Z
  html: string;
  status?: number;
  contentType?: string;
}

function record(headers: Record<string, string>, block: Buffer): Buffer {
  const head = ['WARC/1.0', ...Object.entries({ ...headers, 'Content-Length': String(block.length) }).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n'), block, Buffer.from('\r\n\r\n')]);
}

let serial = 0;
const recordId = () => `<urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}>`;

export function warcinfo(): Buffer {
  return record({ 'WARC-Type': 'warcinfo', 'WARC-Date': '2026-03-04T00:00:00Z', 'WARC-Record-ID': recordId(), 'Content-Type': 'application/warc-fields' }, Buffer.from('software: unspun tests\r\n'));
}

export function responseRecord(p: PageRecord): Buffer {
  const body = Buffer.from(p.html);
  const http = Buffer.concat([
    Buffer.from(`HTTP/1.1 ${p.status ?? 200} OK\r\nContent-Type: ${p.contentType ?? 'text/html; charset=utf-8'}\r\nContent-Length: ${body.length}\r\n\r\n`),
    body,
  ]);
  return record(
    { 'WARC-Type': 'response', 'WARC-Date': p.date, 'WARC-Record-ID': recordId(), 'WARC-Target-URI': p.url, 'Content-Type': 'application/http; msgtype=response' },
    http,
  );
}

export function requestRecord(url: string): Buffer {
  return record(
    { 'WARC-Type': 'request', 'WARC-Date': '2026-03-04T00:00:00Z', 'WARC-Record-ID': recordId(), 'WARC-Target-URI': url, 'Content-Type': 'application/http; msgtype=request' },
    Buffer.from(`GET / HTTP/1.1\r\nHost: example.org\r\n\r\n`),
  );
}

/** Records joined into a file's bytes; gzip compresses each record as its own member. */
export function warcFile(records: Buffer[], gzip = false): Buffer {
  return Buffer.concat(gzip ? records.map((r) => gzipSync(r)) : records);
}

const PLACES = ['Harrowgate', 'Linmouth', 'Corvale', 'Easterby', 'Pellham', 'Wystan Cross', 'Oldmere', 'Brackwater'];
const SUBJECTS = ['the council', 'the harbour trust', 'the school board', 'the water authority', 'the cycling club', 'the library service'];
const VERBS = ['approved', 'postponed', 'questioned', 'welcomed', 'rejected', 'reviewed'];
const OBJECTS = ['a plan to widen the bridge', 'new opening hours', 'a budget for street lighting', 'the ferry timetable', 'a study of flood defences', 'repairs to the old mill'];

/** A fictional local-news page, different for every n (deterministic). */
export function fictionalPage(n: number, opts: { paragraphs?: number; withDate?: boolean } = {}): string {
  const pick = <T>(xs: T[], k: number) => xs[(n * 7 + k * 13 + Math.floor(n / xs.length)) % xs.length];
  const place = pick(PLACES, 1);
  const paras: string[] = [];
  for (let p = 0; p < (opts.paragraphs ?? 4); p++) {
    const s = [0, 1, 2].map((k) => `In ${pick(PLACES, p + k)}, ${pick(SUBJECTS, p * 3 + k)} ${pick(VERBS, p + k * 2)} ${pick(OBJECTS, p + k + n)} on item ${n}-${p}-${k}, said a spokesperson for ${pick(SUBJECTS, k + 1)}.`);
    paras.push(`<p>${s.join(' ')}</p>`);
  }
  const date = opts.withDate ? `<meta property="article:published_time" content="2026-02-0${(n % 9) + 1}">` : '';
  return `<!doctype html><html><head><title>${place} notes, number ${n}</title>${date}</head><body><article><h1>${place} notes, number ${n}</h1>${paras.join('\n')}</article></body></html>`;
}

/** The body of fictionalPage as plain text paragraphs (for JSONL corpora). */
export function fictionalText(n: number, paragraphs = 4): string {
  return fictionalPage(n, { paragraphs })
    .split('<p>')
    .slice(1)
    .map((p) => p.replace(/<\/p>[\s\S]*$/, ''))
    .join('\n\n');
}
