// Calendar arithmetic on plain dates (no time zones): a Day is days since 1970-01-01, UTC.

export type Day = number;
const MS = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS);
}

export function parseDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return day(y, mo, d);
}

export function ymd(d: Day): { y: number; m: number; d: number; weekday: number } {
  const t = new Date(d * MS);
  // weekday: 0 = Sunday, as chrono and Date do
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday: t.getUTCDay() };
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p4 = (n: number) => String(n).padStart(4, '0');

export function fmtDay(d: Day): string {
  const t = ymd(d);
  return `${p4(t.y)}-${p2(t.m)}-${p2(t.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  // normalise month overflow: (2019, 0) is 2018-12
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return `${p4(yy)}-${p2(mm)}`;
}

export function fmtYear(y: number): string {
  return p4(y);
}

export function fmtQuarter(y: number, q: number): string {
  const yy = y + Math.floor((q - 1) / 4);
  const qq = ((((q - 1) % 4) + 4) % 4) + 1;
  return `${p4(yy)}-Q${qq}`;
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(d: Day): { year: number; week: number } {
  const wd = (ymd(d).weekday + 6) % 7; // Monday = 0
  const thursday = d - wd + 3;
  const year = ymd(thursday).y;
  const week = Math.floor((thursday - day(year, 1, 1)) / 7) + 1;
  return { year, week };
}

export function fmtWeek(d: Day): string {
  const w = isoWeek(d);
  return `${p4(w.year)}-W${p2(w.week)}`;
}

export function fmtTime(d: Day, h: number, min: number): string {
  return `${fmtDay(d)}T${p2(h)}:${p2(min)}`;
}

/** The latest day with this weekday on or before `ref` (back) or the earliest on or after it (forward). */
export function weekdayNear(ref: Day, weekday: number, direction: 'back' | 'forward', strict = false): Day {
  const wd = ymd(ref).weekday;
  if (direction === 'back') {
    let delta = (wd - weekday + 7) % 7;
    if (strict && delta === 0) delta = 7;
    return ref - delta;
  }
  let delta = (weekday - wd + 7) % 7;
  if (strict && delta === 0) delta = 7;
  return ref + delta;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Same day `n` months later (clamped to the month's end). */
export function addMonths(d: Day, n: number): Day {
  const t = ymd(d);
  const total = t.y * 12 + (t.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return day(y, m, Math.min(t.d, daysInMonth(y, m)));
}
