import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli/main.js';
import { decode } from '../src/ingest/decode.js';
import { addressKind, fetchUrl, type FetchOptions } from '../src/ingest/url.js';
import { UserError } from '../src/model/errors.js';

const ARTICLE = readFileSync(new URL('./fixtures/html/meta.html', import.meta.url));
const LATIN = 'Zoë paid £12 for the crème brûlée at the café on the quay.';

let server: http.Server;
let base = '';
let port = 0;
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const hop = /^\/hop\/(\d+)$/.exec(path);
    if (path === '/a.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    } else if (hop) {
      const n = Number(hop[1]);
      if (n === 0) res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
      else res.writeHead(302, { location: `/hop/${n - 1}` }).end();
    } else if (path === '/to-loopback') {
      res.writeHead(301, { location: `http://localhost:${port}/a.html` }).end();
    } else if (path === '/to-private') {
      res.writeHead(302, { location: 'http://10.20.30.40/a.html' }).end();
    } else if (path === '/to-mapped') {
      res.writeHead(302, { location: 'http://[::ffff:192.168.0.1]/a.html' }).end();
    } else if (path === '/to-6to4') {
      res.writeHead(302, { location: 'http://[2002:a9fe:a9fe::1]/latest/meta-data/' }).end();
    } else if (path === '/slow') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html><body><p>');
      const t = setTimeout(() => res.end('late</p></body></html>'), 3000);
      timers.add(t);
    } else if (path === '/big') {
      // No Content-Length: the cap must hold while streaming.
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 50; i++) res.write(`<p>${'x'.repeat(9990)}</p>`);
      res.end();
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10_000_000) });
      res.end();
    } else if (path === '/gz') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(ARTICLE));
    } else if (path === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5_000_000, 0x20)));
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    } else if (path === '/latin1') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=ISO-8859-1' }).end(iconv.encode(LATIN, 'latin1'));
    } else {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>not here</p>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const opts = (o: Partial<FetchOptions> = {}): FetchOptions => ({ timeoutMs: 5000, maxBytes: 100_000, maxRedirects: 3, allowPrivate: true, ...o });

describe('addressKind', () => {
  it('classifies loopback, private, link-local, unspecified, CGNAT and their IPv6 and mapped forms', () => {
    const cases: [string, string | null][] = [
      ['127.0.0.1', 'loopback'], ['127.9.9.9', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'],
      ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.1', 'private'],
      ['fc00::1', 'private'], ['fd12:3456::1', 'private'], ['::ffff:10.0.0.1', 'private'], ['::ffff:c0a8:101', 'private'],
      ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['febf::1', 'link-local'], ['::ffff:169.254.0.1', 'link-local'],
      ['0.0.0.0', 'unspecified'], ['::', 'unspecified'], ['100.64.0.1', 'shared (CGNAT)'], ['100.127.255.254', 'shared (CGNAT)'],
      ['64:ff9b::7f00:1', 'loopback'], ['224.0.0.1', 'multicast'],
      ['172.15.0.1', null], ['172.32.0.1', null], ['100.63.0.1', null], ['100.128.0.1', null], ['8.8.8.8', null],
      ['2001:4860:4860::8888', null], ['::ffff:8.8.8.8', null], ['fec0::1', null],
    ];
    for (const [ip, kind] of cases) expect([ip, addressKind(ip)]).toEqual([ip, kind]);
  });

  it('classes transition forms by the IPv4 address they carry, and refuses tunnels, local NAT64 and benchmark nets', () => {
    const cases: [string, string | null][] = [
      // 6to4: 2002:AABB:CCDD:: reaches AA.BB.CC.DD.
      ['2002:7f00:1::1', 'loopback'], ['2002:a9fe:a9fe::', 'link-local'], ['2002:c0a8:101::5', 'private'], ['2002:0a00:0001::', 'private'],
      ['2002:808:808::1', null],
      // NAT64 well-known prefix: the embedded address decides; the local-use /48 is never public.
      ['64:ff9b::a9fe:a9fe', 'link-local'], ['64:ff9b::10.1.2.3', 'private'], ['64:ff9b::8.8.8.8', null],
      ['64:ff9b:1::808:808', 'private'], ['64:ff9b:1:abcd::1', 'private'], ['64:ff9b:2::1', 'reserved'],
      // Teredo hides the client's IPv4 address; IPv4-translated (SIIT) addresses are not routed publicly.
      ['2001::1', 'reserved'], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
      ['::ffff:0:127.0.0.1', 'loopback'], ['::ffff:0:10.0.0.1', 'private'], ['::ffff:0:8.8.8.8', 'reserved'],
      ['198.18.0.1', 'reserved'], ['198.19.255.254', 'reserved'], ['192.0.0.8', 'reserved'], ['192.0.0.170', 'reserved'],
      ['192.0.2.10', 'reserved'], ['198.51.100.7', 'reserved'], ['203.0.113.9', 'reserved'], ['2001:db8::1', 'reserved'], ['100::1', 'reserved'],
      // Neighbours that stay public.
      ['198.17.255.255', null], ['198.20.0.1', null], ['192.0.1.1', null], ['192.0.3.1', null], ['2001:1::1', null], ['2003::1', null],
      ['2001:4860::1', null],
    ];
    for (const [ip, kind] of cases) expect([ip, addressKind(ip)]).toEqual([ip, kind]);
  });
});

describe('fetchUrl', () => {
  it('fetches a page, with its content type and charset', async () => {
    const f = await fetchUrl(`${base}/a.html`, opts());
    expect(f.url).toBe(`${base}/a.html`);
    expect(f.contentType).toBe('text/html');
    expect(f.charset).toBe('utf-8');
    expect(f.body.equals(ARTICLE)).toBe(true);
  });

  it('takes the charset from the Content-Type header', async () => {
    const f = await fetchUrl(`${base}/latin1`, opts());
    expect(f.charset).toBe('iso-8859-1');
    expect(decode(f.body, { name: 'x', charset: f.charset })).toBe(LATIN);
  });

  it('follows redirects up to the limit, and no further', async () => {
    const f = await fetchUrl(`${base}/hop/3`, opts());
    expect(f.url).toBe(`${base}/hop/0`);
    await expect(fetchUrl(`${base}/hop/4`, opts())).rejects.toThrow(new UserError(`${base}/hop/4: more than 3 redirects`));
  });

  it('refuses loopback without the flag, with a one-line message', async () => {
    await expect(fetchUrl(`${base}/a.html`, opts({ allowPrivate: false }))).rejects.toThrow(
      new UserError(`${base}/a.html: refusing to fetch a loopback address (use --allow-private)`),
    );
    await expect(fetchUrl(`http://localhost:${port}/a.html`, opts({ allowPrivate: false }))).rejects.toThrow(/refusing to fetch a loopback address \(localhost is (127\.0\.0\.1|::1)\)/);
    await expect(fetchUrl('http://[::ffff:127.0.0.1]/', opts({ allowPrivate: false }))).rejects.toThrow(/loopback/);
    await expect(fetchUrl('http://169.254.169.254/latest/meta-data/', opts({ allowPrivate: false }))).rejects.toThrow(/link-local/);
    await expect(fetchUrl('http://0.0.0.0/', opts({ allowPrivate: false }))).rejects.toThrow(/unspecified/);
  });

  it('checks every redirect: a trusted first hop cannot bounce the fetch to a private address', async () => {
    const trusted = opts({ allowPrivate: false, allowHosts: ['127.0.0.1'] });
    expect((await fetchUrl(`${base}/a.html`, trusted)).body.length).toBeGreaterThan(0);
    await expect(fetchUrl(`${base}/to-private`, trusted)).rejects.toThrow(
      new UserError(`${base}/to-private: redirected to http://10.20.30.40/a.html: refusing to fetch a private address (use --allow-private)`),
    );
    await expect(fetchUrl(`${base}/to-loopback`, trusted)).rejects.toThrow(/redirected to http:\/\/localhost:\d+\/a\.html: refusing to fetch a loopback address/);
    await expect(fetchUrl(`${base}/to-mapped`, trusted)).rejects.toThrow(/refusing to fetch a private address/);
    // A 6to4 address wrapping the cloud metadata address is refused before any connection.
    await expect(fetchUrl(`${base}/to-6to4`, trusted)).rejects.toThrow(/redirected to http:\/\/\[2002:a9fe:a9fe::1\]\/latest\/meta-data\/: refusing to fetch a link-local address/);
  });

  it('times out on a slow server', async () => {
    const t0 = Date.now();
    await expect(fetchUrl(`${base}/slow`, opts({ timeoutMs: 300 }))).rejects.toThrow(new UserError(`${base}/slow: no answer within 300 ms (timeout; see --timeout)`));
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it('stops reading at the size cap, declared or streamed, compressed or not', async () => {
    const msg = `response is over the size limit of 100000 bytes (see --max-bytes)`;
    await expect(fetchUrl(`${base}/big`, opts())).rejects.toThrow(`${base}/big: ${msg}`);
    await expect(fetchUrl(`${base}/big-declared`, opts())).rejects.toThrow(msg);
    await expect(fetchUrl(`${base}/bomb`, opts())).rejects.toThrow(msg);
    expect((await fetchUrl(`${base}/gz`, opts())).body.equals(ARTICLE)).toBe(true);
  });

  it('refuses other content types, HTTP errors, other schemes and unreachable hosts', async () => {
    await expect(fetchUrl(`${base}/pdf`, opts())).rejects.toThrow(new UserError(`${base}/pdf: content type "application/pdf" is not HTML or plain text`));
    await expect(fetchUrl(`${base}/missing`, opts())).rejects.toThrow(new UserError(`${base}/missing: HTTP 404 Not Found`));
    await expect(fetchUrl('ftp://example.com/a', opts())).rejects.toThrow(/only http and https/);
    await expect(fetchUrl('http://nonexistent.invalid/a', opts())).rejects.toThrow(/host not found \(nonexistent\.invalid\)/);
    // A port nobody listens on: the server's own port after a throwaway server closes.
    const tmp = http.createServer();
    await new Promise<void>((r) => tmp.listen(0, '127.0.0.1', r));
    const dead = (tmp.address() as AddressInfo).port;
    await new Promise((r) => tmp.close(r));
    await expect(fetchUrl(`http://127.0.0.1:${dead}/`, opts())).rejects.toThrow(new UserError(`http://127.0.0.1:${dead}/: connection refused`));
  });
});

describe('unspun analyze URL', () => {
  async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
    try {
      const code = await main(argv, { stdin: process.stdin, isTTY: false });
      return { code, out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('analyzes a served page with --allow-private', async () => {
    const r = await run(['analyze', `${base}/a.html`, '--allow-private', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { schema: string; article: { title: string; byline: string; published: string; url: string; text: string } };
    expect(report.schema).toBe('unspun.report/1');
    expect(report.article.title).toBe('Northfield library to open on Sundays');
    expect(report.article.byline).toBe('Priya Nand');
    expect(report.article.published).toBe('2020-11-02');
    expect(report.article.url).toBe(`${base}/a.html`);
    expect(report.article.text).toMatch(/^The Northfield public library will open its doors on Sundays/);
  });

  it('refuses the same page without the flag: one line on stderr, exit code 2', async () => {
    const r = await run(['analyze', `${base}/a.html`, '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('refusing to fetch a loopback address (use --allow-private)');
  });
});
