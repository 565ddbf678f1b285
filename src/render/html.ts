// The self-contained HTML report: one page, no external assets, no script (the CSP forbids it), every
// piece of article-derived text escaped. Interactivity is links + CSS :target and <details>.
import { lineColumn } from '../model/document.js';
import type { Finding, Severity, SourceMatch } from '../model/types.js';
import type { Report, ReportError, ReportSentence } from '../report/report.js';
import { LABEL_MEANING, cellLetter, clip, evidence, isLoose, liftedRanges, percent, plural, readableTime, sourceKeys, splitAt, wordDiff, type Range, type SourceKey } from './common.js';

/** Escapes text for element content and for double- or single-quoted attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}
const e = escapeHtml;

// base-uri and form-action do not fall back to default-src: closed separately.
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

// Hues far apart for the first sources; later ones walk the colour wheel by the golden angle.
const PALETTE = ['#2563eb', '#c026d3', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#65a30d', '#ea580c', '#db2777', '#475569', '#0d9488'];
function slotColor(slot: number): string {
  return PALETTE[slot] ?? `hsl(${Math.round((slot * 137.508) % 360)} 65% 42%)`;
}

const SEV_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

function sourceStyles(n: number): string {
  const rules: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = slotColor(i);
    rules.push(`.c${i}{--c:${c};--t:color-mix(in srgb,${c} 16%,transparent)}`);
  }
  return rules.join('\n');
}

const STYLE = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f8fa;--panel:#fff;--info:#0969da;--warning:#9a6700;--error:#cf222e;
--serif:Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,serif;--sans:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:15px/1.55 var(--sans)}
.page{max-width:1240px;margin:0 auto;padding:24px 28px 64px}
.brand{display:flex;align-items:baseline;gap:12px;color:var(--muted);font-size:13px;margin-bottom:16px}
.brand b{color:var(--ink);font-size:15px;letter-spacing:.02em}
nav.toc{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;margin-bottom:20px}
nav.toc ol{margin:0;padding-left:20px}
nav.toc li{margin:2px 0}
article.report,section.err{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:26px 30px;margin-bottom:28px}
h1{font:600 26px/1.25 var(--serif);margin:0 0 6px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:30px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:14px;margin:0;display:flex;flex-wrap:wrap;gap:4px 18px}
.meta span{overflow-wrap:anywhere}
.id{font-family:var(--mono);font-size:12px}
a{color:var(--info);text-decoration:none}
a:hover{text-decoration:underline}
.verdict{display:grid;grid-template-columns:220px 1fr;gap:24px;margin-top:20px;padding:18px 20px;border-radius:8px;background:var(--bg);border-left:6px solid var(--v)}
.v-original{--v:#1a7f37}.v-syndicated{--v:#0969da}.v-spliced{--v:#cf222e}.v-suspicious{--v:#bf8700}
.label{display:inline-block;font-weight:700;letter-spacing:.1em;color:#fff;background:var(--v);border-radius:4px;padding:3px 10px;font-size:14px}
.score{margin-top:10px;font-size:13px;color:var(--muted)}
.meter{height:6px;background:var(--line);border-radius:3px;margin-top:4px;overflow:hidden}
.meter i{display:block;height:100%;background:var(--v)}
.means{margin:8px 0 0;font-size:12.5px;color:var(--muted)}
.reasons{margin:0;padding-left:18px}
.reasons li{margin:3px 0}
.chip{display:inline-block;font:12px var(--mono);padding:0 5px;margin-left:4px;border:1px solid var(--line);border-radius:10px;background:var(--panel)}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0 0}
.stat{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:20px}
.stat span{color:var(--muted);font-size:12px}
.strip{display:flex;flex-wrap:wrap;gap:2px;margin:6px 0 10px}
.cell{display:block;width:20px;height:28px;border-radius:2px;background:var(--c,#e5e9ee);color:#fff;font:600 11px/28px var(--mono);text-align:center;text-decoration:none!important}
.cell.none{background:#eaeef2;color:#8c959f}
.cell.loose{background:color-mix(in srgb,var(--c) 30%,#fff);color:var(--c);box-shadow:inset 0 0 0 1px color-mix(in srgb,var(--c) 45%,#fff)}
.cell.bp{background:repeating-linear-gradient(45deg,#d0d7de 0 3px,#f6f8fa 3px 6px);color:#57606a}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0;padding:0;list-style:none;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px;min-width:0}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;background:var(--c);flex:none}
.sw.none{background:#eaeef2;border:1px solid var(--line)}.sw.loose{background:color-mix(in srgb,var(--muted) 30%,#fff);border:1px solid var(--line)}.sw.bp{background:repeating-linear-gradient(45deg,#d0d7de 0 2px,#f6f8fa 2px 4px)}
.doc{font-family:var(--mono);font-size:12.5px;overflow-wrap:anywhere}
.cols{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:32px}
.text{font:17px/1.75 var(--serif)}
.text p{margin:0 0 14px}
.s{border-radius:3px;padding:1px 0;scroll-margin-top:40px}
.s.src{background:var(--t);box-shadow:inset 0 -2px 0 var(--c)}
.s.src.loose{background:color-mix(in srgb,var(--c) 6%,transparent);box-shadow:inset 0 -1px 0 color-mix(in srgb,var(--c) 50%,transparent)}
.s.bp{color:var(--muted);background:repeating-linear-gradient(45deg,transparent 0 4px,#eaeef2 4px 8px)}
.sn{font:600 10px var(--mono);color:var(--muted);vertical-align:super;margin-right:2px;text-decoration:none}
.s.src .sn{color:var(--c)}
.f{border-radius:2px;text-decoration:underline wavy;text-decoration-thickness:1px;text-underline-offset:3px;color:inherit}
.f.info{text-decoration-color:var(--info)}.f.warning{text-decoration-color:#bf8700;text-decoration-thickness:1.5px}.f.error{text-decoration-color:var(--error);text-decoration-thickness:1.5px;background:#ffebe9}
:target{outline:2px solid #fb8500;outline-offset:2px}
.findings{list-style:none;margin:0;padding:0;font-size:13.5px}
.findings li{padding:7px 8px;border-bottom:1px solid var(--line);scroll-margin-top:40px}
.sev{display:inline-block;min-width:62px;font:600 11px var(--mono);text-transform:uppercase}
.sev.info{color:var(--info)}.sev.warning{color:var(--warning)}.sev.error{color:var(--error)}
.rule{font:12px var(--mono);color:var(--muted)}
.sq{margin:4px 0 0;padding:2px 0 2px 10px;border-left:3px solid var(--line);font:14px/1.5 var(--serif);color:var(--muted)}
.ev{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:4px 0 0;font-size:12.5px}
.ev .k{color:var(--muted);font-family:var(--mono);font-size:11.5px}.ev span{overflow-wrap:anywhere}
.pos{font:11px var(--mono);color:var(--muted);float:right}
.reuse{border:1px solid var(--line);border-left:4px solid var(--c);border-radius:6px;margin:0 0 14px;padding:10px 14px;scroll-margin-top:40px}
.reuse header{display:flex;flex-wrap:wrap;gap:4px 14px;align-items:baseline;font-size:13px;margin-bottom:8px}
.kind{font:600 11px var(--mono);text-transform:uppercase;padding:1px 6px;border-radius:3px;background:var(--bg);border:1px solid var(--line)}
.kind.spun{background:#ffebe9;border-color:#ffcecb;color:#a40e26}.kind.fragment{background:#fbefff;border-color:#ecd8f5;color:#8250df}.kind.paraphrased{background:#f6f8fa;border-color:#d0d7de;color:#57606a}.kind.edited{background:#fff8c5;border-color:#eed888;color:#7d4e00}.kind.verbatim{background:#ddf4ff;border-color:#b6e3ff;color:#0550ae}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:16px;font:15px/1.6 var(--serif)}
.pair>div{min-width:0;overflow-wrap:anywhere}
.pair h3{font:600 11px var(--sans);text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 3px}
.pair h3 .doc,.pair h3 .muted{text-transform:none;letter-spacing:0}
del{background:#ffebe9;color:#82071e;text-decoration-color:#cf222e}
ins{background:#dafbe1;color:#116329;text-decoration:none;box-shadow:inset 0 -1px 0 #1a7f37}
mark.lift{background:#fff1a8;color:inherit;box-shadow:inset 0 -2px 0 #d4a72c;border-radius:2px}
.subs{font-size:13px;margin-top:8px;color:var(--muted)}
.aligned{font-size:13px;margin-top:8px;width:auto}
.aligned td,.aligned th{padding:2px 10px 2px 0;border:0}
.aligned td.n{font-family:var(--mono);font-size:12px;color:var(--muted)}
.subs span{color:var(--ink)}
details{margin-top:8px;font-size:13px}
summary{cursor:pointer;color:var(--info)}
table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:6px 8px}
td{border-bottom:1px solid var(--line);padding:7px 8px;vertical-align:top;overflow-wrap:anywhere}
td.q{font:15px/1.55 var(--serif)}
.unres{color:var(--warning);font-size:12px}
.none-said{color:var(--error);font-size:12px}
.muted{color:var(--muted)}
.timeline{list-style:none;margin:0;padding:0 0 0 14px;border-left:2px solid var(--line)}
.timeline li{position:relative;margin:0 0 12px;padding-left:14px}
.timeline li::before{content:'';position:absolute;left:-21px;top:7px;width:10px;height:10px;border-radius:50%;background:var(--panel);border:2px solid var(--info)}
.timeline time{font:600 14px var(--mono)}
.timeline .tx{font:15px/1.55 var(--serif);color:var(--ink);margin-top:2px}
.timeline .tx>a{font:11px var(--mono);margin-right:4px}
.timeline mark{background:#ddf4ff;color:inherit}
section.err{border-left:6px solid var(--error)}
section.err h1{font-size:18px}
.empty{color:var(--muted);font-style:italic}
@media print{html,body{background:#fff}.page{padding:0;max-width:none}article.report{border:0;padding:0}.reuse,.verdict,tr{break-inside:avoid}a{color:inherit}}
@media (max-width:900px){.cols,.pair,.verdict{grid-template-columns:1fr}}
`;

interface Ctx {
  r: Report;
  p: string; // id prefix of this report: "a0"
  keys: Map<string, SourceKey>;
}

function keyClass(ctx: Ctx, docId: string | undefined): string {
  const k = docId === undefined ? undefined : ctx.keys.get(docId);
  return k ? `c${k.slot}` : '';
}

function pos(r: Report, at: number): string {
  const { line, column } = lineColumn(r.article.text, at);
  return `${line}:${column}`;
}

function headerHtml(ctx: Ctx): string {
  const a = ctx.r.article;
  const meta: string[] = [];
  if (a.byline) meta.push(`<span>${e(a.byline)}</span>`);
  if (a.published) meta.push(`<span><time>${e(a.published)}</time></span>`);
  // Only web addresses become links: a "javascript:" URL stays text.
  if (a.url) meta.push(/^https?:\/\/[^\s]+$/i.test(a.url) ? `<span><a href="${e(a.url)}" rel="noopener noreferrer nofollow">${e(a.url)}</a></span>` : `<span>${e(a.url)}</span>`);
  meta.push(`<span class="id">${e(a.id)}</span>`);
  return `<header><h1>${e(a.title ?? a.id)}</h1><p class="meta">${meta.join('')}</p></header>`;
}

function verdictHtml(ctx: Ctx): string {
  const v = ctx.r.verdict;
  const reasons = v.reasons.length
    ? v.reasons
        .map((x) => `<li>${e(x.text)}${x.findings.map((i) => `<a class="chip" href="#${ctx.p}-f${i}">#${i + 1}</a>`).join('')}</li>`)
        .join('')
    : '<li class="muted">No reuse and no integrity findings.</li>';
  const s = ctx.r.summary;
  const share = s.sentences ? s.reusedSentences / s.sentences : 0;
  const stat = (b: string, label: string) => `<div class="stat"><b>${b}</b><span>${label}</span></div>`;
  return (
    `<section class="verdict v-${e(v.label)}"><div><span class="label">${e(v.label.toUpperCase())}</span>` +
    `<div class="score">content-farm score <b>${e(v.score.toFixed(2))}</b><div class="meter"><i style="width:${Math.round(Math.min(1, Math.max(0, v.score)) * 100)}%"></i></div></div><p class="means">${e(LABEL_MEANING[v.label] ?? '')}</p></div>` +
    `<ul class="reasons">${reasons}</ul></section>` +
    `<div class="stats">${stat(String(s.sentences), 'sentences')}${stat(`${s.reusedSentences} <small>(${percent(share)})</small>`, 'reused')}${stat(percent(s.originality), 'originality')}${stat(String(s.sources.length), 'sources')}${stat(String(ctx.r.findings.length), 'findings')}</div>`
  );
}

function spliceHtml(ctx: Ctx): string {
  const r = ctx.r;
  const cells = r.sentences
    .map((s, i) => {
      const id = r.summary.spliceMap[i] ?? s.sources[0]?.docId ?? null;
      const k = id === null ? undefined : ctx.keys.get(id);
      const kind = s.sources.find((m) => m.docId === id)?.kind;
      // A fragment or paraphrase is a looser link than a copy: a paler cell with a lowercase letter.
      const cls = s.role === 'boilerplate' ? 'bp' : k ? `c${k.slot}${isLoose(kind) ? ' loose' : ''}` : 'none';
      const tip = `sentence ${s.index + 1}${s.role === 'boilerplate' ? ' (template line)' : ''}: ${id ?? 'no source'}${kind && id !== null && s.role !== 'boilerplate' ? ` (${kind})` : ''} — ${clip(s.text, 90)}`;
      return `<a class="cell ${cls}" href="#${ctx.p}-s${s.index}" title="${e(tip)}">${k && s.role !== 'boilerplate' ? e(cellLetter(k, kind)) : ''}</a>`;
    })
    .join('');
  const legend = [...ctx.keys.values()]
    .map((k) => `<li class="c${k.slot}"><span class="sw"></span><b>${e(k.letter)}</b> <span class="doc">${e(k.docId)}</span> <span class="muted">${k.sentences ? plural(k.sentences, 'sentence') : 'second-best only'}</span></li>`)
    .join('');
  return (
    `<h2>Splice map</h2><div class="strip" aria-label="one cell per sentence, coloured by its best source">${cells}</div>` +
    `<ul class="legend">${legend}<li><span class="sw none"></span>no source found</li><li><span class="sw bp"></span>template line</li>` +
    `${r.sentences.some((s) => s.role === 'body' && isLoose(s.sources[0]?.kind)) ? '<li><span class="sw loose"></span>paler, lowercase: fragment or paraphrase</li>' : ''}</ul>`
  );
}

/** A sentence's text with the spans of its findings marked (each mark links to its finding). */
function markedText(ctx: Ctx, s: ReportSentence, findings: number[]): string {
  const text = ctx.r.article.text;
  const cuts = new Set([s.start, s.end]);
  const spans = findings.map((i) => ({ i, f: ctx.r.findings[i], a: Math.max(s.start, ctx.r.findings[i].start), b: Math.min(s.end, ctx.r.findings[i].end) })).filter((x) => x.a < x.b);
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
    out += `<a class="f ${e(worst.f.severity)}" href="#${ctx.p}-f${worst.i}" title="${e(tip)}">${piece}</a>`;
  }
  return out;
}

