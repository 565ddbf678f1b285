import { titleDocument } from '../../model/document.js';
import type { Granularity, TimeExpression } from '../../model/types.js';
import type { Analyzer } from '../analyzer.js';
import { parseDay } from './calendar.js';
import { extractTimes, type TimeCandidate } from './extract.js';
import { headlineTense } from './tense.js';

const TIMELINE_GRAINS = new Set<string>(['time', 'day', 'week', 'month', 'quarter', 'year'] satisfies Granularity[]);

/**
 * What the report's timeline keeps of the extracted expressions: dates and times that name a point or span
 * on the calendar. Durations ("three years"), sets ("every week"), vague references ("recently") and
 * coarse spans (decades, seasons, halves) are extracted (and benchmarked) but stay out of the timeline;
 * so do relative expressions when the publication date is unknown (rule time/no-anchor).
 */
export function toTimeline(found: readonly TimeCandidate[]): TimeExpression[] {
  const out: TimeExpression[] = [];
  for (const c of found) {
    if (c.value === null || (c.type !== 'DATE' && c.type !== 'TIME') || !TIMELINE_GRAINS.has(c.granularity)) continue;
    out.push({
      start: c.start,
      end: c.end,
      text: c.text,
      value: c.value,
      granularity: c.granularity as Granularity,
      tense: c.tense,
      sentence: c.sentence,
    });
  }
  return out;
}

export const timeAnalyzer: Analyzer = {
  name: 'time',
  description: 'time expressions resolved against the publication date; the timeline',
  rules: [
    {
      id: 'time/no-anchor',
      severity: 'info',
      description:
        'Relative time expressions ("last week", "Monday") cannot be resolved: the publication date is unknown.',
    },
  ],
  run(doc, ctx) {
    const found = extractTimes(doc, { published: ctx.published });
    doc.data.timeline = toTimeline(found);
    // The headline: its tense, and its time expressions in the timeline as title entries ("to meet Putin this
    // month": future, this month).
    const sub = titleDocument(doc);
    if (sub && doc.data.title) {
      const tense = headlineTense(sub.tokens);
      doc.data.title.tense = tense;
      for (const x of toTimeline(extractTimes(sub, { published: ctx.published }))) {
        // A headline of several sentences ("Mill closes. Workers leave.") is still the title: sentence 0, as the
        // report contract says, never an index into the body's sentences.
        doc.data.timeline.push({ ...x, tense: tense ?? x.tense, field: 'title', sentence: 0 });
      }
    }
    // No date, or one that is not a calendar date ("2019-13-45"): relative expressions stay unresolved.
    if (ctx.published === null || parseDay(ctx.published) === null) {
      const relative = found.filter((c) => c.relative && (c.type === 'DATE' || c.type === 'TIME'));
      if (relative.length > 0) {
        const first = relative[0];
        ctx.report({
          ruleId: 'time/no-anchor',
          message: `"${first.text}"${relative.length > 1 ? ` and ${relative.length - 1} more relative time expression${relative.length > 2 ? 's' : ''}` : ''} cannot be dated: the publication date is ${ctx.published === null ? 'unknown' : `not a date (${ctx.published})`} (give --published YYYY-MM-DD)`,
          start: first.start,
          end: first.end,
          data: { expressions: relative.map((c) => c.text) },
        });
      }
    }
  },
};

export { extractTimes, type TimeCandidate } from './extract.js';
