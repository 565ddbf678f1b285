import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as serverEntry from '../../src/server/index.js';
import { FERRY, json, SOURCE, testServer, type TestServer } from './helpers.js';

const reportSchema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const validReport = new Ajv2020({ strict: false }).compile(reportSchema);

let s: TestServer;
beforeAll(async () => {
  s = await testServer();
});
afterAll(() => s.stop());

const post = (path: string, body: unknown, headers?: Record<string, string>) => s.app.request(path, json(body, headers));

describe('the server entry (unspun/server)', () => {
  it('exports exactly createApp, its limits and the analysis service', () => {
    expect(Object.keys(serverEntry).sort()).toEqual(['AnalysisService', 'DEFAULT_LIMITS', 'createApp']);
  });
});

describe('GET /healthz', () => {
  it('answers ok with the version and whether a token is needed', async () => {
    const r = await s.app.request('/healthz');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/), tokenRequired: false });
  });
});

describe('POST /api/analyze', () => {
  it('returns the unspun.report/1 report of a text, stores it, and serves it again by id', async () => {
    const r = await post('/api/analyze', { text: FERRY, title: 'Ferry to return in May', published: '2025-04-14' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    const report = (await r.json()) as { schema: string; article: { title: string; published: string; text: string }; quotes: { speaker: { name: string | null } }[]; timeline: { value: string }[] };
    expect(validReport(report), JSON.stringify(validReport.errors)).toBe(true);
    expect(report.article).toMatchObject({ title: 'Ferry to return in May', published: '2025-04-14', text: FERRY });
    expect(report.quotes.some((q) => q.speaker.name === 'Mira Voss')).toBe(true);
    // "on Monday", resolved against the date given.
    expect(report.timeline.map((t) => t.value)).toContain('2025-04-14');

    const id = r.headers.get('x-report-id')!;
    expect(id).toMatch(/^[\w-]{22}$/);
    expect(r.headers.get('location')).toBe(`/api/reports/${id}`);
    const again = await s.app.request(`/api/reports/${id}`);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(report);
    // Kept in the index file, not only in this process.
    expect(JSON.parse((await s.store.report!(id))!)).toEqual(report);
  });

  it('gives the same article the same report id, and another article another', async () => {
    const a = await post('/api/analyze', { text: FERRY, title: 'Ferry to return in May', published: '2025-04-14' });
    const b = await post('/api/analyze', { text: FERRY, title: 'Ferry to return in May', published: '2025-04-15' });
    const first = await post('/api/analyze', { text: FERRY, title: 'Ferry to return in May', published: '2025-04-14' });
    expect(a.headers.get('x-report-id')).toBe(first.headers.get('x-report-id'));
    expect(b.headers.get('x-report-id')).not.toBe(a.headers.get('x-report-id'));
  });

  it("extracts a page's main text from HTML", async () => {
    const html = `<!doctype html><html><head><title>Ferry to return | Ellery Post</title></head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav><article><h1>Ferry to return in May</h1>${FERRY.split('. ')
      .map((p) => `<p>${p}.</p>`)
      .join('')}</article><footer>Subscribe to our newsletter</footer></body></html>`;
    const r = await post('/api/analyze', { html });
    expect(r.status).toBe(200);
    const report = (await r.json()) as { article: { text: string; title: string } };
    expect(report.article.text).toContain('The ferry council in Port Ellery');
    expect(report.article.text).not.toContain('Subscribe');
  });

  it('hands hostile HTML and text back as data: JSON strings, never markup', async () => {
    const hostile = `<!doctype html><html><head><title>Council vote</title><script>alert(0)</script><style>body{background:url(//evil.example/x)}</style></head><body><article>
      <h1 onmouseover="alert(5)">Council vote on the tram line</h1>
      <p>The council met on Monday in Greyhaven to vote on the tram line.<script>alert(1)</script> The plan has been debated for three years.</p>
      <p><img src=x onerror="alert(2)">Members argued for most of the evening about the cost of the bridge over the river. <a href="javascript:alert(3)">More on the tram</a></p>
      <p><svg onload="alert(4)"><circle r="1"/></svg>The vote was close, eleven to nine, and the mayor said work would start in the spring.</p>
      <p>Opponents said they would ask the county court to review the decision before the election.</p>
      </article></body></html>`;
    const r = await post('/api/analyze', { html: hostile });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    const report = (await r.json()) as { article: { text: string } };
    expect(report.article.text).toContain('The council met on Monday in Greyhaven');
    expect(report.article.text).toContain('The vote was close, eleven to nine');
    expect(report.article.text).not.toMatch(/<script|onerror|javascript:|<svg|evil\.example/);

    // Pasted as text, markup is the article's text, returned exactly as given (escaped by JSON).
    const text = 'The mayor wrote "</script><script>alert(1)</script>" in a post on Monday, the council said.';
    const t = await post('/api/analyze', { text });
    const body = await t.text();
    expect(body).toContain('\\"</script><script>alert(1)</script>\\"');
    expect((JSON.parse(body) as { article: { text: string } }).article.text).toBe(text);
  });

  it.each([
    [{}, /exactly one of "text", "html" or "url"/],
    [{ text: FERRY, url: 'https://example.org/a' }, /exactly one of/],
    [{ text: 42 }, /^text: /],
    [{ text: '' }, /^text: /],
    [{ url: 'file:///etc/passwd' }, /^url: /],
    [{ url: 'not a url' }, /^url: /],
    [{ text: FERRY, colour: 'red' }, /colour/],
    [{ text: FERRY, published: 'soon' }, /^published: not a date/],
    [[FERRY], /expected object/],
  ])('refuses invalid body %# with a 400 saying what is wrong', async (body, message) => {
    const r = await post('/api/analyze', body);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: string }).error).toMatch(message);
  });

  it('refuses malformed JSON, a missing body and other content types', async () => {
    const bad = await s.app.request('/api/analyze', json('{"text": "unterminated'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/JSON/i);
    const none = await s.app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(400);
    // A cross-site form or a no-cors fetch can only send these types: refused, so no page can post here.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await s.app.request('/api/analyze', { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ text: FERRY }) });
      expect(r.status).toBe(415);
      expect(((await r.json()) as { error: string }).error).toMatch(/Content-Type must be application\/json/);
    }
    const get = await s.app.request('/api/analyze');
    expect(get.status).toBe(404);
    expect(await get.json()).toEqual({ error: expect.stringMatching(/no such page or endpoint/) });
  });
});

