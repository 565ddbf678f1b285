// Quote and attribution extraction on PolNeAR (train split, brat .ann: Source / Cue / Content per attribution).
//
//   npm run bench:quotes                 # dev (first 30% of texts by name) and held-out (the rest, the headline)
//   npm run bench:quotes -- --errors 20  # also print dev misses and false speakers
//   npm run bench:quotes -- --content-errors 20  # dev contents that overlap the gold but differ
//
// Annotator: when a text was annotated by several annotators (the annotator-training and PARC-replication
// texts), the .ann whose annotator suffix sorts first is used, for every such text.
// Matching: one-to-one, greedy, per text. "overlap" = the spans share a character; "exact" = the same span
// after trimming white space, quotation marks and edge punctuation. A gold span in several fragments counts
// as its outer bounds for exact matching and as its fragments for overlap. Each attribution relation is one
// gold item (a source that speaks twice counts twice). Predictions: every quote whose speaker names a span
// (quotes inherited from a previous paragraph's speaker have none); a partial quote inside a reported clause
// is left out (its clause is scored).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { entitiesAnalyzer } from '../src/analyzers/entities/index.js';
import { extractQuotes } from '../src/analyzers/quotes/index.js';
import { SPEECH_FORMS } from '../src/analyzers/quotes/lexicon.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { createDocument, type Article } from '../src/model/document.js';
import type { Quote } from '../src/model/types.js';
import { DATA, listFiles, median } from './lib/data.js';

const ROOT = path.join(DATA, 'bench/polnear/train');
const args = process.argv.slice(2);
const errors = Number(args[args.indexOf('--errors') + 1] ?? 0) || 0;
const contentErrors = Number(args[args.indexOf('--content-errors') + 1] ?? 0) || 0;
const limit = args.includes('--limit') ? Number(args[args.indexOf('--limit') + 1]) : Infinity;

interface Fragmented {
  parts: [number, number][];
  start: number;
  end: number;
}
interface GoldAttr {
  source: Fragmented | null;
  cue: Fragmented | null;
  content: Fragmented | null;
}

function parseAnn(raw: string, text: string, stats: { spans: number; mismatched: number }): GoldAttr[] {
  const spans = new Map<string, Fragmented>();
  const out: GoldAttr[] = [];
  for (const line of raw.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0]) && cols.length >= 3) {
      const m = /^\S+ (.*)$/.exec(cols[1]);
      if (!m) continue;
      const parts = m[1].split(';').map((p) => p.split(' ').map(Number) as [number, number]);
      const start = Math.min(...parts.map((p) => p[0]));
      const end = Math.max(...parts.map((p) => p[1]));
      stats.spans++;
      if (text.slice(parts[0][0], parts[0][1]) !== cols[2].slice(0, parts[0][1] - parts[0][0])) stats.mismatched++;
      spans.set(cols[0], { parts, start, end });
    }
  }
  for (const line of raw.split('\n')) {
    const cols = line.split('\t');
    if (!/^E\d+$/.test(cols[0])) continue;
    const roles = new Map<string, string>();
    for (const r of cols[1].trim().split(/\s+/)) {
      const [k, v] = r.split(':');
      roles.set(k, v);
    }
    if (!roles.has('Attribution') && !roles.has('Attribution-no-source')) continue;
    const get = (k: string) => (roles.has(k) ? (spans.get(roles.get(k)!) ?? null) : null);
    out.push({ source: get('Source'), cue: get('Cue'), content: get('Content') });
  }
  return out;
}

