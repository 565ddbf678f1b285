// Time expressions on TimeBank 1.2 (../shared/data/bench/timebank): detection P/R/F1 (strict = exact span,
// relaxed = overlapping span, one-to-one as in TempEval-3), value accuracy (share of relaxed matches with the
// gold TimeML value) and value F1 (TempEval-3: correct values over system and gold counts), for unspun's
// time analyzer, chrono-node alone and chrono with a plain past bias, side by side in one run.
// Files whose names sort in the first half are the development split; the second half is held out.
//
//   npm run bench:time [-- --errors dev|test] [--data DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as chrono from 'chrono-node';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { extractTimes, type TimeCandidate } from '../src/analyzers/time/extract.js';
import { toTimeline } from '../src/analyzers/time/index.js';
import { day, fmtDay, fmtMonth, fmtTime, fmtYear, parseDay, weekdayNear, ymd } from '../src/analyzers/time/calendar.js';
import { createDocument, type Article } from '../src/model/document.js';

interface Timex {
  start: number;
  end: number;
  type: string;
  value: string | null;
  text: string;
}

interface Doc {
  name: string;
  text: string;
  dct: string;
  gold: Timex[];
}

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(opt('--data') ?? join(process.cwd(), '../shared/data/bench/timebank/TimeBank'));

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strips the TimeML tags of <TEXT>, keeping the offsets of each TIMEX3 in the plain text. */
function parseTml(name: string, xml: string): Doc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml);
  const dct = dctTag ? (/value="([^"]+)"/.exec(dctTag[0])?.[1] ?? '').slice(0, 10) : '';
  const from = xml.indexOf('<TEXT>');
  const to = xml.indexOf('</TEXT>');
  const body = xml.slice(from + 6, to);
  let text = '';
  const gold: Timex[] = [];
  let open: { start: number; type: string; value: string | null } | null = null;
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(\w+);|[^<&]+|[<&]/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        if (open) gold.push({ start: open.start, end: text.length, type: open.type, value: open.value, text: text.slice(open.start) });
        open = null;
      } else {
        const type = /type="([^"]+)"/.exec(m[3])?.[1] ?? 'DATE';
        const value = /value="([^"]*)"/.exec(m[3])?.[1] ?? null;
        open = { start: text.length, type, value };
      }
    } else if (m[4]) text += ENTITIES[m[4]] ?? m[0];
    else text += m[0];
  }
  // Leading and trailing white space inside a TIMEX3 is not part of the expression.
  for (const g of gold) {
    while (g.start < g.end && /\s/.test(text[g.start])) g.start++;
    while (g.end > g.start && /\s/.test(text[g.end - 1])) g.end--;
    g.text = text.slice(g.start, g.end);
  }
  return { name, text, dct, gold };
}

interface Sys {
  start: number;
  end: number;
  value: string | null;
  type: string;
}

/** chrono-node alone: the value at the finest certain component, chrono's own guesses for the rest. */
function chronoAlone(doc: Doc, pastBias: boolean): Sys[] {
  const ref = parseDay(doc.dct)!;
  const t = ymd(ref);
  const refDate = new Date(t.y, t.m - 1, t.d, 12);
  const out: Sys[] = [];
  for (const r of chrono.casual.parse(doc.text, refDate)) {
    const c = r.start;
    let y = c.get('year') ?? t.y;
    const mo = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    let date = day(y, mo, d);
    if (pastBias && !c.isCertain('year') && date > ref) {
      // A plain past bias: a date chrono put after publication moves back by the unit it guessed.
      if (c.isCertain('weekday') && !c.isCertain('day')) date = weekdayNear(ref, ymd(date).weekday, 'back');
      else date = day(y - 1, mo, d);
      y = ymd(date).y;
    }
    let value: string;
    let type = 'DATE';
    if (c.isCertain('hour')) {
      value = fmtTime(date, c.get('hour') ?? 0, c.get('minute') ?? 0);
      type = 'TIME';
    } else if (c.isCertain('day') || c.isCertain('weekday')) value = fmtDay(date);
    else if (c.isCertain('month')) value = fmtMonth(ymd(date).y, ymd(date).m);
    else value = fmtYear(ymd(date).y);
    out.push({ start: r.index, end: r.index + r.text.length, value, type });
  }
  return out;
}