describe('POST /api/index and GET /api/documents/:id', () => {
  it('indexes JSON documents, then analyses trace sentences to them, and the source text is served', async () => {
    const r = await post('/api/index', { documents: [{ id: 'ellery-post/2025/ferry.txt', title: 'Ferry crossing to reopen', text: SOURCE }] });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ added: 1, unchanged: 0, failed: 0, failures: [] });
    const again = await post('/api/index', [{ id: 'ellery-post/2025/ferry.txt', title: 'Ferry crossing to reopen', text: SOURCE }]);
    expect(await again.json()).toMatchObject({ added: 0, unchanged: 1 });

    const a = await post('/api/analyze', { text: FERRY });
    const report = (await a.json()) as { sentences: { sources: { docId: string; start: number; end: number }[] }[] };
    const sources = report.sentences.flatMap((x) => x.sources);
    expect(sources.map((x) => x.docId)).toContain('ellery-post/2025/ferry.txt');

    const d = await s.app.request(`/api/documents/${encodeURIComponent('ellery-post/2025/ferry.txt')}`);
    expect(d.status).toBe(200);
    const doc = (await d.json()) as { id: string; title: string; text: string };
    expect(doc).toEqual({ id: 'ellery-post/2025/ferry.txt', title: 'Ferry crossing to reopen', text: SOURCE });
    // The offsets of a source point into the text served.
    const src = sources.find((x) => x.docId === doc.id)!;
    expect(SOURCE.slice(src.start, src.end).length).toBeGreaterThan(20);
  });

  it('takes JSON Lines, and names the line of a bad record', async () => {
    const lines = [
      JSON.stringify({ id: 'a.txt', text: 'A late frost destroyed the apple blossom in the Vell valley, growers said on Tuesday.' }),
      '',
      JSON.stringify({ id: 'b.html', html: '<article><p>The tram line to Greyhaven will close for a month of repairs, the city said.</p></article>' }),
    ].join('\n');
    const r = await s.app.request('/api/index', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ added: 2, failed: 0 });
    const b = await s.app.request('/api/documents/b.html');
    expect(((await b.json()) as { text: string }).text).toBe('The tram line to Greyhaven will close for a month of repairs, the city said.');

    const bad = await s.app.request('/api/index', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: `${lines}\n{"id": "c"` });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'line 4: not valid JSON' });
    const noText = await s.app.request('/api/index', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: '{"id": "c"}' });
    expect(await noText.json()).toEqual({ error: 'line 1: give exactly one of "text" or "html"' });
  });

  it('refuses an empty list and bad documents, and counts a document with a bad date as failed', async () => {
    expect((await post('/api/index', [])).status).toBe(400);
    const noId = await post('/api/index', [{ text: 'x' }]);
    expect(noId.status).toBe(400);
    expect(((await noId.json()) as { error: string }).error).toMatch(/id/);
    const r = await post('/api/index', [{ id: 'd', text: 'The museum extension opened in Marlow.', published: 'someday' }]);
    expect(await r.json()).toMatchObject({ added: 0, failed: 1, failures: [{ id: 'd', reason: expect.stringMatching(/"published" is not a date/) }] });
    // A page is read in a worker: one without text fails alone, the others are indexed.
    const pages = await post('/api/index', [
      { id: 'empty.html', html: '<html><body><nav><a href="/">Home</a></nav></body></html>' },
      { id: 'kept.html', html: '<article><p>The tram line to Greyhaven will close for a month of repairs, the city said.</p><p>Buses will run every ten minutes instead.</p></article>' },
    ]);
    expect(await pages.json()).toEqual({
      added: 1,
      unchanged: 0,
      failed: 1,
      failures: [{ id: 'empty.html', reason: 'document 1 (empty.html): no article text found in the HTML' }],
    });
  });

  it('answers 404 for documents and reports that do not exist', async () => {
    const d = await s.app.request('/api/documents/nowhere.txt');
    expect(d.status).toBe(404);
    expect(await d.json()).toEqual({ error: 'no indexed document "nowhere.txt"' });
    const r = await s.app.request('/api/reports/AAAAAAAAAAAAAAAAAAAAAA');
    expect(r.status).toBe(404);
  });
});
