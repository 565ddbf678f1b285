import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs, type Ingested, type IngestOptions } from '../src/ingest/index.js';
import { cappedLines, readCapped } from '../src/ingest/read.js';
import { UserError } from '../src/model/errors.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-read-'));
const children: { kill: () => void }[] = [];
afterAll(() => children.forEach((c) => c.kill()));

const ARTICLE = `Harbour board backs ferry plan

By Ines Varga

The harbour board voted on Monday to fund two electric ferries for the estuary crossing, ending a long
dispute over the cost of the service. Members said the boats would enter service within three years.
`;

const opts = (o: Partial<IngestOptions> = {}): IngestOptions => ({ maxBytes: 100_000, timeoutMs: 1000, maxRedirects: 2, allowPrivate: false, pipeIdleMs: 400, ...o });

async function all(inputs: string[], o: Partial<IngestOptions> = {}, stdin?: NodeJS.ReadableStream): Promise<Ingested[]> {
  const out: Ingested[] = [];
  for await (const x of readInputs(inputs, opts(o), stdin ?? Readable.from([]))) out.push(x);
  return out;
}

function fifo(name: string): string {
  const p = path.join(tmp, name);
  const r = spawnSync('mkfifo', [p]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return p;
}

/** A shell writing into a FIFO or pipe, as a real separate process. */
function writer(script: string): void {
  const c = spawn('sh', ['-c', script], { stdio: 'ignore' });
  children.push({ kill: () => c.kill('SIGKILL') });
}

describe('readCapped', () => {
  it('stops /dev/zero at the cap with a message naming the file and the cap', async () => {
    await expect(readCapped('/dev/zero', 1_000_000)).rejects.toThrow(new UserError('/dev/zero: over the size limit of 1000000 bytes (see --max-bytes)'));
  });

  it('takes a file of exactly the cap, refuses one byte more (the stat fast path)', async () => {
    const f = path.join(tmp, 'exact.txt');
    writeFileSync(f, 'a'.repeat(1000));
    expect((await readCapped(f, 1000)).length).toBe(1000);
    await expect(readCapped(f, 999)).rejects.toThrow(`${f}: 1000 bytes is over the size limit of 999 bytes (see --max-bytes)`);
  });

  it('says what is wrong with a missing file or a folder', async () => {
    await expect(readCapped(path.join(tmp, 'nope.txt'), 10)).rejects.toThrow(/nope\.txt: no such file or directory$/);
    await expect(readCapped(tmp, 10)).rejects.toThrow(/: is a folder$/);
  });

  it('fails a FIFO with no writer after the idle time instead of hanging', async () => {
    const p = fifo('silent');
    await expect(readCapped(p, 1000, 300)).rejects.toThrow(`${p}: no data for 0.3 s (a FIFO or pipe with no writer?)`);
  });

  it('reads a FIFO whose writer comes late, and caps one that never stops', async () => {
    const late = fifo('late');
    writer(`sleep 0.2; printf 'hello from a pipe' > '${late}'`);
    expect((await readCapped(late, 1000, 3000)).toString()).toBe('hello from a pipe');
    const endless = fifo('endless');
    writer(`yes 'an endless line of words' > '${endless}'`);
    await expect(readCapped(endless, 50_000, 3000)).rejects.toThrow(`${endless}: over the size limit of 50000 bytes (see --max-bytes)`);
  });
});

describe('readInputs through the bounded reader', () => {
  it('gives /dev/zero and a silent FIFO one error item each, and goes on to the next input', async () => {
    const good = path.join(tmp, 'good.txt');
    writeFileSync(good, ARTICLE);
    const silent = fifo('silent2');
    const items = await all(['/dev/zero', silent, good], { maxBytes: 200_000 });
    expect(items.map((x) => x.ok)).toEqual([false, false, true]);
    expect(!items[0].ok && items[0].message).toBe('/dev/zero: over the size limit of 200000 bytes (see --max-bytes)');
    expect(!items[1].ok && items[1].message).toMatch(/silent2: no data for 0\.4 s/);
    expect(items[2].ok && items[2].article.title).toBe('Harbour board backs ferry plan');
  });

  it('caps stdin while reading, and stops pulling from it', async () => {
    let pulled = 0;
    const endless = Readable.from(
      (function* () {
        for (;;) {
          pulled++;
          yield Buffer.alloc(10_000, 0x61);
        }
      })(),
    );
    const items = await all(['-'], { maxBytes: 100_000 }, endless);
    expect(items).toHaveLength(1);
    expect(!items[0].ok && items[0].message).toBe('stdin: over the size limit of 100000 bytes (see --max-bytes)');
    expect(pulled).toBeLessThan(50);
  });

  it('turns a JSONL line over the cap into one error item and reads the lines after it', async () => {
    const f = path.join(tmp, 'batch.jsonl');
    const fd = openSync(f, 'w');
    writeSync(fd, JSON.stringify({ id: 'a', text: ARTICLE }) + '\n');
    // A 3 MB record, written in pieces: bigger than the cap many times over.
    writeSync(fd, '{"id":"huge","text":"');
    for (let i = 0; i < 30; i++) writeSync(fd, 'word '.repeat(20_000));
    writeSync(fd, '"}\r\n');
    writeSync(fd, JSON.stringify({ id: 'c', text: ARTICLE }) + '\r\n');
    closeSync(fd);
    const items = await all([f], { maxBytes: 50_000 });
    expect(items.map((x) => (x.ok ? x.article.id : x.message))).toEqual(['a', `${f}:2: line is over the size limit of 50000 bytes (see --max-bytes)`, 'c']);
  });

  it('reads JSONL from a FIFO', async () => {
    const p = fifo('feed.jsonl');
    const body = [1, 2].map((n) => JSON.stringify({ id: `r${n}`, text: ARTICLE })).join('\n');
    writeFileSync(path.join(tmp, 'feed.src'), body);
    writer(`cat '${path.join(tmp, 'feed.src')}' > '${p}'`);
    const items = await all([p], { pipeIdleMs: 3000 });
    expect(items.map((x) => x.ok && x.article.id)).toEqual(['r1', 'r2']);
  });
});

describe('cappedLines', () => {
  it('splits across chunk edges, drops a BOM and CRs, and marks only the long line', async () => {
    const chunks = [Buffer.from('\ufeffab'), Buffer.from('c\r\n0123456'), Buffer.from('789xyz\n'), Buffer.from('\nlast')];
    const lines = [];
    for await (const l of cappedLines(chunks, 8)) lines.push(l);
    expect(lines).toEqual([
      { n: 1, text: 'abc' },
      { n: 2, tooLong: true },
      { n: 3, text: '' },
      { n: 4, text: 'last' },
    ]);
  });
});

describe('cappedLines, property', () => {
  it('whatever the chunking, gives the lines of the text, and marks exactly those over the cap', async () => {
    const line = fc.string({ unit: fc.constantFrom('a', 'é', '€', ' ', '{', '\r', '😀'), maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 20 }), fc.integer({ min: 1, max: 40 }), async (lines, cuts, cap) => {
        const bytes = Buffer.from(lines.join('\n'));
        const chunks: Buffer[] = [];
        let at = 0;
        for (const c of cuts) {
          if (at >= bytes.length) break;
          chunks.push(bytes.subarray(at, at + c));
          at += c;
        }
        if (at < bytes.length) chunks.push(bytes.subarray(at));
        const got = [];
        for await (const l of cappedLines(chunks, cap)) got.push(l);
        // A last empty line (text ending in a newline) is no line.
        const want = lines.slice(0, lines.length - (lines.length > 1 && lines.at(-1) === '' ? 1 : 0));
        if (bytes.length === 0) {
          expect(got).toEqual([]);
          return;
        }
        expect(got).toEqual(
          want.map((t, i) => (Buffer.byteLength(t) > cap ? { n: i + 1, tooLong: true } : { n: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t })),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('folders', () => {
  it('reads a folder that holds a FIFO without waiting on it', async () => {
    const dir = path.join(tmp, 'with-fifo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'story.txt'), ARTICLE);
    spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
    const items = await all([dir], { pipeIdleMs: 60_000 });
    expect(items.map((x) => x.ok && x.article.id)).toEqual(['story.txt']);
  });
});
