/**
 * Rebuilds the two page sets of bench/unseen.ts from fetched repository snapshots (the pages are third-party
 * and stay outside the repository; this script is ours):
 *   npx tsx bench/unseen/build-sets.ts T [out]   set T, tuned on (default out /work/cache/meta-tune-t)
 *   npx tsx bench/unseen/build-sets.ts B [out]   set B2, held out (default out /work/cache/meta-unseen-b)
 * Needs snapshots (the `fetch` tool, github:<owner>/<name>) under $UNSPUN_MIRRORS (default /work/.mirror) of
 * adbar/trafilatura (tests/evaldata.json: hand-made title/author/date per page; pages in tests/eval and
 * tests/cache), and for B also mozilla/readability, goose3/goose3, AndyTheFactory/newspaper4k; both need
 * codelucas/newspaper and postlight/parser (set A's sources, excluded) and ../shared/data/bench (excluded).
 *
 * Split: B2 takes trafilatura's pages of the news/magazine outlets in NEWS_SITES below (picked by domain name
 * alone, before any extraction ran) and the news pages of the three other test sets; T takes every other
 * trafilatura page. A registered domain of the shared bench, of set A's sources or of the other set is never
 * taken, and each set holds at most one page per registered domain.
 * Both sets also get snippets.json: trafilatura's "with"/"without" body snippets of its pages ({ id: { with, without } }).
 * T is annotated automatically from trafilatura's annotations (authors and day not scored where empty).
 * B2 is prefilled from each dataset's expectations, and every value is checked against the page's visible text
 * (scripts, styles and head removed); the values not found there are listed in <out>/flagged.json for a hand
 * decision, written to <out>/hand-decisions.json ({ id: { title?, authors?, day?, drop?, reason } }) and
 * applied on the next run. A flagged page without a decision is left out.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { decode } from '../../src/ingest/decode.js';
import { gitHead, gitList, gitShow, siteOf } from './sources.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BENCH = path.resolve(HERE, '../../../shared/data/bench');

// trafilatura's annotated domains that name a news outlet or a magazine (chosen by the name alone).
const NEWS_SITES = `24horas.cl 24ora.com 5min.at 90min.de abc13.com abc7news.com achgut.com ad-magazin.de aerobuzz.de
agrarheute.com ambito.com aoc.media assabah.com.tn auto-motor.at autohaus.de automobilwoche.de autozeitung.de axios.com
badische-zeitung.de bbc.com bike-magazin.de biobiochile.cl bondyblog.fr bostonherald.com brandeins.de brasil247.com
californiaglobe.com campograndenews.com.br caymancompass.com cbsnews.com cicero.de citylimits.org clarin.com cnn.com
cointelegraph.com computerbild.de cooperativa.cl corkbeo.ie correio24horas.com.br correiobraziliense.com.br
dailymail.co.uk dalloz-actualite.fr deutsche-handwerks-zeitung.de deutsche-wirtschafts-nachrichten.de deutschlandfunk.de
die-tagespost.de domradio.de dw.com economist.com eishockeynews.de elcolombiano.com elcomercio.pe eldeber.com.bo
elespectador.com elle.de elmostrador.cl elnacional.com elnuevodia.com elpais.com elpais.com.uy eltiempo.com eluniversal.com
eurosport.de express.de exxpress.at faz.net finanzmarktwelt.de fivethirtyeight.com fluter.de focus.de football.ua fr.de
freitag.de furche.at gala.fr gamestar.de gazetadopovo.com.br giga.de golfpost.de gothamist.com handelsblatt.com harpers.org
hessenschau.de hoy.com.py independent.co.uk indiatimes.com industriemagazin.at infobae.com infosperber.ch ingenieur.de
instyle.com japantimes.co.jp jungefreiheit.de jungle.world kaieteurnewsonline.com kath.net kbs.co.kr kulturnews.de kxan.com
kyffhaeuser-nachrichten.de lacuarta.com ladiaria.com.uy lanacion.com.ar laola1.at lapresse.tn larepublica.pe lastampa.it
latercera.com latimes.com laweekly.com ledevoir.com lefigaro.fr libero.pe ln-online.de lopinion.fr losandes.com.ar
lostiempos.com mactechnews.de macwelt.de mdr.de metrotimes.com miamitodaynews.com minuto30.com missy-magazine.de
mondediplo.net mopo.de motor1.com motorsport-magazin.com motorsport-total.com mz-web.de nachrichten.at nachtkritik.de ndr.de
netzpolitik.org neues-deutschland.de newrepublic.com nhk.or.jp nnz-online.de nymag.com nytimes.com nzz.ch observer.com
oe24.at orf.at osthessen-news.de pagesix.com pagina12.com.ar paginasiete.bo pcgamer.com pcmag.com phillyvoice.com
phys.org politico.com presse-augsburg.de publimetro.cl regards.fr reuters.com rundschau-online.de salon.com
sciencesetavenir.fr scinexx.de scmp.com spektrum.de sportnews.bz sports.fr spox.com standard.co.uk stern.de swr.de t3n.de
tag24.de tagblatt.ch tagesanzeiger.ch tagesschau.de tagesspiegel.de tageswoche.ch taz.de tdg.ch tegernseerstimme.de
telebasel.ch tennisnet.com theatlantic.com thebrag.com theguardian.com theintercept.com thelocal.se timesofisrael.com
tomshardware.com trome.pe twincities.com uebermedien.de ultimahora.com ultimasnoticias.com.ve unocero.com uusisuomi.fi
villagevoice.com volksblatt.at watson.ch wdr.de welt.de winfuture.de wired.com wp.pl wsvn.com xinhuanet.com yle.fi zdf.de
zdnet.de zeit.de chip.de`.split(/\s+/);

// mozilla/readability's test pages of news and magazine sites (blogs, docs, wikis and feature tests left out),
// with the site where the page gives no canonical URL.
const READABILITY_PAGES: Record<string, string> = {
  aktualne: '', 'ars-1': '', 'bbc-1': '', breitbart: '', 'buzzfeed-1': '', 'citylab-1': '', cnet: '', cnn: '',
  engadget: '', folha: '', gmw: 'gmw.cn', 'guardian-1': '', heise: '', 'herald-sun-1': '', 'la-nacion': 'lanacion.com.ar',
  'lemonde-1': '', 'liberation-1': '', 'lwn-1': 'lwn.net', medicalnewstoday: '', msn: '', 'nytimes-1': '', 'nytimes-2': '',
  'nytimes-3': '', 'nytimes-4': '', qq: 'qq.com', 'quanta-1': '', 'salon-1': '', 'seattletimes-1': '', telegraph: '',
  theverge: '', 'tmz-1': '', 'wapo-1': '', 'wapo-2': '', 'yahoo-1': '', 'yahoo-2': 'yahoo.com', 'yahoo-3': '',
  'webmd-1': 'webmd.com',
};
// goose3's content tests of news pages (its feature tests on example.com and blogs left out).
const GOOSE_SKIP = /articlebody_|pattern_config|retry_top_node|issue129|issue24|allnewlyrics/;
// newspaper4k's metadata tests (all news pages but one that is a copy of another with no URL).
const NP4K_SKIP = /video_article_01/;

interface Ann {
  url: string;
  title: string;
  authors: string[] | null;
  day: string | null;
}
interface Page extends Ann {
  id: string;
  source: string;
  html: Buffer;
  text?: string;
  /** trafilatura's body snippets: text that must be in the extracted body, boilerplate that must not. */
  snippets?: Snippets;
}
interface Snippets {
  with: string[];
  without: string[];
}

