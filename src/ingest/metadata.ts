import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './extract-dom.js';
import { normalizeSpace } from './extract.js';
import { decodeEntities } from './linear.js';
import { chooseAuthors, cleanAuthorText, isRoleWord, siteOwner, spacedText, type AuthorCandidate, type SiteText } from './metadata-authors.js';
import { dateFromUrl, dayAtOffset, isMidnightStamp, localDay, parseDateValue, parseWrittenDate, shownZone, stampOffset } from './metadata-dates.js';
import { chooseTitle, titleKey, type TitleCandidate } from './metadata-title.js';

export { stripSiteSuffix } from './metadata-title.js';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
  /** When the page says it was last changed (YYYY-MM-DD), if it says so. */
  modified: string | null;
  canonical: string | null;
  siteName: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ARTICLE_TYPE = /article|posting|report|blog|news/i;

/** Every object in the page's JSON-LD blocks (through arrays and @graph), article types first. */
function jsonLdObjects(doc: DomDocument, broken: string[]): Record<string, Json>[] {
  const found: Record<string, Json>[] = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    found.push(v);
    if (v['@graph']) visit(v['@graph'], depth + 1);
    if (v.mainEntity && typeof v.mainEntity === 'object') visit(v.mainEntity, depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const src = (scripts[i].textContent ?? '').trim();
    if (!src) continue;
    try {
      visit(JSON.parse(src) as Json, 0);
    } catch {
      // Sites ship JSON-LD with raw newlines in strings or trailing commas: retry once, cleaned.
      try {
        visit(JSON.parse(src.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as Json, 0);
      } catch {
        // Unbalanced braces and the like: its fields can still be read one by one.
        broken.push(src);
      }
    }
  }
  const typeOf = (o: Record<string, Json>) => [o['@type']].flat().join(' ');
  return found.filter((o) => ARTICLE_TYPE.test(typeOf(o))).concat(found.filter((o) => !ARTICLE_TYPE.test(typeOf(o))));
}

/** Names of JSON-LD authors, people apart from organizations; "@id" references resolved through the graph. */
function ldPeople(v: Json | undefined, byId: Map<string, Record<string, Json>>, out: { people: string[]; orgs: string[] } = { people: [], orgs: [] }, depth = 0) {
  if (v === undefined || v === null || depth > 3) return out;
  if (typeof v === 'string') out.people.push(v);
  else if (Array.isArray(v)) for (const x of v) ldPeople(x, byId, out, depth + 1);
  else if (typeof v === 'object') {
    const ref = typeof v['@id'] === 'string' && typeof v.name !== 'string' ? byId.get(v['@id']) : undefined;
    if (ref) return ldPeople(ref, byId, out, depth + 1);
    const name = typeof v.name === 'string' ? v.name : typeof v.name === 'object' && v.name && !Array.isArray(v.name) && typeof v.name['@value'] === 'string' ? v.name['@value'] : null;
    if (name) (/organi[sz]ation|corporation|newsmedia/i.test([v['@type']].flat().join(' ')) ? out.orgs : out.people).push(name);
  }
  return out;
}

/** Entities a CMS left in a meta value, even twice ("Sean Penn &amp;#039;proposes&amp;#039;"). */
const decodeMeta = (s: string) => decodeEntities(decodeEntities(s));

// Containers of what sits beside the article: related lists, the next story, comments, teasers.
const BESIDE_TAG = new Set(['aside', 'nav', 'footer']);
// "footer" as a class word of its own: Plone's layout row "footerRow" holds the story's own byline and date.
// "promoted" is a CMS's flag on the story itself ("node node-article node-promoted": shown on the front page).
const BESIDE_CLASS = /related|recirc|recommend|sidebar|side-bar|popular|trending|more-?stories|more-?from|read-?next|next-?(?:article|post|story)|comment|disqus|teaser|promo(?!ted)|most-?read|newsletter|(?:^|[\s_-])footer(?:$|[\s_-])|rail\b/i;

// A theme's layout flag on the wrapper of the whole post ("post-wrap ... sidebar-off", "has-sidebar") says how the
// page is laid out, not that the element is in a sidebar. Read so for the headline's <h1> only.
const LAYOUT_FLAG = /(?:^|\s)(?:(?:no|has|with|without)-?sidebar|sidebar-?(?:off|none|left|right))(?=\s|$)/gi;

// The post's own footer, where blog themes sign it ("post-footer": "Posted by <a rel="author">…</a>"), is not the
// page's footer. Read so for bylines only.
const OWN_FOOTER = /(?:^|\s)(?:post|entry|article|story)[-_]footer(?:[-_]line(?:[-_]\d+)?)?(?=\s|$)/gi;

const OWN_META = /(?:^|\s)(?:node|post|entry|article|story)(?:__|[-_])meta(?=\s|$)/i;

/**
 * The element sits in a related list, a sidebar, comments or a footer: an ancestor so classed is met before
 * the <article> or <main> that holds the story (WordPress classes <body> "comments-open": the walk stops
 * below it).
 */
export function besideArticle(el: DomNode, layoutFlags = false, ownFooter = false): boolean {
  let n: DomNode | null = el;
  for (let i = 0; n && i < 12; i++, n = n.parentNode) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const e = n as DomElement;
    const tag = e.localName;
    if (tag === 'article' || tag === 'main' || tag === 'body' || tag === 'html') return false;
    // The story's own <footer> of meta data ("<footer class="node__meta">" with the date it was posted).
    if (BESIDE_TAG.has(tag) && !(ownFooter && tag === 'footer' && OWN_META.test(e.getAttribute('class') ?? ''))) return true;
    let cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (layoutFlags) cls = cls.replace(LAYOUT_FLAG, ' ');
    if (ownFooter) cls = cls.replace(OWN_FOOTER, ' ');
    if (cls.length > 1 && BESIDE_CLASS.test(cls)) return true;
  }
  return false;
}

const OWN_HEADLINE = /(?:^|\s)(?:entry|post|article|story)[-_]?title(?=\s|$)/i;

