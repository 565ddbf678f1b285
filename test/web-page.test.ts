// The page's routes in process (app.request), without a browser: what the server sends before any script
// runs. test/browser/ drives the same page in Chromium.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/render/html.js';
import { mountWeb } from '../src/web/index.js';
import { HOSTILE, ferryReport, hostileReport } from './fixtures/reports/build.js';

async function appWith(reports: Record<string, unknown>, tokenRequired = false) {
  const app = new Hono();
  mountWeb(app, { report: async (id) => (id in reports ? JSON.stringify(reports[id]) : null), tokenRequired });
  return app;
}

/** Signs that the page would need inline script or style: found in its tags (article text has no "<" left). */
function inlineCode(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = m;
    if (/^(script)$/i.test(name) && !/\ssrc="/.test(attrs)) out.push(tag);
    if (/^style$/i.test(name)) out.push(tag);
    for (const a of attrs.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)) {
      if (/^(style|on[a-z]+)$/i.test(a[1])) out.push(`${name}[${a[1]}]`);
      if (/^\s*javascript:/i.test(a[2] ?? '')) out.push(`${name}[${a[1]}=${a[2]}]`);
    }
  }
  return out;
}

describe('the page (src/web)', async () => {
  const ferry = await ferryReport();
  const hostile = await hostileReport();
  const app = await appWith({ ferry1: ferry, 'hostile-1': hostile });

  it('detects inline code (the check itself can fail)', () => {
    expect(inlineCode('<p style="x" onclick="y">&lt;b onclick=z&gt;<a href="javascript:v">a</a><script>w</script><style>')).toEqual(['p[style]', 'p[onclick]', 'a[href=javascript:v]', '<script>', '<style>']);
  });

  it('serves the form with its assets from this origin, and nothing inline', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<form id="intake"[^>]*>/);
    expect(html).toContain('<textarea id="input"');
    expect(html).toMatch(/<input type="file" id="file" accept="[^"]*\.html[^"]*\.txt/);
    expect(html).not.toContain('id="token"');
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(['/assets/icon.svg', expect.stringMatching(/^\/assets\/page\.css\?v=[\w-]+$/), expect.stringMatching(/^\/assets\/page\.js\?v=[\w-]+$/), '/']);
    expect(inlineCode(html)).toEqual([]);
    for (const a of assets.slice(0, 3)) {
      const r = await app.request(a);
      expect(r.status, a).toBe(200);
      expect(r.headers.get('cache-control')).toContain('immutable');
    }
  });

  it('asks for the token when the API needs one', async () => {
    const html = await (await (await appWith({}, true)).request('/')).text();
    expect(html).toMatch(/<input type="password" id="token"/);
  });

  it('renders a stored report at its permalink with the HTML report pieces, interactive', async () => {
    const res = await app.request('/r/ferry1');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Ferry workers in Port Ellery to strike this month — unspun</title>');
    expect(html).toContain('<div id="result" data-report="ferry1"><p class="permalink">Permalink: <a href="/r/ferry1">');
    expect(html).toContain('class="label">SPLICED<');
    // Splice-map cells are out of the tab order (the sentences are in it).
    expect(html.match(/<a class="cell [^"]*" href="#a0-s\d+" tabindex="-1"/g)).toHaveLength(ferry.sentences.length);
    // Reused sentences are focusable, and their comparisons name the source and its span for the script.
    const reused = ferry.sentences.filter((s) => s.sources.length);
    expect(html.match(/<span class="s src [^"]*" id="a0-s\d+" tabindex="0"/g)).toHaveLength(reused.length);
    for (const s of reused) {
      const m = s.sources[0];
      expect(html).toContain(`id="a0-r${s.index}" data-doc="${escapeHtml(m.docId)}" data-start="${m.start}" data-end="${m.end}">`);
    }
    expect(html).toContain('<del>stop work</del>');
    expect(inlineCode(html)).toEqual([]);
  });

  it('escapes a hostile report and an unknown id', async () => {
    const html = await (await app.request('/r/hostile-1')).text();
    expect(inlineCode(html)).toEqual([]);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(img|svg|iframe|meta http-equiv|details open|body onload)\b/i);
    for (const p of Object.values(HOSTILE)) expect(html).toContain(escapeHtml(p));
    const missing = await app.request(`/r/${encodeURIComponent(HOSTILE.script)}`);
    expect(missing.status).toBe(404);
    const text = await missing.text();
    expect(text).toContain('No stored report with the id');
    expect(text).toContain(escapeHtml(JSON.stringify(HOSTILE.script)));
    expect(text.match(/<script\b/g)).toHaveLength(1);
  });

  it('serves one style sheet for report and page, and a script that never writes markup', async () => {
    const css = await (await app.request('/assets/page.css')).text();
    expect(css).toContain('.verdict{');
    expect(css).toContain('.source-panel{');
    expect(css).toContain('.c63{');
    const res = await app.request('/assets/page.js');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const js = await res.text();
    expect(js).toContain("fetch('/api/analyze'");
    expect(js).toContain('history.pushState');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});
