import type { Report, ReportError } from '../report/report.js';

/** One report: indented JSON. A batch: JSON Lines, one report (or error) per line. */
export function renderJson(items: (Report | ReportError)[], batch: boolean): string {
  if (!batch && items.length === 1) return JSON.stringify(items[0], null, 2) + '\n';
  return items.map((r) => JSON.stringify(r)).join('\n') + (items.length ? '\n' : '');
}