/** Meta tags by lowercased name, property or itemprop; the first value wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = m.getAttribute('content') ?? m.getAttribute('datetime');
    if (key && content && content.trim() && !map.has(key)) map.set(key, decodeMeta(content.trim()));
  }
  return map;
}

// Publication-date meta tags, most specific first (the names sites and CMSs use: Open Graph, Dublin Core,
// Parse.ly, Sailthru, schema.org microdata, Highwire).
const DATE_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'published_time',
  'datepublished', 'parsely-pub-date', 'sailthru.date', 'article.published', 'publishdate', 'publish-date', 'publish_date',
  'publication_date', 'pubdate', 'pdate', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'dc.date', 'dcterms.date', 'date', 'citation_publication_date', 'citation_date', 'originalpublicationdate',
  'article_date_original', 'cxenseparse:recs:publishtime', 'bt:pubdate', 'displaydate', 'published-date', 'release_date',
  'date.available', 'created', 'og:updated_time',
];
const MODIFIED_META = ['article:modified_time', 'og:modified_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'];

/** "By Ann Hale and Tom Reyes, Staff Writers" → the names' part. */
export function cleanByline(s: string): string | null {
  let t = normalizeSpace(s)
    .replace(/^(?:written\s+)?by[:\s]+/i, '')
    .replace(/^(?:von|par|por|di|door|av)\s+/i, '')
    .replace(/\s*[|,]\s*(?:updated|published|posted)\b.*$/i, '')
    .replace(/\s*[|•·]\s*.*$/, '');
  if (/^https?:\/\//i.test(t)) return null;
  t = t.replace(/^\s*[-–—]\s*/, '').trim();
  if (!t || t.length > 120 || !/\p{L}/u.test(t)) return null;
  return t;
}

function absolute(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href, base) : new URL(href);
    return /^https?:$/.test(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}

const attr = (el: DomElement | null, name: string) => el?.getAttribute(name)?.trim() || null;

/**
 * The date the page shows near its headline ("<span class="article-date">April 26, 2019</span>", "<p
 * class="dateline">Posted 26.04.2019 10:31</p>"), not one of a related list, a comment or the footer; and the
 * time zone it shows a time in ("8:00 PM EST"), if any.
 */
function visibleDate(doc: DomDocument): { day: string | null; zone: string | null } {
  // "submitted" and "created": the CMS's own line under the headline ("<div class="submitted">Saved by ann on 24 July
  // 2017</div>", "<span class="post-created">28.01.22</span>").
  const els = doc.querySelectorAll('[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [class*="submitted" i], [class*="created" i], [id*="date" i], [class*="byline" i], [class*="meta" i], time');
  let zone: string | null = null;
  for (let i = 0; i < els.length && i < 200; i++) {
    const el = els[i];
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/update|modif|comment|copyright|footer/i.test(cls)) continue;
    const text = normalizeSpace(el.textContent ?? '');
    if (!text || text.length > 160) continue;
    if (besideArticle(el, false, true)) continue;
    zone ??= shownZone(text);
    // "Updated 4:49 p.m." after "Published: Jan. 14, 2015" in one line: the day is the first one written.
    const d = parseWrittenDate(text.replace(/(?<=\S.*)\b(?:updated|modified|aktualisiert)\b.*$/i, '')) ?? parseWrittenDate(text) ?? shortYearDate(text);
    if (d && !inSiteHeader(el)) return { day: d, zone: zone ?? shownZone(text) };
  }
  // No classed element: a short line under the headline in plain markup ("<p>December 19, 2014 at 8:00 pm</p>"),
  // before the story's first paragraph (what follows it is the story's or the next one's).
  const h1 = doc.querySelector('h1');
  if (h1) {
    for (const { text } of [{ text: normalizeSpace(h1.textContent ?? '') }, ...textsAfter(h1, 15)]) {
      if (text.length > 200) break;
      if (text.length > 80 || !/\d{4}/.test(text)) continue;
      const d = parseWrittenDate(text);
      if (d) return { day: d, zone: zone ?? shownZone(text) };
    }
  }
  return { day: null, zone };
}

/**
 * The site's own header or top bar, outside the story and without the headline: a date there is today's ("<div
 * class="site-header"><div class="top-bar"><span class="date">Wednesday, 9 March 2022</span>").
 */
function inSiteHeader(el: DomElement): boolean {
  let bar: DomElement | null = null;
  let n: DomNode | null = el;
  for (let i = 0; n && i < 10; i++, n = n.parentNode) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const e = n as DomElement;
    if (e.localName === 'article' || e.localName === 'main') return false;
    if (e.localName === 'body') break;
    if (!bar && (e.localName === 'header' || /(?:^|[\s_-])(?:header|top-?bar|top-?menu)(?:$|[\s_-])/i.test(e.getAttribute('class') ?? ''))) bar = e;
  }
  return !!bar && !bar.querySelector('h1');
}