const urlsOf = (file: string) => Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, { url: string }>).map((v) => v.url);

/** Registered domains of the shared bench and of set A's sources, excluded from both sets. */
function excludedSites(): Set<string> {
  const out = new Set<string>();
  for (const u of [...urlsOf(path.join(BENCH, 'aeb/ground-truth.json')), ...urlsOf(path.join(BENCH, 'dates/ground-truth.json'))]) out.add(siteOf(u));
  for (const u of gitShow('codelucas/newspaper', 'tests/data/fulltext_url_list.txt').toString().split('\n')) if (u.trim()) out.add(siteOf(u.trim()));
  for (const f of gitList('postlight/parser', 'fixtures')) out.add(siteOf(path.basename(f).replace(/(--[^/]*)?\.html$/, '')));
  out.delete('');
  return out;
}

type Traf = Record<string, { file: string; title?: string; author?: string | string[]; date?: string; with?: string[]; without?: string[] }>;
function trafilatura(): { url: string; v: Traf[string]; file: string }[] {
  const data = JSON.parse(gitShow('adbar/trafilatura', 'tests/evaldata.json').toString()) as Traf;
  const files = new Set([...gitList('adbar/trafilatura', 'tests/eval'), ...gitList('adbar/trafilatura', 'tests/cache')]);
  const out = [];
  for (const [url, v] of Object.entries(data)) {
    if (!v.title) continue;
    const file = [`tests/eval/${v.file}`, `tests/cache/${v.file}`].find((f) => files.has(f));
    if (file) out.push({ url, v, file });
  }
  return out;
}

