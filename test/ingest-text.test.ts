import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs, type Ingested } from '../src/ingest/index.js';
import { parseHeader, textToArticle } from '../src/ingest/text.js';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

async function all(inputs: string[], stdin?: string, maxBytes?: number): Promise<Ingested[]> {
  const out: Ingested[] = [];
  const opts = { maxBytes: maxBytes ?? 1 << 20, timeoutMs: 1000, maxRedirects: 2, allowPrivate: false };
  for await (const x of readInputs(inputs, opts, Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]))) out.push(x);
  return out;
}

describe('plain-text header', () => {
  it('reads title, byline and date when all are there', () => {
    const a = textToArticle(readFileSync(fixture('text/header-full.txt'), 'utf8'), { id: 'x', origin: null });
    expect([a.title, a.byline, a.published]).toEqual(['Ferry strike halts crossings to the islands', 'Nadia Okafor-Lind', '2025-06-03']);
    expect(a.text.startsWith('Ferry crews walked out')).toBe(true);
  });
  it('reads a title alone and invents no byline or date', () => {
    const a = textToArticle(readFileSync(fixture('text/title-only.txt'), 'utf8'), { id: 'x', origin: null });
    expect([a.title, a.byline, a.published]).toEqual(['Library to stay open on Sundays', null, null]);
  });
  it('finds no header in a text that starts with its body', () => {
    const raw = readFileSync(fixture('text/body-only.txt'), 'utf8');
    const a = textToArticle(raw, { id: 'x', origin: null });
    expect([a.title, a.byline, a.published]).toEqual([null, null, null]);
    expect(a.text).toBe(raw.trim());
  });
  it('does not take a first sentence for a title', () => {
    expect(parseHeader('The mayor resigned on Monday.\n\nShe gave no reason.').title).toBeNull();
  });
  it('normalizes CRLF line ends so offsets are stable', () => {
    const a = textToArticle(readFileSync(fixture('text/crlf.txt'), 'utf8'), { id: 'x', origin: null });
    expect(a.title).toBe('Storm closes coastal road');
    expect(a.text).toBe('A storm closed the coastal road on Friday.\n\nCrews cleared it by noon.');
  });
});

describe('readInputs', () => {
  it('reads a folder recursively with ids relative to it, skipping hidden files', async () => {
    const items = await all([fixture('corpus')]);
    expect(items.map((i) => (i.ok ? i.article.id : i.message))).toEqual(['city.txt', 'world/harbour.txt']);
  });

  it('reads JSONL: one article per line, errors with their line numbers, the batch goes on', async () => {
    const items = await all([fixture('batch.jsonl')]);
    expect(items).toHaveLength(6);
    const [a1, a2, a3, a4, a5, a6] = items;
    expect(a1.ok && [a1.article.id, a1.article.title, a1.article.published, a1.article.kind]).toEqual(['a1', 'Budget approved', '2025-03-10', 'jsonl']);
    expect(a2.ok && [a2.article.id, a2.article.url, a2.article.text.startsWith('Tram fares in Velmora')]).toEqual(['a2', 'https://example.test/tram', true]);
    expect(!a3.ok && a3.message).toMatch(/batch\.jsonl:3: malformed JSON on line 3/);
    expect(!a4.ok && a4.message).toMatch(/:4: record has neither "text" nor "html"/);
    expect(!a5.ok && a5.message).toMatch(/:5: "published" is not a date/);
    expect(a6.ok && a6.article.byline).toBe('Ana Ruiz');
  });

  it('reads stdin as text, HTML or JSONL', async () => {
    const [t] = await all(['-'], 'Crews cleared the road by noon on Friday after the storm.');
    expect(t.ok && [t.article.id, t.article.kind]).toEqual(['stdin', 'text']);
    const j = await all(['-'], '{"id":"s1","text":"One."}\n{"id":"s2","text":"Two."}\n');
    expect(j.map((x) => x.ok && x.article.id)).toEqual(['s1', 's2']);
  });

  it('turns bad input into one-line errors', async () => {
    const [missing] = await all(['/nonexistent/file.txt']);
    expect(!missing.ok && missing.message).toMatch(/no such file/);
    const [empty] = await all(['-'], '');
    expect(!empty.ok && empty.message).toBe('stdin: empty input');
    const [blank] = await all(['-'], '   \n\n ');
    expect(!blank.ok && blank.message).toBe('stdin: empty input');
    const [binary] = await all(['-'], '\x00\x01\x02PNG\x00\x00');
    expect(!binary.ok && binary.message).toMatch(/binary data/);
    const [big] = await all([fixture('text/header-full.txt')], undefined, 100);
    expect(!big.ok && big.message).toMatch(/over the size limit of 100/);
    const [noArticle] = await all(['-'], '<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(!noArticle.ok && noArticle.message).toMatch(/no article text found/);
    for (const x of [missing, empty, binary, big, noArticle]) expect(!x.ok && x.message.includes('\n')).toBe(false);
  });
});
