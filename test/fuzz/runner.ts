/**
 * The fuzz harness's worker: a child process that runs one case at a time (read or analyze an input) and
 * answers on stdout. It lives in its own process so that the parent can kill a case that overruns its time
 * bound (a regex backtracking for minutes cannot be interrupted in-process) or blows up memory, and carry on.
 *
 * Protocol: one JSON request per line on stdin; one line per answer on stdout, prefixed with MARK (anything
 * else on stdout, e.g. a stray debug print, is ignored).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { decode } from '../../src/ingest/decode.js';
import { htmlToArticle } from '../../src/ingest/html.js';
import { articleFromString, DEFAULT_INGEST, readInputs } from '../../src/ingest/index.js';
import { textToArticle } from '../../src/ingest/text.js';
import type { Article } from '../../src/model/document.js';
import { UserError } from '../../src/model/errors.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';
import { buildReport } from '../../src/report/build.js';
import { renderJson } from '../../src/render/json.js';
import { indexArticles } from '../../src/reuse/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { MARK, SOURCE_COUNT, sourceText, type Answer, type ArticleOut, type Request } from './shared.js';

const out = (a: Answer) => process.stdout.write(MARK + JSON.stringify(a) + '\n');
const slim = (a: Article): ArticleOut => ({ id: a.id, kind: a.kind, text: a.text, title: a.title, byline: a.byline, published: a.published, url: a.url });

const dir = mkdtempSync(path.join(tmpdir(), 'unspun-fuzz-'));
let store: Store | null = null;
const sources: Record<string, string> = {};

async function theStore(): Promise<Store> {
  if (store) return store;
  const s = await openStore(path.join(dir, 'sources.db'), { create: true });
  const docs: Article[] = [];
  for (let i = 0; i < SOURCE_COUNT; i++) {
    const text = sourceText(i);
    sources[`src${i}`] = text;
    docs.push({ id: `src${i}`, kind: 'text', origin: null, text, title: null, byline: null, published: null, url: null });
  }
  await indexArticles(s, docs, { workers: 0 });
  return (store = s);
}

async function handle(req: Request): Promise<Answer> {
  const t0 = performance.now();
  // CPU time as well as wall time: on a loaded machine a case can wait for a core without being slow itself.
  const c0 = process.cpuUsage();
  const cpu = () => {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const done = (a: Omit<Extract<Answer, { ok: true }>, 'id' | 'ms' | 'cpuMs' | 'ok'>): Answer => ({ id: req.id, ms: performance.now() - t0, cpuMs: cpu(), ok: true, ...a });
  try {
    switch (req.op) {
      case 'text':
        return done({ article: slim(textToArticle(req.text, { id: 'fuzz', origin: null })) });
      case 'html':
        return done({ article: slim(htmlToArticle(req.html, { id: 'fuzz', origin: null })) });
      case 'bytes': {
        const text = decode(Buffer.from(req.b64, 'base64'), { name: req.name, html: req.html ?? true });
        return done({ article: slim(articleFromString(text, { id: 'fuzz', origin: req.name, html: req.html })) });
      }
      case 'jsonl': {
        const file = path.join(dir, `case${req.id}.jsonl`);
        writeFileSync(file, req.content);
        const items: NonNullable<Extract<Answer, { ok: true }>['items']> = [];
        try {
          // Messages name the file: the same name for every case, so that two cases' answers compare.
          for await (const it of readInputs([file], DEFAULT_INGEST)) items.push(it.ok ? { ok: true, article: slim(it.article) } : { ok: false, message: it.message.split(file).join('fuzz.jsonl') });
        } finally {
          rmSync(file, { force: true });
        }
        return done({ items });
      }
      case 'analyze': {
        // Bytes go through the decoder first, as a file's would.
        const input = req.b64 !== undefined ? decode(Buffer.from(req.b64, 'base64'), { name: 'fuzz', html: req.html ?? true }) : (req.input ?? '');
        const article = articleFromString(input, { id: 'fuzz', origin: null, html: req.html });
        const s = req.store ? await theStore() : undefined;
        const doc = await analyzeArticle(article, { store: s, published: req.published });
        const json = renderJson([buildReport(doc)], false);
        return done({ json, sources: req.store ? sources : undefined });
      }
    }
  } catch (e) {
    const ms = performance.now() - t0;
    if (e instanceof UserError) return { id: req.id, ms, cpuMs: cpu(), ok: false, userError: e.message };
    const err = e instanceof Error ? e : new Error(String(e));
    return { id: req.id, ms, cpuMs: cpu(), ok: false, crash: { name: err.name, message: err.message.slice(0, 500), stack: (err.stack ?? '').split('\n').slice(0, 12).join('\n') } };
  }
}

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
process.stdout.write(MARK + JSON.stringify({ ready: true }) + '\n');
// One case at a time, in order: the parent waits for each answer.
for await (const line of rl) {
  if (!line.trim()) continue;
  out(await handle(JSON.parse(line) as Request));
}
await (store as Store | null)?.close();
rmSync(dir, { recursive: true, force: true });
