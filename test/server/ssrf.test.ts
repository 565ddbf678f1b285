import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FERRY, json, testServer, type TestServer } from './helpers.js';

// A local web server standing in for the sites an {"url": ...} request may name.
let site: http.Server;
let port: number;
const hits: string[] = [];
const PAGE = `<!doctype html><html><head><title>Ferry to return</title></head><body><article><h1>Ferry to return in May</h1>${FERRY.split('. ')
  .map((p) => `<p>${p}.</p>`)
  .join('')}</article></body></html>`;

beforeAll(async () => {
  site = http.createServer((req, res) => {
    hits.push(req.url!);
    const redirect = (to: string) => res.writeHead(302, { location: to }).end();
    if (req.url === '/article') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/big') res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'The ferry sailed. '.repeat(10_000)}</p>`);
    else if (req.url === '/to-loopback') redirect(`http://localhost:${port}/article`);
    else if (req.url === '/to-private') redirect('http://10.1.2.3/admin');
    else if (req.url === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
    else if (req.url === '/to-mapped') redirect(`http://[::ffff:127.0.0.1]:${port}/article`);
    else res.writeHead(404).end();
  });
  site.listen(0, '127.0.0.1');
  await new Promise((r) => site.once('listening', r));
  port = (site.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => site.close(() => r())));

const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error;

describe('{"url": ...} keeps the CLI guard against server-side request forgery', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await testServer();
  });
  afterAll(() => s.stop());

  it.each([
    ['http://127.0.0.1:PORT/article', /refusing to fetch a loopback address$/],
    ['http://localhost:PORT/article', /refusing to fetch a loopback address \(localhost is (127\.0\.0\.1|::1)\)$/],
    ['http://[::1]:PORT/article', /refusing to fetch a loopback address$/],
    ['http://0x7f.1:PORT/article', /refusing to fetch a loopback address$/],
    ['http://10.0.0.8/', /refusing to fetch a private address$/],
    ['http://192.168.1.1/router', /refusing to fetch a private address$/],
    ['http://169.254.169.254/latest/meta-data/', /refusing to fetch a link-local address$/],
    ['http://[fe80::1]/', /refusing to fetch a link-local address$/],
  ])('refuses %s without connecting', async (url, message) => {
    const before = hits.length;
    const r = await s.app.request('/api/analyze', json({ url: url.replace('PORT', String(port)) }));
    expect(r.status).toBe(422);
    expect(await errorOf(r)).toMatch(message);
    expect(hits.length).toBe(before);
  });
});

describe('every redirect hop is checked', () => {
  let s: TestServer;
  beforeAll(async () => {
    // The site's own address is let through, as a test of the hops after it: nothing else is.
    s = await testServer({ fetchAllowHosts: ['127.0.0.1'], limits: { fetchBytes: 50_000 } });
  });
  afterAll(() => s.stop());

  it('fetches an allowed page and analyzes it', async () => {
    const r = await s.app.request('/api/analyze', json({ url: `http://127.0.0.1:${port}/article` }));
    expect(r.status).toBe(200);
    const report = (await r.json()) as { article: { url: string; title: string; text: string } };
    expect(report.article.url).toBe(`http://127.0.0.1:${port}/article`);
    expect(report.article.text).toContain('Port Ellery');
  });

  it.each([
    ['/to-loopback', /redirected to http:\/\/localhost:\d+\/article: refusing to fetch a loopback address/],
    ['/to-mapped', /redirected to http:\/\/\[::ffff:7f00:1\]:\d+\/article: refusing to fetch a loopback address/],
    ['/to-private', /redirected to http:\/\/10\.1\.2\.3\/admin: refusing to fetch a private address/],
    ['/to-metadata', /redirected to http:\/\/169\.254\.169\.254\/latest\/meta-data\/: refusing to fetch a link-local address/],
  ])('refuses a redirect (%s) to a private target', async (path, message) => {
    const before = hits.filter((h) => h === '/article').length;
    const r = await s.app.request('/api/analyze', json({ url: `http://127.0.0.1:${port}${path}` }));
    expect(r.status).toBe(422);
    expect(await errorOf(r)).toMatch(message);
    expect(hits.filter((h) => h === '/article').length).toBe(before);
  });

  it('stops reading a page over the fetch size limit', async () => {
    const r = await s.app.request('/api/analyze', json({ url: `http://127.0.0.1:${port}/big` }));
    expect(r.status).toBe(422);
    expect(await errorOf(r)).toMatch(/response is over the size limit of 50000 bytes$/);
  });

  it('reports a missing page as the site answered it', async () => {
    const r = await s.app.request('/api/analyze', json({ url: `http://127.0.0.1:${port}/gone` }));
    expect(r.status).toBe(422);
    expect(await errorOf(r)).toMatch(/HTTP 404/);
  });
});
