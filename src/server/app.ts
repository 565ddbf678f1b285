import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders, type SecureHeadersVariables } from 'hono/secure-headers';
import { decode } from '../ingest/decode.js';
import { articleFromRecord, DEFAULT_INGEST } from '../ingest/index.js';
import { fetchUrl } from '../ingest/url.js';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import type { ArticleRecord } from '../pipeline/runner.js';
import { DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
import { indexArticles } from '../reuse/index.js';
import { storedText } from '../reuse/prepare.js';
import type { Store } from '../store/store.js';
import { normalizeDate } from '../text/dates.js';
import { mountWeb } from '../web/index.js';
import { AnalysisService } from './analysis.js';
import { clientKey, RateLimiter } from './rate-limit.js';
import {
  AnalyzeRequest,
  describeIssues,
  ErrorBody,
  Health,
  IdParam,
  IndexDocument,
  IndexRequest,
  IndexResult,
  REPORT_SCHEMA_PATH,
  ReportRef,
  StoredDocument,
} from './schemas.js';

export interface ServerLimits {
  /** Largest request body, in bytes (413 past it). */
  bodyBytes: number;
  /** Largest text or HTML of one document, in bytes. */
  documentBytes: number;
  /** Largest page fetched for {url}, in decoded bytes. */
  fetchBytes: number;
  /** Time a URL fetch may take, redirects included. */
  fetchTimeoutMs: number;
  /** Time one analysis may take (the CLI's --time-budget): past it the request gets a 422. */
  timeBudgetMs: number;
  /** Requests per second per client address on /api/ (0: no limit), and how many at once. */
  ratePerSecond: number;
  rateBurst: number;
  /** Stored reports kept (the newest; older permalinks then answer 404); 0 keeps all. */
  keepReports: number;
}

/** Request body room for a document of `documentBytes`: a JSON string may escape many characters. */
export const bodyBytesFor = (documentBytes: number) => 2 * documentBytes + 64 * 1024;

export const DEFAULT_LIMITS: ServerLimits = {
  bodyBytes: bodyBytesFor(DEFAULT_INGEST.maxBytes),
  documentBytes: DEFAULT_INGEST.maxBytes,
  fetchBytes: DEFAULT_INGEST.maxBytes,
  fetchTimeoutMs: 15_000,
  timeBudgetMs: DEFAULT_TIME_BUDGET_MS,
  ratePerSecond: 5,
  rateBurst: 30,
  keepReports: 100_000,
};

export interface AppOptions {
  /** The index that analyses trace against, new documents go into, and reports are kept in. */
  store: Store;
  /** When set, POST endpoints need `Authorization: Bearer <token>` (`unspun serve` sets it from UNSPUN_TOKEN). */
  token?: string | null;
  limits?: Partial<ServerLimits>;
  /**
   * Analyses (default: workers opening `store.location`, with limits.timeBudgetMs; give one when the store
   * needs more than its shown location to open, as a PostgreSQL URL with a password does).
   */
  analysis?: AnalysisService;
  /** Fetch URLs on loopback, private and link-local addresses too (tests; the CLI's --allow-private). */
  allowPrivate?: boolean;
  /** Hosts exempt from that guard, as written in URLs (tests: the first hop of a redirect to a private address). */
  fetchAllowHosts?: string[];
  /** Bound to loopback: answer only requests addressed to a loopback name (a guard against DNS rebinding). */
  loopbackOnly?: boolean;
  /** Where unexpected errors are logged, with their stack (default: stderr). */
  log?: (line: string) => void;
}

/** What the page (src/web, mountWeb) gets from the server. */
export interface WebDeps {
  /** A stored report's JSON, or null. */
  report(id: string): Promise<string | null>;
  /** An indexed document, or null. */
  document(id: string): Promise<{ id: string; title: string | null; text: string } | null>;
  tokenRequired: boolean;
  limits: ServerLimits;
}

export type Env = { Variables: SecureHeadersVariables; Bindings: { incoming?: { socket?: { remoteAddress?: string } } } };

export interface UnspunServer {
  app: OpenAPIHono<Env>;
  deps: WebDeps;
  /** Stops the analysis workers (the store is the caller's to close). */
  close(): Promise<void>;
}

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const REPORT_SCHEMA = readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8');

// Reports kept in memory when the store cannot keep them (a store without saveReport).
const MEMORY_REPORTS = 1000;

const LOOPBACK_NAMES = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

// Typed `never` so that the route handlers, whose return types zod-openapi derives from their 200 schema, may
// return it too (responses are checked by the tests against the OpenAPI document instead).
function jsonError(c: Context, status: number, message: string, headers: Record<string, string> = {}): never {
  return c.json({ error: message }, status as 400, headers) as never;
}

function rawJson(c: Context, json: string, headers: Record<string, string> = {}): never {
  return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', ...headers }) as never;
}

function sameToken(given: string, expected: string): boolean {
  // Hashes of equal length: the comparison takes the same time whatever the token given.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: STATUS_TEXT[code], content: { 'application/json': { schema: ErrorBody } } }]));

const STATUS_TEXT: Record<number, string> = {
  400: 'invalid request (the message says what is wrong)',
  401: 'token missing or wrong (servers not bound to loopback)',
  404: 'not found',
  413: 'request body or document over the size limit',
  415: 'wrong Content-Type',
  422: 'the article could not be read, fetched or analyzed within the time budget',
  429: 'too many requests from this address (see Retry-After)',
  500: 'internal error (the server goes on serving)',
  503: 'too many analyses waiting (see Retry-After)',
};

const analyzeRoute = createRoute({
  method: 'post',
  path: '/api/analyze',
  summary: 'Analyze one article: text, HTML or a URL',
  description:
    'Runs the same pipeline as `unspun analyze --format json` and stores the report: its id is in X-Report-Id, and it is served at /api/reports/{id} (the page at /r/{id}).',
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { 'application/json': { schema: AnalyzeRequest } } } },
  responses: {
    200: {
      description: 'the unspun.report/1 report',
      headers: {
        'X-Report-Id': { schema: { type: 'string' }, description: 'the stored report id' },
        Location: { schema: { type: 'string' }, description: '/api/reports/{id}' },
      },
      content: { 'application/json': { schema: ReportRef } },
    },
    ...errors(400, 401, 413, 415, 422, 429, 500, 503),
  },
});

