import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { SCHEMA_ID, type ReportError } from '../src/report/report.js';
import { wordDiff } from '../src/render/common.js';
import { CSP, escapeHtml, renderHtml } from '../src/render/html.js';
import { HOSTILE, ferryReport, hostileReport } from './fixtures/reports/build.js';

const ERROR_ITEM: ReportError = { schema: SCHEMA_ID, error: { id: `batch.jsonl:2`, origin: 'batch.jsonl:2', message: `batch.jsonl:2: malformed JSON on line 2 ${HOSTILE.script}` } };

// The tags the renderer itself writes; anything else in the output came from article text.
const OWN_TAGS = new Set('html head meta title style body div nav ol ul li a article section header h1 h2 h3 p span time b i small del ins mark table thead tbody tr th td details summary br'.split(' '));

/** Start tags with their attributes; throws on an attribute that is not name="value" (a sign of a break-out). */
function tagsOf(html: string): { name: string; attrs: [string, string][] }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => {
    const attrs = [...m[2].matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''] as [string, string]);
    const rebuilt = attrs.map(([k, v]) => ` ${k}="${v}"`).join('');
    if (rebuilt.replace(/=""/g, '') !== m[2].replace(/=""/g, '')) throw new Error(`odd attributes: <${m[1]}${m[2]}>`);
    return { name: m[1].toLowerCase(), attrs };
  });
}

describe('wordDiff', () => {
  it('marks words only in the source as del and only in the article as ins, and re-joins to both texts', () => {
    const src = 'The walkout will stop the route, roughly.';
    const art = 'The strike will halt the route, about.';
    const d = wordDiff(src, art);
    expect(d.filter((x) => x.op === 'del').map((x) => x.text.trim())).toEqual(['walkout', 'stop', 'roughly.']);
    expect(d.filter((x) => x.op === 'ins').map((x) => x.text.trim())).toEqual(['strike', 'halt', 'about.']);
    expect(d.filter((x) => x.op !== 'del').map((x) => x.text).join('')).toBe(art);
    expect(d.filter((x) => x.op !== 'ins').map((x) => x.source ?? x.text).join('')).toBe(src);
  });

  it('ignores case and edge punctuation, and handles empty sides', () => {
    expect(wordDiff('Russia, said', 'russia said').every((x) => x.op === 'same')).toBe(true);
    expect(wordDiff('', 'new words')).toEqual([{ op: 'ins', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'del', text: 'old' }]);
  });
});

