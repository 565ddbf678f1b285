import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/server/app.js';
import { FERRY, from, json, testServer, type TestServer } from './helpers.js';

const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error;

describe('headers on every response', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.stop());

  it('a strict Content-Security-Policy and the other guards, on pages, API answers and errors alike', async () => {
    const responses = [
      await s.app.request('/healthz'),
      await s.app.request('/'),
      await s.app.request('/api/openapi.json'),
      await s.app.request('/api/analyze', json({})),
      await s.app.request('/no/such/page'),
    ];
    for (const r of responses) {
      const csp = r.headers.get('content-security-policy')!;
      expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+'(;|$)/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/base-uri 'none'/);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
    // A fresh nonce each response.
    expect(responses[0].headers.get('content-security-policy')).not.toBe(responses[1].headers.get('content-security-policy'));
    expect(responses[2].headers.get('cache-control')).toBe('no-store');
  });
});

describe('limits', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ limits: { bodyBytes: 20_000, documentBytes: 5_000, ratePerSecond: 1, rateBurst: 3 } });
  });
  afterAll(() => s.stop());

  it('refuses a request body over the limit with 413, declared or streamed', async () => {
    const big = JSON.stringify({ text: 'The ferry sailed. '.repeat(2000) });
    const r = await s.app.request('/api/analyze', json(big), from('10.9.0.1'));
    expect(r.status).toBe(413);
    expect(await errorOf(r)).toBe('request body is over the size limit of 20000 bytes');
    // No Content-Length: counted as it streams in.
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 4096) c.enqueue(bytes.subarray(i, i + 4096));
        c.close();
      },
    });
    const streamed = await s.app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit, from('10.9.0.2'));
    expect(streamed.status).toBe(413);
    const index = await s.app.request('/api/index', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: big }, from('10.9.0.3'));
    expect(index.status).toBe(413);
  });

  it('refuses one document over the document limit with 413', async () => {
    const r = await s.app.request('/api/analyze', json({ html: `<p>${'The ferry sailed. '.repeat(400)}</p>` }), from('10.9.0.4'));
    expect(r.status).toBe(413);
    expect(await errorOf(r)).toBe('html is over the size limit of 5000 bytes');
  });

  it('limits each client address to its bucket: 429 with Retry-After, others unaffected', async () => {
    const get = (addr: string) => s.app.request('/api/reports/none', {}, from(addr));
    expect((await Promise.all([1, 2, 3].map(() => get('192.0.2.7')))).map((r) => r.status)).toEqual([404, 404, 404]);
    const limited = await get('192.0.2.7');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await errorOf(limited)).toBe('too many requests: try again in 1 s');
    expect((await get('192.0.2.8')).status).toBe(404);
    // Liveness is not an API call.
    expect((await s.app.request('/healthz', {}, from('192.0.2.7'))).status).toBe(200);
    // A token comes back after a second.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await get('192.0.2.7')).status).toBe(404);
  });
});

describe('token', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ token: 'correct horse battery staple' });
  });
  afterAll(() => s.stop());

  it('writes need "Authorization: Bearer <token>"; reads do not', async () => {
    const none = await s.app.request('/api/analyze', json({ text: FERRY }));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await errorOf(none)).toMatch(/needs "Authorization: Bearer <token>"/);
    const wrong = await s.app.request('/api/index', json([{ id: 'a', text: FERRY }], { authorization: 'Bearer correct horse' }));
    expect(wrong.status).toBe(401);
    const basic = await s.app.request('/api/analyze', json({ text: FERRY }, { authorization: 'Basic Y29ycmVjdA==' }));
    expect(basic.status).toBe(401);

    const ok = await s.app.request('/api/analyze', json({ text: FERRY }, { authorization: 'Bearer correct horse battery staple' }));
    expect(ok.status).toBe(200);
    const stored = await s.app.request(`/api/reports/${ok.headers.get('x-report-id')}`);
    expect(stored.status).toBe(200);
    expect(await (await s.app.request('/healthz')).json()).toMatchObject({ tokenRequired: true });
  });
});

describe('bound to loopback', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer({ loopbackOnly: true });
  });
  afterAll(() => s.stop());

  it('answers only requests addressed to a loopback name (DNS rebinding)', async () => {
    for (const url of ['http://localhost/healthz', 'http://127.0.0.1:8080/healthz', 'http://[::1]:8080/healthz', 'http://app.localhost/healthz'])
      expect((await s.app.request(url)).status, url).toBe(200);
    const r = await s.app.request('http://rebind.evil.example:8080/api/analyze', json({ text: FERRY }));
    expect(r.status).toBe(403);
    expect(await errorOf(r)).toBe('this server answers only requests addressed to localhost');
  });
});

describe('failures stay inside their request', () => {
  let s: TestServer;
  const logged: string[] = [];
  beforeAll(async () => {
    s = await testServer({
      analyzersModule: new URL('../fixtures/spin-analyzers.ts', import.meta.url).href,
      timeBudgetMs: 3000,
      log: (l) => logged.push(l),
    });
  });
  afterAll(() => s.stop());

  it('an analysis that throws: 500 without a stack, and the next request is served', async () => {
    const r = await s.app.request('/api/analyze', json({ text: `${FERRY} THROW-NOW` }));
    expect(r.status).toBe(500);
    expect(await r.json()).toEqual({ error: 'internal error' });
    expect(logged.join('\n')).toMatch(/deliberate failure/);
    expect((await s.app.request('/api/analyze', json({ text: FERRY }))).status).toBe(200);
  });

  it('an analysis that never returns: 422 at the time budget, the server answering others meanwhile', async () => {
    const t0 = performance.now();
    const stuck = s.app.request('/api/analyze', json({ text: `${FERRY} SPIN-FOREVER` }));
    await new Promise((r) => setTimeout(r, 300));
    const health = await s.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(2500);
    const r = await stuck;
    expect(r.status).toBe(422);
    expect(await errorOf(r)).toBe('analysis stopped after the time budget of 3000 ms');
    expect((await s.app.request('/api/analyze', json({ text: FERRY }))).status).toBe(200);
  });

  it('a handler that throws: 500 without a stack, logged with it', async () => {
    const broken = new Proxy(s.store, {
      get: (t, k) => (k === 'docById' ? () => Promise.reject(new TypeError('cannot read the disk today')) : Reflect.get(t, k, t)),
    }) as Store;
    const lines: string[] = [];
    const { app, close } = createApp({ store: broken, log: (l) => lines.push(l), analysis: undefined, limits: { ratePerSecond: 0 } });
    try {
      const r = await app.request('/api/documents/x');
      expect(r.status).toBe(500);
      const body = await r.text();
      expect(JSON.parse(body)).toEqual({ error: 'internal error' });
      expect(body).not.toMatch(/TypeError|at /);
      expect(lines.join('\n')).toMatch(/TypeError: cannot read the disk today\n\s+at /);
      expect((await app.request('/healthz')).status).toBe(200);
    } finally {
      await close();
    }
  });
});
