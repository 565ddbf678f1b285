import pc from 'picocolors';
import { lineColumn } from '../model/document.js';
import type { Finding, Severity } from '../model/types.js';
import type { Report, ReportError, ReportSentence } from '../report/report.js';
import type { SourceMatch } from '../model/types.js';
import { LABEL_MEANING, cellLetter, clip, evidence, isLoose, liftedRanges, percent, plural, sourceKeys, splitAt, type Range, type SourceKey } from './common.js';

type Colors = ReturnType<typeof pc.createColors>;

/** How many items of each list the terminal report shows before "… N more". */
export const PRETTY_LIMITS = { sources: 12, sentences: 40, findingsPerSentence: 6, quotes: 15, entities: 20, timeline: 20, stripWidth: 80, textWidth: 100 };

// Article text can carry terminal escapes ("\x1b]0;pwned\x07") or bidi overrides that would rewrite
// what the reader sees: every control and bidi-control character is shown as "�".
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function safe(s: string): string {
  return s.replace(UNSAFE, '\ufffd');
}

function t(s: string | null | undefined, max: number): string {
  return safe(clip(s ?? '', max));
}

function more(c: Colors, n: number, what: string): string[] {
  return n > 0 ? [c.dim(`  … ${n} more ${what}`)] : [];
}

function sevColor(c: Colors, s: Severity): (x: string) => string {
  return s === 'error' ? c.red : s === 'warning' ? c.yellow : c.blue;
}

const LABEL_COLOR: Record<Report['verdict']['label'], keyof Colors> = { original: 'green', syndicated: 'cyan', spliced: 'red', suspicious: 'yellow' };
const SOURCE_COLORS = ['cyan', 'magenta', 'yellow', 'green', 'blue', 'red'] as const;

function sourceColor(c: Colors, k: SourceKey | undefined): (x: string) => string {
  if (!k) return (x) => x;
  const base = c[SOURCE_COLORS[k.slot % SOURCE_COLORS.length]];
  // Past six sources the hues repeat, bold tells the second round apart.
  return k.slot >= SOURCE_COLORS.length ? (x) => c.bold(base(x)) : base;
}

function header(c: Colors, r: Report): string[] {
  const a = r.article;
  const meta = [a.byline, a.published, a.url ?? (a.id !== a.title ? a.id : null)].filter(Boolean).map((x) => t(x, 80));
  return [c.bold(t(a.title ?? a.id, 120)), ...(meta.length ? [c.dim(meta.join(' · '))] : [])];
}

function verdictLines(c: Colors, r: Report): string[] {
  const v = r.verdict;
  const label = c.bold(c.inverse((c[LABEL_COLOR[v.label]] as (x: string) => string)(` ${v.label.toUpperCase()} `)));
  const out = [`${label}  content-farm score ${v.score.toFixed(2)}  ${c.dim(`(${LABEL_MEANING[v.label] ?? v.label})`)}`];
  for (const reason of v.reasons) {
    const refs = reason.findings.length ? c.dim(`  [finding${reason.findings.length > 1 ? 's' : ''} ${reason.findings.map((i) => `#${i + 1}`).join(' ')}]`) : '';
    out.push(`  • ${t(reason.text, 120)}${refs}`);
  }
  if (!v.reasons.length) out.push(c.dim('  • no reuse or integrity findings'));
  return out;
}

/**
 * One cell per sentence: the best source's letter, '·' for none, '▒' for template lines. A fragment or
 * paraphrase is paler: its letter in lowercase, dimmed.
 */
export function spliceStrip(r: Report, c: Colors = pc.createColors(false), keys = sourceKeys(r)): string[] {
  const cells = r.sentences.map((s, i) => {
    if (s.role === 'boilerplate') return c.dim('▒');
    const id = r.summary.spliceMap[i] ?? s.sources[0]?.docId ?? null;
    if (id === null) return c.dim('·');
    const k = keys.get(id);
    const kind = s.sources.find((m) => m.docId === id)?.kind;
    const letter = sourceColor(c, k)(cellLetter(k, kind));
    return isLoose(kind) ? c.dim(letter) : letter;
  });
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += PRETTY_LIMITS.stripWidth) rows.push(cells.slice(i, i + PRETTY_LIMITS.stripWidth).join(''));
  return rows.length ? rows : [''];
}