const indexRoute = createRoute({
  method: 'post',
  path: '/api/index',
  summary: 'Add documents to the index that analyses trace reuse against',
  description: 'JSON (an array, or {"documents": [...]}) or JSON Lines (application/x-ndjson). Idempotent by id and content, as `unspun index`.',
  security: [{ bearer: [] }],
  request: {
    body: {
      // Not "required": zod-openapi would then parse every body as JSON, JSON Lines too. A request without one
      // gets a 415 all the same.
      required: false,
      content: {
        'application/json': { schema: IndexRequest },
        'application/x-ndjson': { schema: { type: 'string', description: 'one IndexDocument per line' } },
      },
    },
  },
  responses: { 200: { description: 'counts', content: { 'application/json': { schema: IndexResult } } }, ...errors(400, 401, 413, 415, 429, 500) },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/api/reports/{id}',
  summary: 'A stored report',
  request: { params: IdParam },
  responses: { 200: { description: 'the unspun.report/1 report', content: { 'application/json': { schema: ReportRef } } }, ...errors(404, 429) },
});

const documentRoute = createRoute({
  method: 'get',
  path: '/api/documents/{id}',
  summary: 'An indexed document (a source), by the id reports cite as docId',
  description: 'Ids with "/" are sent URL-encoded (bbc%2Fpolitics%2F012.txt).',
  request: { params: IdParam },
  responses: { 200: { description: 'the document', content: { 'application/json': { schema: StoredDocument } } }, ...errors(404, 429) },
});

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness',
  responses: { 200: { description: 'serving', content: { 'application/json': { schema: Health } } } },
});

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const JSONL_TYPE = /^application\/(x-ndjson|jsonl|x-jsonlines|ndjson)\s*(;|$)/i;

