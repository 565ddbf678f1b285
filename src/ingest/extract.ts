import { Readability } from '@mozilla/readability';
import { ELEMENT_NODE, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './extract-dom.js';

/** Elements whose start and end break a paragraph. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'hr', 'form', 'fieldset', 'address', 'details', 'summary', 'center', 'body', 'html',
]);
/** Elements whose text is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'select', 'textarea', 'button', 'head', 'title', 'math', 'canvas']);

// Zero-width space, BOM and soft hyphen vanish; every other run of whitespace (nbsp included) is one space.
const INVISIBLE = /[\u200b\u00ad\ufeff]/g;

export function normalizeSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The text of an element as paragraphs: one per <p>, heading, list item, blockquote, table cell or other
 * block, and one per line a <br> ends. Whitespace inside a paragraph is collapsed.
 */
export function blockParagraphs(root: DomNode): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length === 0) return;
    const t = normalizeSpace(buf.join(''));
    if (t) out.push(t);
    buf = [];
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buf.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as DomElement).localName;
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i]);
    if (block) flush();
    // An image's alt text is not body text; an inline element still separates words like "a<b>b</b>" does not.
  };
  walk(root);
  flush();
  return out;
}

export interface Extracted {
  paragraphs: string[];
  /** What Readability found, for metadata fallbacks. */
  title: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
}

/** Main text of a parsed page: Readability picks the article, then its blocks become paragraphs. */
export function extractBody(document: DomDocument): Extracted {
  const parsed = new Readability<DomNode>(document as never, { serializer: (el) => el as unknown as DomNode }).parse();
  const paragraphs = parsed?.content ? blockParagraphs(parsed.content) : [];
  return {
    paragraphs,
    title: parsed?.title || null,
    byline: parsed?.byline || null,
    publishedTime: parsed?.publishedTime || null,
    siteName: parsed?.siteName || null,
  };
}
