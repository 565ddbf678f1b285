import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import zlib from 'node:zlib';
import { UserError } from '../model/errors.js';
import { CappedBuffer } from './read.js';

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
  /** Hosts exempt from the address guard, as written in URLs ("mirror.internal", "127.0.0.1"). */
  allowHosts?: string[];
}

export interface Fetched {
  url: string; // after redirects
  body: Buffer;
  contentType: string | null;
  charset: string | null;
}

/** Why an address is off limits to a fetch a user's input triggers, or null when it is public. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'shared (CGNAT)' | 'multicast' | 'reserved';

function ipv4Kind(a: number[]): AddressKind | null {
  const [x, y] = a;
  if (x === 127) return 'loopback';
  if (x === 0) return 'unspecified';
  if (x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168)) return 'private';
  if (x === 169 && y === 254) return 'link-local';
  if (x === 100 && y >= 64 && y <= 127) return 'shared (CGNAT)';
  if (x >= 224 && x <= 239) return 'multicast';
  // Benchmarking (198.18.0.0/15), IETF protocol assignments (192.0.0.0/24) and the documentation nets.
  if ((x === 198 && (y === 18 || y === 19)) || (x === 192 && y === 0 && (a[2] === 0 || a[2] === 2))) return 'reserved';
  if ((x === 198 && y === 51 && a[2] === 100) || (x === 203 && y === 0 && a[2] === 113)) return 'reserved';
  if (x >= 240) return 'reserved';
  return null;
}

/** The eight 16-bit groups of an IPv6 address ("::ffff:127.0.0.1" included), or null. */
function ipv6Groups(ip: string): number[] | null {
  let s = ip.replace(/%.*$/, '').toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const o = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + ((o[0] << 8) | o[1]).toString(16) + ':' + ((o[2] << 8) | o[3]).toString(16);
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  const groups = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...tail].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/**
 * Classifies an IP address. Forms that carry an IPv4 address reach that address, so they are classed as
 * it: IPv4-mapped ("::ffff:10.0.0.1"), -compatible, 6to4 (2002:AABB:CCDD::) and NAT64 64:ff9b::/96. Teredo
 * (2001::/32), local NAT64 (64:ff9b:1::/48), IPv4-translated (::ffff:0:a.b.c.d), documentation and
 * discard-only ranges are not public.
 */
export function addressKind(ip: string): AddressKind | null {
  const fam = isIP(ip);
  if (fam === 4) return ipv4Kind(ip.split('.').map(Number));
  if (fam !== 6) return 'reserved';
  const g = ipv6Groups(ip);
  if (!g) return 'reserved';
  const embedded = [g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff];
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && g[7] === 1) return 'loopback';
  if (zeros(5) && g[5] === 0xffff) return ipv4Kind(embedded); // ::ffff:a.b.c.d
  if (zeros(6)) return ipv4Kind(embedded) ?? 'reserved'; // ::a.b.c.d (deprecated "compatible" form)
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return ipv4Kind(embedded) ?? 'reserved'; // ::ffff:0:a.b.c.d (SIIT)
  if (g[0] === 0x64 && g[1] === 0xff9b) {
    if (g.slice(2, 6).every((x) => x === 0)) return ipv4Kind(embedded); // NAT64, well-known prefix
    return g[2] === 1 ? 'private' : 'reserved'; // 64:ff9b:1::/48 is for local NAT64 only
  }
  if (g[0] === 0x2002) return ipv4Kind([g[1] >> 8, g[1] & 0xff, g[2] >> 8, g[2] & 0xff]); // 6to4
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: tunnels to an address it hides
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
  if (g[0] === 0x100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved'; // 100::/64 discard
  if ((g[0] & 0xfe00) === 0xfc00) return 'private';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  return null;
}

const ALLOWED_TYPE = /^(text\/html|application\/xhtml\+xml|text\/plain)$/i;

function fail(url: string, what: string): never {
  throw new UserError(`${url}: ${what}`);
}

/** Resolves a host to all its addresses and refuses any that is not public (unless allowed). */
async function resolveChecked(u: URL, shown: string, opts: FetchOptions): Promise<LookupAddress[]> {
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const allowPrivate = opts.allowPrivate || (opts.allowHosts ?? []).some((h) => h.toLowerCase() === host.toLowerCase());
  let addrs: LookupAddress[];
  const fam = isIP(host);
  if (fam) addrs = [{ address: host, family: fam }];
  else {
    addrs = await new Promise<LookupAddress[]>((resolve, reject) =>
      dnsLookup(host, { all: true, verbatim: true }, (err, a) => (err ? reject(err) : resolve(a))),
    ).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'ENODATA') fail(shown, `host not found (${host})`);
      fail(shown, `cannot resolve ${host} (${e.code ?? e.message})`);
    });
  }
  if (!allowPrivate) {
    for (const a of addrs) {
      const kind = addressKind(a.address);
      if (kind) fail(shown, `refusing to fetch a ${kind} address${fam ? '' : ` (${host} is ${a.address})`} (use --allow-private)`);
    }
  }
  return addrs;
}

