// Deep markup is costly all the way down: linkedom's parser keeps its open-element stack with
// Array.unshift (100,000 nested <div>s take ~5 s to parse), Readability re-walks the subtree of every
// <div> (1,000 levels: 15 s), and recursive walks overflow the stack near 10,000. Real article pages nest
// a few dozen levels. So before parsing, one linear pass over the markup drops the tags that would open
// an element deeper than MAX_DEPTH; their text stays, attached to the deepest element kept, and a dropped
// block tag becomes a <br> so its paragraph still ends where it did.

/** Deepest element kept, counting <html> as 1. */
export const MAX_DEPTH = 64;

// Tags the parser (htmlparser2, under linkedom) closes when another opens: <p> before a <div>, <li>
// before <li>. Mirrored here so the depth counted is the depth the parser will build.
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, new Set(FORM)] as [string, Set<string>]),
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, new Set(P)] as [string, Set<string>],
  ),
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is raw text up to their end tag. */
const RAW = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['svg', 'math']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** Tags whose start and end break a paragraph (as in extract.ts), so a dropped one leaves a <br>. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'figure', 'figcaption', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'caption', 'form', 'fieldset', 'address', 'details', 'summary', 'center',
]);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** End of a tag whose attributes start at `from` (index just past its ">"), honouring quoted values; -1 if none. */
export function tagEnd(html: string, from: number): number {
  let i = from;
  const n = html.length;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 62) return i + 1; // >
    if (c === 61) {
      // = then an optional quoted value
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close < 0) return -1;
        i = close + 1;
      }
      continue;
    }
    i++;
  }
  return -1;
}

/**
 * The markup with every element deeper than `maxDepth` unwrapped (its tags dropped, its text kept).
 * Linear in the length of the markup; returns the input itself when nothing is that deep.
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  return scanMarkup(html, maxDepth).html;
}

/** limitNesting, and the number of start tags in the markup. */
export function scanMarkup(html: string, maxDepth = MAX_DEPTH): { html: string; elements: number } {
  let elements = 0;
  const names: string[] = [];
  const kept: boolean[] = [];
  const open = new Map<string, number>(); // open elements by name, for an O(1) check of stray end tags
  let keptDepth = 0;
  // The parser's foreign-content flags, as it keeps them: pushed by each <svg>/<math> (true) or <desc>,
  // <foreignObject>... (false) it sees open, popped by every such end tag it sees, matched or not. "<x/>"
  // closes itself only while the top is true.
  const foreign: boolean[] = [false];
  const out: string[] = [];
  let copied = 0; // html[copied..] not yet in out
  let changed = false;
  const replace = (from: number, to: number, by: string) => {
    out.push(html.slice(copied, from), by);
    copied = to;
    changed = true;
  };
  const pop = () => {
    const name = names.pop()!;
    if (kept.pop()) keptDepth--;
    open.set(name, open.get(name)! - 1);
  };
  const seenEnd = (name: string) => {
    if (FOREIGN.has(name) || INTEGRATION.has(name)) foreign.pop();
  };
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    const c1 = html.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      // <!-- comment -->, <![CDATA[ ]]>, <!doctype>, <?pi>
      const [end, len] = html.startsWith('<!--', lt) ? ['-->', 4] : html.startsWith('<![CDATA[', lt) ? [']]>', 9] : ['>', 1];
      const e = html.indexOf(end, lt + len);
      i = e < 0 ? n : e + end.length;
      continue;
    }
    const close = c1 === 47;
    const s = close ? lt + 2 : lt + 1;
    if (!isNameStart(html.charCodeAt(s))) {
      i = lt + 1;
      continue;
    }
    let e = s;
    while (e < n && !isSpace(html.charCodeAt(e)) && html.charCodeAt(e) !== 47 && html.charCodeAt(e) !== 62) e++;
    const name = html.slice(s, e).toLowerCase();
    const end = tagEnd(html, e);
    if (end < 0) break; // an unfinished tag: the parser reads the rest as part of it
    i = end;
    if (close) {
      if (VOID.has(name) || !open.get(name)) {
        seenEnd(name); // a stray end tag opens nothing
        continue;
      }
      let wasKept = false;
      for (;;) {
        const top = names[names.length - 1];
        wasKept = kept[kept.length - 1];
        pop();
        if (top === name) break;
      }
      if (wasKept) seenEnd(name);
      else replace(lt, end, BLOCK.has(name) ? '<br>' : name === 'td' || name === 'th' ? ' ' : '');
      continue;
    }
    elements++;
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (names.length && implied.has(names[names.length - 1])) pop();
    if (VOID.has(name)) continue;
    const keep = keptDepth < maxDepth;
    if (RAW.has(name)) {
      // Its content is text up to its end tag; too deep, it goes whole (a script's code must not become text).
      const re = new RegExp(`</${name}`, 'ig');
      re.lastIndex = end;
      const m = re.exec(html);
      const stop = m ? tagEnd(html, m.index + 2 + name.length) : -1;
      i = stop < 0 ? n : stop;
      if (!keep) replace(lt, i, '');
      continue;
    }
    if (keep && FOREIGN.has(name)) foreign.push(true);
    else if (keep && INTEGRATION.has(name)) foreign.push(false);
    if (foreign[foreign.length - 1] && html.charCodeAt(end - 2) === 47) {
      if (!keep) replace(lt, end, ''); // "<g/>" too deep
      continue;
    }
    names.push(name);
    kept.push(keep);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (keep) keptDepth++;
    else replace(lt, end, BLOCK.has(name) ? '<br>' : name === 'td' || name === 'th' ? ' ' : '');
  }
  if (!changed) return { html, elements };
  out.push(html.slice(copied));
  return { html: out.join(''), elements };
}
