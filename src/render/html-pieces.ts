// The pieces of an HTML report: verdict and reasons, splice map, the article with each sentence coloured by
// its source and its findings beside it, source comparisons word by word, quotes, timeline, entities.
// The static report (html.ts) and the web page (src/web/) are both made of these. Every piece of
// article-derived text is escaped here; no piece writes a script, an event handler or a style attribute.
import { lineColumn } from '../model/document.js';
import type { Finding, Severity, SourceMatch } from '../model/types.js';
import type { Report, ReportError, ReportSentence } from '../report/report.js';
import { LABEL_MEANING, cellLetter, clip, evidence, isLoose, liftedRanges, percent, plural, readableTime, sourceKeys, splitAt, wordDiff, type Range, type SourceKey } from './common.js';

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
const e = escapeHtml;

const SEV_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface PieceOptions {
  /** Prefix of every id in this report ("a0"): a batch page holds several reports. */
  prefix: string;
  /**
   * For the web page: reused sentences are focusable (the page's script opens their source beside them)
   * and comparisons carry the source's id and span as data attributes.
   */
  interactive?: boolean;
}

/** A report with what every piece needs: id prefix, source letters and colours, findings per sentence. */
export interface ReportView {
  r: Report;
  p: string;
  interactive: boolean;
  keys: Map<string, SourceKey>;
  /** Findings marked in each sentence's text (reuse and template findings are drawn by colour instead). */
  marked: Map<number, number[]>;
}

const UNMARKED = /^(reuse|boilerplate)\//;

export function reportView(r: Report, opts: PieceOptions): ReportView {
  const marked = new Map<number, number[]>();
  r.findings.forEach((f, j) => {
    if (f.sentence !== null && !UNMARKED.test(f.ruleId)) marked.set(f.sentence, [...(marked.get(f.sentence) ?? []), j]);
  });
  return { r, p: opts.prefix, interactive: opts.interactive ?? false, keys: sourceKeys(r), marked };
}

function keyClass(v: ReportView, docId: string | undefined): string {
  const k = docId === undefined ? undefined : v.keys.get(docId);
  return k ? `c${k.slot}` : '';
}

function pos(r: Report, at: number): string {
  const { line, column } = lineColumn(r.article.text, at);
  return `${line}:${column}`;
}

export function headerHtml(v: ReportView): string {
  const a = v.r.article;
  const meta: string[] = [];
  if (a.byline) meta.push(`<span>${e(a.byline)}</span>`);
  if (a.published) meta.push(`<span><time>${e(a.published)}</time></span>`);
  // Only web addresses become links: a "javascript:" URL stays text.
  if (a.url) meta.push(/^https?:\/\/[^\s]+$/i.test(a.url) ? `<span><a href="${e(a.url)}" rel="noopener noreferrer nofollow">${e(a.url)}</a></span>` : `<span>${e(a.url)}</span>`);
  meta.push(`<span class="id">${e(a.id)}</span>`);
  return `<header><h1>${e(a.title ?? a.id)}</h1><p class="meta">${meta.join('')}</p></header>`;
}