const EDGE = /^[\s"“”‘’'.,:;!?()[\]—–-]+|[\s"“”‘’'.,:;!?()[\]—–-]+$/g;
function norm(text: string, s: number, e: number): string {
  const raw = text.slice(s, e);
  const lead = raw.length - raw.replace(/^[\s"“”‘’'.,:;!?()[\]—–-]+/, '').length;
  const core = raw.replace(EDGE, '');
  return `${s + lead}:${core.length}`;
}

interface Counts {
  gold: number;
  pred: number;
  exact: number;
  overlap: number;
}
const empty = (): Counts => ({ gold: 0, pred: 0, exact: 0, overlap: 0 });

function match(text: string, gold: Fragmented[], pred: [number, number][], c: Counts) {
  c.gold += gold.length;
  c.pred += pred.length;
  // exact
  const gKeys = gold.map((g) => norm(text, g.start, g.end));
  const used = new Set<number>();
  for (const p of pred) {
    const k = norm(text, p[0], p[1]);
    const i = gKeys.findIndex((g, j) => g === k && !used.has(j));
    if (i >= 0) {
      used.add(i);
      c.exact++;
    }
  }
  // overlap: prefer the gold item with the largest overlap
  const usedO = new Set<number>();
  for (const p of pred) {
    let best = -1;
    let bestLen = 0;
    gold.forEach((g, j) => {
      if (usedO.has(j)) return;
      let len = 0;
      for (const [a, b] of g.parts) len += Math.max(0, Math.min(b, p[1]) - Math.max(a, p[0]));
      if (len > bestLen) {
        bestLen = len;
        best = j;
      }
    });
    if (best >= 0) {
      usedO.add(best);
      c.overlap++;
    }
  }
}

const f1 = (m: number, c: Counts) => {
  const p = c.pred ? m / c.pred : 0;
  const r = c.gold ? m / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (x: number) => x.toFixed(3);

function scoredQuotes(quotes: Quote[]): Quote[] {
  // a partial quote lies inside another quote of the same cue: score the enclosing one
  return quotes.filter((q) => !quotes.some((o) => o !== q && o.cueStart === q.cueStart && o.cueStart !== undefined && o.start <= q.start && o.end >= q.end && o.end - o.start > q.end - q.start));
}

async function main() {
  const anns = await listFiles(path.join(ROOT, 'attributions'), '.ann');
  const byText = new Map<string, string>();
  for (const f of anns) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!byText.has(base)) byText.set(base, f); // sorted: the first annotator suffix wins
  }
  const names = [...byText.keys()].sort().slice(0, limit);
  const cut = Math.floor(names.length * 0.3);
  const splits = { dev: names.slice(0, cut), 'held-out': names.slice(cut) };
  const stats = { spans: 0, mismatched: 0 };
  const times: number[] = [];
  const per600: number[] = [];
  const rows: string[] = [];
  let shown = 0;
  let shownContent = 0;
  for (const [split, files] of Object.entries(splits)) {
    const src = empty();
    const cue = empty();
    const con = empty();
    let entityCount = 0;
    // Recall on two subsets of the gold: cues with a speech verb from our lexicon (what the analyzer targets;
    // PolNeAR also annotates stances such as "called for", "would vote for"), and contents in quotation marks.
    const speech = { gold: 0, hit: 0 };
    const marked = { gold: 0, hit: 0 };
    for (const base of files) {
      const text = readFileSync(path.join(ROOT, 'text', `${base}.txt`), 'utf8');
      const gold = parseAnn(readFileSync(path.join(ROOT, 'attributions', byText.get(base)!), 'utf8'), text, stats);
      const article: Article = { id: base, kind: 'text', origin: null, text, title: null, byline: null, published: null, url: null };
      const doc = createDocument(article);
      const ctx = { published: null, report() {} };
      segmentAnalyzer.run(doc, ctx);
      await entitiesAnalyzer.run(doc, ctx);
      entityCount += doc.data.entities?.length ?? 0;
      const t0 = performance.now();
      const quotes = extractQuotes(doc, ctx);
      const ms = performance.now() - t0;
      times.push(ms);
      per600.push((ms * 600) / Math.max(1, text.split(/\s+/).length));
      const scored = scoredQuotes(quotes);
      const withSpeaker = scored.filter((q) => q.speaker.start !== undefined);
      match(text, gold.flatMap((g) => (g.source ? [g.source] : [])), withSpeaker.map((q) => [q.speaker.start!, q.speaker.end!]), src);
      match(text, gold.flatMap((g) => (g.cue ? [g.cue] : [])), scored.filter((q) => q.cueStart !== undefined).map((q) => [q.cueStart!, q.cueEnd!]), cue);
      match(text, gold.flatMap((g) => (g.content ? [g.content] : [])), scored.map((q) => [q.start, q.end]), con);
      for (const g of gold) {
        if (!g.source) continue;
        const hit = withSpeaker.some((q) => g.source!.parts.some(([a, b]) => a < q.speaker.end! && b > q.speaker.start!));
        const cueText = g.cue ? text.slice(g.cue.start, g.cue.end).toLowerCase() : '';
        if (cueText.split(/[^a-z]+/).some((x) => SPEECH_FORMS.has(x) || x === 'according')) {
          speech.gold++;
          if (hit) speech.hit++;
        }
        if (g.content && /["“”]|''/.test(text.slice(g.content.start, g.content.end))) {
          marked.gold++;
          if (hit) marked.hit++;
        }
      }
      if (split === 'dev' && contentErrors > shownContent) {
        // contents that overlap a gold content without matching it exactly
        for (const q of scored) {
          const g = gold.find((x) => x.content && x.content.start < q.end && x.content.end > q.start);
          if (!g || norm(text, g.content!.start, g.content!.end) === norm(text, q.start, q.end)) continue;
          if (shownContent++ >= contentErrors) break;
          console.log(`CONTENT ours [${text.slice(q.start, q.end)}]\n        gold [${text.slice(g.content!.start, g.content!.end)}]`);
        }
      }
      if (split === 'dev' && shown < errors) {
        for (const q of withSpeaker) {
          const hit = gold.some((g) => g.source?.parts.some(([a, b]) => a < q.speaker.end! && b > q.speaker.start!));
          if (!hit && shown++ < errors) console.log(`FP ${base}: [${text.slice(q.speaker.start, q.speaker.end)}] ${q.cue} :: ${text.slice(q.start, q.end).slice(0, 80)}`);
        }
        for (const g of gold) {
          if (!g.source) continue;
          const hit = withSpeaker.some((q) => g.source!.parts.some(([a, b]) => a < q.speaker.end! && b > q.speaker.start!));
          if (!hit && shown++ < errors) console.log(`FN ${base}: [${text.slice(g.source.start, g.source.end)}] ${g.cue ? text.slice(g.cue.start, g.cue.end) : '-'} :: ${g.content ? text.slice(g.content.start, g.content.end).slice(0, 80) : ''}`);
        }
      }
    }
    const subsetLine = (label: string, c: { gold: number; hit: number }) =>
      `| ${split} | ${label} | ${c.gold} | | | | | | ${fmt(c.gold ? c.hit / c.gold : 0)} | |`;
    const line = (label: string, c: Counts) => {
      const e = f1(c.exact, c);
      const o = f1(c.overlap, c);
      return `| ${split} | ${label} | ${c.gold} | ${c.pred} | ${fmt(e.p)} | ${fmt(e.r)} | ${fmt(e.f)} | ${fmt(o.p)} | ${fmt(o.r)} | ${fmt(o.f)} |`;
    };
    rows.push(line('speaker (source)', src), line('cue', cue), line('content', con));
    rows.push(subsetLine('speaker recall, speech-verb cues only', speech), subsetLine('speaker recall, content in quotation marks', marked));
    console.error(`${split}: ${files.length} texts, ${entityCount} entities from the entities pass`);
  }
  console.log(`PolNeAR train: ${names.length} texts (dev ${splits.dev.length}, held-out ${splits['held-out'].length}); brat spans checked against the text: ${stats.mismatched} of ${stats.spans} differ`);
  console.log('');
  console.log('| split | component | gold | predicted | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `quotes pass alone: median ${median(times).toFixed(2)} ms per article, ${median(per600).toFixed(2)} ms per 600 words, p95 ${sorted[Math.floor(sorted.length * 0.95)].toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms (${times.length} articles)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
