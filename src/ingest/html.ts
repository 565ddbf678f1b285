import { parseHTML } from 'linkedom';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { parseFullDate } from '../text/dates.js';
import { parseByline } from './text.js';
import type { DomDocument, DomNode } from './extract-dom.js';
import { extractBody, type Extracted } from './extract.js';
import { peopleOf } from './metadata-authors.js';
import { extractMetadata, stripSiteSuffix, type PageMetadata } from './metadata.js';
import { linearPage } from './linear.js';
import { scanMarkup } from './nesting.js';
import { parseDateValue, parseWrittenDate } from './metadata-dates.js';

/** Fewer words than this (and few characters, for scripts written without spaces) is not an article. */
const MIN_WORDS = 15;
const MIN_CHARS = 120;
/** On the 181 article pages of the extraction benchmark, links hold at most 44% of the body text. */
const MAX_LINK_DENSITY = 0.6;

function hostOf(u: string | null | undefined): string | null {
  try {
    return u ? new URL(u).hostname : null;
  } catch {
    return null;
  }
}

/** Authors as one byline: "Ann Hale", "Ann Hale and Tom Reyes", "Ann Hale, Tom Reyes and Li Wei". */
function joinAuthors(a: string[]): string | null {
  if (a.length === 0) return null;
  if (a.length === 1) return a[0];
  return `${a.slice(0, -1).join(', ')} and ${a[a.length - 1]}`;
}

export interface Page {
  /** Paragraphs separated by blank lines; may be empty. */
  text: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  /** When the page says it was last changed (YYYY-MM-DD), if after `published`. */
  modified: string | null;
  /** The URL the page was fetched from, or else its canonical URL. */
  url: string | null;
  canonical: string | null;
  /** Share of the body's letters inside links. */
  linkDensity: number;
}

/** Text less its comments, one left open running to the end. Linear: a lazy regex rescans from every "<!--". */
function withoutComments(s: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const a = s.indexOf('<!--', i);
    if (a < 0) return out + s.slice(i);
    out += s.slice(i, a);
    const b = s.indexOf('-->', a + 4);
    if (b < 0) return out;
    i = b + 3;
  }
}

/**
 * linkedom builds no <body> for markup without one ("<p>...</p>" from a JSONL record, a page that starts
 * right after </head>), and Readability then finds nothing: give it one.
 */
export function ensureBody(html: string): string {
  const headEnd = /<\/head\s*>/i.exec(html);
  const bodyTag = /<body(?:\s[^>]*)?>/i.exec(html);
  if (bodyTag) {
    // Content between </head> and a late <body> (a sidebar, or the whole story) would be left outside it.
    if (!headEnd || bodyTag.index < headEnd.index) return html;
    const end = headEnd.index + headEnd[0].length;
    const between = withoutComments(html.slice(end, bodyTag.index));
    if (!/<[a-z]|[^\s<>]/i.test(between)) return html;
    return `${html.slice(0, end)}<body>${html.slice(end, bodyTag.index)}${html.slice(bodyTag.index + bodyTag[0].length)}`;
  }
  if (headEnd) {
    const i = headEnd.index + headEnd[0].length;
    return `${html.slice(0, i)}<body>${html.slice(i).replace(/<\/html\s*>\s*$/i, '')}</body></html>`;
  }
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, '').replace(/<\/?html[^>]*>/gi, '');
  return `<!doctype html><html><head></head><body>${inner}</body></html>`;
}

/**
 * Start tags past which a page is not parsed into a DOM but read in one pass (see linear.ts): the 381
 * benchmark pages have at most ~6,100 elements; 50,000 parse, get their metadata and body in about 2 s.
 */
export const MAX_PARSED_ELEMENTS = 50_000;

