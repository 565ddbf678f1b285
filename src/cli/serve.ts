import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { serve } from '@hono/node-server';
import { UserError } from '../model/errors.js';
import { AnalysisService } from '../server/analysis.js';
import { bodyBytesFor, createApp, DEFAULT_LIMITS } from '../server/app.js';
import { openStore } from '../store/index.js';
import { intOption, parse, stringOption } from './args.js';
import { defaultDb } from './index-command.js';

export const SERVE_HELP = `Usage: unspun serve [options]

Serves the web page and the JSON API (POST /api/analyze, POST /api/index, GET /api/reports/:id,
GET /api/documents/:id, GET /healthz, GET /api/openapi.json) on the same pipeline as "unspun analyze".

Options:
  --db FILE|URL     the index to trace against, add documents to and keep reports in: a SQLite file
                    (created when missing) or a postgres:// URL (default: $UNSPUN_DB, or unspun.db here)
  --host HOST       address to listen on (default: 127.0.0.1)
  --port N          port (default: 8080; 0 picks a free one)
  --workers N       analysis worker threads (default: one per core)
  --time-budget MS  time one analysis may take (default: ${DEFAULT_LIMITS.timeBudgetMs})
  --max-bytes N     largest document, pasted or fetched (default: ${DEFAULT_LIMITS.documentBytes})
  --rate N          API requests per second per client address, 0 for no limit (default: ${DEFAULT_LIMITS.ratePerSecond};
                    bursts of ${DEFAULT_LIMITS.rateBurst / DEFAULT_LIMITS.ratePerSecond} times that)
  --keep-reports N  stored reports kept, the newest (up to 1% more between prunings); older
                    permalinks then answer 404; 0 keeps all
                    (default: ${DEFAULT_LIMITS.keepReports})
  --allow-private   let {"url": ...} fetch loopback, private and link-local addresses
  -h, --help        show this help

Token: on any host but loopback the server refuses to start without UNSPUN_TOKEN set in the environment,
and then POST /api/analyze and /api/index need "Authorization: Bearer $UNSPUN_TOKEN". On loopback the token
is required when it is set. SIGTERM or SIGINT stops the server.`;

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1';
}

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(
    argv,
    {
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      workers: { type: 'string' },
      'time-budget': { type: 'string' },
      'max-bytes': { type: 'string' },
      rate: { type: 'string' },
      'keep-reports': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'serve',
  );
  if (values.help) {
    process.stdout.write(SERVE_HELP + '\n');
    return 0;
  }
  const host = String(values.host);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0-65535), got "${String(values.port)}"`);
  const rate = values.rate === '0' ? 0 : intOption(values.rate, 'rate', DEFAULT_LIMITS.ratePerSecond);
  const maxBytes = intOption(values['max-bytes'], 'max-bytes', DEFAULT_LIMITS.documentBytes);
  const limits = {
    timeBudgetMs: intOption(values['time-budget'], 'time-budget', DEFAULT_LIMITS.timeBudgetMs),
    documentBytes: maxBytes,
    fetchBytes: maxBytes,
    bodyBytes: bodyBytesFor(maxBytes),
    ratePerSecond: rate,
    rateBurst: rate * (DEFAULT_LIMITS.rateBurst / DEFAULT_LIMITS.ratePerSecond),
    keepReports: values['keep-reports'] === '0' ? 0 : intOption(values['keep-reports'], 'keep-reports', DEFAULT_LIMITS.keepReports),
  };
  const loopback = isLoopback(host);
  const token = process.env.UNSPUN_TOKEN?.trim() || null;
  if (!loopback && !token)
    throw new UserError(`refusing to listen on ${host} without a token: set UNSPUN_TOKEN (anyone who can reach the server could otherwise run analyses and write to the index)`);

  const db = stringOption(values.db) ?? defaultDb();
  const store = await openStore(db, { create: true });
  const workers = values.workers === undefined ? undefined : intOption(values.workers, 'workers', 1);
  // The workers open the index as given: a PostgreSQL store's `location` is its URL without the password.
  const analysis = new AnalysisService({ db, timeBudgetMs: limits.timeBudgetMs, workers });
  const { app, close } = createApp({ store, token, limits, analysis, allowPrivate: values['allow-private'] as boolean, loopbackOnly: loopback });
  try {
    await analysis.warm();
    const server = serve({ fetch: app.fetch, hostname: host, port });
    // A client has this long to send its headers and its whole request (a slow sender holds a socket, not a
    // worker: analyses start only once the body is in).
    Object.assign(server, { headersTimeout: 20_000, requestTimeout: 60_000 });
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([e]) => {
        const err = e as NodeJS.ErrnoException;
        throw new UserError(`cannot listen on ${host}:${port}: ${err.code === 'EADDRINUSE' ? 'address in use' : err.code === 'EADDRNOTAVAIL' ? 'no such address here' : (err.code ?? err.message)}`);
      }),
    ]);
    const addr = server.address() as AddressInfo;
    const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    const docs = (await store.stats()).documents;
    process.stderr.write(
      `unspun serve: listening on http://${shown}:${addr.port}/ (index ${store.location}: ${docs} document${docs === 1 ? '' : 's'})\n` +
        (token
          ? 'unspun serve: POST /api/analyze and /api/index need "Authorization: Bearer $UNSPUN_TOKEN"\n'
          : 'unspun serve: no token (UNSPUN_TOKEN unset): bound to loopback, open to every user and page of this machine\n') +
        (values['allow-private'] ? 'unspun serve: --allow-private: {"url": ...} may fetch loopback, private and link-local addresses\n' : ''),
    );
    const signal = await new Promise<string>((resolve) => {
      for (const s of ['SIGTERM', 'SIGINT'] as const) process.once(s, () => resolve(s));
    });
    process.stderr.write(`unspun serve: ${signal}, stopping\n`);
    // Requests under way finish; idle keep-alive connections are closed.
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
  } finally {
    await close();
    await analysis.close();
    await store.close();
  }
  return 0;
}
