/**
 * Leak check of the server's request path: `node --expose-gc --import tsx bench/serve-heap.ts [--requests N]`.
 * The app on a real socket (in this process, so that its heap can be read after a forced GC), POST
 * /api/analyze with the specimen from 50 keep-alive connections, bodies with Content-Length and chunked:
 * heap after GC and RSS every N requests. A report served from the cache retains nothing; a growing heap
 * here is a leak, a growing RSS with a flat heap is the allocator's high-water mark.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { AnalysisService } from '../src/server/analysis.js';
import { createApp } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '5000' }, specimen: { type: 'string' } } });
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const step = Number(args.requests);
const specimen = [args.specimen, path.resolve('../shared/data/seed/article.txt'), '/work/shared/data/seed/article.txt'].find((f) => f && existsSync(f));
if (!specimen) throw new Error('specimen not found: pass --specimen FILE');
const body = JSON.stringify({ text: readFileSync(specimen, 'utf8') });

const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-serve-heap-'));
const store = await openStore(path.join(dir, 'index.db'));
const analysis = new AnalysisService({ db: store.location, workers: 1 });
const { app } = createApp({ store, analysis, limits: { ratePerSecond: 0 } });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const port = (server.address() as { port: number }).port;
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });

const post = (chunked: boolean) =>
  new Promise<void>((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = Buffer.byteLength(body);
    const r = http.request({ port, host: '127.0.0.1', path: '/api/analyze', method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    r.on('error', reject);
    r.write(body.slice(0, 100));
    r.end(body.slice(100));
  });

try {
  await post(false);
  for (const chunked of [false, true]) {
    for (let round = 0; round <= 3; round++) {
      gc();
      await new Promise((r) => setTimeout(r, 200));
      gc();
      const m = process.memoryUsage();
      console.log(`${chunked ? 'chunked' : 'content-length'}, ${round * step} requests: heap ${(m.heapUsed / 1e6).toFixed(1)} MB, RSS ${(m.rss / 1e6).toFixed(0)} MB`);
      for (let i = 0; i < step; i += 50) await Promise.all(Array.from({ length: 50 }, () => post(chunked)));
    }
  }
} finally {
  agent.destroy();
  server.close();
  await analysis.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