/** Body and metadata of an HTML page, whether or not it holds an article. */
export function extractPage(html: string, url?: string | null): Page {
  const { html: markup, elements } = scanMarkup(ensureBody(html));
  let md: PageMetadata;
  let body: Extracted;
  if (elements > MAX_PARSED_ELEMENTS) {
    const lp = linearPage(markup);
    md = { title: lp.title ? stripSiteSuffix(lp.title, null) : null, authors: [], published: null, modified: null, canonical: null, siteName: null };
    body = { paragraphs: lp.paragraphs, title: null, byline: null, publishedTime: null, siteName: null, linkDensity: 0 };
  } else {
    const doc = parseDocument(markup);
    // Metadata first: Readability rewrites the document it parses (so the fallback parses afresh).
    md = extractMetadata(doc, url);
    body = extractBody(doc, () => {
      const fresh = parseDocument(markup);
      return (fresh.body ?? fresh.documentElement) as DomNode;
    }, elements);
  }
  const title = md.title ?? (body.title ? stripSiteSuffix(body.title, md.siteName ?? body.siteName) : null);
  // The headline repeated at the top of the body is the page's header, not a paragraph.
  const key = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const paragraphs = title ? body.paragraphs.filter((p, i) => i >= 5 || key(p) !== key(title)) : body.paragraphs;

  let byline = joinAuthors(md.authors) ?? joinAuthors(peopleOf(body.byline, md.siteName ?? body.siteName, hostOf(url ?? md.canonical)));
  let published = md.published ?? parseDateValue(body.publishedTime, true);
  // Byline and dateline lines at the top of the body ("By Ann Hale", "March 14, 2019", "By Ann Hale ·
  // 18 April 2022") are header, not body: they feed the metadata and leave the text.
  let lead = 0;
  while (lead < Math.min(3, paragraphs.length - 1)) {
    const line = paragraphs[lead];
    if (line.length > 100) break;
    const parts = line.split(/\s+[|·•—–-]\s+|\s*\|\s*/).map((x) => x.trim()).filter(Boolean);
    const names = parts.map((x) => (/^by\s/i.test(x) ? parseByline(x) : null));
    const dates = parts.map((x) => parseFullDate(x, true) ?? (/\d{4}/.test(x) && x.length < 40 ? parseWrittenDate(x) : null));
    if (!parts.every((_, i) => names[i] || dates[i])) break;
    byline ??= names.find((x) => x) ?? null;
    published ??= dates.find((x) => x) ?? null;
    lead++;
  }
  return {
    text: paragraphs.slice(lead).join('\n\n'),
    title,
    byline,
    published,
    modified: md.modified && published && md.modified > published ? md.modified : null,
    url: url ?? md.canonical,
    canonical: md.canonical,
    linkDensity: body.linkDensity,
  };
}

/**
 * Main text and metadata of an HTML page. The body is one paragraph per block (<p>, heading, list item,
 * blockquote...), separated by blank lines, whitespace collapsed. Throws UserError when the page has no
 * article text.
 */
export function htmlToArticle(html: string, meta: { id: string; origin: string | null; url?: string | null; kind?: Article['kind'] }): Article {
  const page = extractPage(html, meta.url);
  const words = page.text.split(/\s+/).filter(Boolean).length;
  const name = meta.origin ?? meta.id;
  if (words < MIN_WORDS && page.text.length < MIN_CHARS) throw new UserError(`${name}: no article text found in the HTML`);
  // A front page or section index: Readability picks its list of headlines, every one a link.
  if (page.linkDensity > MAX_LINK_DENSITY) throw new UserError(`${name}: no article text found in the HTML (its main block is a list of links)`);
  return { id: meta.id, kind: meta.kind ?? 'html', origin: meta.origin, ...page, raw: html };
}

/**
 * linkedom's document for the markup, always with a root element: "<!--<body>The." (a comment never closed)
 * leaves linkedom with no documentElement, and its `body` getter then throws.
 */
function parseDocument(markup: string): DomDocument {
  const doc = parseHTML(markup).document as unknown as DomDocument;
  if (doc.documentElement) return doc;
  return parseHTML(`<!doctype html><html><head></head><body>${markup}</body></html>`).document as unknown as DomDocument;
}