function summaryLines(c: Colors, r: Report, keys: Map<string, SourceKey>): string[] {
  const s = r.summary;
  const share = s.sentences ? s.reusedSentences / s.sentences : 0;
  const out = [
    `${c.bold('Summary')}  ${plural(s.sentences, 'sentence')} · ${s.reusedSentences} reused (${percent(share)}) · originality ${percent(s.originality)}`,
  ];
  if (s.sources.length) {
    out.push(c.bold('Sources'));
    const width = Math.min(60, Math.max(...s.sources.slice(0, PRETTY_LIMITS.sources).map((x) => safe(x.docId).length)));
    for (const src of s.sources.slice(0, PRETTY_LIMITS.sources)) {
      const k = keys.get(src.docId);
      out.push(`  ${sourceColor(c, k)(k?.letter ?? '?')}  ${t(src.docId, 60).padEnd(width)}  ${plural(src.sentences, 'sentence')}`);
    }
    out.push(...more(c, s.sources.length - PRETTY_LIMITS.sources, 'sources'));
  }
  const strip = spliceStrip(r, c, keys);
  out.push(`${c.bold('Splice map')}  ${strip[0]}`, ...strip.slice(1).map((row) => `            ${row}`));
  const loose = r.sentences.some((x) => x.role === 'body' && isLoose(x.sources[0]?.kind));
  out.push(c.dim(`            one cell per sentence · no source  ▒ template line${loose ? '  lowercase: fragment or paraphrase' : ''}`));
  return out;
}

function findingLine(c: Colors, r: Report, f: Finding, i: number, indent: string): string {
  const { line, column } = lineColumn(r.article.text, f.start);
  const head = `${indent}${c.dim(`#${i + 1}`.padStart(4))} ${c.dim(`${line}:${column}`.padEnd(7))} ${sevColor(c, f.severity)(f.severity.padEnd(7))} ${c.dim(f.ruleId.padEnd(26))}  ${t(f.message, 110)}`;
  // Reuse findings show their source passage above, with the sentence: no need to repeat it.
  const ev = f.ruleId.startsWith('reuse/') && f.ruleId !== 'reuse/altered-fact' ? [] : evidence(r, f);
  if (!ev.length) return head;
  return `${head}\n${indent}${' '.repeat(13)}${c.dim('evidence:')} ${ev.map((x) => `${c.dim(`${t(x.key, 30)}:`)} ${t(x.value, 120)}`).join(c.dim(' · '))}`;
}

function sentenceLines(c: Colors, r: Report, keys: Map<string, SourceKey>): string[] {
  const bySentence = new Map<number, number[]>();
  const loose: number[] = [];
  r.findings.forEach((f, i) => {
    if (f.sentence === null || !r.sentences[f.sentence]) loose.push(i);
    else bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), i]);
  });
  const shown = r.sentences.filter((s) => s.sources.length > 0 || bySentence.has(s.index));
  const out: string[] = [];
  if (shown.length) out.push(c.bold('Sentences'));
  for (const s of shown.slice(0, PRETTY_LIMITS.sentences)) out.push(...oneSentence(c, r, s, keys, bySentence.get(s.index) ?? []));
  out.push(...more(c, shown.length - PRETTY_LIMITS.sentences, 'sentences with findings or sources'));
  if (loose.length) {
    out.push(c.bold('Findings'));
    for (const i of loose.slice(0, PRETTY_LIMITS.sentences)) out.push(findingLine(c, r, r.findings[i], i, ''));
    out.push(...more(c, loose.length - PRETTY_LIMITS.sentences, 'findings'));
  }
  return out;
}

// Lifted runs in a line of text: «marked», clipped to `max` around the first run so it stays in view.
function markedLine(c: Colors, text: string, ranges: Range[], max: number): string {
  if (!ranges.length) return t(text, max);
  const lead = Math.max(0, ranges[0][0] - 30);
  const pieces = splitAt(text, ranges).map((p) => (p.marked ? `«${p.text}»` : p.text));
  let flat = pieces.join('').replace(/\s+/g, ' ');
  // The offset of the first run moved by the marks and whitespace folding only after it: cut before it.
  if (lead > 0) {
    const mark = flat.indexOf('«');
    const cut = flat.lastIndexOf(' ', Math.min(lead, mark)); // at a word boundary before the run
    if (cut > 0) flat = '…' + flat.slice(cut + 1);
  }
  const clipped = safe(clip(flat, max));
  return c.isColorSupported ? clipped.replace(/«([^»]*)»?/g, (m) => c.bold(c.underline(m))) : clipped;
}