export function verdictHtml(v: ReportView): string {
  const vd = v.r.verdict;
  const reasons = vd.reasons.length
    ? vd.reasons.map((x) => `<li>${e(x.text)}${x.findings.map((i) => `<a class="chip" href="#${v.p}-f${i}">#${i + 1}</a>`).join('')}</li>`).join('')
    : '<li class="muted">No reuse and no integrity findings.</li>';
  const s = v.r.summary;
  const share = s.sentences ? s.reusedSentences / s.sentences : 0;
  const stat = (b: string, label: string) => `<div class="stat"><b>${b}</b><span>${label}</span></div>`;
  const width = Math.round(Math.min(1, Math.max(0, vd.score)) * 20);
  return (
    `<section class="verdict v-${e(vd.label)}" aria-label="verdict"><div><span class="label">${e(vd.label.toUpperCase())}</span>` +
    `<div class="score">content-farm score <b>${e(vd.score.toFixed(2))}</b><div class="meter"><i class="w${width}"></i></div></div><p class="means">${e(LABEL_MEANING[vd.label] ?? '')}</p></div>` +
    `<ul class="reasons">${reasons}</ul></section>` +
    `<div class="stats">${stat(String(s.sentences), 'sentences')}${stat(`${s.reusedSentences} <small>(${percent(share)})</small>`, 'reused')}${stat(percent(s.originality), 'originality')}${stat(String(s.sources.length), 'sources')}${stat(String(v.r.findings.length), 'findings')}</div>`
  );
}

export function spliceHtml(v: ReportView): string {
  const r = v.r;
  const cells = r.sentences
    .map((s, i) => {
      const id = r.summary.spliceMap[i] ?? s.sources[0]?.docId ?? null;
      const k = id === null ? undefined : v.keys.get(id);
      const kind = s.sources.find((m) => m.docId === id)?.kind;
      // A fragment or paraphrase is a looser link than a copy: a paler cell with a lowercase letter.
      const cls = s.role === 'boilerplate' ? 'bp' : k ? `c${k.slot}${isLoose(kind) ? ' loose' : ''}` : 'none';
      const tip = `sentence ${s.index + 1}${s.role === 'boilerplate' ? ' (template line)' : ''}: ${id ?? 'no source'}${kind && id !== null && s.role !== 'boilerplate' ? ` (${kind})` : ''} — ${clip(s.text, 90)}`;
      // On the page the cells stay out of the tab order: a 300-sentence article would be 300 stops before its text.
      const skip = v.interactive ? ' tabindex="-1"' : '';
      return `<a class="cell ${cls}" href="#${v.p}-s${s.index}"${skip} title="${e(tip)}">${k && s.role !== 'boilerplate' ? e(cellLetter(k, kind)) : ''}</a>`;
    })
    .join('');
  const legend = [...v.keys.values()]
    .map((k) => `<li class="c${k.slot}"><span class="sw"></span><b>${e(k.letter)}</b> <span class="doc">${e(k.docId)}</span> <span class="muted">${k.sentences ? plural(k.sentences, 'sentence') : 'second-best only'}</span></li>`)
    .join('');
  return (
    `<h2>Splice map</h2><nav class="strip" aria-label="splice map: one cell per sentence, coloured by its best source">${cells}</nav>` +
    `<ul class="legend">${legend}<li><span class="sw none"></span>no source found</li><li><span class="sw bp"></span>template line</li>` +
    `${r.sentences.some((s) => s.role === 'body' && isLoose(s.sources[0]?.kind)) ? '<li><span class="sw loose"></span>paler, lowercase: fragment or paraphrase</li>' : ''}</ul>`
  );
}

/** A sentence's text with the spans of its findings marked (each mark links to its finding). */
function markedText(v: ReportView, s: ReportSentence): string {
  const text = v.r.article.text;
  const cuts = new Set([s.start, s.end]);
  const spans = (v.marked.get(s.index) ?? [])
    .map((i) => ({ i, f: v.r.findings[i], a: Math.max(s.start, v.r.findings[i].start), b: Math.min(s.end, v.r.findings[i].end) }))
    .filter((x) => x.a < x.b);
  for (const x of spans) cuts.add(x.a).add(x.b);
  const points = [...cuts].sort((x, y) => x - y);
  let out = '';
  for (let k = 0; k + 1 < points.length; k++) {
    const [a, b] = [points[k], points[k + 1]];
    const piece = e(text.slice(a, b));
    const over = spans.filter((x) => x.a <= a && b <= x.b);
    if (!over.length) {
      out += piece;
      continue;
    }
    const worst = over.reduce((m, x) => (SEV_RANK[x.f.severity] > SEV_RANK[m.f.severity] ? x : m));
    const tip = over.map((x) => `#${x.i + 1} ${x.f.ruleId}: ${x.f.message}`).join('\n');
    out += `<a class="f ${e(worst.f.severity)}" href="#${v.p}-f${worst.i}" title="${e(tip)}">${piece}</a>`;
  }
  return out;
}

function sentenceHtml(v: ReportView, s: ReportSentence): string {
  const best = s.sources[0]?.docId;
  const cls = s.role === 'boilerplate' ? 'bp' : best !== undefined ? `src ${keyClass(v, best)}${isLoose(s.sources[0].kind) ? ' loose' : ''}` : '';
  // The static report links a reused sentence's number to its comparison; on the page the sentence itself
  // is focusable and opens its source beside it.
  const linked = best !== undefined && !v.interactive;
  const num = linked ? `<a class="sn" href="#${v.p}-r${s.index}">${s.index + 1}</a>` : `<span class="sn">${s.index + 1}</span>`;
  const tip = s.role === 'boilerplate' ? 'template line' : best !== undefined ? `${s.sources[0].kind} from ${best}${v.interactive ? ' (Enter or click: source beside it)' : ''}` : '';
  const focus = v.interactive && best !== undefined ? ' tabindex="0"' : '';
  return `<span class="s ${cls}" id="${v.p}-s${s.index}"${focus}${tip ? ` title="${e(tip)}"` : ''}>${num}${markedText(v, s)}</span>`;
}

/** One finding as a list item: where, severity, rule, message and its evidence. */
export function findingHtml(v: ReportView, f: Finding, i: number): string {
  const where = f.sentence !== null ? `<a href="#${v.p}-s${f.sentence}">sentence ${f.sentence + 1}</a> · ` : '';
  // A reuse finding's evidence (source, kind, similarity, swapped words) is its sentence's comparison: linked, not repeated.
  const compared = f.ruleId.startsWith('reuse/') && f.sentence !== null && (v.r.sentences[f.sentence]?.sources.length ?? 0) > 0;
  const ev = compared ? [] : evidence(v.r, f);
  const evHtml = compared
    ? `<div class="ev-link"><a href="#${v.p}-r${f.sentence}">source beside the sentence, word by word</a></div>`
    : ev.length
      ? `<div class="ev">${ev.map((x) => `<span class="k">${e(x.key)}</span><span>${e(x.value)}</span>`).join('')}</div>`
      : '';
  return `<li id="${v.p}-f${i}"><span class="pos">${where}${e(pos(v.r, f.start))}</span><span class="sev ${e(f.severity)}">${e(f.severity)}</span> <span class="rule">#${i + 1} ${e(f.ruleId)}</span><div>${e(f.message)}</div>${evHtml}</li>`;
}

/**
 * The article, paragraph by paragraph, each sentence coloured by its best source, and beside each paragraph
 * the findings of its sentences. Findings on no sentence (the whole article, the title) come first.
 */
export function articleHtml(v: ReportView): string {
  const r = v.r;
  const paras = new Map<number, ReportSentence[]>();
  for (const s of r.sentences) {
    const p = s.paragraph ?? 0;
    paras.set(p, [...(paras.get(p) ?? []), s]);
  }
  const paraOf = new Map(r.sentences.map((s) => [s.index, s.paragraph ?? 0]));
  const whole: number[] = [];
  const beside = new Map<number, number[]>();
  r.findings.forEach((f, i) => {
    const p = f.sentence === null ? undefined : paraOf.get(f.sentence);
    if (p === undefined) whole.push(i);
    else beside.set(p, [...(beside.get(p) ?? []), i]);
  });
  const list = (ids: number[]) => `<ul class="findings">${ids.map((i) => findingHtml(v, r.findings[i], i)).join('')}</ul>`;
  const rows = [...paras].map(([p, ss]) => {
    let out = '';
    ss.forEach((s, k) => {
      // The text between two sentences of a paragraph is kept as it is: the page shows the exact body.
      if (k > 0) out += e(r.article.text.slice(ss[k - 1].end, s.start));
      out += sentenceHtml(v, s);
    });
    const fs = (beside.get(p) ?? []).sort((a, b) => (r.findings[a].sentence ?? 0) - (r.findings[b].sentence ?? 0) || a - b);
    return `<div class="para"><p class="text">${out}</p><div class="beside">${fs.length ? list(fs) : ''}</div></div>`;
  });
  const count = r.findings.length ? ` <span class="muted">· ${plural(r.findings.length, 'finding')} beside their sentences</span>` : ' <span class="muted">· no findings</span>';
  return (
    `<h2>Article${count}</h2>` +
    (whole.length ? `<div class="whole"><h3 class="muted">On the whole article</h3>${list(whole)}</div>` : '') +
    `<div class="article">${rows.join('') || '<p class="empty">(no text)</p>'}</div>`
  );
}

// The space before a changed run stays outside its mark: "would <del>stop work</del>", not "would<del> stop work</del>".
function wrap(tag: 'del' | 'ins', text: string): string {
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  return `${e(lead)}<${tag}>${e(text.slice(lead.length))}</${tag}>`;
}

function diffHtml(m: SourceMatch, sentence: string): { source: string; article: string } {
  let source = '';
  let article = '';
  for (const d of wordDiff(m.text, sentence)) {
    if (d.op === 'same') {
      source += e(d.source ?? d.text);
      article += e(d.text);
    } else if (d.op === 'del') source += wrap('del', d.text);
    else article += wrap('ins', d.text);
  }
  return { source, article };
}

/** `text` with the ranges wrapped in <mark class="lift">, everything escaped. */
function liftHtml(text: string, ranges: Range[]): string {
  return splitAt(text, ranges)
    .map((p) => (p.marked ? `<mark class="lift">${e(p.text)}</mark>` : e(p.text)))
    .join('');
}

/** Evidence of a loose match under the pair: lifted runs, confidence, aligned pairs, anchors, dropped words. */
function looseEvidenceHtml(m: SourceMatch): string {
  const rows: string[] = [];
  if (m.lifted?.length) rows.push(`<div class="subs">Lifted: ${m.lifted.map((x) => `<span><mark class="lift">${e(x.text)}</mark></span> <span class="muted">article [${x.start}, ${x.end}) ← source [${x.sourceStart}, ${x.sourceEnd})</span>`).join(', ')}</div>`);
  if (m.confidence !== undefined) rows.push(`<div class="subs">Confidence <span>${e(m.confidence.toFixed(2))}</span>${m.kind === 'paraphrased' ? ' (the verifier’s probability that the sentence restates the source)' : ''}</div>`);
  if (m.aligned?.length) {
    const tr = m.aligned.map((x) => `<tr><td>${e(x.from)}</td><td>→</td><td><b>${e(x.to)}</b></td><td class="n">${e(x.score.toFixed(2))}</td></tr>`).join('');
    rows.push(`<table class="aligned"><thead><tr><th>source</th><th></th><th>article</th><th>similarity</th></tr></thead><tbody>${tr}</tbody></table>`);
  }
  if (m.anchors?.length) rows.push(`<div class="subs">Shared anchors: ${m.anchors.map((x) => `<span>${e(x)}</span>`).join(', ')}</div>`);
  if (m.dropped) rows.push(`<div class="subs">Dropped from the source: <del>${e(m.dropped)}</del></div>`);
  return rows.join('');
}

/** A source passage beside an article sentence, words only in either marked (del: source, ins: article). */
export function comparisonHtml(s: ReportSentence, m: SourceMatch): string {
  const srcHead = `<h3>Source · <span class="doc">${e(m.docId)}</span> <span class="muted">[${m.start}, ${m.end})</span></h3>`;
  const artHead = `<h3>Article · sentence ${s.index + 1}</h3>`;
  // A fragment or paraphrase shares too few words for a word diff to help: the two texts side by side,
  // lifted runs marked on both, the alignment below.
  if (isLoose(m.kind) || m.lifted?.length) {
    const runs = liftedRanges(m, s);
    return `<div class="pair"><div class="side-src">${srcHead}${liftHtml(m.text, runs.source)}</div><div class="side-art">${artHead}${liftHtml(s.text, runs.article)}</div></div>${looseEvidenceHtml(m)}`;
  }
  const d = diffHtml(m, s.text);
  const subs = m.substitutions?.length
    ? `<div class="subs">Spun words: ${m.substitutions.map((x) => `<del>${e(x.from)}</del> → <span><ins>${e(x.to)}</ins></span>`).join(', ')}</div>`
    : '';
  return `<div class="pair"><div class="side-src">${srcHead}${d.source}</div><div class="side-art">${artHead}${d.article}</div></div>${subs}${looseEvidenceHtml(m)}`;
}

/** Every reused sentence with its best source beside it (and the other sources folded). */
export function comparisonsHtml(v: ReportView): string {
  const reused = v.r.sentences.filter((s) => s.sources.length > 0);
  if (!reused.length) return '';
  const blocks = reused.map((s) => {
    const [best, ...rest] = s.sources;
    const k = v.keys.get(best.docId);
    const others = rest.length
      ? `<details><summary>${plural(rest.length, 'other source')}</summary>${rest
          .map((m) => `<div class="reuse ${keyClass(v, m.docId)}"><header><span class="kind ${e(m.kind)}">${e(m.kind)}</span> <span>similarity ${e(m.similarity.toFixed(2))}</span></header>${comparisonHtml(s, m)}</div>`)
          .join('')}</details>`
      : '';
    const data = v.interactive ? ` data-doc="${e(best.docId)}" data-start="${best.start}" data-end="${best.end}"` : '';
    return (
      `<div class="reuse ${keyClass(v, best.docId)}" id="${v.p}-r${s.index}"${data}><header><a href="#${v.p}-s${s.index}">sentence ${s.index + 1}</a>` +
      `<span class="kind ${e(best.kind)}">${e(best.kind)}</span><span>similarity ${e(best.similarity.toFixed(2))}</span>${best.confidence !== undefined ? `<span>confidence ${e(best.confidence.toFixed(2))}</span>` : ''}<span><span class="sw"></span> <b>${e(k?.letter ?? '?')}</b></span></header>` +
      `${comparisonHtml(s, best)}${others}</div>`
    );
  });
  return `<h2>Reused sentences — source beside article, word by word <span class="muted">(<del>only in source</del> <ins>only in article</ins>)</span></h2><div class="comparisons">${blocks.join('')}</div>`;
}

export function quotesHtml(v: ReportView): string {
  const q = v.r.quotes;
  if (!q.length) return '';
  const rows = q.map((x) => {
    const who = x.speaker.name ? `<b>${e(x.speaker.name)}</b>${x.speaker.resolved ? '' : ' <span class="unres">unresolved</span>'}` : '<span class="none-said">no speaker</span>';
    const words = x.kind === 'direct' ? `“${e(x.text)}”` : `<i>${e(x.text)}</i>`;
    return (
      `<tr><td>${who}</td><td class="q">${words}</td><td>${x.cue ? e(x.cue) : '<span class="muted">—</span>'}<br><span class="muted">${e(x.kind)}</span></td>` +
      `<td>${x.credits.length ? x.credits.map((c) => e(c)).join(', ') : '<span class="muted">—</span>'}</td><td><a href="#${v.p}-s${x.sentence}">${x.sentence + 1}</a></td></tr>`
    );
  });
  return (
    `<section class="panel quotes"><h2>Quotes and attribution</h2><div class="tablewrap"><table><thead><tr><th class="col20">Speaker</th><th>Words</th><th class="col10">Cue</th><th class="col16">Credited to</th><th class="col6">Sent.</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

export function timelineHtml(v: ReportView): string {
  const t = [...v.r.timeline].sort((a, b) => a.value.localeCompare(b.value) || a.start - b.start);
  if (!t.length) return '';
  const text = v.r.article.text;
  // One entry per date, with every sentence that carries it.
  const byValue = new Map<string, typeof t>();
  for (const x of t) byValue.set(x.value, [...(byValue.get(x.value) ?? []), x]);
  const items = [...byValue].map(([value, xs]) => {
    const human = readableTime(value);
    const lines = xs.map((x) => {
      if (x.field === 'title') return `<div class="tx"><span class="muted">title</span> <mark>${e(x.text)}</mark> <span class="muted">(${e(x.granularity)}, ${e(x.tense)})</span></div>`;
      const s = v.r.sentences[x.sentence];
      const said = s && x.start >= s.start && x.end <= s.end ? `${e(text.slice(s.start, x.start))}<mark>${e(x.text)}</mark>${e(text.slice(x.end, s.end))}` : `<mark>${e(x.text)}</mark>`;
      return `<div class="tx"><a class="muted" href="#${v.p}-s${x.sentence}">${x.sentence + 1}</a> ${said} <span class="muted">(${e(x.granularity)}, ${e(x.tense)})</span></div>`;
    });
    return `<li><time>${e(value)}</time>${human ? ` <span class="muted">${e(human)}</span>` : ''}${lines.join('')}</li>`;
  });
  return `<section class="panel timeline-panel"><h2>Timeline</h2><ol class="timeline">${items.join('')}</ol></section>`;
}

function sentenceOf(r: Report, at: number): number {
  return r.sentences.find((s) => at >= s.start && at < s.end)?.index ?? 0;
}

export function entitiesHtml(v: ReportView): string {
  const list = [...v.r.entities].sort((a, b) => a.type.localeCompare(b.type) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  if (!list.length) return '';
  const byId = new Map(v.r.entities.map((x) => [x.id, x.name]));
  const rows = list.map(
    (x) =>
      `<tr><td><b>${e(x.name)}</b>${x.outlet ? ' <span class="chip">outlet</span>' : ''}</td><td>${e(x.type)}</td><td>${x.role ? e(x.role) : '<span class="muted">—</span>'}</td>` +
      `<td>${x.aliases.map((a) => e(a)).join(', ') || '<span class="muted">—</span>'}${x.relatedTo && byId.has(x.relatedTo) ? `<br><span class="muted">related to ${e(byId.get(x.relatedTo) ?? '')}</span>` : ''}</td>` +
      `<td>${x.mentions.length}${x.mentions[0] && !x.mentions[0].field ? ` <a class="muted" href="#${v.p}-s${sentenceOf(v.r, x.mentions[0].start)}">first</a>` : ''}</td></tr>`,
  );
  return `<section class="panel entities"><h2>Entities</h2><div class="tablewrap"><table><thead><tr><th>Name</th><th>Type</th><th>Role</th><th>Also written</th><th>Mentions</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/** A whole report: header, verdict, splice map, article with findings, comparisons, quotes, timeline, entities. */
export function reportHtml(r: Report, opts: PieceOptions): string {
  const v = reportView(r, opts);
  return (
    `<article class="report" id="${v.p}">${headerHtml(v)}${verdictHtml(v)}${spliceHtml(v)}${articleHtml(v)}` +
    `${comparisonsHtml(v)}${quotesHtml(v)}${timelineHtml(v)}${entitiesHtml(v)}</article>`
  );
}

export function errorHtml(x: ReportError, prefix: string): string {
  return `<section class="err" id="${prefix}"><h1>Could not analyze ${e(x.error.id)}</h1><p class="meta">${x.error.origin ? `<span class="id">${e(x.error.origin)}</span>` : ''}</p><p>${e(x.error.message)}</p></section>`;
}

export function tocHtml(items: (Report | ReportError)[]): string {
  const li = items.map((x, i) =>
    'error' in x
      ? `<li><a href="#a${i}">${e(x.error.id)}</a> <span class="sev error">error</span></li>`
      : `<li><a href="#a${i}">${e(x.article.title ?? x.article.id)}</a> <span class="chip">${e(x.verdict.label)} ${e(x.verdict.score.toFixed(2))}</span></li>`,
  );
  return `<nav class="toc"><ol>${li.join('')}</ol></nav>`;
}
