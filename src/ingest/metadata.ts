import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './extract-dom.js';
import { normalizeSpace } from './extract.js';
import { dateFromUrl, parseDateValue, parseWrittenDate } from './metadata-dates.js';

export interface PageMetadata {
  title: string | null;
  authors: string[];
  published: string | null;
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

function names(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') return typeof v.name === 'string' ? [v.name] : [];
  return [];
}

/** Meta tags by lowercased name, property or itemprop; the first value wins. */
function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv'))?.trim().toLowerCase();
    const content = m.getAttribute('content') ?? m.getAttribute('datetime');
    if (key && content && content.trim() && !map.has(key)) map.set(key, content.trim());
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

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' / '];

/** "Kim to meet Putin | Daily Herald" → "Kim to meet Putin": the last segment goes when it is the shorter. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const t = normalizeSpace(title);
  if (siteName) {
    for (const sep of SEPARATORS) {
      const tail = sep + siteName.trim();
      if (t.toLowerCase().endsWith(tail.toLowerCase()) && t.length > tail.length) return t.slice(0, t.length - tail.length).trim();
    }
  }
  for (const sep of SEPARATORS) {
    const i = t.lastIndexOf(sep);
    if (i <= 0) continue;
    const head = t.slice(0, i).trim();
    const tail = t.slice(i + sep.length).trim();
    if (tail.split(/\s+/).length <= 4 && head.length > tail.length) return head;
  }
  return t;
}

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

function firstText(doc: DomDocument, sel: string, max = 120): string | null {
  const els = doc.querySelectorAll(sel);
  for (let i = 0; i < els.length && i < 20; i++) {
    const t = normalizeSpace(els[i].textContent ?? '');
    if (t && t.length <= max) return t;
  }
  return null;
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

function visibleDate(doc: DomDocument): string | null {
  // "<span class="article-date">April 26, 2019</span>", "<p class="dateline">Posted 26.04.2019 10:31</p>".
  const els = doc.querySelectorAll('[class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], [id*="date" i], [class*="byline" i], [class*="meta" i]');
  const updates: DomElement[] = [];
  for (let i = 0; i < els.length && i < 200; i++) {
    const el = els[i];
    const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/update|modif|comment|copyright|footer/i.test(cls)) {
      updates.push(el);
      continue;
    }
    const text = normalizeSpace(el.textContent ?? '');
    if (!text || text.length > 160) continue;
    const d = parseWrittenDate(text);
    if (d) return d;
  }
  return null;
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

  // Title.
  const h1 = firstText(doc, 'h1', 300);
  const titleCandidates = [
    meta.get('og:title'),
    meta.get('twitter:title'),
    ldArticle && typeof ldArticle.headline === 'string' ? ldArticle.headline : null,
    h1,
    doc.querySelector('title')?.textContent,
  ];
  const rawTitle = titleCandidates.find((t) => t && normalizeSpace(t)) ?? null;
  const title = rawTitle ? stripSiteSuffix(rawTitle, siteName) || null : null;

  // Authors.
  const authorSources: (string | null | undefined)[][] = [
    [meta.get('author'), meta.get('article:author'), meta.get('parsely-author'), meta.get('sailthru.author'), meta.get('dc.creator')],
    ldArticle ? names(ldArticle.author ?? ldArticle.creator) : [],
    [firstText(doc, 'a[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]', 80)],
    [firstText(doc, '[class*="byline" i], [class*="author-name" i], [class*="author" i] a, .author', 120)],
  ];
  let authors: string[] = [];
  for (const group of authorSources) {
    const cleaned = group.map((a) => (a ? cleanByline(a) : null)).filter((a): a is string => !!a);
    if (cleaned.length) {
      authors = [...new Set(cleaned)];
      break;
    }
  }

  // Publication date: structured data, then meta tags, then <time>, then the URL, then visible text.
  let published: string | null = null;
  const tryDate = (v: string | null | undefined, written = false) => {
    if (!published && v) published = parseDateValue(v, written);
  };
  if (ldArticle) tryDate(typeof ldArticle.datePublished === 'string' ? ldArticle.datePublished : null, true);
  tryDate(ldFirst('datePublished'), true);
  tryDate(looseField('datePublished'), true);
  for (const k of DATE_META) tryDate(meta.get(k));
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
  // A URL filed under "/2020/02/17/" names the newsroom's own day; a UTC timestamp of 02:18 on the 18th is
  // the same evening seen from Greenwich. One day apart, the URL wins.
  if (published && urlDate && Math.abs(Date.parse(published) - Date.parse(urlDate)) <= 86_400_000) published = urlDate;
  if (!published) published = urlDate;
  if (!published) published = visibleDate(doc);
  if (!published) tryDate(ldFirst('dateCreated') ?? ldFirst('dateModified'), true);
  for (const k of MODIFIED_META) tryDate(meta.get(k));
  if (!published) published = firstDateInText(doc);

  const main = ldArticle?.mainEntityOfPage;
  const ldUrl = (typeof main === 'string' ? main : main && typeof main === 'object' && !Array.isArray(main) && typeof main['@id'] === 'string' ? main['@id'] : null) ?? (typeof ldArticle?.url === 'string' ? ldArticle.url : null);
  const pageUrl = absolute(meta.get('og:url'), url) ?? absolute(ldUrl, url);
  // A relative canonical link on a page read from a file resolves against the page's own og:url.
  const canonical = absolute(attr(doc.querySelector('link[rel="canonical"]'), 'href'), url ?? pageUrl) ?? pageUrl;
  return { title, authors, published, canonical, siteName };
}
