import type { Document } from '../../model/document.js';
import type { AnalyzerContext } from '../analyzer.js';

// An absolute date names its year: "March 17, 1949", "in May 2021", "on 3 June". Relative ones
// ("Monday", "last week") were resolved with the tense's help, so they cannot disagree with it.
const ABSOLUTE = /\b(?:1[89]\d\d|20\d\d)\b/;
// The date must date the event ("closed on May 3, 2021", "opened in 2019"), not a deadline ("extended until
// Nov. 9, 1989"), a span's end ("by 1992") or a modifier ("his 1990 earnings projection").
const DATING = /\b(?:on|in)\s+(?:the\s+)?$/i;
// Hypotheticals and reported plans bend tense: "would have turned 80 in 2025", "if the vote had been held in May".
const MODAL = /\b(?:would|could|might|may|should|must|if|unless|whether|hoped|expected|planned|scheduled|due)\b/i;
const CALENDAR_VALUE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?$/;

/** The value cut to the precision both sides have: "2019-05-03" vs "2019-04" compares "2019-05" with "2019-04". */
function compare(value: string, published: string): number {
  const m = CALENDAR_VALUE.exec(value);
  if (!m) return 0;
  const v = [m[1], m[2], m[3]].filter(Boolean).join('-');
  const p = published.slice(0, v.length);
  return v < p ? -1 : v > p ? 1 : 0;
}

/**
 * A dated event whose tense contradicts the publication date: told in the past but dated after it ("The plant
 * closed on May 3, 2021" in an article of March 2021), or told as coming but dated before it ("will open in
 * January 2020" in an article of 2021). Only absolute dates in plain statements count.
 */
export function findDateConflicts(doc: Document, ctx: AnalyzerContext): void {
  const published = ctx.published;
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return;
  for (const t of doc.data.timeline ?? []) {
    if (t.field || t.tense === 'present' || !ABSOLUTE.test(t.text)) continue;
    const s = doc.sentences[t.sentence];
    if (!s || s.role !== 'body' || MODAL.test(s.text)) continue;
    if (!DATING.test(doc.text.slice(Math.max(s.start, t.start - 12), t.start))) continue;
    const order = compare(t.value, published);
    const wrong = (t.tense === 'past' && order > 0) || (t.tense === 'future' && order < 0);
    if (!wrong) continue;
    // A bare year more often names a period the sentence is about ("a game set in 2012", "sales in 2003
    // will be compared") than the date of the narrated event: info; a month or a day is a warning.
    const yearOnly = t.granularity === 'year';
    ctx.report({
      ruleId: 'consistency/date',
      ...(yearOnly ? { severity: 'info' as const } : {}),
      message:
        t.tense === 'past'
          ? `Told in the past, but dated ${t.value}, after the publication date ${published}`
          : `Told as still to come, but dated ${t.value}, before the publication date ${published}`,
      start: t.start,
      end: t.end,
      sentence: t.sentence,
      data: { value: t.value, tense: t.tense, published, sentence: { start: s.start, end: s.end } },
    });
  }
}
