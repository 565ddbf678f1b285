// Text of a page with too many elements to parse (a million <td>s or <li>s in 5 MB: linkedom, the
// metadata pass and Readability would take a minute between them), read in one pass over the markup:
// no DOM, no Readability, no metadata beyond the <title>.
import { normalizeSpace } from './extract.js';
import { tagEnd } from './nesting.js';

/** Tags whose start or end ends a paragraph (as in extract.ts), and <br>. */
const BREAK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'caption', 'hr', 'form', 'fieldset', 'address', 'details', 'summary', 'center', 'body', 'html', 'br',
]);
/** Elements whose content is never text: raw-text elements are skipped to their end tag. */
const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'template', 'svg', 'math', 'select']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** Numeric references and the common named ones; any other "&name;" stays as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, (m, dec: string, hex: string, name: string) => {
    if (name) return NAMED[name] ?? m;
    const cp = dec ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  });
}

export interface LinearPage {
  paragraphs: string[];
  title: string | null;
}

/** Paragraphs and title of the markup, linear in its length. */
export function linearPage(html: string): LinearPage {
  const paragraphs: string[] = [];
  let title: string | null = null;
  let buf: string[] = [];
  const flush = () => {
    const t = normalizeSpace(decodeEntities(buf.join('')));
    if (t) paragraphs.push(t);
    buf = [];
  };
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    buf.push(html.slice(i, lt));
    const c1 = html.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      const [end, len] = html.startsWith('<!--', lt) ? ['-->', 4] : ['>', 1];
      const e = html.indexOf(end, lt + len);
      i = e < 0 ? n : e + end.length;
      continue;
    }
    const close = c1 === 47;
    const m = /^[a-zA-Z][^\s/>]*/.exec(html.slice(close ? lt + 2 : lt + 1, (close ? lt + 2 : lt + 1) + 32));
    if (!m) {
      buf.push('<');
      i = lt + 1;
      continue;
    }
    const name = m[0].toLowerCase();
    const end = tagEnd(html, (close ? lt + 2 : lt + 1) + m[0].length);
    if (end < 0) {
      i = n; // an unfinished tag runs to the end
      break;
    }
    i = end;
    if (BREAK.has(name)) flush();
    else if (name === 'td' || name === 'th') buf.push(' ');
    if (!close && RAW.has(name)) {
      const re = new RegExp(`</${name}`, 'ig');
      re.lastIndex = end;
      const r = re.exec(html);
      const stop = r ? tagEnd(html, r.index + 2 + name.length) : -1;
      if (name === 'title' && title === null && r) title = normalizeSpace(decodeEntities(html.slice(end, r.index))) || null;
      i = stop < 0 ? n : stop;
    }
  }
  if (i < n) buf.push(html.slice(i));
  flush();
  return { paragraphs, title };
}
