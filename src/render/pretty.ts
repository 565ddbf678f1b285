import pc from 'picocolors';
import type { Report, ReportError } from '../report/report.js';

/** A terminal report. Colour only when `color` is set (the CLI sets it on a TTY). */
export function renderPretty(items: (Report | ReportError)[], color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  for (const r of items) {
    if ('error' in r) {
      out.push(c.red(`✖ ${r.error.message}`), '');
      continue;
    }
    out.push(c.bold(r.article.title ?? r.article.id));
    out.push(c.dim([r.article.byline, r.article.published, r.article.url].filter(Boolean).join(' · ')));
    out.push(`${r.verdict.label.toUpperCase()} (score ${r.verdict.score})  ${r.summary.sentences} sentences`);
    for (const f of r.findings) out.push(`  ${f.severity.padEnd(7)} ${f.ruleId.padEnd(28)} ${f.message}`);
    out.push('');
  }
  return out.join('\n');
}