function unspun(doc: Doc, measure: boolean): { all: Sys[]; timeline: Sys[] } {
  const article: Article = { id: doc.name, kind: 'text', origin: null, text: doc.text, title: null, byline: null, published: doc.dct, url: null };
  const d = createDocument(article);
  void segmentAnalyzer.run(d, { published: doc.dct, report() {} });
  const t0 = performance.now();
  const found: TimeCandidate[] = extractTimes(d, { published: doc.dct });
  const ms = performance.now() - t0;
  const words = doc.text.split(/\s+/).filter(Boolean).length;
  if (measure) {
    timing.push((ms / Math.max(words, 1)) * 600);
    // For comparison: chrono once over the whole text, and the own passes without chrono.
    const t1 = performance.now();
    chrono.casual.parse(doc.text, new Date(2000, 0, 1, 12));
    chronoTiming.push(((performance.now() - t1) / Math.max(words, 1)) * 600);
    const t2 = performance.now();
    extractTimes(d, { published: doc.dct, chrono: false });
    noChronoTiming.push(((performance.now() - t2) / Math.max(words, 1)) * 600);
  }
  return {
    all: found.map((c) => ({ start: c.start, end: c.end, value: c.timeml, type: c.type })),
    timeline: toTimeline(found).map((c) => ({ start: c.start, end: c.end, value: c.value, type: 'DATE' })),
  };
}

interface Counts {
  gold: number;
  sys: number;
  strict: number;
  relaxed: number;
  value: number;
}
const zero = (): Counts => ({ gold: 0, sys: 0, strict: 0, relaxed: 0, value: 0 });