function articleHtml(ctx: Ctx, bySentence: Map<number, number[]>): string {
  const r = ctx.r;
  const paras = new Map<number, ReportSentence[]>();
  for (const s of r.sentences) {
    const p = s.paragraph ?? 0;
    paras.set(p, [...(paras.get(p) ?? []), s]);
  }
  const html = [...paras.values()].map((ss) => {
    let out = '';
    ss.forEach((s, k) => {
      // The text between two sentences of a paragraph is kept as it is: the page shows the exact body.
      if (k > 0) out += e(r.article.text.slice(ss[k - 1].end, s.start));
      const best = s.sources[0]?.docId;
      const cls = s.role === 'boilerplate' ? 'bp' : best !== undefined ? `src ${keyClass(ctx, best)}${isLoose(s.sources[0].kind) ? ' loose' : ''}` : '';
      const num = best !== undefined ? `<a class="sn" href="#${ctx.p}-r${s.index}">${s.index + 1}</a>` : `<span class="sn">${s.index + 1}</span>`;
      const tip = s.role === 'boilerplate' ? 'template line' : best !== undefined ? `${s.sources[0].kind} from ${best}` : '';
      out += `<span class="s ${cls}" id="${ctx.p}-s${s.index}"${tip ? ` title="${e(tip)}"` : ''}>${num}${markedText(ctx, s, bySentence.get(s.index) ?? [])}</span>`;
    });
    return `<p>${out}</p>`;
  });
  return `<div class="text">${html.join('') || '<p class="empty">(no text)</p>'}</div>`;
}

