// Streamed readers: WARC, WARC.gz, JSONL.gz and folders holding them, through readInputs and the CLI.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INGEST, readInputs, type Ingested } from '../src/ingest/index.js';
import { runCli } from './helpers/cli.js';
import { fictionalPage, requestRecord, responseRecord, warcFile, warcinfo } from './helpers/warc.js';

const dir = mkdtempSync(path.join(tmpdir(), 'unspun-stream-'));

async function all(inputs: string[], opts = DEFAULT_INGEST): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const it of readInputs(inputs, opts)) out.push(it);
  return out;
}

const page = (n: number, extra: Partial<Parameters<typeof responseRecord>[0]> = {}) =>
  responseRecord({ url: `https://news.example/${n}`, date: `2026-03-0${(n % 9) + 1}T10:00:00Z`, html: fictionalPage(n), ...extra });

const describeItems = (items: Ingested[]) => items.map((i) => (i.ok ? i.article.id : `error: ${i.message}`));

describe('WARC reader', () => {
  const records = [warcinfo(), requestRecord('https://news.example/1'), page(1), page(2, { html: fictionalPage(2, { withDate: true }) }), page(3, { contentType: 'image/png', html: 'not a page' }), page(4, { status: 404 }), page(5)];

  for (const gz of [false, true]) {
    it(`reads the HTML responses of a ${gz ? 'WARC.gz' : 'WARC'} file: target URI as id and url, WARC-Date when the page has no date`, async () => {
      const file = path.join(dir, `plain${gz ? '.warc.gz' : '.warc'}`);
      writeFileSync(file, warcFile(records, gz));
      const items = await all([file]);
      expect(describeItems(items)).toEqual(['https://news.example/1', 'https://news.example/2', 'https://news.example/5']);
      const [a, b] = items.map((i) => (i.ok ? i.article : null));
      expect(a?.url).toBe('https://news.example/1');
      expect(a?.published).toBe('2026-03-02'); // WARC-Date of page 1
      expect(b?.published).toBe('2026-02-03'); // the page's own date wins over WARC-Date
      expect(a?.text).toContain('item 1-0-0');
    });
  }

  it('turns each malformed record into one error item and goes on with the next', async () => {
    const badLength = Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/bad\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n');
    const garbage = Buffer.from('this line is not a record at all\r\nnor is this one\r\n\r\n');
    // The HTTP block never ends its headers: warcio would read on into the next record.
    const http = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n');
    const overrun = Buffer.concat([
      Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/overrun\r\nContent-Length: ${http.length}\r\n\r\n`),
      http,
      Buffer.from('\r\n\r\n'),
    ]);
    for (const gz of [false, true]) {
      const file = path.join(dir, `bad${gz ? '.warc.gz' : '.warc'}`);
      writeFileSync(file, warcFile([page(1), badLength, page(2), garbage, page(3), overrun, page(4), page(5)], gz));
      const items = await all([file]);
      const d = describeItems(items);
      expect(d.filter((x) => !x.startsWith('error')), gz ? 'gz' : 'plain').toEqual(['https://news.example/1', 'https://news.example/2', 'https://news.example/3', 'https://news.example/4', 'https://news.example/5']);
      expect(d.filter((x) => x.startsWith('error')).length).toBeGreaterThanOrEqual(2);
      expect(d.filter((x) => x.startsWith('error')).length).toBeLessThanOrEqual(3);
      expect(d.join('\n')).toMatch(/malformed WARC record \(no valid Content-Length\)/);
    }
  });

  it('skips a record over the size cap without holding it, and reads the next', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const file = path.join(dir, 'big.warc.gz');
    writeFileSync(file, warcFile([page(1), page(2, { html: `<html><body><p>${big}</p></body></html>` }), page(3)], true));
    const items = await all([file], { ...DEFAULT_INGEST, maxBytes: 1024 * 1024 });
    const d = describeItems(items);
    expect(d).toHaveLength(3);
    expect(d[0]).toBe('https://news.example/1');
    expect(d[1]).toMatch(/over the size limit of 1048576 bytes/);
    expect(d[2]).toBe('https://news.example/3');
  });

  it('reports a cut-short WARC.gz once, after the records before the cut', async () => {
    const whole = warcFile([page(1), page(2), page(3)], true);
    const file = path.join(dir, 'cut.warc.gz');
    writeFileSync(file, whole.subarray(0, whole.length - 200));
    const d = describeItems(await all([file]));
    expect(d.slice(0, 2)).toEqual(['https://news.example/1', 'https://news.example/2']);
    expect(d.at(-1)).toMatch(/gzip data is cut short/);
  });

  it('says that a file that is not WARC at all holds a malformed record, once', async () => {
    const file = path.join(dir, 'notes.warc');
    writeFileSync(file, 'Shopping list\nmilk\neggs\n');
    const d = describeItems(await all([file]));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatch(/malformed WARC record/);
  });

  it('ends on any damage (bytes flipped, cut, garbage spliced in) with items, never a throw or a hang', async () => {
    const good = warcFile([warcinfo(), page(1), page(2), page(3), page(4)]);
    const file = path.join(dir, 'damaged.warc');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('flip', 'cut', 'splice'), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('plain', 'gzip of damaged', 'damaged gzip'),
        async (damages, form) => {
          let buf = form === 'damaged gzip' ? warcFile([warcinfo(), page(1), page(2), page(3), page(4)], true) : Buffer.from(good);
          for (const d of damages) {
            const at = d.at % Math.max(1, buf.length);
            if (d.kind === 'flip') buf[at] ^= d.bytes[0] || 1;
            else if (d.kind === 'cut') buf = buf.subarray(0, at);
            else buf = Buffer.concat([buf.subarray(0, at), Buffer.from(d.bytes), buf.subarray(at)]);
          }
          writeFileSync(file, form === 'gzip of damaged' ? gzipSync(buf) : buf);
          const items = await all([file]);
          // Each record is read at most once: never more items than records, plus one for the file's own error.
          expect(items.length).toBeLessThanOrEqual(5 + damages.length + 1);
          for (const it of items) if (!it.ok) expect(it.message).not.toMatch(/\n/);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it('reports progress in bytes read and records', async () => {
    const file = path.join(dir, 'progress.warc.gz');
    writeFileSync(file, warcFile([page(1), page(2), page(3)], true));
    const seen: { bytes: number; total: number; records: number }[] = [];
    await all([file], { ...DEFAULT_INGEST, onRead: (p) => seen.push(p) });
    expect(seen.at(-1)).toMatchObject({ records: 3 });
    expect(seen.at(-1)!.bytes).toBe(seen.at(-1)!.total);
  });
});

describe('JSONL.gz and folders', () => {
  const lines = [1, 2, 3].map((n) => JSON.stringify({ id: `j${n}`, html: fictionalPage(n + 10) })).join('\n') + '\n{broken\n';

  it('reads a JSONL.gz file line by line; a malformed line is one error item', async () => {
    const file = path.join(dir, 'batch.jsonl.gz');
    writeFileSync(file, gzipSync(lines));
    const d = describeItems(await all([file]));
    expect(d.slice(0, 3)).toEqual(['j1', 'j2', 'j3']);
    expect(d[3]).toMatch(/malformed JSON on line 4/);
  });

  it('finds .warc.gz and .jsonl.gz files in folders', async () => {
    const folder = path.join(dir, 'crawl');
    mkdirSync(path.join(folder, 'a'), { recursive: true });
    writeFileSync(path.join(folder, 'a', 'part-1.warc.gz'), warcFile([page(7)], true));
    writeFileSync(path.join(folder, 'b.jsonl.gz'), gzipSync(JSON.stringify({ id: 'j9', text: 'Fictional text of a short note about the Linmouth ferry timetable.' }) + '\n'));
    expect(describeItems(await all([folder]))).toEqual(['https://news.example/7', 'j9']);
  });

  it('serves unspun index (SQLite) and unspun analyze', async () => {
    const file = path.join(dir, 'cli.warc.gz');
    writeFileSync(file, warcFile([page(21), page(22)], true));
    const db = path.join(dir, 'cli.db');
    const r = await runCli(['index', file, '--db', db, '--workers', '0', '--stats']);
    expect(r.stderr).toMatch(/indexed 2 documents/);
    expect(r.stdout).toMatch(/2 documents/);
    expect(r.code).toBe(0);
    const a = await runCli(['analyze', file, '--format', 'json', '--db', db]);
    const reports = a.stdout.trim().split('\n').map((l) => JSON.parse(l) as { article: { url: string } });
    expect(reports.map((x) => x.article.url)).toEqual(['https://news.example/21', 'https://news.example/22']);
  });

  it('prints read progress with --progress when stderr is not a terminal', async () => {
    const file = path.join(dir, 'prog.warc.gz');
    writeFileSync(file, warcFile([page(31), page(32)], true));
    const r = await runCli(['index', file, '--db', path.join(dir, 'prog.db'), '--workers', '0', '--progress']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reading .*prog\.warc\.gz: .*100%/);
  });
});