interface Response {
  status: number;
  statusText: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

/** One request to a vetted address; the body is read only for a 2xx answer, within the size cap. */
function requestOnce(u: URL, addrs: LookupAddress[], shown: string, opts: FetchOptions, deadline: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const lib = u.protocol === 'https:' ? https : http;
    // Connect to the addresses checked above, not to a second DNS answer (a rebinding host could differ).
    const lookup = (_h: string, o: { all?: boolean }, cb: (...args: unknown[]) => void) =>
      o.all ? cb(null, addrs) : cb(null, addrs[0].address, addrs[0].family);
    const req = lib.request(u, {
      method: 'GET',
      lookup: lookup as never,
      headers: {
        'user-agent': 'unspun/0.1 (news article analyzer)',
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const remaining = Math.max(1, deadline - Date.now());
    const timer = setTimeout(() => {
      req.destroy(new UserError(`${shown}: no answer within ${opts.timeoutMs} ms (timeout; see --timeout)`));
    }, remaining);
    const done = (f: () => void) => {
      clearTimeout(timer);
      f();
    };
    req.on('error', (e: NodeJS.ErrnoException) =>
      done(() => {
        if (e instanceof UserError) return reject(e);
        const why =
          e.code === 'ECONNREFUSED' ? 'connection refused' :
          e.code === 'ECONNRESET' ? 'connection reset by the server' :
          e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH' ? 'host unreachable' :
          e.code?.startsWith('ERR_TLS') || e.code?.includes('CERT') ? `TLS error (${e.code})` :
          `cannot fetch (${e.code ?? e.message})`;
        reject(new UserError(`${shown}: ${why}`));
      }),
    );
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const base = { status, statusText: res.statusMessage ?? '', headers: res.headers };
      if (status < 200 || status >= 300) {
        res.resume();
        done(() => resolve({ ...base, body: null }));
        return;
      }
      const type = contentType(res.headers);
      if (type && !ALLOWED_TYPE.test(type.mime)) {
        res.destroy();
        return done(() => reject(new UserError(`${shown}: content type "${type.mime}" is not HTML or plain text`)));
      }
      const declared = Number(res.headers['content-length']);
      const enc = String(res.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
      if (enc === 'identity' && declared > opts.maxBytes) {
        res.destroy();
        return done(() => reject(tooLarge(shown, opts.maxBytes)));
      }
      // The cap counts decoded bytes, so a small compressed bomb cannot blow up in memory.
      const stream =
        enc === 'gzip' || enc === 'x-gzip' ? res.pipe(zlib.createGunzip()) :
        enc === 'deflate' ? res.pipe(zlib.createInflate()) :
        enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) :
        res;
      const body = new CappedBuffer(opts.maxBytes);
      stream.on('data', (c: Buffer) => {
        if (!body.add(c)) {
          res.destroy();
          stream.destroy();
          done(() => reject(tooLarge(shown, opts.maxBytes)));
          return;
        }
      });
      stream.on('error', (e: Error) => done(() => reject(e instanceof UserError ? e : new UserError(`${shown}: broken response (${e.message})`))));
      res.on('error', (e: Error) => done(() => reject(e instanceof UserError ? e : new UserError(`${shown}: broken response (${e.message})`))));
      stream.on('end', () => done(() => resolve({ ...base, body: body.buffer() })));
    });
    req.end();
  });
}

function tooLarge(url: string, max: number): UserError {
  return new UserError(`${url}: response is over the size limit of ${max} bytes (see --max-bytes)`);
}

function contentType(h: http.IncomingHttpHeaders): { mime: string; charset: string | null } | null {
  const raw = h['content-type'];
  if (!raw) return null;
  const mime = raw.split(';')[0].trim().toLowerCase();
  const cs = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(raw);
  return { mime, charset: cs ? cs[1].toLowerCase() : null };
}

/**
 * Fetches an article page: http(s) only, redirects followed by hand up to a limit, one deadline for the
 * whole exchange, a size cap while streaming, HTML/XHTML/plain text only. Every host, the first and each
 * redirect's, is resolved and refused when any of its addresses is loopback, private, link-local,
 * unspecified or CGNAT (a guard against server-side request forgery) unless `allowPrivate`.
 */
export async function fetchUrl(url: string, opts: FetchOptions): Promise<Fetched> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    fail(url, 'not a valid URL');
  }
  const deadline = Date.now() + opts.timeoutMs;
  for (let hops = 0; ; hops++) {
    if (u.protocol !== 'http:' && u.protocol !== 'https:') fail(url, `only http and https URLs can be fetched, not ${u.protocol}`);
    const shown = hops === 0 ? url : `${url}: redirected to ${u.href}`;
    const addrs = await resolveChecked(u, shown, opts);
    const res = await requestOnce(u, addrs, shown, opts, deadline);
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const loc = res.headers.location;
      if (!loc) fail(shown, `HTTP ${res.status} redirect without a Location`);
      if (hops >= opts.maxRedirects) fail(url, `more than ${opts.maxRedirects} redirects`);
      try {
        u = new URL(loc, u);
      } catch {
        fail(shown, `redirect to an invalid URL (${loc})`);
      }
      continue;
    }
    if (res.status < 200 || res.status >= 300 || !res.body) fail(shown, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    if (res.body.length === 0) fail(shown, 'empty response');
    const type = contentType(res.headers);
    return { url: u.href, body: res.body, contentType: type?.mime ?? null, charset: type?.charset ?? null };
  }
}