function findingsHtml(ctx: Ctx): string {
  const items = ctx.r.findings.map((f: Finding, i) => {
    const where = f.sentence !== null ? `<a href="#${ctx.p}-s${f.sentence}">sentence ${f.sentence + 1}</a> · ` : '';
    const s = f.sentence !== null ? ctx.r.sentences[f.sentence] : undefined;
    const said = s ? `<div class="sq">${e(clip(s.text, 220))}</div>` : '';
    const ev = evidence(ctx.r, f);
    const evHtml = ev.length ? `<div class="ev">${ev.map((x) => `<span class="k">${e(x.key)}</span><span>${e(x.value)}</span>`).join('')}</div>` : '';
    return `<li id="${ctx.p}-f${i}"><span class="pos">${where}${e(pos(ctx.r, f.start))}</span><span class="sev ${e(f.severity)}">${e(f.severity)}</span> <span class="rule">#${i + 1} ${e(f.ruleId)}</span><div>${e(f.message)}</div>${said}${evHtml}</li>`;
  });
  return `<h2>Findings</h2>${items.length ? `<ul class="findings">${items.join('')}</ul>` : '<p class="empty">No findings.</p>'}`;
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

/** Evidence of a loose match under the pair: confidence, aligned pairs, anchors, dropped words. */
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

function matchHtml(ctx: Ctx, s: ReportSentence, m: SourceMatch): string {
  const head = (side: string) =>
    side === 'source'
      ? `<h3>Source · <span class="doc">${e(m.docId)}</span> <span class="muted">[${m.start}, ${m.end})</span></h3>`
      : `<h3>Article · sentence ${s.index + 1}</h3>`;
  // A fragment or paraphrase shares too few words for a word diff to help: the two texts side by side,
  // lifted runs marked on both, the alignment below.
  if (isLoose(m.kind) || m.lifted?.length) {
    const runs = liftedRanges(m, s);
    return `<div class="pair"><div>${head('source')}${liftHtml(m.text, runs.source)}</div><div>${head('article')}${liftHtml(s.text, runs.article)}</div></div>${looseEvidenceHtml(m)}`;
  }
  const d = diffHtml(m, s.text);
  const subs = m.substitutions?.length
    ? `<div class="subs">Spun words: ${m.substitutions.map((x) => `<del>${e(x.from)}</del> → <span><ins>${e(x.to)}</ins></span>`).join(', ')}</div>`
    : '';
  return `<div class="pair"><div>${head('source')}${d.source}</div><div>${head('article')}${d.article}</div></div>${subs}${looseEvidenceHtml(m)}`;
}

function reuseHtml(ctx: Ctx): string {
  const reused = ctx.r.sentences.filter((s) => s.sources.length > 0);
  if (!reused.length) return '';
  const blocks = reused.map((s) => {
    const [best, ...rest] = s.sources;
    const k = ctx.keys.get(best.docId);
    const others = rest.length
      ? `<details><summary>${plural(rest.length, 'other source')}</summary>${rest
          .map((m) => `<div class="reuse ${keyClass(ctx, m.docId)}"><header><span class="kind ${e(m.kind)}">${e(m.kind)}</span> <span>similarity ${e(m.similarity.toFixed(2))}</span></header>${matchHtml(ctx, s, m)}</div>`)
          .join('')}</details>`
      : '';
    return (
      `<div class="reuse ${keyClass(ctx, best.docId)}" id="${ctx.p}-r${s.index}"><header><a href="#${ctx.p}-s${s.index}">sentence ${s.index + 1}</a>` +
      `<span class="kind ${e(best.kind)}">${e(best.kind)}</span><span>similarity ${e(best.similarity.toFixed(2))}</span>${best.confidence !== undefined ? `<span>confidence ${e(best.confidence.toFixed(2))}</span>` : ''}<span><span class="sw"></span> <b>${e(k?.letter ?? '?')}</b></span></header>` +
      `${matchHtml(ctx, s, best)}${others}</div>`
    );
  });
  return `<h2>Reused sentences — source beside article, word by word <span class="muted">(<del>only in source</del> <ins>only in article</ins>)</span></h2>${blocks.join('')}`;
}

function quotesHtml(ctx: Ctx): string {
  const q = ctx.r.quotes;
  if (!q.length) return '';
  const rows = q.map((x) => {
    const who = x.speaker.name ? `<b>${e(x.speaker.name)}</b>${x.speaker.resolved ? '' : ' <span class="unres">unresolved</span>'}` : '<span class="none-said">no speaker</span>';
    const words = x.kind === 'direct' ? `“${e(x.text)}”` : `<i>${e(x.text)}</i>`;
    return (
      `<tr><td>${who}</td><td class="q">${words}</td><td>${x.cue ? e(x.cue) : '<span class="muted">—</span>'}<br><span class="muted">${e(x.kind)}</span></td>` +
      `<td>${x.credits.length ? x.credits.map((c) => e(c)).join(', ') : '<span class="muted">—</span>'}</td><td><a href="#${ctx.p}-s${x.sentence}">${x.sentence + 1}</a></td></tr>`
    );
  });
  return `<h2>Quotes and attribution</h2><table><thead><tr><th style="width:20%">Speaker</th><th>Words</th><th style="width:10%">Cue</th><th style="width:16%">Credited to</th><th style="width:6%">Sent.</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function timelineHtml(ctx: Ctx): string {
  const t = [...ctx.r.timeline].sort((a, b) => a.value.localeCompare(b.value) || a.start - b.start);
  if (!t.length) return '';
  const text = ctx.r.article.text;
  // One entry per date, with every sentence that carries it.
  const byValue = new Map<string, typeof t>();
  for (const x of t) byValue.set(x.value, [...(byValue.get(x.value) ?? []), x]);
  const items = [...byValue].map(([value, xs]) => {
    const human = readableTime(value);
    const lines = xs.map((x) => {
      if (x.field === 'title') return `<div class="tx"><span class="muted">title</span> <mark>${e(x.text)}</mark> <span class="muted">(${e(x.granularity)}, ${e(x.tense)})</span></div>`;
      const s = ctx.r.sentences[x.sentence];
      const said = s && x.start >= s.start && x.end <= s.end ? `${e(text.slice(s.start, x.start))}<mark>${e(x.text)}</mark>${e(text.slice(x.end, s.end))}` : `<mark>${e(x.text)}</mark>`;
      return `<div class="tx"><a class="muted" href="#${ctx.p}-s${x.sentence}">${x.sentence + 1}</a> ${said} <span class="muted">(${e(x.granularity)}, ${e(x.tense)})</span></div>`;
    });
    return `<li><time>${e(value)}</time>${human ? ` <span class="muted">${e(human)}</span>` : ''}${lines.join('')}</li>`;
  });
  return `<h2>Timeline</h2><ol class="timeline">${items.join('')}</ol>`;
}

function entitiesHtml(ctx: Ctx): string {
  const list = [...ctx.r.entities].sort((a, b) => a.type.localeCompare(b.type) || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  if (!list.length) return '';
  const byId = new Map(ctx.r.entities.map((x) => [x.id, x.name]));
  const rows = list.map(
    (x) =>
      `<tr><td><b>${e(x.name)}</b>${x.outlet ? ' <span class="chip">outlet</span>' : ''}</td><td>${e(x.type)}</td><td>${x.role ? e(x.role) : '<span class="muted">—</span>'}</td>` +
      `<td>${x.aliases.map((a) => e(a)).join(', ') || '<span class="muted">—</span>'}${x.relatedTo && byId.has(x.relatedTo) ? `<br><span class="muted">related to ${e(byId.get(x.relatedTo) ?? '')}</span>` : ''}</td>` +
      `<td>${x.mentions.length}${x.mentions[0] && !x.mentions[0].field ? ` <a class="muted" href="#${ctx.p}-s${sentenceOf(ctx.r, x.mentions[0].start)}">first</a>` : ''}</td></tr>`,
  );
  return `<h2>Entities</h2><table><thead><tr><th>Name</th><th>Type</th><th>Role</th><th>Also written</th><th>Mentions</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function sentenceOf(r: Report, at: number): number {
  return r.sentences.find((s) => at >= s.start && at < s.end)?.index ?? 0;
}

const UNMARKED = /^(reuse|boilerplate)\//;

function reportHtml(r: Report, i: number): string {
  const ctx: Ctx = { r, p: `a${i}`, keys: sourceKeys(r) };
  const bySentence = new Map<number, number[]>();
  r.findings.forEach((f, j) => {
    // Reuse and template findings are drawn by the sentence's own colour or hatching, not as marks.
    if (f.sentence !== null && !UNMARKED.test(f.ruleId)) bySentence.set(f.sentence, [...(bySentence.get(f.sentence) ?? []), j]);
  });
  return (
    `<article class="report" id="${ctx.p}">${headerHtml(ctx)}${verdictHtml(ctx)}${spliceHtml(ctx)}` +
    `<div class="cols"><div><h2>Article</h2>${articleHtml(ctx, bySentence)}</div><div>${findingsHtml(ctx)}</div></div>` +
    `${reuseHtml(ctx)}${quotesHtml(ctx)}${timelineHtml(ctx)}${entitiesHtml(ctx)}</article>`
  );
}

function errorHtml(x: ReportError, i: number): string {
  return `<section class="err" id="a${i}"><h1>Could not analyze ${e(x.error.id)}</h1><p class="meta">${x.error.origin ? `<span class="id">${e(x.error.origin)}</span>` : ''}</p><p>${e(x.error.message)}</p></section>`;
}

function tocHtml(items: (Report | ReportError)[]): string {
  const li = items.map((x, i) =>
    'error' in x
      ? `<li><a href="#a${i}">${e(x.error.id)}</a> <span class="sev error">error</span></li>`
      : `<li><a href="#a${i}">${e(x.article.title ?? x.article.id)}</a> <span class="chip">${e(x.verdict.label)} ${e(x.verdict.score.toFixed(2))}</span></li>`,
  );
  return `<nav class="toc"><ol>${li.join('')}</ol></nav>`;
}

/** A self-contained HTML report: no external assets, every piece of article text escaped, no script. */
export function renderHtml(items: (Report | ReportError)[]): string {
  const reports = items.filter((x): x is Report => !('error' in x));
  const slots = Math.max(0, ...reports.map((r) => sourceKeys(r).size));
  const title = items.length === 1 && reports[0] ? `${reports[0].article.title ?? reports[0].article.id} — unspun` : `unspun report (${plural(items.length, 'article')})`;
  const body = items.map((x, i) => ('error' in x ? errorHtml(x, i) : reportHtml(x, i))).join('\n');
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(title)}</title><style>${STYLE}${sourceStyles(slots)}</style></head>\n` +
    `<body><div class="page"><div class="brand"><b>unspun</b><span>forensic report · unspun.report/1</span><span>${plural(reports.length, 'article')}${items.length > reports.length ? `, ${plural(items.length - reports.length, 'error')}` : ''}</span></div>` +
    `${items.length > 1 ? tocHtml(items) : ''}${body}</div></body></html>\n`
  );
}
