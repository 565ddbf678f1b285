import type { Report, ReportError } from '../report/report.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

/** A self-contained HTML report: no external assets, every piece of article text escaped. */
export function renderHtml(items: (Report | ReportError)[]): string {
  const body = items
    .map((r) =>
      'error' in r
        ? `<section class="error"><p>${escapeHtml(r.error.message)}</p></section>`
        : `<section><h1>${escapeHtml(r.article.title ?? r.article.id)}</h1>${r.sentences.map((s) => `<p>${escapeHtml(s.text)}</p>`).join('')}</section>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>unspun report</title></head><body>${body}</body></html>\n`;
}
