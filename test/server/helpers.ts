import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AnalysisService } from '../../src/server/analysis.js';
import { createApp, type AppOptions, type UnspunServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';

export interface TestServer extends UnspunServer {
  store: Store;
  dir: string;
  /** Stops the app, its workers and the store, and removes the folder. */
  stop(): Promise<void>;
}

/** An app on a fresh SQLite index in a temporary folder, with one analysis worker (2 shared cores). */
export async function testServer(options: Partial<AppOptions> & { analyzersModule?: string; timeBudgetMs?: number; cacheBytes?: number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-serve-'));
  const store = await openStore(path.join(dir, 'index.db'), { create: true });
  const { analyzersModule, timeBudgetMs, cacheBytes, ...rest } = options;
  const analysis =
    rest.analysis ?? new AnalysisService({ db: store.location, workers: 1, analyzersModule, timeBudgetMs: timeBudgetMs ?? 20_000, cacheBytes });
  const server = createApp({ store, analysis, ...rest });
  return {
    ...server,
    store,
    dir,
    async stop() {
      await server.close();
      await analysis.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** Bindings as @hono/node-server passes them: the client's address is read from the socket. */
export const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

// Fictional articles written for these tests.
export const FERRY =
  'The ferry council in Port Ellery said on Monday that the crossing would reopen in May. Repairs to the north quay cost 40,000 crowns, the harbour office said. "We expect the first sailing on May 3," said Mira Voss, the council chair.';
export const SOURCE =
  'Harbour repairs in Port Ellery will cost 40,000 crowns and the ferry crossing will reopen in May, the harbour office said on Monday. Mira Voss, the council chair, said the first sailing was expected on May 3. Fishermen welcomed the news.';