const snippetsOf = (v: Traf[string]): Snippets | undefined => (v.with?.length || v.without?.length ? { with: v.with ?? [], without: v.without ?? [] } : undefined);
const splitAuthors = (s: string | string[] | undefined) => {
  const list = (Array.isArray(s) ? s : (s ?? '').split(/\s*;\s*/)).map((x) => x.trim()).filter(Boolean);
  return list.length ? list : null;
};
const dayOf = (s: string | null | undefined) => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null);

function readabilityUrl(html: string): string {
  const m = html.match(/<link[^>]+rel="canonical"[^>]*href="(https?:[^"]+)"|<link[^>]+href="(https?:[^"]+)"[^>]*rel="canonical"|<meta[^>]+property="og:url"[^>]*content="(https?:[^"]+)"|<meta[^>]+content="(https?:[^"]+)"[^>]*property="og:url"/i);
  return m ? (m[1] ?? m[2] ?? m[3] ?? m[4]) : '';
}

/** A dataset's author strings as names: one name each ("A und B", "A, B"), no "By"/"Par"/"Von" label, no final dot. */
function names(list: string[] | null): string[] | null {
  if (!list) return null;
  const out = list
    .flatMap((a) => a.split(/\s*(?:,|;|\bund\b|\band\b|\by\b|\bet\b)\s*/))
    .map((a) => a.replace(/^(by|par|von|por)\s+/i, '').replace(/\.$/, '').replace(/\s+/g, ' ').trim())
    .filter((a) => a.length > 1);
  return out.length ? out : null;
}