/** What a loose match rests on: lifted runs, aligned pairs with the verifier's confidence, anchors, dropped words. */
function evidenceLines(c: Colors, s: ReportSentence, m: SourceMatch, pad: string): string[] {
  const out: string[] = [];
  const runs = liftedRanges(m, s);
  if (m.lifted?.length) {
    out.push(`${pad}  lifted: ${m.lifted.slice(0, 4).map((x) => c.bold(`“${t(x.text, 60)}”`) + c.dim(` article ${x.start}–${x.end} ← source ${x.sourceStart}–${x.sourceEnd}`)).join(', ')}${m.lifted.length > 4 ? c.dim(` … ${m.lifted.length - 4} more`) : ''}`);
    if (runs.source.length) out.push(`${pad}  source: ${markedLine(c, m.text, runs.source, PRETTY_LIMITS.textWidth)}`);
  }
  if (m.confidence !== undefined) out.push(`${pad}  confidence ${m.confidence.toFixed(2)}${m.kind === 'paraphrased' ? c.dim(' (the verifier\'s probability that it restates the source)') : ''}`);
  if (m.aligned?.length) {
    const pairs = m.aligned.slice(0, 8).map((x) => `${c.dim(t(x.from, 30))} → ${c.bold(t(x.to, 30))} ${c.dim(x.score.toFixed(2))}`);
    out.push(`${pad}  aligned: ${pairs.join(', ')}${m.aligned.length > 8 ? c.dim(` … ${m.aligned.length - 8} more`) : ''}`);
  }
  if (m.anchors?.length) out.push(`${pad}  anchors: ${m.anchors.slice(0, 10).map((x) => t(x, 30)).join(', ')}${m.anchors.length > 10 ? c.dim(` … ${m.anchors.length - 10} more`) : ''}`);
  if (m.dropped) out.push(`${pad}  dropped from the source: ${c.dim(`“${t(m.dropped, 90)}”`)}`);
  return out;
}

function oneSentence(c: Colors, r: Report, s: ReportSentence, keys: Map<string, SourceKey>, findings: number[]): string[] {
  const { line, column } = lineColumn(r.article.text, s.start);
  const best = s.sources[0];
  const k = best ? keys.get(best.docId) : undefined;
  const tag = s.role === 'boilerplate' ? c.dim('▒') : best ? (isLoose(best.kind) ? c.dim : (x: string) => x)(sourceColor(c, k)(cellLetter(k, best.kind))) : c.dim('·');
  // A fragment's lifted runs are marked in the sentence itself.
  const text = best?.lifted?.length ? markedLine(c, s.text, liftedRanges(best, s).article, PRETTY_LIMITS.textWidth) : t(s.text, PRETTY_LIMITS.textWidth);
  const out = [`${c.dim(`${line}:${column}`.padStart(7))} ${tag} ${c.dim(`s${s.index + 1}`)} ${text}`];
  const pad = '          ';
  for (const m of s.sources.slice(0, 3)) {
    const mk = keys.get(m.docId);
    out.push(`${pad}${c.dim('←')} ${sourceColor(c, mk)(`${mk?.letter ?? '?'} ${t(m.docId, 50)}`)} ${c.dim(`${m.kind} ${m.similarity.toFixed(2)}`)}  ${c.dim(`“${t(m.text, 80)}”`)}`);
    if (m.substitutions?.length) {
      const subs = m.substitutions.slice(0, 8).map((x) => `${c.dim(t(x.from, 30))} → ${c.bold(t(x.to, 30))}`);
      out.push(`${pad}  spun words: ${subs.join(', ')}${m.substitutions.length > 8 ? c.dim(` … ${m.substitutions.length - 8} more`) : ''}`);
    }
    out.push(...evidenceLines(c, s, m, pad));
  }
  out.push(...more(c, s.sources.length - 3, 'sources').map((x) => pad + x.trimStart()));
  for (const i of findings.slice(0, PRETTY_LIMITS.findingsPerSentence)) out.push(findingLine(c, r, r.findings[i], i, '      '));
  out.push(...more(c, findings.length - PRETTY_LIMITS.findingsPerSentence, 'findings').map((x) => pad + x.trimStart()));
  return out;
}

