import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisService } from '../../src/server/analysis.js';
import { createApp, type UnspunServer } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';
import { pgSchemas } from '../helpers/pg.js';
import { FERRY, json, SOURCE } from './helpers.js';

// The server on the PostgreSQL store (CI starts PostgreSQL): the same API, reports kept in the database.
const schemas = pgSchemas('unspun_serve');
let store: Store;
let analysis: AnalysisService;
let server: UnspunServer;
beforeAll(async () => {
  const url = schemas.url();
  store = await openStore(url, { create: true });
  analysis = new AnalysisService({ db: url, workers: 1 });
  server = createApp({ store, analysis, limits: { ratePerSecond: 0 } });
});
afterAll(async () => {
  await server.close();
  await analysis.close();
  await store.close();
  await schemas.dropAll();
});

describe('unspun serve on PostgreSQL', () => {
  it('indexes, traces against what it indexed, stores the report and serves it and the source by id', async () => {
    const { app } = server;
    const i = await app.request('/api/index', json([{ id: 'ellery-post/ferry.txt', title: 'Ferry crossing to reopen', text: SOURCE }]));
    expect(await i.json()).toMatchObject({ added: 1, failed: 0 });
    const a = await app.request('/api/analyze', json({ text: FERRY }));
    expect(a.status).toBe(200);
    const report = (await a.json()) as { sentences: { sources: { docId: string }[] }[] };
    expect(report.sentences.flatMap((s) => s.sources.map((x) => x.docId))).toContain('ellery-post/ferry.txt');
    const stored = await app.request(`/api/reports/${a.headers.get('x-report-id')}`);
    expect(await stored.json()).toEqual(report);
    const d = await app.request(`/api/documents/${encodeURIComponent('ellery-post/ferry.txt')}`);
    expect(await d.json()).toEqual({ id: 'ellery-post/ferry.txt', title: 'Ferry crossing to reopen', text: SOURCE });
  });
});