describe('renderHtml on a full report', async () => {
  const ferry = await ferryReport();
  const html = renderHtml([ferry]);

  it('is self-contained, with a strict CSP and no script', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(CSP).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|@import/i);
  });

  it('shows the verdict, the splice map with a legend, and every sentence coloured by its source', () => {
    expect(html).toContain('class="label">SPLICED<');
    for (const s of ferry.summary.sources) expect(html).toContain(`<span class="doc">${escapeHtml(s.docId)}</span>`);
    const cells = [...html.matchAll(/<a class="cell ([\w-]+)"/g)].map((m) => m[1]);
    expect(cells).toEqual(['c0', 'c1', 'c0', 'c1', 'none', 'c2', 'bp']);
    expect(html).toMatch(/<span class="s src c0" id="a0-s0"/);
    expect(html).toMatch(/<span class="s bp" id="a0-s6"/);
  });

  it('puts the source passage beside each reused sentence with word differences marked', () => {
    expect(html).toContain('<del>company</del>');
    expect(html).toContain('<ins>operator</ins>');
    expect(html).toContain('<del>stop work</del>');
    expect(html).toContain('<ins>walk out</ins>');
    expect(html.match(/class="reuse [^"]*" id="a0-r\d+"/g)).toHaveLength(5);
    expect(html).toContain('1 other source</summary>');
  });

  it('marks findings in the text and links them to the list', () => {
    const i = ferry.findings.findIndex((f) => f.ruleId === 'coherence/dangling-pronoun');
    expect(html).toContain(`<a class="f warning" href="#a0-f${i}" title="#${i + 1} coherence/dangling-pronoun`);
    expect(html).toContain(`<li id="a0-f${i}">`);
  });

  it('shows quotes beside speakers, the timeline in date order, and entities', () => {
    expect(html).toMatch(/<b>Petra Voss<\/b><\/td><td class="q"><i>the dispute was about rest hours, not pay<\/i>.*Harbour Gazette/);
    const dates = [...html.matchAll(/<li><time>([^<]+)<\/time>/g)].map((m) => m[1]);
    expect(dates).toEqual(['1911', '2024-06-10', '2024-06-20']);
    expect(html).toContain('<mark>on Monday</mark>');
    expect(html).toContain('<li><time>2024-06-10</time> <span class="muted">Mon 10 Jun 2024</span>');
    expect(html).toMatch(/<b>Harbour Gazette<\/b> <span class="chip">outlet<\/span>/);
  });

  it('lists each date once, with every sentence that carries it', () => {
    const twice = structuredClone(ferry);
    const monday = twice.timeline.find((x) => x.value === '2024-06-10')!;
    twice.timeline.push({ ...monday, sentence: 3, start: twice.sentences[3].start, end: twice.sentences[3].start + 3, text: twice.sentences[3].text.slice(0, 3) });
    const page = renderHtml([twice]);
    expect(page.match(/<time>2024-06-10<\/time>/g)).toHaveLength(1);
    const item = page.slice(page.indexOf('<time>2024-06-10</time>'), page.indexOf('<time>2024-06-20</time>'));
    expect(item.match(/class="tx"/g)).toHaveLength(2);
    expect(item).toContain('href="#a0-s3"');
  });

  it('renders a report with empty slots (no index, no entities) and a batch with an error', async () => {
    const plain = buildReport(await analyzeArticle(textToArticle('The library reopened on Saturday. Borrowers came back.', { id: 'plain', origin: null })));
    const page = renderHtml([plain, ERROR_ITEM, ferry]);
    expect(page).toContain('<nav class="toc">');
    expect(page).toContain('<section class="err" id="a1">');
    expect(page).toContain(escapeHtml(HOSTILE.script));
    expect(page).toMatch(/id="a0-s0"/);
    expect(page).toMatch(/id="a2-r0"/);
    expect(page).not.toMatch(/id="a0-r\d/);
  });
});

