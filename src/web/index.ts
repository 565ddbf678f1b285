// The web page of `unspun serve`: GET / (the intake form), GET /r/:id (a stored report: the permalink) and
// GET /assets/* (style sheet and script). The server (src/server/app.ts) mounts it with one call.
import type { Hono } from 'hono';
import type { Report } from '../report/report.js';
import { scriptAsset, styleAsset, type Asset } from './assets.js';
import { pageHtml } from './page.js';

/** What the page needs from the server (src/server's WebDeps has these and more). */
export interface WebDeps {
  /** A stored report's JSON, or null. */
  report(id: string): Promise<string | null>;
  /** Whether POST endpoints need a token: the form then asks for it. */
  tokenRequired: boolean;
}

const HTML = 'text/html; charset=utf-8';

// A splice map of three sources, as the tab's icon (a page without one makes the browser ask for /favicon.ico).
const ICON: Asset = {
  type: 'image/svg+xml',
  hash: 'icon',
  body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="5" height="16" fill="#1d4ed8"/><rect x="5.5" width="5" height="16" fill="#a21caf"/><rect x="11" width="5" height="16" fill="#b45309"/></svg>',
};

/** Registers the page's routes on `app`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any app env: the page reads none of it
export function mountWeb(app: Hono<any>, deps: WebDeps): void {
  const css = styleAsset();
  let js: Promise<Asset> | null = null;
  const script = () => (js ??= scriptAsset());
  const assets = async () => ({ css: `/assets/page.css?v=${css.hash}`, js: `/assets/page.js?v=${(await script()).hash}` });
  const serve = (a: Asset) =>
    new Response(a.body, { status: 200, headers: { 'Content-Type': a.type, 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' } });

  app.get('/', async (c) => c.body(pageHtml({ tokenRequired: deps.tokenRequired, assets: await assets() }), 200, { 'Content-Type': HTML, 'Cache-Control': 'no-cache' }));

  app.get('/r/:id', async (c) => {
    const id = c.req.param('id');
    const json = id.length <= 1000 ? await deps.report(id) : null;
    const page = (status: 200 | 404, report?: { id: string; report: Report }) =>
      c.body(
        pageHtml({ tokenRequired: deps.tokenRequired, report, notice: report ? undefined : `No stored report with the id ${JSON.stringify(id.slice(0, 100))}.`, assets: a }),
        status,
        { 'Content-Type': HTML, 'Cache-Control': 'no-cache' },
      );
    const a = await assets();
    if (json === null) return page(404);
    return page(200, { id, report: JSON.parse(json) as Report });
  });

  app.get('/assets/page.css', () => serve(css));
  app.get('/assets/page.js', async () => serve(await script()));
  app.get('/assets/icon.svg', () => serve(ICON));
}