/** "28.01.22" in a date element: day, month and a two-digit year of this century (only dots: "1.5.22" is no version). */
function shortYearDate(text: string): string | null {
  const m = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])/.exec(text);
  if (!m || +m[1] < 1 || +m[1] > 31 || +m[2] < 1 || +m[2] > 12) return null;
  return `20${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

const SCAN_SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'footer', 'select', 'option', 'head']);

/**
 * Last resort: the first short text in the page that is a full date ("2020-03-04 16:52", "Posted
 * 04.03.2020"), in document order, outside navigation, footers and copyright lines.
 */
function firstDateInText(doc: DomDocument): string | null {
  // The whole tree, not doc.body: a page with a stray early <body> leaves the real one's content outside it.
  const root = doc.documentElement;
  if (!root) return null;
  // An explicit stack, in document order: a page nested 10,000 deep overflows a recursive walk.
  const stack: DomNode[] = [root];
  for (let seen = 0; stack.length && seen <= 20000; seen++) {
    const node = stack.pop()!;
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t.length > 200 || !/\d{4}/.test(t) || /©|copyright|\(c\)/i.test(t)) continue;
      const found = parseWrittenDate(normalizeSpace(t));
      if (found) return found;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE || SCAN_SKIP.has((node as DomElement).localName)) continue;
    const cls = `${(node as DomElement).getAttribute('class') ?? ''} ${(node as DomElement).getAttribute('id') ?? ''}`;
    if ((node as DomElement).localName === 'aside' || (cls.length > 1 && BESIDE_CLASS.test(cls))) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return null;
}

/** Title, authors, publication date, canonical URL and site name of a page, from the richest source first. */
export function extractMetadata(doc: DomDocument, url?: string | null): PageMetadata {
  const meta = metaMap(doc);
  const brokenLd: string[] = [];
  const ld = jsonLdObjects(doc, brokenLd);
  const looseField = (key: string): string | null => {
    for (const src of brokenLd) {
      const m = new RegExp(`"${key}"\\s*:\\s*"([^"]{6,40})"`).exec(src);
      if (m) return m[1];
    }
    return null;
  };
  const ldArticle = ld.find((o) => ARTICLE_TYPE.test([o['@type']].flat().join(' ')));
  const ldFirst = (key: string): string | null => {
    for (const o of ld) {
      const v = o[key];
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
    return null;
  };
  const siteName = meta.get('og:site_name') ?? meta.get('application-name') ?? null;
  const pageUrl0 = url ?? meta.get('og:url') ?? attr(doc.querySelector('link[rel="canonical"]'), 'href');
  let host: string | null = null;
  try {
    host = pageUrl0 ? new URL(pageUrl0).hostname : null;
  } catch {
    host = null;
  }

  // Title: every source a candidate (see metadata-title.ts).
  const titles: TitleCandidate[] = [];
  const h1s = doc.querySelectorAll('h1');
  const look = (h: DomElement) => `${h.getAttribute('class') ?? ''}|${(h.parentNode as DomElement | null)?.getAttribute?.('class') ?? ''}`;
  const looks = new Map<string, number>();
  for (let i = 0; i < h1s.length && i < 6; i++) if (normalizeSpace(h1s[i].textContent ?? '')) looks.set(look(h1s[i]), (looks.get(look(h1s[i])) ?? 0) + 1);
  for (let i = 0; i < h1s.length && i < 6; i++) {
    const text = headingText(h1s[i]);
    if (!text || text.length > 300) continue;
    const peers = looks.get(look(h1s[i])) ?? 1;
    // The post's own title class (hAtom's "entry-title", "post-title") or itemprop=headline: the story's headline
    // even inside a theme's wrapper classed "sidebar-wrapper" that holds the whole post.
    const own = OWN_HEADLINE.test(h1s[i].getAttribute('class') ?? '') || h1s[i].getAttribute('itemprop') === 'headline';
    const chrome = inChrome(h1s[i], pageUrl0) || (!own && besideArticle(h1s[i], true));
    const kick = h1Kicker(h1s[i], text);
    const dek = kick ? null : h1Dek(h1s[i], text);
    titles.push(kick ? { text: kick.rest, source: 'h1', chrome, kicker: kick.kicker, whole: text, peers } : { text, source: 'h1', chrome, peers, ...(dek ? { dek } : {}) });
  }
  // No <h1> but a logo's: the page's first <h2>s are what a reader sees on top; they vote only where another source
  // states the same text ("Digital Home | Mercurial's Journey to Python 3" beside an <h2> "Mercurial's Journey...").
  if (!titles.some((t) => !t.chrome)) {
    const h2s = doc.querySelectorAll('h2');
    for (let i = 0, n = 0; i < h2s.length && n < 3; i++) {
      if (besideArticle(h2s[i]) || inChrome(h2s[i])) continue;
      const text = headingText(h2s[i]);
      if (!text || text.length > 300) continue;
      titles.push({ text, source: 'h2' });
      n++;
    }
  }
  const ldHeadline = ldArticle && typeof ldArticle.headline === 'string' ? decodeMeta(ldArticle.headline) : null;
  if (ldHeadline) titles.push({ text: ldHeadline, source: 'ld' });
  for (const [k, source] of [['og:title', 'og'], ['twitter:title', 'twitter'], ['headline', 'itemprop']] as const) {
    const v = meta.get(k);
    if (v) titles.push({ text: v, source });
  }
  // The CMS's own record of the headline: Parse.ly's JSON, Sailthru's tag.
  try {
    const parsely = meta.get('parsely-page');
    const t = parsely ? (JSON.parse(parsely) as { title?: unknown }).title : null;
    if (typeof t === 'string' && t.trim()) titles.push({ text: decodeMeta(t), source: 'cms' });
  } catch {
    /* not JSON */
  }
  const sailthru = meta.get('sailthru.title') ?? meta.get('parsely-title');
  if (sailthru) titles.push({ text: sailthru, source: 'cms' });
  const titleTag = doc.querySelector('title')?.textContent;
  if (titleTag && normalizeSpace(titleTag)) titles.push({ text: decodeMeta(normalizeSpace(titleTag)), source: 'title' });
  const title = chooseTitle(titles, siteName, host);

  // Authors: every source a candidate (see metadata-authors.ts).
  const byId = new Map<string, Record<string, Json>>();
  for (const o of ld) if (typeof o['@id'] === 'string') byId.set(o['@id'], o);
  const authorCands: AuthorCandidate[] = [];
  // With no article object, the WebPage's author (older Yoast graphs put it there).
  const ldAuthored = ldArticle ?? ld.find((o) => /WebPage/.test([o['@type']].flat().join(' ')) && (o.author ?? o.creator));
  if (ldAuthored) {
    const { people, orgs } = ldPeople(ldAuthored.author ?? ldAuthored.creator, byId);
    if (people.length) authorCands.push({ values: people.map(decodeMeta), source: 'ld' });
    if (orgs.length) authorCands.push({ values: orgs, source: 'ld', organization: true });
  }
  const metaAuthors = ['author', 'article:author', 'byl', 'dc.creator', 'dcterms.creator'].map((k) => meta.get(k)).filter((v): v is string => !!v && !/^https?:/i.test(v));
  if (metaAuthors.length) authorCands.push({ values: metaAuthors, source: 'meta' });
  const otherAuthors = ['parsely-author', 'sailthru.author', 'shareaholic:article_author_name'].map((k) => meta.get(k)).filter((v): v is string => !!v);
  // Parse.ly's JSON record of the page names the author too.
  try {
    const parsely = meta.get('parsely-page');
    const a = parsely ? (JSON.parse(parsely) as { author?: unknown }).author : null;
    if (typeof a === 'string' && a.trim()) otherAuthors.push(a);
  } catch {
    /* not JSON */
  }
  if (otherAuthors.length) authorCands.push({ values: otherAuthors, source: 'other' });
  // "twitter:label1" = "Written by", "twitter:data1" = the author (WordPress SEO plugins).
  for (const n of ['1', '2']) {
    if (/written by|author|verfasst|auteur|autor/i.test(meta.get(`twitter:label${n}`) ?? '')) {
      const v = meta.get(`twitter:data${n}`);
      if (v) authorCands.push({ values: [v], source: 'twitter' });
    }
  }
  authorCands.push(...visibleBylines(doc, title));
  let authors = chooseAuthors(authorCands, siteName, host);
  // Only where no author was found: a labelled pair anywhere in the story, a last resort (and a walk of the page).
  const cell = authors.length ? null : labelledName(doc, title);
  if (cell) authors = chooseAuthors([...authorCands, { values: [cell], source: 'visible' }], siteName, host);
  // Still none: the one writer's or member's page the story links to ("<a href="/author/kayb/">kayb</a>" in a meta
  // line no class names), where the page links to no other.
  const linked = authors.length ? null : soleProfileLink(doc, host);
  if (linked) authors = chooseAuthors([...authorCands, { values: [linked], source: 'visible', labelled: true }], siteName, host);
  // Still none: on a personal site, its owner (see siteOwner).
  if (!authors.length) {
    const owner = siteOwner(ownerTexts(doc, siteName), host);
    if (owner) authors = [owner];
  }

  // Publication date: structured data, then meta tags, then <time>, then the URL, then visible text.
  let raw: string | null = null;
  let published: string | null = null;
  const tryDate = (v: string | null | undefined, written = false) => {
    if (!published && v) {
      published = parseDateValue(v, written);
      if (published) raw = v;
    }
  };
  if (ldArticle) tryDate(typeof ldArticle.datePublished === 'string' ? ldArticle.datePublished : null, true);
  tryDate(ldFirst('datePublished'), true);
  tryDate(looseField('datePublished'), true);
  for (const k of DATE_META) if (k !== 'og:updated_time') tryDate(meta.get(k));
  if (!published) {
    const parsely = meta.get('parsely-page');
    if (parsely) {
      try {
        tryDate((JSON.parse(parsely) as { pub_date?: string }).pub_date);
      } catch {
        /* not JSON */
      }
    }
  }
  if (!published) {
    const el = doc.querySelector('[itemprop="datePublished"]');
    tryDate(attr(el, 'content') ?? attr(el, 'datetime') ?? el?.textContent, true);
  }
  if (!published) {
    const t = doc.querySelector('time[pubdate], article time[datetime], header time[datetime], time[datetime]');
    tryDate(attr(t, 'datetime'), true);
  }
  const urlDate = dateFromUrl(url) ?? dateFromUrl(meta.get('og:url')) ?? dateFromUrl(attr(doc.querySelector('link[rel="canonical"]'), 'href'));
  // The page's shown date is read only when a rule needs it: parsing dates written in 15 languages is the
  // metadata pass's dearest step.
  let shownCache: { day: string | null; zone: string | null } | null = null;
  const shown = () => (shownCache ??= visibleDate(doc));
  // A UTC timestamp ("2014-12-20T01:00:00Z") names Greenwich's day; the page shows its own ("8:00 PM EST,
  // Dec 19"): the day the page shows wins when they are a day apart, else the zone it shows times in
  // resolves the instant. A URL filed under the day before or after ("/2020/02/17/") is the newsroom's own
  // day (server clocks stamp in their own zone) — unless the page shows the timestamp's day. Where the URL
  // names the UTC day, the timestamp stands.
  // The page's own offset: another stamp of the same instant written at it ("2014-12-19T20:00:00-05:00" beside
  // JSON-LD's "2014-12-20T01:00:00Z") says the local day outright; any other stamp with an offset (the last
  // change, a <time>) gives the zone the newsroom stamps in.
  const stamps = machineStamps(doc, meta, ld, ldArticle);
  const offsetFor = (v: string): { minutes: number; same: boolean } | null => {
    const t = Date.parse(v);
    let other: number | null = null;
    for (const s of stamps) {
      const off = stampOffset(s);
      if (!off) continue;
      if (Math.abs(Date.parse(s) - t) < 60_000) return { minutes: off, same: true };
      other ??= off;
    }
    return other === null ? null : { minutes: other, same: false };
  };
  if (published && raw) {
    const dayApart = (d: string | null) => !!d && Math.abs(Date.parse(published!) - Date.parse(d)) === 86_400_000;
    // A URL filed under the timestamp's UTC day confirms it: two sources against the one shown.
    const utc = isUtcStamp(raw) && urlDate !== published;
    const instant = utc && !isMidnightStamp(raw);
    const off = instant ? offsetFor(raw) : null;
    if (off?.same) published = dayAtOffset(raw, off.minutes) ?? published;
    else if (utc && dayApart(shown().day) && plausibleLocal(raw, shown().day!)) published = shown().day;
    else if (instant && shown().zone) published = localDay(raw, shown().zone!) ?? published;
    else if (off) published = dayAtOffset(raw, off.minutes) ?? published;
    else if (dayApart(urlDate) && shown().day !== published) published = urlDate;
  }
  if (!published) published = urlDate;
  if (!published) published = shown().day;
  if (!published) tryDate(ldFirst('dateCreated') ?? ldFirst('dateModified'), true);
  for (const k of [...MODIFIED_META, 'og:updated_time']) tryDate(meta.get(k));
  if (!published) published = firstDateInText(doc);

  // Last change: JSON-LD dateModified, else the modified meta tags; the same day as publication is no news.
  let modified: string | null = null;
  for (const v of [ldArticle && typeof ldArticle.dateModified === 'string' ? ldArticle.dateModified : null, ldFirst('dateModified'), ...MODIFIED_META.map((k) => meta.get(k)), meta.get('og:updated_time')]) {
    if (!v) continue;
    const d = parseDateValue(v, true);
    if (!d) continue;
    // A UTC stamp of the last change takes the page's own day too (the same offset rules as publication).
    if (!isUtcStamp(v) || isMidnightStamp(v)) modified = d;
    else {
      const off = offsetFor(v);
      const zone = shown().zone;
      modified = (off?.same || !zone ? (off ? dayAtOffset(v, off.minutes) : null) : localDay(v, zone)) ?? d;
    }
    break;
  }
  if (modified && published && modified < published) modified = null;

  const main = ldArticle?.mainEntityOfPage;
  const ldUrl = (typeof main === 'string' ? main : main && typeof main === 'object' && !Array.isArray(main) && typeof main['@id'] === 'string' ? main['@id'] : null) ?? (typeof ldArticle?.url === 'string' ? ldArticle.url : null);
  const pageUrl = absolute(meta.get('og:url'), url) ?? absolute(ldUrl, url);
  // A relative canonical link on a page read from a file resolves against the page's own og:url.
  const canonical = absolute(attr(doc.querySelector('link[rel="canonical"]'), 'href'), url ?? pageUrl) ?? pageUrl;
  return { title, authors, published, modified, canonical, siteName };
}

