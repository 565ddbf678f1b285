import type { Report, ReportError } from '../report/report.js';

/**
 * One report: indented at the top level, one sentence, finding, entity, quote or time per line. (Indenting
 * every level grew a report of 400 KB of text with thousands of quotes by a third, in spaces.)
 * A batch: JSON Lines, one report (or error) per line.
 */
export function renderJson(items: (Report | ReportError)[], batch: boolean): string {
  if (!batch && items.length === 1) return indented(items[0]) + '\n';
  return items.map((r) => JSON.stringify(r)).join('\n') + (items.length ? '\n' : '');
}

function indented(r: Report | ReportError): string {
  const fields = Object.entries(r).map(([k, v]) => {
    const key = JSON.stringify(k);
    if (Array.isArray(v) && v.length) return `  ${key}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
    return `  ${key}: ${JSON.stringify(v)}`;
  });
  return `{\n${fields.join(',\n')}\n}`;
}