/** One-to-one matching: exact spans first, then the largest overlaps. */
function score(gold: Timex[], sys: Sys[], c: Counts, perType?: Map<string, Counts>, errors?: string[], doc?: Doc): void {
  c.gold += gold.length;
  c.sys += sys.length;
  const used = new Set<number>();
  const pair = new Map<number, number>();
  gold.forEach((g, gi) => {
    const si = sys.findIndex((s, i) => !used.has(i) && s.start === g.start && s.end === g.end);
    if (si >= 0) {
      used.add(si);
      pair.set(gi, si);
    }
  });
  gold.forEach((g, gi) => {
    if (pair.has(gi)) return;
    let best = -1;
    let bestOverlap = 0;
    sys.forEach((s, i) => {
      if (used.has(i)) return;
      const o = Math.min(s.end, g.end) - Math.max(s.start, g.start);
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best >= 0) {
      used.add(best);
      pair.set(gi, best);
    }
  });
  gold.forEach((g, gi) => {
    const t = perType ? (perType.get(g.type) ?? perType.set(g.type, zero()).get(g.type)!) : null;
    if (t) t.gold++;
    const si = pair.get(gi);
    if (si === undefined) {
      if (errors && doc) errors.push(`MISS  ${g.type} ${g.value}\t"${g.text}"\t(${doc.name})`);
      return;
    }
    const s = sys[si];
    c.relaxed++;
    if (t) t.relaxed++;
    if (s.start === g.start && s.end === g.end) c.strict++;
    else if (errors && doc) errors.push(`SPAN  gold="${g.text}" sys="${doc.text.slice(s.start, s.end)}"`);
    if (s.value === g.value) {
      c.value++;
      if (t) t.value++;
    } else if (errors && doc)
      errors.push(`VALUE ${g.type} gold=${g.value} sys=${s.value}\t"${g.text}" ~ "${doc.text.slice(s.start, s.end)}"\tdct=${doc.dct} (${doc.name})`);
  });
  if (errors && doc)
    sys.forEach((s, i) => {
      if (!used.has(i)) errors.push(`EXTRA ${s.type} ${s.value}\t"${doc.text.slice(s.start, s.end)}"\t(${doc.name})`);
    });
}

const pct = (x: number) => (100 * x).toFixed(1);
function row(name: string, c: Counts): string {
  const f = (m: number) => {
    const p = c.sys ? m / c.sys : 0;
    const r = c.gold ? m / c.gold : 0;
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  const p = (m: number) => pct(c.sys ? m / c.sys : 0);
  const r = (m: number) => pct(c.gold ? m / c.gold : 0);
  return `| ${name} | ${c.sys} | ${p(c.strict)} / ${r(c.strict)} / ${pct(f(c.strict))} | ${p(c.relaxed)} / ${r(c.relaxed)} / ${pct(f(c.relaxed))} | ${pct(c.relaxed ? c.value / c.relaxed : 0)} | ${pct(f(c.value))} |`;
}

const files = readdirSync(dataDir)
  .filter((f) => f.endsWith('.tml'))
  .sort();
if (files.length === 0) throw new Error(`no .tml files in ${dataDir}`);
const docs = files.map((f) => parseTml(f, readFileSync(join(dataDir, f), 'utf8')));
const half = Math.ceil(docs.length / 2);
const splits: [string, Doc[]][] = [
  ['dev (first half)', docs.slice(0, half)],
  ['held-out (second half)', docs.slice(half)],
  ['all', docs],
];
const errorSplit = opt('--errors');
const errors: string[] = [];
const timing: number[] = [];
const chronoTiming: number[] = [];
const noChronoTiming: number[] = [];
const DATE_TIME = (g: Timex) => g.type === 'DATE' || g.type === 'TIME';

console.log(`TimeBank: ${docs.length} files, ${docs.reduce((n, d) => n + d.gold.length, 0)} TIMEX3 (DCT excluded), from ${dataDir}\n`);
for (const [name, set] of splits) {
  const c = { unspun: zero(), chrono: zero(), past: zero(), unspunDT: zero(), chronoDT: zero(), pastDT: zero(), timeline: zero() };
  const perType = new Map<string, Counts>();
  for (const doc of set) {
    const ours = unspun(doc, name === 'all');
    const ch = chronoAlone(doc, false);
    const pb = chronoAlone(doc, true);
    const wantErrors = (errorSplit === 'dev' && name.startsWith('dev')) || (errorSplit === 'test' && name.startsWith('held'));
    score(doc.gold, ours.all, c.unspun, perType, wantErrors ? errors : undefined, doc);
    score(doc.gold, ch, c.chrono);
    score(doc.gold, pb, c.past);
    const dt = doc.gold.filter(DATE_TIME);
    score(dt, ours.all.filter((s) => s.type === 'DATE' || s.type === 'TIME'), c.unspunDT);
    score(dt, ch, c.chronoDT);
    score(dt, pb, c.pastDT);
    score(dt, ours.timeline, c.timeline);
  }
  console.log(`### ${name}: ${set.length} files\n`);
  console.log('| system | found | strict P / R / F1 | relaxed P / R / F1 | value accuracy | value F1 |');
  console.log('|---|---|---|---|---|---|');
  console.log(row('all types: unspun', c.unspun));
  console.log(row('all types: chrono alone', c.chrono));
  console.log(row('all types: chrono + past bias', c.past));
  console.log(row('DATE+TIME: unspun', c.unspunDT));
  console.log(row('DATE+TIME: unspun report timeline', c.timeline));
  console.log(row('DATE+TIME: chrono alone', c.chronoDT));
  console.log(row('DATE+TIME: chrono + past bias', c.pastDT));
  console.log('\nunspun by gold type: ' + [...perType].map(([t, k]) => `${t} ${k.gold} (recall ${pct(k.relaxed / k.gold)}%, values ${pct(k.relaxed ? k.value / k.relaxed : 0)}%)`).join('; ') + '\n');
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(2);
console.log(
  `ms per 600 words, medians over ${timing.length} files: time analyzer (extraction after segmentation) ${median(timing)}; ` +
    `its own passes without chrono ${median(noChronoTiming)}; chrono alone once over the whole text ${median(chronoTiming)}`,
);
if (errors.length) console.log('\n' + errors.join('\n'));
