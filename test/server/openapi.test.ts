import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './helpers.js';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let s: TestServer;
let doc: OpenApi;
beforeAll(async () => {
  s = await testServer();
  doc = (await (await s.app.request('/api/openapi.json')).json()) as OpenApi;
});
afterAll(() => s.stop());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

describe('/api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose operations are exactly the API routes of the app', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'unspun', version: expect.any(String) });
    const documented = Object.entries(doc.paths)
      .flatMap(([p, ops]) => Object.keys(ops).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const served = s.app.routes
      .filter((r) => METHODS.includes(r.method.toLowerCase()) && /^\/(api\/(?!openapi\.json|schema\/)|healthz)/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(documented).toEqual([...new Set(served)].sort());
    expect(documented).toEqual(['GET /api/documents/:id', 'GET /api/reports/:id', 'GET /healthz', 'POST /api/analyze', 'POST /api/index']);
  });

  it('declares every path parameter, a success and an error answer, and the token on writes', () => {
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const names = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect((op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name), `${method} ${p}`).toEqual(names);
        expect(Object.keys(op.responses), `${method} ${p}`).toContain('200');
        if (p !== '/healthz') expect(op.responses['429'] ?? op.responses['404'], `${method} ${p}`).toBeDefined();
        if (method === 'post') {
          expect((op as { security?: unknown }).security).toEqual([{ bearer: [] }]);
          expect(op.responses['401'].content!['application/json'].schema.$ref).toBe('#/components/schemas/Error');
        }
      }
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('holds JSON Schemas that accept what the server accepts and refuse what it refuses', async () => {
    const ajv = new Ajv2020({ strict: false });
    // OpenAPI 3.1 schemas are JSON Schema 2020-12: the components compile as one schema document.
    ajv.addSchema({ $id: 'api', $defs: JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', 'api#/$defs/')) as object });
    const analyzeBody = doc.paths['/api/analyze'].post.requestBody!.content['application/json'].schema as { $ref: string };
    const valid = ajv.compile({ $ref: analyzeBody.$ref.replace('#/components/schemas/', 'api#/$defs/') });
    const cases: [unknown, boolean][] = [
      [{ text: 'The ferry sailed on Monday.', published: '2025-04-14' }, true],
      [{ url: 'https://example.org/news/1', title: null }, true],
      [{ text: 'x', colour: 'red' }, false],
      [{ text: 42 }, false],
      [{ text: '' }, false],
      [{ url: 'ftp://example.org/a' }, false],
    ];
    for (const [body, expected] of cases) {
      expect(valid(body), JSON.stringify(body)).toBe(expected);
      const r = await s.app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(expected ? { ...(body as object), url: undefined, text: 'The ferry sailed.' } : body) });
      expect(r.status === 400, JSON.stringify(body)).toBe(!expected);
    }
    const index = ajv.compile({ $ref: 'api#/$defs/IndexRequest' });
    expect(index([{ id: 'a', text: 'x' }])).toBe(true);
    expect(index({ documents: [{ id: 7, html: '<p>x</p>' }] })).toBe(true);
    expect(index([{ text: 'x' }])).toBe(false);
  });

  it("points the report answers at the report's own JSON Schema, served beside it", async () => {
    const ref = doc.paths['/api/analyze'].post.responses['200'].content!['application/json'].schema.$ref!;
    expect(ref).toBe('/api/schema/report.json#/$defs/report');
    expect(doc.paths['/api/reports/{id}'].get.responses['200'].content!['application/json'].schema.$ref).toBe(ref);
    const r = await s.app.request('/api/schema/report.json');
    expect(r.status).toBe(200);
    const schema = (await r.json()) as { title: string; $defs: Record<string, unknown> };
    expect(schema.title).toBe('unspun.report/1');
    expect(schema.$defs.report).toBeDefined();
  });
});