/**
 * The HTTP app: the JSON API (and, once src/web mounts on it, the page). Tested in process with
 * `app.request()`; `unspun serve` (src/cli/serve.ts) puts it on a socket.
 */
export function createApp(options: AppOptions): UnspunServer {
  const { store } = options;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const token = options.token || null;
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const analysis = options.analysis ?? new AnalysisService({ db: store.location, timeBudgetMs: limits.timeBudgetMs });
  const ownAnalysis = !options.analysis;
  const limiter = new RateLimiter({ perSecond: limits.ratePerSecond, burst: limits.rateBurst });
  const memoryReports = new Map<string, string>();
  const saved = new Set<string>();
  let savedSincePrune = 0;
  let indexing: Promise<unknown> = Promise.resolve();

  const app = new OpenAPIHono<Env>({
    // A request that fails its schema: 400 with the first problems, path and message.
    defaultHook: (result, c) => {
      if (!result.success) return jsonError(c, 400, describeIssues(result.error as z.ZodError));
    },
  });

  app.onError((e, c) => {
    if (e instanceof HTTPException) return jsonError(c, e.status, e.message || 'invalid request');
    // Requests are validated before any work: a UserError from below (a damaged index, a full disk) is the
    // server's trouble, told in its one line.
    if (e instanceof UserError) {
      log(`unspun serve: ${e.message}`);
      return jsonError(c, 500, e.message);
    }
    log(`unspun serve: internal error on ${c.req.method} ${new URL(c.req.url).pathname}\n${(e as Error)?.stack ?? String(e)}`);
    return jsonError(c, 500, 'internal error');
  });
  app.notFound((c) => jsonError(c, 404, `no such page or endpoint: ${c.req.method} ${new URL(c.req.url).pathname}`));

  // Headers on every response, pages and API alike. Scripts only from this origin (or with the per-response
  // nonce in c.get('secureHeadersNonce')); nothing framed, nothing fetched elsewhere.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      strictTransportSecurity: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    }),
  );

  // DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 reaches a loopback
  // server from the victim's browser, same-origin to itself. Its requests name evil.example as their host.
  if (options.loopbackOnly) {
    app.use('*', async (c, next) => {
      if (!LOOPBACK_NAMES.test(new URL(c.req.url).hostname)) return jsonError(c, 403, 'this server answers only requests addressed to localhost');
      await next();
    });
  }

  app.use('/api/*', async (c, next) => {
    const address = c.env?.incoming?.socket?.remoteAddress;
    const wait = limiter.take(address ? clientKey(address) : 'local');
    if (wait > 0) return jsonError(c, 429, `too many requests: try again in ${wait} s`, { 'Retry-After': String(wait) });
    await next();
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });

  const guardWrite: MiddlewareHandler<Env> = async (c, next) => {
    if (c.req.method !== 'POST') return next();
    if (token) {
      const m = /^Bearer\s+(.+?)\s*$/i.exec(c.req.header('authorization') ?? '');
      if (!m || !sameToken(m[1], token))
        return jsonError(c, 401, 'this server needs "Authorization: Bearer <token>" (the UNSPUN_TOKEN it was started with)', { 'WWW-Authenticate': 'Bearer' });
    }
    // JSON only: a cross-site form or a no-cors fetch can only send form and text types, so no other page can
    // make a browser post here.
    const type = c.req.header('content-type') ?? '';
    const jsonl = c.req.path === '/api/index' && JSONL_TYPE.test(type);
    if (!JSON_TYPE.test(type) && !jsonl)
      return jsonError(c, 415, `Content-Type must be application/json${c.req.path === '/api/index' ? ' or application/x-ndjson' : ''}, got ${type ? `"${type.slice(0, 100)}"` : 'none'}`);
    await next();
  };
  const limitBody = bodyLimit({
    maxSize: limits.bodyBytes,
    onError: (c) => jsonError(c, 413, `request body is over the size limit of ${limits.bodyBytes} bytes`),
  });
  app.use('/api/analyze', guardWrite, limitBody);
  app.use('/api/index', guardWrite, limitBody);

  const saveReport = async (id: string, json: string) => {
    if (saved.has(id)) return;
    if (store.saveReport) {
      await store.saveReport(id, json);
      // A public server stores a report per distinct article pasted: without a bound the file only grows.
      // Pruning reads the newest `keep` ids, so it runs every so many saves: the store holds up to 1% more.
      if (limits.keepReports > 0 && ++savedSincePrune >= Math.max(1, Math.min(100, Math.floor(limits.keepReports / 100)))) {
        savedSincePrune = 0;
        // An id pruned and asked for again must be saved again.
        if (await store.pruneReports?.(limits.keepReports)) saved.clear();
      }
    } else {
      memoryReports.set(id, json);
      if (memoryReports.size > MEMORY_REPORTS) memoryReports.delete(memoryReports.keys().next().value!);
    }
    saved.add(id);
    if (saved.size > 10_000) saved.delete(saved.values().next().value!);
  };
  const readReport = async (id: string) => memoryReports.get(id) ?? (store.report ? await store.report(id) : null);
  const readDocument = async (id: string) => {
    const d = store.docById ? await store.docById(id) : null;
    return d ? { id: d.id, title: d.title, text: storedText(store, d) } : null;
  };

  app.openapi(analyzeRoute, async (c) => {
    const body = c.req.valid('json');
    let published: string | null = null;
    if (body.published) {
      published = normalizeDate(body.published);
      if (!published) return jsonError(c, 400, `published: not a date such as 2019-04-26: ${JSON.stringify(body.published.slice(0, 40))}`);
    }
    const input = body.text ?? body.html;
    if (input !== undefined && Buffer.byteLength(input) > limits.documentBytes)
      return jsonError(c, 413, `${body.text !== undefined ? 'text' : 'html'} is over the size limit of ${limits.documentBytes} bytes`);
    const record: ArticleRecord = {
      id: body.url ?? 'pasted',
      title: body.title ?? null,
      byline: body.byline ?? null,
      published,
      url: body.url ?? null,
      maxBytes: limits.documentBytes,
    };
    if (body.url) {
      try {
        const f = await fetchUrl(body.url, {
          timeoutMs: limits.fetchTimeoutMs,
          maxBytes: limits.fetchBytes,
          maxRedirects: DEFAULT_INGEST.maxRedirects,
          allowPrivate: options.allowPrivate ?? false,
          allowHosts: options.fetchAllowHosts,
        });
        const html = !f.contentType || /html|xml/i.test(f.contentType);
        const text = decode(f.body, { name: body.url, html, charset: f.charset });
        if (html) record.html = text;
        else record.text = text;
        record.url = f.url;
      } catch (e) {
        if (e instanceof UserError) return jsonError(c, 422, e.message.replace(/ \(use --allow-private\)| \(see --max-bytes\)| \(timeout; see --timeout\)/, ''));
        throw e;
      }
    } else if (body.html !== undefined) record.html = body.html;
    else record.text = body.text;
    const r = await analysis.analyze(record, store.generation?.() ?? '', c.req.raw.signal);
    if (!r.ok) {
      if (r.busy) return jsonError(c, 503, r.message, { 'Retry-After': '1' });
      if (r.fatal || r.message.startsWith('internal error')) {
        log(`unspun serve: analysis failed: ${r.message}`);
        return jsonError(c, 500, r.fatal ? r.message : 'internal error');
      }
      return jsonError(c, 422, r.message.replace(' (--time-budget)', '').replace(/^pasted: /, ''));
    }
    await saveReport(r.id, r.json);
    return rawJson(c, r.json, { 'X-Report-Id': r.id, Location: `/api/reports/${r.id}` });
  });

  app.openapi(indexRoute, async (c) => {
    const type = c.req.header('content-type') ?? '';
    let docs: z.infer<typeof IndexDocument>[];
    if (JSONL_TYPE.test(type)) {
      docs = [];
      const lines = (await c.req.text()).split('\n');
      for (let i = 0; i < lines.length; i++) {
        if (!lines[i].trim()) continue;
        let value: unknown;
        try {
          value = JSON.parse(lines[i]);
        } catch {
          return jsonError(c, 400, `line ${i + 1}: not valid JSON`);
        }
        const p = IndexDocument.safeParse(value);
        if (!p.success) return jsonError(c, 400, `line ${i + 1}: ${describeIssues(p.error)}`);
        docs.push(p.data);
      }
    } else {
      // Validated by the route already (for this content type); parsed again here for its type.
      const body = IndexRequest.parse(await c.req.json());
      docs = Array.isArray(body) ? body : body.documents;
    }
    if (!docs.length) return jsonError(c, 400, 'no documents given');
    const ingest = { ...DEFAULT_INGEST, maxBytes: limits.documentBytes };
    const failures: { id: string; reason: string }[] = [];
    const articles: Article[] = [];
    for (const [i, d] of docs.entries()) {
      const id = String(d.id);
      const origin = `document ${i + 1} (${id})`;
      if (d.html !== undefined) {
        // A page is extracted in an analysis worker, under the time budget, like an analyzed page.
        const r = await analysis.extract({ ...d, id, html: d.html, maxBytes: limits.documentBytes });
        if (r.ok) articles.push({ ...r.article, kind: 'html', origin });
        else if (r.fatal) throw new Error(r.message);
        else {
          // As in a batch of the CLI, one document's failure is that document's: the others are indexed.
          const prefix = `${d.url ?? id}: `;
          const why = (r.message.startsWith(prefix) ? r.message.slice(prefix.length) : r.message).replace(' (--time-budget)', '');
          if (why.startsWith('internal error')) log(`unspun serve: indexing ${origin}: ${why}`);
          failures.push({ id, reason: `${origin}: ${why}` });
        }
        continue;
      }
      try {
        articles.push(articleFromRecord(d, id, origin, ingest));
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        failures.push({ id, reason: e.message });
      }
      // Plain text is read here (linear, fast): other requests still get their turn between documents.
      await yieldToEvents();
    }
    // One index run at a time: the store has one writer.
    const run = indexing.then(() => indexArticles(store, articles, { workers: articles.length > 32 ? 1 : 0, timeBudgetMs: limits.timeBudgetMs }));
    indexing = run.catch(() => undefined);
    const r = await run;
    return c.json({ added: r.added, unchanged: r.unchanged, failed: r.failed + failures.length, failures: [...failures, ...r.failures].slice(0, 100) }, 200);
  });

  app.openapi(reportRoute, async (c) => {
    const { id } = c.req.valid('param');
    const json = await readReport(id);
    if (json === null) return jsonError(c, 404, `no stored report ${JSON.stringify(id)}`);
    // A report id is the hash of its JSON: what it names never changes.
    return rawJson(c, json, { 'Cache-Control': 'private, max-age=86400, immutable' });
  });

  app.openapi(documentRoute, async (c) => {
    const { id } = c.req.valid('param');
    const d = await readDocument(id);
    if (!d) return jsonError(c, 404, `no indexed document ${JSON.stringify(id)}`);
    return c.json(d, 200);
  });

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, version: VERSION, tokenRequired: token !== null }, 200));

  app.get(REPORT_SCHEMA_PATH, (c) => c.body(REPORT_SCHEMA, 200, { 'Content-Type': 'application/schema+json; charset=utf-8' }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'UNSPUN_TOKEN: required by servers not bound to loopback, and by any server started with it set',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'unspun', version: VERSION, description: 'Forensic analyzer for news articles: where the text came from, how it was altered, whether it holds together.' },
  });

  const deps: WebDeps = { report: readReport, document: readDocument, tokenRequired: token !== null, limits };
  // The page: GET /, /r/:id (a stored report's permalink), /assets/* (its style sheet and script).
  mountWeb(app, deps);

  return {
    app,
    deps,
    close: async () => {
      await indexing;
      if (ownAnalysis) await analysis.close();
    },
  };
}
