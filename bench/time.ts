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
import { parseTml, score, zero, type Counts, type Doc, type Sys, type Timex } from './timeml.js';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = resolve(opt('--data') ?? join(process.cwd(), '../shared/data/bench/timebank/TimeBank'));

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
  const found: TimeCandidate[] = extractTimes(d, { published: doc.dct });
  if (measure) {
    // Each timing is the median of 5 runs of that document (the machine is shared), per 600 words.
    const words = Math.max(doc.text.split(/\s+/).filter(Boolean).length, 1);
    const time = (fn: () => unknown) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        fn();
        runs.push(performance.now() - t0);
      }
      return (runs.sort((a, b) => a - b)[2] / words) * 600;
    };
    timing.push(time(() => extractTimes(d, { published: doc.dct })));
    // For comparison: the own passes without chrono, and chrono once over the whole text.
    noChronoTiming.push(time(() => extractTimes(d, { published: doc.dct, chrono: false })));
    chronoTiming.push(time(() => chrono.casual.parse(doc.text, new Date(2000, 0, 1, 12))));
    perSentenceTiming.push(time(() => d.sentences.map((x) => chrono.casual.parse(doc.text.slice(x.start, x.end), new Date(2000, 0, 1, 12)))));
  }
  return {
    all: found.map((c) => ({ start: c.start, end: c.end, value: c.timeml, type: c.type })),
    timeline: toTimeline(found).map((c) => ({ start: c.start, end: c.end, value: c.value, type: 'DATE' })),
  };
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
const perSentenceTiming: number[] = [];
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
    `its own passes without chrono ${median(noChronoTiming)}; chrono alone once over the whole text ${median(chronoTiming)}, ` +
    `once per sentence ${median(perSentenceTiming)}`,
);
if (errors.length) console.log('\n' + errors.join('\n'));