/**
 * Every machine stamp of the page's publication and last change with a time of day: JSON-LD, meta tags,
 * microdata and the first <time datetime> elements outside related lists.
 */
function machineStamps(doc: DomDocument, meta: Map<string, string>, ld: Record<string, Json>[], ldArticle: Record<string, Json> | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && /\d{1,2}:\d{2}/.test(v) && out.length < 40) out.push(v.trim());
  };
  for (const o of ldArticle ? [ldArticle, ...ld] : ld) {
    add(o.datePublished);
    add(o.dateModified);
  }
  for (const k of [...DATE_META, ...MODIFIED_META]) add(meta.get(k));
  const els = doc.querySelectorAll('[itemprop="datePublished"], [itemprop="dateModified"], time[datetime]');
  for (let i = 0, n = 0; i < els.length && n < 6; i++) {
    if (besideArticle(els[i])) continue;
    n++;
    add(attr(els[i], 'content') ?? attr(els[i], 'datetime'));
  }
  return out;
}

/**
 * A shown day a day from a UTC stamp's can be its local day only at an offset zones have (−12 to +14 hours):
 * "18:05Z" is the next day only east of +5:55, the previous one only west of −18:05, which no zone is.
 */
function plausibleLocal(raw: string, day: string): boolean {
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return true;
  const midnight = Date.parse(`${day}T00:00:00Z`);
  // The local day's span [midnight, midnight + 24h) must hold t + offset for some offset in [−12h, +14h].
  return t + 14 * 3_600_000 >= midnight && t - 12 * 3_600_000 < midnight + 86_400_000;
}

/** "2014-12-20T01:00:00Z", "...+00:00", "... GMT": an instant told in UTC, with a time of day. */
function isUtcStamp(v: string): boolean {
  return /\d{1,2}:\d{2}/.test(v) && /(?:Z|[+-]00:?00|\bGMT|\bUTC)\s*$/i.test(v.trim());
}

/**
 * An <h1> that is a logo, masthead or link to the front page ("<h1 class="logo"><a href="/">Site</a></h1>"), or
 * one only a screen reader meets ("<h1 class="navSkip">Navigation und Service</h1>").
 */
/**
 * A kicker in an element of its own at the head of the <h1>: "<h1><span class="roofline">Immobilienkrise</span>
 * Rene Benko-Firma Signa in Sorge</h1>", "<h1><div class="topic-label">100. Geburtstag</div> Holocaust-...</h1>".
 * A reader sees it set apart as a label; the headline is what follows. Not an unclassed inline element
 * ("<h1><em>Hamlet</em> returns to the stage</h1>"), nor a head longer than what follows.
 */
function h1Kicker(h1: DomElement, text: string): { kicker: string; rest: string } | null {
  let first: DomNode | null = null;
  for (const n of Array.from(h1.childNodes as ArrayLike<DomNode>)) {
    if (n.nodeType === ELEMENT_NODE) {
      first = n;
      break;
    }
    if (normalizeSpace(n.textContent ?? '')) return null;
  }
  if (!first) return null;
  const e = first as DomElement;
  const block = /^(?:div|p|small|header)$/.test(e.localName);
  const classed = /^(?:span|strong|b|small|em|i)$/.test(e.localName) && !!(e.getAttribute('class') ?? '').trim();
  if (!block && !classed) return null;
  const kicker = headingText(e);
  if (!kicker || !text.startsWith(kicker)) return null;
  const rest = normalizeSpace(text.slice(kicker.length).replace(/^\s*[-–—|:·•»›]\s*/, ''));
  const kw = kicker.split(' ').length;
  const rw = rest.split(' ').length;
  if (kw > 6 || rw < 3 || kw >= rw) return null;
  return { kicker: kicker.replace(/\s*[:|–—-]$/, ''), rest };
}

