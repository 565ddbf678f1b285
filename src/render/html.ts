// The self-contained HTML report: one page, no external assets, no script (the CSP forbids it), every
// piece of article-derived text escaped. Interactivity is links + CSS :target and <details>. It is made
// of the pieces in html-pieces.ts, as the web page is (src/web/).
import type { Report, ReportError } from '../report/report.js';
import { sourceKeys, plural } from './common.js';
import { errorHtml, escapeHtml, reportHtml, tocHtml } from './html-pieces.js';
import { REPORT_CSS, sourceStyles } from './html-style.js';

export { escapeHtml } from './html-pieces.js';
const e = escapeHtml;

// base-uri and form-action do not fall back to default-src: closed separately.
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** A self-contained HTML report: no external assets, every piece of article text escaped, no script. */
export function renderHtml(items: (Report | ReportError)[]): string {
  const reports = items.filter((x): x is Report => !('error' in x));
  const slots = Math.max(0, ...reports.map((r) => sourceKeys(r).size));
  const title = items.length === 1 && reports[0] ? `${reports[0].article.title ?? reports[0].article.id} — unspun` : `unspun report (${plural(items.length, 'article')})`;
  const body = items.map((x, i) => ('error' in x ? errorHtml(x, `a${i}`) : reportHtml(x, { prefix: `a${i}` }))).join('\n');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><style>${REPORT_CSS}${sourceStyles(slots)}</style></head>\n` +
    `<body><div class="page"><div class="brand"><b>unspun</b><span>forensic report · unspun.report/1</span><span>${plural(reports.length, 'article')}${items.length > reports.length ? `, ${plural(items.length - reports.length, 'error')}` : ''}</span></div>` +
    `${items.length > 1 ? tocHtml(items) : ''}${body}</div></body></html>\n`
  );
}