function setBCandidates(): Page[] {
  const pages: Page[] = [];
  const news = new Set(NEWS_SITES);
  for (const { url, v, file } of trafilatura()) {
    if (!news.has(siteOf(url))) continue;
    pages.push({ id: `traf-${path.basename(file, '.html').replace(/[^\w.-]+/g, '_')}`, source: 'trafilatura', url, title: v.title!, authors: splitAuthors(v.author), day: dayOf(v.date), html: gitShow('adbar/trafilatura', file), snippets: snippetsOf(v) });
  }
  for (const [dir, site] of Object.entries(READABILITY_PAGES)) {
    const html = gitShow('mozilla/readability', `test/test-pages/${dir}/source.html`);
    const m = JSON.parse(gitShow('mozilla/readability', `test/test-pages/${dir}/expected-metadata.json`).toString());
    const url = readabilityUrl(html.toString()) || `https://${site}/`;
    pages.push({ id: `readability-${dir}`, source: 'readability', url, title: m.title ?? '', authors: m.byline ? [m.byline] : null, day: dayOf(m.publishedTime), html });
  }
  for (const f of gitList('goose3/goose3', 'tests/data/content').filter((f) => f.endsWith('.json') && !GOOSE_SKIP.test(f))) {
    const j = JSON.parse(gitShow('goose3/goose3', f).toString());
    const e = j.expected ?? {};
    pages.push({ id: `goose3-${path.basename(f, '.json').replace(/^test_/, '')}`, source: 'goose3', url: j.url, title: e.title ?? '', authors: e.authors?.length ? e.authors : null, day: dayOf(e.publish_date), html: gitShow('goose3/goose3', f.replace(/\.json$/, '.html')) });
  }
  for (const f of gitList('AndyTheFactory/newspaper4k', 'tests/data/metadata').filter((f) => !NP4K_SKIP.test(f))) {
    const j = JSON.parse(gitShow('AndyTheFactory/newspaper4k', f).toString());
    const name = path.basename(f, '.json');
    let text: string | undefined;
    try {
      text = gitShow('AndyTheFactory/newspaper4k', `tests/data/txt/${name}.txt`).toString();
    } catch {
      text = undefined;
    }
    if (!j.url) continue;
    pages.push({ id: `np4k-${name}`, source: 'newspaper4k', url: j.url, title: j.title ?? '', authors: j.authors?.length ? j.authors : null, day: dayOf(j.publish_date), html: gitShow('AndyTheFactory/newspaper4k', `tests/data/html/${name}.html`), text });
  }
  return pages;
}