/**
 * A subtitle in an element of its own at the end of the <h1> ("<h1>Board will rebuild the pier <span
 * class="dek">A letter from the harbour</span></h1>"): the text before it, if another source confirms it.
 */
function h1Dek(h1: DomElement, text: string): string | null {
  const kids = Array.from(h1.childNodes as ArrayLike<DomNode>);
  let last: DomNode | null = null;
  for (let i = kids.length - 1; i >= 0; i--) {
    if (kids[i].nodeType === ELEMENT_NODE) {
      last = kids[i];
      break;
    }
    if (normalizeSpace(kids[i].textContent ?? '')) return null;
  }
  if (!last || last === kids.find((k) => k.nodeType === ELEMENT_NODE || normalizeSpace(k.textContent ?? ''))) return null;
  const e = last as DomElement;
  const block = /^(?:div|p|small|span|strong|em)$/.test(e.localName) && (/^(?:div|p|small)$/.test(e.localName) || !!(e.getAttribute('class') ?? '').trim());
  const dek = headingText(e);
  if (!block || !dek || !text.endsWith(dek)) return null;
  const main = normalizeSpace(text.slice(0, text.length - dek.length));
  return main.split(' ').length >= 3 ? main : null;
}

const SCREEN_READER = /sr-only|visually-?hidden|screen-?reader|nav-?skip|skip-?(?:link|nav)|\baural\b|element-invisible/i;

/**
 * A heading's text as a reader sees it: without a <style> or <script> inside it (a CSS-in-JS `<style>` in the
 * <h1>) nor a label only a screen reader meets ("<span class="visuallyhidden">Headline:</span> Energiewende ...").
 */
function headingText(h: DomElement): string {
  const isHidden = (e: DomElement) => /^(?:style|script|noscript)$/.test(e.localName) || SCREEN_READER.test(e.getAttribute('class') ?? '');
  const inner = h.querySelectorAll('style, script, noscript, [class]');
  let any = false;
  for (let i = 0; i < inner.length && !any; i++) any = isHidden(inner[i]);
  if (!any) return normalizeSpace(h.textContent ?? '');
  const parts: string[] = [];
  const walk = (n: DomNode) => {
    if (n.nodeType === TEXT_NODE) return void parts.push(n.textContent ?? '');
    if (n.nodeType !== ELEMENT_NODE) return;
    const e = n as DomElement;
    if (e !== h && isHidden(e)) return;
    const kids = e.childNodes as ArrayLike<DomNode>;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
  };
  walk(h);
  return normalizeSpace(parts.join(''));
}

function inChrome(h1: DomElement, pageUrl?: string | null): boolean {
  let n: DomNode | null = h1;
  for (let i = 0; n && i < 4; i++, n = n.parentNode) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const e = n as DomElement;
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (/logo|brand|masthead|site-?(?:name|title|header)|navbar|\bnav\b/i.test(cls)) return true;
    if (i === 0 && SCREEN_READER.test(cls)) return true;
  }
  const a = h1.querySelector('a[href]');
  const href = a?.getAttribute('href')?.trim();
  if (!href || normalizeSpace(a!.textContent ?? '') !== normalizeSpace(h1.textContent ?? '')) return false;
  if (/^(?:\/|https?:\/\/[^/]+\/?)$/.test(href)) return true;
  // A section's name linking to its page ("<h1 class="article-category-title"><a href="/de/pagecategories/bangkok">
  // Bangkok</a></h1>" above the story's own <h1>): a label of three words at most, linking to another page than
  // this one (a blog links its headline to the post itself).
  return pageUrl !== undefined && normalizeSpace(a!.textContent ?? '').split(' ').length <= 3 && samePath(href, pageUrl) === false;
}

/** Whether a link points at the page itself (by path, query and trailing slash aside); null where unknown. */
function samePath(href: string, pageUrl: string | null): boolean | null {
  if (!pageUrl) return null;
  try {
    const strip = (u: URL) => u.pathname.replace(/\/+$/, '').toLowerCase();
    return strip(new URL(href, pageUrl)) === strip(new URL(pageUrl));
  } catch {
    return null;
  }
}

/**
 * Bylines a reader sees: rel=author links, itemprop=author, elements classed byline/author/writer outside
 * related lists, comments and bios. Names inside links of a byline are its authors ("By <a>Ann Hale</a> and
 * <a>Tom Reyes</a>").
 */
function visibleBylines(doc: DomDocument, title: string | null): AuthorCandidate[] {
  const out: AuthorCandidate[] = [];
  // rel=author and itemprop=author: those of the first byline only (a list of other stories has its own).
  const rel = doc.querySelectorAll('a[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]');
  const relVals: string[] = [];
  let home: DomNode | null = null;
  for (let i = 0; i < rel.length && relVals.length < 6; i++) {
    if (besideArticle(rel[i], false, true)) continue;
    const box = ancestor(rel[i], 3);
    if (home && box !== home && !contains(home, rel[i])) continue;
    home ??= box;
    const t = spacedText(rel[i], 160);
    if (t && t.length <= 120) relVals.push(t);
  }
  if (relVals.length) out.push({ values: [...new Set(relVals)].slice(0, 4), source: 'rel' });
  const els = doc.querySelectorAll('[class*="byline" i], [id*="byline" i], [class*="author" i], [class*="writer" i], [class*="contributor" i]');
  for (let i = 0; i < els.length && i < 60; i++) {
    const el = els[i];
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/comment|bio|avatar|image|img|photo|thumb|follow|social|share|more|related|desc|about/i.test(cls)) continue;
    if (besideArticle(el, false, true)) continue;
    const text = spacedText(el, 300);
    if (!text || text.length > 200 || !/\p{L}/u.test(text)) continue;
    // A user name alone is a byline where the element links it to the writer's profile page
    // ("<span class="author"><a href="/user/profile/kayb">kayb</a></span>"), not to a tag or a section.
    const own = cleanAuthorText(text);
    const profile = el.querySelectorAll('a');
    let labelled = false;
    for (let j = 0; j < profile.length && j < 4 && !labelled; j++) labelled = normalizeSpace(profile[j].textContent ?? '') === own && PROFILE_HREF.test(profile[j].getAttribute('href') ?? '');
    out.push({ values: [text], source: 'visible', ...(labelled ? { labelled } : {}) });
    // Names linked inside the byline, where its text names them too ("By <a>Ann Hale</a> and <a>Tom Reyes</a>").
    const cleaned = cleanAuthorText(text).toLowerCase();
    const links = el.querySelectorAll('a');
    const linked: string[] = [];
    for (let j = 0; j < links.length && j < 8; j++) {
      const t = normalizeSpace(links[j].textContent ?? '');
      if (t && t.length <= 60 && cleaned.includes(t.toLowerCase())) linked.push(t);
    }
    if (linked.length) out.push({ values: [linked.join(', ')], source: 'visible' });
    break;
  }
  // A "By Ann Hale" line under the headline, in no classed element, or a dated one above it. The headline is
  // an <h1>, or where the page sets it in an <h2> or <h3>, the heading that states the chosen title.
  const h1s = doc.querySelectorAll('h1');
  const byline = (h: DomElement) => {
    // One walk after the headline serves the labelled line, the author links and the line of names by shape.
    const scan = scanAfter(h);
    return scan.by ?? scan.linked ?? nameLineAfter(scan.first) ?? nameLineBefore(h);
  };
  let by: string | null = null;
  for (let i = 0; i < h1s.length && i < 3 && !by; i++) by = byline(h1s[i]);
  // Only on a page with no <h1> at all: a search of every heading is not free.
  if (!by && title && h1s.length === 0) {
    const hs = doc.querySelectorAll('h2, h3');
    const tk = titleKey(title);
    for (let i = 0; i < hs.length && i < 40; i++) {
      // The heading states the title, or its head where the title adds a tail ("Der Purzelbaum (2021/5)").
      const k = titleKey(hs[i].textContent ?? '');
      if (k && (k === tk || (k.split(' ').length >= 3 && tk.startsWith(`${k} `)))) {
        // Under a heading only a labelled line ("von Daniela Obers"): a page without <h1> is often a list or a
        // template whose lines a name's shape alone would misread.
        by = scanAfter(hs[i]).by;
        break;
      }
    }
  }
  if (by) out.push({ values: [by], source: 'visible' });
  return out;
}

