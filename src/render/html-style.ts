// The report's style sheet, shared by the static HTML report (inlined in its <style>) and the web page
// (served as /assets/page.css, since the server's CSP allows no inline style).

// Hues far apart for the first sources; later ones walk the colour wheel by the golden angle. Dark enough
// (WCAG AA) for the white letters of the splice map.
const PALETTE = ['#1d4ed8', '#a21caf', '#b45309', '#047857', '#b91c1c', '#6d28d9', '#0e7490', '#4d7c0f', '#c2410c', '#be185d', '#475569', '#0f766e'];

export function slotColor(slot: number): string {
  return PALETTE[slot] ?? `hsl(${Math.round((slot * 137.508) % 360)} 70% 30%)`;
}

/** `.c<slot>` rules that set a source's colour (`--c`) and tint (`--t`), for slots 0..n-1. */
export function sourceStyles(n: number): string {
  const rules: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = slotColor(i);
    rules.push(`.c${i}{--c:${c};--t:color-mix(in srgb,${c} 14%,transparent)}`);
  }
  return rules.join('\n');
}

// Widths of the score meter in 5% steps: a class, not a style attribute, so a strict CSP allows it.
const METER = Array.from({ length: 21 }, (_, k) => `.w${k}{width:${k * 5}%}`).join('');

export const REPORT_CSS = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f8fa;--panel:#fff;--info:#0969da;--warning:#9a6700;--error:#cf222e;
--serif:Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,serif;--sans:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;--mono:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:15px/1.55 var(--sans)}
.page{max-width:1240px;margin:0 auto;padding:24px 28px 64px}
.brand{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;color:var(--muted);font-size:13px;margin-bottom:16px}
.brand b{color:var(--ink);font-size:15px;letter-spacing:.02em}
nav.toc{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;margin-bottom:20px}
nav.toc ol{margin:0;padding-left:20px}
nav.toc li{margin:2px 0}
article.report,section.err{background:var(--panel);border:1px solid var(--line);border-radius:10px;padding:26px 30px;margin-bottom:28px}
h1{font:600 26px/1.25 var(--serif);margin:0 0 6px;overflow-wrap:anywhere}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:30px 0 10px;padding-bottom:6px;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:14px;margin:0;display:flex;flex-wrap:wrap;gap:4px 18px}
.meta span{overflow-wrap:anywhere}
.id{font-family:var(--mono);font-size:12px}
a{color:var(--info);text-decoration:none}
a:hover{text-decoration:underline}
.verdict{display:grid;grid-template-columns:220px 1fr;gap:24px;margin-top:20px;padding:18px 20px;border-radius:8px;background:var(--bg);border-left:6px solid var(--v)}
.v-original{--v:#1a7f37}.v-syndicated{--v:#0969da}.v-spliced{--v:#cf222e}.v-suspicious{--v:#9a6700}
.label{display:inline-block;font-weight:700;letter-spacing:.1em;color:#fff;background:var(--v);border-radius:4px;padding:3px 10px;font-size:14px}
.score{margin-top:10px;font-size:13px;color:var(--muted)}
.meter{height:6px;background:var(--line);border-radius:3px;margin-top:4px;overflow:hidden}
.meter i{display:block;height:100%;background:var(--v)}
${METER}
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
.cell.none{background:#eaeef2;color:#59636e}
.cell.loose{background:color-mix(in srgb,var(--c) 30%,#fff);color:var(--c);box-shadow:inset 0 0 0 1px color-mix(in srgb,var(--c) 45%,#fff)}
.cell.bp{background:repeating-linear-gradient(45deg,#d0d7de 0 3px,#f6f8fa 3px 6px);color:#57606a}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0;padding:0;list-style:none;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px;min-width:0}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;background:var(--c);flex:none}
.sw.none{background:#eaeef2;border:1px solid var(--line)}.sw.loose{background:color-mix(in srgb,var(--muted) 30%,#fff);border:1px solid var(--line)}.sw.bp{background:repeating-linear-gradient(45deg,#d0d7de 0 2px,#f6f8fa 2px 4px)}
.doc{font-family:var(--mono);font-size:12.5px;overflow-wrap:anywhere}
.para{display:grid;grid-template-columns:minmax(0,1.45fr) minmax(0,1fr);gap:0 32px;margin:0 0 14px}
.text{font:17px/1.75 var(--serif);margin:0}
.beside{min-width:0}
.s{border-radius:3px;padding:1px 0;scroll-margin-top:40px}
.s.src{background:var(--t);box-shadow:inset 0 -2px 0 var(--c)}
.s.src.loose{background:color-mix(in srgb,var(--c) 6%,transparent);box-shadow:inset 0 -1px 0 color-mix(in srgb,var(--c) 50%,transparent)}
.s.bp{color:var(--muted);background:repeating-linear-gradient(45deg,transparent 0 4px,#eaeef2 4px 8px)}
.sn{font:600 10px var(--mono);color:var(--muted);vertical-align:super;margin-right:2px;text-decoration:none}
.s.src .sn{color:var(--ink)}
.f{border-radius:2px;text-decoration:underline wavy;text-decoration-thickness:1px;text-underline-offset:3px;color:inherit}
.f.info{text-decoration-color:var(--info)}.f.warning{text-decoration-color:#bf8700;text-decoration-thickness:1.5px}.f.error{text-decoration-color:var(--error);text-decoration-thickness:1.5px;background:#ffebe9}
:target{outline:2px solid #fb8500;outline-offset:2px}
.findings{list-style:none;margin:0;padding:0;font:13.5px/1.5 var(--sans)}
.findings li{padding:7px 8px;border-bottom:1px solid var(--line);scroll-margin-top:40px}
.beside .findings li:first-child{padding-top:4px}
.sev{display:inline-block;min-width:62px;font:600 11px var(--mono);text-transform:uppercase}
.sev.info{color:var(--info)}.sev.warning{color:var(--warning)}.sev.error{color:var(--error)}
.rule{font:12px var(--mono);color:var(--muted)}
.ev{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:4px 0 0;font-size:12.5px}
.ev .k{color:var(--muted);font-family:var(--mono);font-size:11.5px}.ev span{overflow-wrap:anywhere}
.ev-link{font-size:12.5px;margin-top:2px}
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
.tablewrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th{text-align:left;font-size:12px;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:6px 8px}
th.col6{width:6%}th.col10{width:10%}th.col16{width:16%}th.col20{width:20%}
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
@media (max-width:900px){.para,.pair,.verdict{grid-template-columns:1fr}.beside .findings{margin:6px 0 0 14px;border-left:2px solid var(--line)}}
@media (max-width:600px){.page{padding:12px 10px 40px}article.report,section.err{padding:16px 14px}.text{font-size:16px}.stat{min-width:0;flex:1 1 40%}}
`;