/** At most one page per registered domain, none of an excluded domain; the first page of a site wins. */
function onePerSite(pages: Page[], excluded: Set<string>): Page[] {
  const seen = new Set<string>();
  return pages.filter((p) => {
    const s = siteOf(p.url);
    if (!s || excluded.has(s) || seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

function setT(): Page[] {
  const excluded = excludedSites();
  for (const p of setBCandidates()) excluded.add(siteOf(p.url));
  for (const s of NEWS_SITES) excluded.add(s);
  const pages = trafilatura().map(({ url, v, file }) => ({ id: `traf-${path.basename(file, '.html').replace(/[^\w.-]+/g, '_')}`, source: 'trafilatura', url, title: v.title!, authors: splitAuthors(v.author), day: dayOf(v.date), html: gitShow('adbar/trafilatura', file), snippets: snippetsOf(v) }));
  return onePerSite(pages, excluded);
}

// ---- set B2's check against the visible text ----
// Block elements end a run of text: "…Bilder</h1><span>Markus Reuter" must not read as one word.
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'TD', 'TH', 'TR', 'BR', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'SPAN', 'A', 'TIME', 'FIGCAPTION', 'BLOCKQUOTE', 'DT', 'DD', 'BUTTON', 'LABEL', 'TABLE', 'FORM', 'MAIN', 'ADDRESS']);
function visibleText(html: Buffer, id: string): { text: string; h1s: string[] } {
  const { document } = parseHTML(decode(html, { name: id, html: true }));
  for (const el of document.querySelectorAll('script, style, noscript, template, head, meta, title, rt, rp')) el.remove();
  const parts: string[] = [];
  const walk = (n: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
    if (n.nodeType === 3) return void parts.push(n.textContent ?? '');
    const block = BLOCK.has(n.nodeName.toUpperCase());
    if (block) parts.push(' ');
    for (const c of Array.from(n.childNodes)) walk(c as typeof n);
    if (block) parts.push(' ');
  };
  // From the document, not its documentElement: on a page with markup before its doctype (a <style> first), the
  // parser makes that first element the documentElement and the article would be left out of the text.
  walk(document as never);
  const h1s = Array.from(document.querySelectorAll('h1, h2'), (h: { textContent: string | null }) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { text: parts.join('').replace(/\s+/g, ' '), h1s };
}
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‘’`]/g, "'").replace(/[“”]/g, '"').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const MONTHS: string[][] = [
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'],
  ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
];
/** Whether the visible text writes that day, in a numeric or a month-name form. */
function writesDay(text: string, day: string): boolean {
  const [y, m, d] = day.split('-').map(Number);
  const t = ` ${text.toLowerCase()} `;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const yy = String(y).slice(2);
  const nums = [`${y}-${p2(m)}-${p2(d)}`, `${y}/${p2(m)}/${p2(d)}`, `${y}/${m}/${d}`, `${y}.${p2(m)}.${p2(d)}`, `${y}年${m}月${d}日`, `${y}年${p2(m)}月${p2(d)}日`];
  for (const sep of ['.', '/', '-']) for (const dd of [p2(d), String(d)]) for (const mm of [p2(m), String(m)]) for (const yr of [String(y), yy]) nums.push(`${dd}${sep}${mm}${sep}${yr}`, `${mm}${sep}${dd}${sep}${yr}`);
  if (nums.some((n) => new RegExp(`(^|[^\\d])${n.replace(/[./-]/g, '\\$&\\s*')}([^\\d]|$)`).test(t))) return true;
  for (const names of MONTHS) {
    const mn = names[m - 1];
    const forms = [mn, mn.slice(0, 3)];
    for (const f of forms) {
      const re1 = new RegExp(`(^|[^\\d])0?${d}\\.?\\s*(de\\s+)?${f}\\.?[\\p{L}]*\\s*(de\\s+|,\\s*)?(${y}|'?${yy})?`, 'u');
      const re2 = new RegExp(`${f}[a-z]*\\.?\\s+0?${d}(st|nd|rd|th)?\\b`, 'u');
      if ((re1.test(t) || re2.test(t)) && t.includes(String(y).slice(0, 4))) return true;
    }
  }
  return false;
}

// A byline that names a desk, an agency or the outlet is not scored: those go to a hand decision.
const NOT_A_PERSON = /\b(dpa|afp|ap|reuters|apa|sda|kna|epd|efe|ansa|redaktion|redacci[oó]n|r[ée]daction|staff|desk|news|online|agenc[iy]a?|agentur|wire|editor(ial)?|team|press|zeitung|magazin)\b/i;
function check(p: Page, text: string, h1s: string[]): string[] {
  const why: string[] = [];
  const nt = ` ${norm(text)} `;
  if (!p.title || !nt.includes(` ${norm(p.title)} `)) why.push('title not in visible text');
  // A kicker shown before the headline in the same heading ("Corona-Pandemie - „Es kommt…“") is not the headline.
  else if (h1s.length && !h1s.some((h) => ` ${norm(h)}`.endsWith(` ${norm(p.title)}`))) why.push('title is not the end of a visible <h1>/<h2>');
  const site = siteOf(p.url).split('.')[0].replace(/-/g, ' ');
  for (const a of p.authors ?? []) if (NOT_A_PERSON.test(a) || norm(a).includes(norm(site)) || !/\s/.test(a.trim())) why.push(`author "${a}" may be a label, an outlet or a user name`);
  for (const a of p.authors ?? []) if (!nt.includes(` ${norm(a.replace(/^by\s+/i, ''))} `)) why.push(`author "${a}" not in visible text`);
  if (!p.authors) why.push('no authors from dataset');
  if (p.day && !writesDay(text, p.day)) why.push(`day ${p.day} not written on the page`);
  if (!p.day) why.push('no day from dataset');
  return why;
}

function write(out: string, pages: Page[], extra: Record<string, unknown>) {
  rmSync(path.join(out, 'html'), { recursive: true, force: true });
  rmSync(path.join(out, 'text'), { recursive: true, force: true });
  mkdirSync(path.join(out, 'html'), { recursive: true });
  mkdirSync(path.join(out, 'text'), { recursive: true });
  const ann: Record<string, Ann & { source: string }> = {};
  for (const p of pages) {
    writeFileSync(path.join(out, 'html', `${p.id}.html`), p.html);
    if (p.text) writeFileSync(path.join(out, 'text', `${p.id}.txt`), p.text);
    ann[p.id] = { url: p.url, title: p.title, authors: p.authors, day: p.day, source: p.source };
  }
  writeFileSync(path.join(out, 'annotations.json'), JSON.stringify(ann, null, 1));
  // trafilatura's "with"/"without" snippets per page, for bench/unseen.ts's snippet measure (its own evaluation's).
  const snippets = Object.fromEntries(pages.filter((p) => p.snippets).map((p) => [p.id, p.snippets]));
  writeFileSync(path.join(out, 'snippets.json'), JSON.stringify(snippets, null, 1));
  const heads = Object.fromEntries(['adbar/trafilatura', 'mozilla/readability', 'goose3/goose3', 'AndyTheFactory/newspaper4k', 'codelucas/newspaper', 'postlight/parser'].map((r) => [r, safeHead(r)]));
  writeFileSync(path.join(out, 'build-info.json'), JSON.stringify({ built: new Date().toISOString(), snapshots: heads, pages: pages.length, ...extra }, null, 1));
}
function safeHead(r: string) {
  try {
    return gitHead(r);
  } catch {
    return null;
  }
}

const which = process.argv[2];
if (which === 'T') {
  const out = process.argv[3] ?? '/work/cache/meta-tune-t';
  const pages = setT();
  write(out, pages, { authorsScored: pages.filter((p) => p.authors).length, daysScored: pages.filter((p) => p.day).length });
  writeFileSync(path.join(out, 'READY'), `set T written ${new Date().toISOString()}\n`);
  console.log(`set T: ${pages.length} pages, authors ${pages.filter((p) => p.authors).length}, day ${pages.filter((p) => p.day).length} -> ${out}`);
} else if (which === 'B') {
  const out = process.argv[3] ?? '/work/cache/meta-unseen-b';
  const excluded = excludedSites();
  for (const p of setT()) excluded.add(siteOf(p.url));
  const cands = onePerSite(setBCandidates(), excluded);
  const handFile = path.join(out, 'hand-decisions.json');
  const hand = (existsSync(handFile) ? JSON.parse(readFileSync(handFile, 'utf8')) : {}) as Record<string, Partial<Ann> & { drop?: boolean; reason: string }>;
  const flagged: Record<string, { url: string; source: string; title: string; authors: string[] | null; day: string | null; why: string[] }> = {};
  const kept: Page[] = [];
  rmSync(path.join(out, 'flagged'), { recursive: true, force: true });
  for (const p of cands) {
    p.authors = names(p.authors);
    const { text, h1s } = visibleText(p.html, p.id);
    const why = check(p, text, h1s);
    const h = hand[p.id];
    const needs = why.filter((w) => !w.startsWith('no '));
    if (h) {
      if (h.drop) continue;
      kept.push({ ...p, ...('title' in h ? { title: h.title! } : {}), ...('authors' in h ? { authors: h.authors! } : {}), ...('day' in h ? { day: h.day! } : {}) });
      continue;
    }
    if (needs.length) {
      flagged[p.id] = { url: p.url, source: p.source, title: p.title, authors: p.authors, day: p.day, why };
      mkdirSync(path.join(out, 'flagged'), { recursive: true });
      writeFileSync(path.join(out, 'flagged', `${p.id}.html`), p.html);
      continue;
    }
    kept.push(p);
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'flagged.json'), JSON.stringify(flagged, null, 1));
  write(out, kept, { candidates: cands.length, flaggedUndecided: Object.keys(flagged).length, handDecided: Object.keys(hand).length });
  const by = (k: string) => kept.filter((p) => p.source === k).length;
  console.log(`set B2: ${kept.length} pages (trafilatura ${by('trafilatura')}, readability ${by('readability')}, goose3 ${by('goose3')}, newspaper4k ${by('newspaper4k')}), authors ${kept.filter((p) => p.authors).length}, day ${kept.filter((p) => p.day).length}; ${Object.keys(flagged).length} flagged pages without a decision (${out}/flagged.json) -> ${out}`);
} else {
  console.error('usage: npx tsx bench/unseen/build-sets.ts T|B [out]');
  process.exit(2);
}