// A label that names the author in the cell or element after it: "Autor:", "Text:", "Written by:".
const NAME_LABEL = /^(?:autor(?:in|en|\*in)?|author|authors|verfasser(?:in)?|text|texte|words|written by|von|by|auteure?|autora?|interview)\s*:?$/i;

/**
 * A name in a label/value pair anywhere in the story: "<strong>Text:</strong> Klausmartin Friedrich" at its end,
 * "<td>Autor:</td><td>Ann Hale</td>", "<div class="credit-label">Interview</div><div>ANN HALE</div>". The label
 * carries its colon, or sits in a th/dt or an element classed as a label; the value is one to four names.
 */
function labelledName(doc: DomDocument, title: string | null): string | null {
  for (const el of labelCandidates(doc)) {
    // A paragraph or small heading that is a byline and nothing else, wherever it sits in the story: "<p>von
    // <em>Ann Hale</em></p>", "<h5><em>By Ann Hale</em></h5>", "<p><em>Written by: <a>Ann Hale</a></em></p>".
    if (LINE_TAGS.has(el.localName)) {
      const t = normalizeSpace(el.textContent ?? '');
      const by = t.length <= 60 ? /^(?:by|von|par|por|written by|geschrieben von|verfasst von|text von)\s*:?\s+(\p{Lu}.+)$/iu.exec(t) : null;
      if (by && !besideArticle(el) && !inComments(el) && underHeadline(el, title)) {
        const names = cleanAuthorText(by[1]);
        if (names && namesOnly(names)) return names;
      }
    }
    const kids = el.childNodes;
    if (kids.length === 0 || kids.length > 3) continue;
    let small = true;
    for (let k = 0; k < kids.length && small; k++) if (kids[k].nodeType === ELEMENT_NODE && (!INLINE.has((kids[k] as DomElement).localName) || kids[k].childNodes.length > 1)) small = false;
    if (!small) continue;
    const t = normalizeSpace(el.textContent ?? '');
    // The label and the names in one short paragraph: "Autoren Jelko Djuren und Jutta Klaukien", "Text: Ann Hale".
    const line = /^(?:Autor(?:in|en|innen)?|Authors?|Text|Texte)(?:\s*:\s*|\s+)(\p{Lu}.{3,80})$/u.exec(t);
    if (line && /^(?:p|div)$/.test(el.localName) && (/^(?:Autor|Author)/.test(t) || /^\S+\s*:/.test(t)) && !besideArticle(el) && !inComments(el)) {
      const names = cleanAuthorText(line[1]);
      if (names && namesOnly(names)) return names;
    }
    if (t.length > 20 || !NAME_LABEL.test(t)) continue;
    const tag = el.localName;
    if (!t.endsWith(':') && !/^(?:th|dt)$/.test(tag) && !/label|key|title/i.test(el.getAttribute('class') ?? '')) continue;
    if (besideArticle(el) || inComments(el)) continue;
    const value = textAfterLabel(el);
    if (!value || value.length > 100) continue;
    const names = cleanAuthorText(/\p{Ll}/u.test(value) ? value : value.toLowerCase().replace(/(^|[\s'-])(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase()));
    if (names && namesOnly(names)) return names;
  }
  return null;
}

/**
 * The nearest heading before the element states the headline: a byline-only line under "<h2>Other news</h2>"
 * belongs to another story of a list.
 */
function underHeadline(el: DomNode, title: string | null): boolean {
  const tk = title ? titleKey(title) : '';
  for (let n: DomNode | null = el, up = 0; n && up < 8; n = n.parentNode, up++) {
    for (const sib of siblings(n, -1).slice(0, 40)) {
      if (sib.nodeType !== ELEMENT_NODE) continue;
      const e = sib as DomElement;
      const hs = /^h[1-6]$/.test(e.localName) ? [e] : e.querySelectorAll('h1, h2, h3, h4, h5, h6');
      if (!hs.length) continue;
      const k = titleKey(hs[hs.length - 1].textContent ?? '');
      return !!k && !!tk && (k === tk || tk.startsWith(`${k} `) || k.startsWith(`${tk} `));
    }
  }
  return false;
}

const LABEL_TAGS = new Set(['strong', 'b', 'th', 'td', 'dt', 'span', 'label', 'p', 'h4', 'h5', 'h6']);
const LINE_TAGS = new Set(['p', 'h4', 'h5', 'h6']);

/** Elements that may hold a label, in document order, by one walk of the body (no selector matching). */
function* labelCandidates(doc: DomDocument): Generator<DomElement> {
  const stack: DomNode[] = [doc.body ?? doc.documentElement];
  let seen = 0;
  while (stack.length && seen < 3000) {
    const n = stack.pop()!;
    if (n.nodeType !== ELEMENT_NODE) continue;
    const e = n as DomElement;
    if (SCAN_SKIP.has(e.localName)) continue;
    if (LABEL_TAGS.has(e.localName) || /label/i.test(e.getAttribute('class') ?? '')) {
      seen++;
      yield e;
    }
    const kids = e.childNodes;
    for (let k = kids.length - 1; k >= 0; k--) if (kids[k].nodeType === ELEMENT_NODE) stack.push(kids[k]);
  }
}

/**
 * The text of the links to one writer's or member's page, where the page (outside navigation, asides, footers
 * and comments) links to exactly one such page: a list of stories or a forum thread links to several.
 */
function soleProfileLink(doc: DomDocument, host: string | null): string | null {
  const links = doc.querySelectorAll('a[href]');
  let href: string | null = null;
  let text: string | null = null;
  for (let i = 0; i < links.length && i < 1500; i++) {
    const h = links[i].getAttribute('href') ?? '';
    if (!PROFILE_HREF.test(h) || /log-?(?:in|out)|regist|sign-?(?:in|up)|account|settings|password|edit|\/new\b|feed/i.test(h)) continue;
    // A page of this site that the link's text names ("/author/kayb/" for "kayb", "/redaktion/ann" for "Ann Hale"):
    // not a share button's or a log-out link's.
    const abs = /^https?:\/\/([^/]+)/i.exec(h);
    if (abs && host && abs[1].toLowerCase().replace(/^www\./, '') !== host.toLowerCase().replace(/^www\./, '')) continue;
    const t = normalizeSpace(links[i].textContent ?? '');
    const slug = h.toLowerCase().replace(/[^a-z0-9]/g, '');
    const words = t.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z0-9]/g, ''));
    if (!t || t.length > 40 || !(slug.includes(words.join('')) || words.some((w) => w.length >= 4 && slug.includes(w)))) continue;
    // A name linked in the story's own sentences is someone it quotes ("Read <a>Ann Hale</a> on the budget").
    if (/^(?:p|li|blockquote|h[1-6])$/.test((lineOf(links[i].childNodes[0] ?? links[i]) as DomElement).localName ?? '')) continue;
    if (besideArticle(links[i]) || inComments(links[i])) continue;
    const key = h.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/^https?:\/\/[^/]+/, '');
    if (href !== null && key !== href) return null;
    href = key;
    text ??= t;
  }
  return text;
}

