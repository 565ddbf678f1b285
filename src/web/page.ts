// The page's HTML, rendered on the server: the intake form and, on /r/:id, the report — made of the same
// pieces as the static HTML report (src/render/html-pieces.ts). No inline script, style or event handler:
// the server's CSP allows scripts and styles from this origin only.
import { escapeHtml as e, reportHtml } from '../render/html-pieces.js';
import type { Report } from '../report/report.js';

export interface PageOptions {
  /** The stored report and its id (a permalink page), if any. */
  report?: { id: string; report: Report };
  /** A message instead of a report (an unknown permalink). */
  notice?: string;
  /** Whether the API needs a token (a server not bound to loopback): the form asks for it. */
  tokenRequired: boolean;
  /** URLs of the stylesheet and the script (with their content hash, so they can be cached for good). */
  assets: { css: string; js: string };
}

/** The result area: the report with its permalink, or a notice. The page's script swaps this element. */
export function resultHtml(opts: Pick<PageOptions, 'report' | 'notice'>): string {
  if (opts.report) {
    const href = `/r/${encodeURIComponent(opts.report.id)}`;
    return (
      `<div id="result" data-report="${e(opts.report.id)}"><p class="permalink">Permalink: <a href="${e(href)}">${e(href)}</a>` +
      ` <span class="muted">· click a coloured sentence (or focus it and press Enter) to open its source beside it</span></p>` +
      `${reportHtml(opts.report.report, { prefix: 'a0', interactive: true })}</div>`
    );
  }
  if (opts.notice) return `<div id="result"><p class="notice" role="alert">${e(opts.notice)}</p></div>`;
  return '<div id="result"></div>';
}

export function pageHtml(opts: PageOptions): string {
  const r = opts.report?.report;
  const title = r ? `${r.article.title ?? r.article.id} — unspun` : 'unspun — where did this article come from?';
  const token = opts.tokenRequired
    ? `<label class="token">Token <input type="password" id="token" name="token" autocomplete="off" required aria-describedby="token-hint"></label>` +
      `<span id="token-hint" class="hint">this server needs the UNSPUN_TOKEN it was started with</span>`
    : '';
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><title>${e(title)}</title>` +
    `<link rel="icon" href="/assets/icon.svg"><link rel="stylesheet" href="${e(opts.assets.css)}"><script type="module" src="${e(opts.assets.js)}"></script></head>\n` +
    `<body><div class="page"><header class="brand"><b><a href="/">unspun</a></b><span>forensic analyzer for news articles · where the text came from, how it was altered, whether it holds together</span></header>` +
    // POST, so that without the script an article never ends up in an address (or a server log).
    `<main><form id="intake" class="intake" method="post">` +
    `<label for="input">Paste an article's text, a page's HTML or a URL — or drop an .html or .txt file here</label>` +
    `<textarea id="input" name="input" rows="7" spellcheck="false" required aria-describedby="intake-hint"></textarea>` +
    `<div class="controls"><button type="submit" id="go">Analyze</button>` +
    `<label class="file">or open a file <input type="file" id="file" accept=".html,.htm,.txt,text/html,text/plain"></label>${token}` +
    `<span id="status" role="status" aria-live="polite"></span></div>` +
    `<p id="intake-hint" class="hint">A single web address is fetched; text that starts with a tag is read as HTML; anything else as plain text (an optional title, byline and date on its first lines).</p>` +
    `</form>${resultHtml(opts)}</main></div></body></html>\n`
  );
}

// The page's own rules, after the report's style sheet.
export const PAGE_CSS = `
.brand a{color:inherit}
main{display:block}
.intake{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin-bottom:24px}
.intake>label{display:block;font-weight:600;margin-bottom:6px}
.intake textarea{display:block;width:100%;min-height:8em;font:13.5px/1.5 var(--mono);padding:10px;border:1px solid #6e7781;border-radius:6px;resize:vertical;background:#fff;color:var(--ink)}
.intake.drag textarea{outline:3px dashed var(--info);outline-offset:2px;background:#ddf4ff}
.controls{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:center;margin-top:10px;font-size:14px}
.controls button{font:600 14px var(--sans);padding:7px 18px;border-radius:6px;border:1px solid #0550ae;background:#0550ae;color:#fff;cursor:pointer}
.controls button:disabled{background:#59636e;border-color:#59636e;cursor:progress}
.controls input[type=file]{font-size:13px;max-width:100%}
.token input{font:14px var(--mono);padding:4px 6px;border:1px solid #6e7781;border-radius:4px}
.hint{color:var(--muted);font-size:12.5px;margin:8px 0 0}
#status{color:var(--muted)}
#status.error{color:var(--error);font-weight:600}
.notice{background:var(--panel);border:1px solid var(--line);border-left:6px solid var(--error);border-radius:8px;padding:14px 18px}
.permalink{font-size:13px;margin:0 0 10px;overflow-wrap:anywhere}
:focus-visible{outline:2px solid var(--info);outline-offset:2px}
.s[tabindex]{cursor:pointer}
.s[tabindex]:hover{box-shadow:inset 0 -3px 0 var(--c)}
.s.open{outline:2px solid var(--c);outline-offset:1px}
/* A long article: rows and comparisons off screen are not laid out or painted until scrolled to. */
.para,.reuse{content-visibility:auto;contain-intrinsic-size:auto 140px}
.source-panel{border:1px solid var(--line);border-left:4px solid var(--c,var(--line));border-radius:6px;background:var(--panel);padding:10px 12px;margin:0 0 10px;font-size:13.5px;box-shadow:0 2px 8px rgba(31,35,40,.08)}
.source-panel:focus{outline:2px solid var(--c,var(--info))}
.source-panel header{display:flex;gap:8px;align-items:baseline;justify-content:space-between;margin-bottom:6px}
.source-panel header b{font-size:13px}
.source-panel .close{font:600 13px var(--sans);border:1px solid var(--line);background:var(--bg);color:var(--ink);border-radius:4px;padding:1px 8px;cursor:pointer}
.source-panel .pair{grid-template-columns:1fr;gap:8px;font-size:14.5px}
.source-panel .ctx{margin:8px 0 0;padding:8px 10px;background:var(--bg);border-radius:4px;font:14px/1.6 var(--serif);color:var(--muted);max-height:16em;overflow:auto}
.source-panel .ctx mark{background:var(--t);color:var(--ink);box-shadow:inset 0 -2px 0 var(--c)}
.source-panel .ctx h4{margin:0 0 4px;font:600 11px var(--sans);text-transform:uppercase;letter-spacing:.06em}
@media (max-width:600px){.controls{gap:8px}.controls button{flex:1 0 100%}}
`;
