import * as chrono from 'chrono-node';

/** "YYYY-MM-DD" of the local calendar date chrono resolved. */
function ymd(c: chrono.ParsedComponents): string {
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A calendar date written out in full ("April 26, 2019", "2019-04-26", "Fri 26 Apr 2019 10:31"), as
 * YYYY-MM-DD, or null. Day, month and year must all be stated: nothing is guessed.
 * With `whole`, the date must be (nearly) all of the string, as on a dateline.
 */
export function parseFullDate(s: string, whole = false): string | null {
  const text = s.trim();
  if (!text || text.length > 200) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return validYmd(+iso[1], +iso[2], +iso[3]);
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    const c = r.start;
    if (!(c.isCertain('day') && c.isCertain('month') && c.isCertain('year'))) continue;
    // "Listen now!": chrono makes "now" a certain date; a written date states its year in digits.
    if (!/\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}/.test(r.text)) continue;
    if (whole) {
      const rest = (text.slice(0, r.index) + text.slice(r.index + r.text.length)).replace(/^[\s,|:-]*(published|posted|updated|on|date)?[\s,|:-]*$/i, '');
      if (rest.trim().length > 0) continue;
    }
    return ymd(c);
  }
  return null;
}

function validYmd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) return null;
  // "2019-02-30" is no day (found by the fuzzer: it came out of a JSONL record unchanged).
  if (new Date(Date.UTC(y, m - 1, d)).getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Validates a user-given date (YYYY-MM-DD or any full date) for --published. */
export function normalizeDate(s: string): string | null {
  return parseFullDate(s, true);
}