/** What a site says about itself: its name, its header's title and tagline, its copyright lines. */
function ownerTexts(doc: DomDocument, siteName: string | null): SiteText[] {
  const out: SiteText[] = siteName ? [{ text: siteName, kind: 'name' }] : [];
  const els = doc.querySelectorAll('[class*="site-title" i], [class*="site-description" i], [class*="copyright" i], footer');
  for (let i = 0; i < els.length && i < 12; i++) {
    const t = spacedText(els[i], 600);
    // A footer's copyright line, wherever it sits in the footer's text.
    const at = t.search(/©|\(c\)|copyright/i);
    if (at >= 0) out.push({ text: t.slice(at, at + 120), kind: 'copyright' });
    else if (t.length <= 80 && /site-title/i.test(els[i].getAttribute('class') ?? '')) out.push({ text: t, kind: 'name' });
    else if (t.length <= 80 && /site-description/i.test(els[i].getAttribute('class') ?? '')) out.push({ text: t, kind: 'tagline' });
  }
  return out;
}

/** An element classed or set as a comment, a bio or an author box: its labels are about someone else. */
function inComments(el: DomNode): boolean {
  for (let n: DomNode | null = el, i = 0; n && i < 8; n = n.parentNode, i++) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    if (/comment|(?<![a-z])reviews?\b|reply|forum|(?<![a-z])bio\b|author-?box|about-?the-?author/i.test(`${(n as DomElement).getAttribute('class') ?? ''} ${(n as DomElement).getAttribute('id') ?? ''}`)) return true;
  }
  return false;
}

/** The value after a label: the rest of its line (up to a <br> or a block), else the next element's text. */
function textAfterLabel(el: DomElement): string {
  const parts: string[] = [];
  for (const n of siblings(el, 1).slice(0, 8)) {
    if (n.nodeType === ELEMENT_NODE && !INLINE.has((n as DomElement).localName)) break;
    if (n.nodeType === ELEMENT_NODE && (n as DomElement).localName === 'br') {
      if (normalizeSpace(parts.join(' '))) break;
      continue;
    }
    parts.push(spacedText(n, 160));
  }
  const line = normalizeSpace(parts.join(' '));
  if (line) return line;
  // A cell, a <dd> or a value <div> after the label, or after the label's own inline wrapper.
  let next = siblings(el, 1).find((x) => x.nodeType === ELEMENT_NODE);
  if (!next && el.parentNode && INLINE.has((el.parentNode as DomElement).localName ?? '')) next = siblings(el.parentNode, 1).find((x) => x.nodeType === ELEMENT_NODE);
  return next ? spacedText(next, 160) : '';
}

/** A node's siblings after it (dir 1, in order) or before it (dir -1, nearest first). */
function siblings(n: DomNode, dir: 1 | -1): DomNode[] {
  const kids = n.parentNode ? Array.from(n.parentNode.childNodes) : [];
  const i = kids.indexOf(n);
  return i < 0 ? [] : dir === 1 ? kids.slice(i + 1) : kids.slice(0, i).reverse();
}

/**
 * A dated line right above the headline: "<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small><h1>...". Only
 * the one or two elements just before it, and only with a date on the line (a kicker above a headline is not
 * a byline).
 */
function nameLineBefore(h: DomElement): string | null {
  for (const n of siblings(h, -1).filter((x) => x.nodeType === ELEMENT_NODE).slice(0, 2)) {
    const line = spacedText(n, 160);
    if (!line) continue;
    if (line.length > 120) return null;
    if (!(parseWrittenDate(line) ?? shortYearDate(line))) continue;
    const parts = line.split(/\s*(?:[|•·,;]|\s[-–—]\s)\s*/).filter(Boolean);
    for (const part of parts) {
      const names = cleanAuthorText(part);
      if (names && namesOnly(names) && !parseWrittenDate(part) && !line.includes(`${names}:`)) return names;
    }
    return null;
  }
  return null;
}

function ancestor(n: DomNode, up: number): DomNode {
  let a = n;
  for (let i = 0; i < up && a.parentNode; i++) a = a.parentNode;
  return a;
}

function contains(a: DomNode, b: DomNode): boolean {
  for (let n: DomNode | null = b; n; n = n.parentNode) if (n === a) return true;
  return false;
}

/** The first `max` non-empty text nodes after the headline, in document order, outside scripts and navigation. */
function* textsAfter(h1: DomElement, max: number): Generator<{ text: string; node: DomNode; rest: DomNode[] }> {
  // Document order from the <h1> on: its next siblings, then its ancestors' next siblings.
  let seen = 0;
  let node: DomNode | null = h1;
  const stack: DomNode[] = [];
  while (node && seen < max) {
    const parent: DomNode | null = node.parentNode;
    if (!parent) break;
    const kids = parent.childNodes;
    let i = 0;
    while (i < kids.length && kids[i] !== node) i++;
    for (let k = kids.length - 1; k > i; k--) stack.push(kids[k]);
    while (stack.length && seen < max) {
      const n = stack.pop()!;
      if (n.nodeType === TEXT_NODE) {
        const text = normalizeSpace(n.textContent ?? '');
        if (!text) continue;
        seen++;
        yield { text, node: n, rest: stack };
        continue;
      }
      if (n.nodeType !== ELEMENT_NODE || SCAN_SKIP.has((n as DomElement).localName)) continue;
      const ks = n.childNodes;
      for (let k = ks.length - 1; k >= 0; k--) stack.push(ks[k]);
    }
    node = parent;
  }
}