describe('renderHtml on hostile article text', async () => {
  const report = await hostileReport();
  const html = renderHtml([report, ERROR_ITEM]);
  const single = renderHtml([report]);

  it('lets no tag or attribute of the article through', () => {
    expect(single).toContain(`<title>${escapeHtml(report.article.title ?? '')}`);
    for (const t of [...tagsOf(html), ...tagsOf(single)]) {
      expect(OWN_TAGS, `<${t.name}> in the output`).toContain(t.name);
      for (const [k, v] of t.attrs) {
        expect(k, `attribute on <${t.name}>`).toMatch(/^(lang|charset|http-equiv|content|name|class|id|href|title|style|aria-label|rel|open)$/);
        if (k === 'href') expect(v).toMatch(/^#a\d+(-[sfr]\d+)?$/);
        expect(v).not.toMatch(/[<>"]/);
      }
    }
    for (const page of [html, single]) {
      expect(page.match(/<style>/g)).toHaveLength(1);
      expect(page.match(/<\/style>/g)).toHaveLength(1);
      expect(page.match(/<title>/g)).toHaveLength(1);
      expect(page.match(/<\/title>/g)).toHaveLength(1);
      expect(page.match(/<meta /g)).toHaveLength(4); // charset, CSP, referrer, viewport
      expect(page).not.toMatch(/<script|<img|<svg|<iframe|<!--/i);
    }
  });

  it('links only a web address, escaped, and keeps it inside its attribute', () => {
    const r = structuredClone(report);
    r.article.url = `https://news.example/a?b=1&c="><script>window.__pwned="href"</script>`;
    const page = renderHtml([r]);
    const external = tagsOf(page).flatMap((t) => t.attrs.filter(([k, v]) => k === 'href' && !v.startsWith('#')).map(([, v]) => [t.name, v]));
    expect(external).toEqual([['a', escapeHtml(r.article.url)]]);
    expect(page).toContain('rel="noopener noreferrer nofollow"');
    expect(page).not.toMatch(/<script/i);
  });

  it('shows every payload escaped', () => {
    for (const p of Object.values(HOSTILE)) expect(html).toContain(escapeHtml(p));
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`render-html: ${CHROMIUM} is missing, skipping the browser test (CI installs it)`);

describe.skipIf(!hasChromium)('the hostile report in a real browser (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Runs in the page (a string: the project's type-check has no DOM library).
  const PROBE = `(() => {
    const all = [...document.querySelectorAll('*')];
    const visible = (el) => {
      const copy = el.cloneNode(true);
      // Sentence numbers sit between sentences; findings sit beside their paragraph.
      for (const n of copy.querySelectorAll('.sn, .beside')) n.remove();
      copy.style.position = 'absolute';
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    };
    const article = document.querySelector('#a0 .article');
    return {
      pwned: window.__pwned,
      location: location.href,
      foreign: all.filter((el) => ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'base', 'form', 'link'].includes(el.tagName.toLowerCase())).length,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + '[' + a.name + ']')),
      jsLinks: all.filter((el) => /^\\s*javascript:/i.test(el.getAttribute('href') || '')).length,
      text: visible(document.body),
      articleText: article ? visible(article) : null,
    };
  })()`;
  interface Probe {
    pwned: unknown;
    location: string;
    foreign: number;
    handlers: string[];
    jsLinks: number;
    text: string;
    articleText: string | null;
  }

  /** Loads `html` and records every sign of execution: dialogs, network requests, the __pwned global. */
  async function load(html: string) {
    const page: Page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!/^(data|about):/.test(r.url())) requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    // Give handlers (onerror of a failed image, ontoggle, a meta refresh) time to fire.
    await page.waitForTimeout(300);
    const state = (await page.evaluate(PROBE)) as Probe;
    await page.close();
    return { ...state, dialogs, requests };
  }

  it('detects an unescaped payload (the check itself can fail)', async () => {
    const r = await load(`<!doctype html><body><p>x</p><img src="http://127.0.0.1:9/canary.png" onerror="window.__pwned='canary'"></body>`);
    expect(r.requests).toContain('http://127.0.0.1:9/canary.png');
    expect(r.pwned).toBe('canary');
  });

  const hostile = hostileReport();
  // One article (its title goes into <title>) and a batch with an error line, each with and without the CSP.
  const variants = [
    { name: 'one article, as rendered with its CSP', batch: false, csp: true },
    { name: 'one article, CSP removed (escaping alone must hold)', batch: false, csp: false },
    { name: 'a batch with an error line, CSP removed', batch: true, csp: false },
  ];
  for (const v of variants) {
    it(`runs nothing and loads nothing: ${v.name}`, async () => {
      const report = await hostile;
      let html = renderHtml(v.batch ? [report, ERROR_ITEM] : [report]);
      expect(html.includes(`<title>${escapeHtml(report.article.title ?? '')}`)).toBe(!v.batch);
      if (!v.csp) {
        html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        expect(html).not.toContain('Content-Security-Policy');
      }
      const r = await load(html);
      expect(r.pwned).toBeUndefined();
      expect(r.dialogs).toEqual([]);
      expect(r.requests).toEqual([]);
      expect(r.location).toBe('about:blank');
      expect(r.foreign).toBe(0);
      expect(r.handlers).toEqual([]);
      expect(r.jsLinks).toBe(0);
      for (const p of Object.values(HOSTILE)) expect(r.text, `payload shown as text: ${p}`).toContain(p);
      // The article's own text is on the page, character for character (up to white space).
      const squash = (x: string) => x.replace(/\s+/g, ' ').trim();
      expect(squash(r.articleText ?? '')).toBe(squash(report.article.text));
    });
  }
});