function quoteLines(c: Colors, r: Report): string[] {
  if (!r.quotes.length) return [];
  const out = [c.bold('Quotes')];
  for (const q of r.quotes.slice(0, PRETTY_LIMITS.quotes)) {
    const who = q.speaker.name ? t(q.speaker.name, 40) : c.red('unattributed');
    const state = q.speaker.name && !q.speaker.resolved ? c.yellow(' (unresolved)') : '';
    const words = q.kind === 'direct' ? `“${t(q.text, 90)}”` : c.italic(t(q.text, 90));
    const credits = q.credits.length ? c.dim(` · credited to ${q.credits.map((x) => t(x, 30)).join(', ')}`) : '';
    out.push(`  ${c.dim(`s${q.sentence + 1}`.padEnd(4))} ${c.bold(who)}${state}${q.cue ? c.dim(` ${t(q.cue, 20)}`) : ''}: ${words}${credits}`);
  }
  out.push(...more(c, r.quotes.length - PRETTY_LIMITS.quotes, 'quotes'));
  return out;
}

function entityLines(c: Colors, r: Report): string[] {
  if (!r.entities.length) return [];
  const sorted = [...r.entities].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  const out = [c.bold('Entities')];
  for (const e of sorted.slice(0, PRETTY_LIMITS.entities)) {
    const extra = [e.role, e.outlet ? 'outlet' : null, e.aliases.length ? `aka ${e.aliases.slice(0, 4).join(', ')}` : null].filter(Boolean).map((x) => t(x, 50));
    out.push(`  ${c.dim(e.type.padEnd(12))} ${c.bold(t(e.name, 40))} ×${e.mentions.length}${extra.length ? c.dim(`  (${extra.join('; ')})`) : ''}`);
  }
  out.push(...more(c, sorted.length - PRETTY_LIMITS.entities, 'entities'));
  return out;
}

function timelineLines(c: Colors, r: Report): string[] {
  if (!r.timeline.length) return [];
  const sorted = [...r.timeline].sort((a, b) => a.value.localeCompare(b.value) || a.start - b.start);
  const out = [c.bold('Timeline')];
  const width = Math.min(20, Math.max(...sorted.map((x) => safe(x.value).length)));
  for (const x of sorted.slice(0, PRETTY_LIMITS.timeline)) {
    const s = r.sentences[x.sentence];
    const where = x.field === 'title' ? `title ${t(r.article.title ?? '', 70)}` : `s${x.sentence + 1} ${s ? t(s.text, 70) : ''}`;
    out.push(`  ${c.cyan(t(x.value, 20).padEnd(width))}  ${c.dim(`${x.tense.padEnd(7)}`)} “${t(x.text, 30)}”  ${c.dim(where)}`);
  }
  out.push(...more(c, sorted.length - PRETTY_LIMITS.timeline, 'time expressions'));
  return out;
}

function oneReport(c: Colors, r: Report): string[] {
  const keys = sourceKeys(r);
  const blocks = [header(c, r), verdictLines(c, r), summaryLines(c, r, keys), sentenceLines(c, r, keys), quoteLines(c, r), entityLines(c, r), timelineLines(c, r)];
  return blocks.filter((b) => b.length).flatMap((b) => [...b, '']);
}

/** A terminal report. Colour only when `color` is set (the CLI sets it on a TTY). */
export function renderPretty(items: (Report | ReportError)[], color: boolean): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  items.forEach((r, i) => {
    if (items.length > 1) out.push(c.dim(`── ${i + 1}/${items.length} ${'─'.repeat(60)}`));
    // Ingestion messages usually start with the document's id already ("batch.jsonl:2: malformed JSON ...").
    if ('error' in r) out.push(c.red(`✖ ${r.error.message.startsWith(r.error.id) ? '' : `${t(r.error.id, 80)}: `}${t(r.error.message, 200)}`), '');
    else out.push(...oneReport(c, r));
  });
  return out.join('\n');
}