// A link to the page of one of the site's writers: "/author/ann-hale", "/autoren/Ann-Hale", "?author=12".
const AUTHOR_HREF = /(?:\/(?:authors?|autor(?:en|in)?|auteurs?|autor[ei]|journalist(?:en|s)?|reporters?|contributors?|writers?|columnists?|kolumnist(?:en)?)\/[^/?#]|[?&]author=)/i;
// A member's page as well: "/user/kayb", "/profile/kayb", "/user,profile,30,kayb.html", "/redaktion/kayb", "?u=12".
const PROFILE_HREF = new RegExp(`${AUTHOR_HREF.source}|/(?:users?|profiles?|members?|mitglieder|benutzer|redaktion)[/,][^/?#]|[?&](?:u|user|uid)=`, 'i');

interface AfterScan {
  /** A labelled byline ("By Ann Hale", "Von Ann Hale", "Written by: <a>Ann Hale</a>"). */
  by: string | null;
  /** Without a label: the names linked to author pages on the first line that has one, before the story starts. */
  linked: string | null;
  /** The first 20 texts after the headline, for the line of names told by its shape. */
  first: { text: string; node: DomNode }[];
}

/** The first short text starting "By " among the 120 text nodes after the headline, and author links on the way. */
function scanAfter(h1: DomElement): AfterScan {
  // The label as written ("By", "Von", "Autor:"): a "von" may be a preposition, a "By" is a byline's.
  let label = '';
  let linked: string | null = null;
  let long = 0;
  const first: { text: string; node: DomNode }[] = [];
  const done = (by: string | null): AfterScan => ({ by, linked, first });
  for (const { text: t, node } of textsAfter(h1, 120)) {
    if (first.length < 20) first.push({ text: t, node });
    // "By" and the name in separate elements ("<strong>By</strong></p><p>Todd Bates"): the next text is the name.
    if (label) return done(`${label} ${t}`);
    // "By Ann Hale", "Von Ann Hale", "Por Ana Gil", "Par Anne Roy", "Di Marco Neri", "Autorin: Ann Hale", "Text
    // von Christian Seiler", "Reporter: Ann Hale", and one after a kicker or a date on the same line ("Opinion |
    // By Ann Hale | April 13, 2020") or a rule of dashes ("---- by Kenneth Surin").
    const by = /(?:^|[|•·]\s*|^[-–—]{2,}\s*)((?:(?:Text|Words|Story|Reporting|Written|Eine Kolumne|Ein Beitrag|Ein Artikel|Ein Gastbeitrag|Gastbeitrag|Blog Beitrag|Blogbeitrag|Beitrag|Artikel)\s+)?(?:By|BY|by|Von|VON|von|Por|POR|por|Par|PAR|par|Di|DI|di|Door|Av|Autor|Autorin|Author|Reporter)[:\s]+\p{Lu}.*)$/u.exec(t);
    if (t.length <= 100 && by) return done(by[1]);
    if (/^(?:[|•·]\s*)?(?:by|von|por|par|di|autor|autorin|author|auteur|text|reporter|written by|words by|story by|reported by)\s*:?$/i.test(t) && !(node.parentNode && inComments(node.parentNode))) {
      // "By <a>Ann Hale</a> and <a>Tom Reyes</a>": the line the label opens names them all.
      const line = node.parentNode ? lineUpToBreak(node.parentNode) : '';
      const written = t.replace(/^[|•·]\s*/, '').replace(/\s*:$/, '');
      if (line.length > t.length + 2 && line.length <= 120 && line.startsWith(t)) return done(`${written} ${line.slice(t.length).trim()}`);
      label = written;
    }
    // The story has begun at its second long paragraph (the first may be a standfirst): links to writers' pages
    // after that are someone else's.
    if (t.length > 120) long++;
    // Found before any label: a "By" further down is in the story ("von Wertpapieren des Sektors").
    if (long < 2 && (linked = authorLinks(node))) return done(null);
  }
  return done(null);
}

/**
 * "<a href="/autoren/ann-hale">Ann Hale</a>, <a href="/autoren/tom-reyes">Tom Reyes</a> & <a ...>Li Wen</a>" under
 * the headline with no "By": the names of the line's links to writers' pages, where the text is in such a link.
 */
function authorLinks(node: DomNode): string | null {
  let a: DomNode | null = node.parentNode;
  for (let i = 0; a && i < 3 && !(a.nodeType === ELEMENT_NODE && (a as DomElement).localName === 'a'); i++) a = a.parentNode;
  if (!a || a.nodeType !== ELEMENT_NODE || (a as DomElement).localName !== 'a' || !AUTHOR_HREF.test((a as DomElement).getAttribute('href') ?? '')) return null;
  if (besideArticle(a) || inComments(a)) return null;
  const links = (lineOf(a) as DomElement).querySelectorAll?.('a') ?? [];
  const names: string[] = [];
  for (let j = 0; j < links.length && j < 8; j++) {
    if (!AUTHOR_HREF.test(links[j].getAttribute('href') ?? '')) continue;
    const t = normalizeSpace(links[j].textContent ?? '');
    if (t && t.length <= 60) names.push(t);
  }
  const joined = names.join(', ');
  return names.length && namesOnly(cleanAuthorText(joined)) ? joined : null;
}

/**
 * A byline without "By", told by its shape: a line under the headline, before the story starts, of one to four
 * names (two or three capitalized words each) with a job title or a date beside them ("Ann Hale | Staff
 * writer", "Ann Hale and Tom Reyes, Senior Reporters", "11.12.2019 - Amelie Loevenich", "<span>Ann
 * Hale</span> <span>December 4, 2014</span>").
 */
function nameLineAfter(first: { text: string; node: DomNode }[]): string | null {
  const lines = new Set<DomNode>();
  for (const { text, node } of first) {
    // The story has begun: a name after its first paragraph is someone in it.
    if (text.length > 200) break;
    const block = lineOf(node);
    if (lines.has(block)) continue;
    lines.add(block);
    const line = spacedText(block, 160);
    if (line.length > 120) continue;
    const parts = line.split(/\s*(?:[|•·,;]|\s[-–—]\s)\s*/).filter(Boolean);
    const role = parts.slice(1).some((p) => isRoleWord(p.split(/\s+/)[0]));
    // The names' part: all before the title on a role's line ("Ann Hale and Tom Reyes, Senior Reporters"); on
    // a dated line, any part the date is not.
    const k = parts.findIndex((p, i) => i > 0 && isRoleWord(p.split(/\s+/)[0]));
    let found: string | null = null;
    for (const part of k > 0 ? [parts.slice(0, k).join(', ')] : [line, ...parts]) {
      const names = cleanAuthorText(part);
      // "Letzte Aktualisierung: 28.01.2022": words before a colon are a label.
      if (names && namesOnly(names) && !line.includes(`${names}:`)) {
        found = names;
        break;
      }
    }
    // The date is read last, and only for a line that names someone: most lines under a headline do not.
    if (found && (role || parseWrittenDate(line) || shortYearDate(line))) return found;
  }
  return null;
}

/** An element's text up to its first <br>: "Von <a>Ann Hale</a> und <a>Tom Reyes</a><br>Kakuma" → the names' line. */
function lineUpToBreak(el: DomNode): string {
  const parts: string[] = [];
  const kids = el.childNodes;
  for (let i = 0; i < kids.length && i < 30; i++) {
    if (kids[i].nodeType === ELEMENT_NODE && (kids[i] as DomElement).localName === 'br') break;
    parts.push(spacedText(kids[i], 160));
  }
  return normalizeSpace(parts.join(' '));
}

// Inline elements a line of text runs through ("<span>Ann Hale</span> <span>Dec 4</span>" is one line).
const INLINE = new Set(['span', 'a', 'strong', 'b', 'em', 'i', 'time', 'small', 'font', 'abbr', 'u', 'br']);

function lineOf(node: DomNode): DomNode {
  let n: DomNode = node.parentNode ?? node;
  while (n.parentNode && n.nodeType === ELEMENT_NODE && INLINE.has((n as DomElement).localName)) n = n.parentNode;
  return n;
}

/** "Ann Hale", "Ann Hale and Tom Reyes", "Ana de la Cruz, Li Wen": one to four names of two or three words. */
function namesOnly(s: string): boolean {
  const names = s.split(/\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*/).filter(Boolean);
  if (!names.length || names.length > 4) return false;
  return names.every((n) => {
    const ws = n.split(/\s+/).filter((w) => !/^(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|al|el)$/.test(w) && !/^\p{Lu}\.$/u.test(w));
    return ws.length >= 2 && ws.length <= 3 && ws.every((w) => /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}\p{Ll}+)?$/u.test(w)) && !ws.some(isRoleWord);
  });
}
