import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { MAX_READABILITY_ELEMENTS } from '../src/ingest/extract.js';
import { extractPage, htmlToArticle, MAX_PARSED_ELEMENTS } from '../src/ingest/html.js';
import { decodeEntities, linearPage } from '../src/ingest/linear.js';
import { readInputs, type Ingested } from '../src/ingest/index.js';
import { limitNesting, MAX_DEPTH, scanMarkup } from '../src/ingest/nesting.js';

const PARAS = [
  'The river authority opened the new flood gates on Thursday after three years of building work and two delays.',
  'Engineers said the gates could hold back a surge a metre higher than the one that flooded the lower town.',
  'Residents who lost homes in that flood welcomed the work but asked when the promised compensation would arrive.',
];

/** The depth of the deepest element, counting <html> as 1 (an explicit stack: the tree may be deep). */
function domDepth(html: string): number {
  const { document } = parseHTML(html);
  let max = 0;
  type El = { children: ArrayLike<El> };
  const stack: [El, number][] = [[document.documentElement as unknown as El, 1]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of Array.from(el.children)) stack.push([c, d + 1]);
  }
  return max;
}

const text = (html: string) => (parseHTML(html).document.documentElement.textContent ?? '').replace(/\s+/g, '');

function deepPage(levels: number, textEveryLevel = false): string {
  const open = Array.from({ length: levels }, (_, i) => `<div class="l${i % 7}">${textEveryLevel && i % 50 === 0 ? `<p>Level ${i} note.</p>` : ''}`).join('');
  const body = PARAS.map((p) => `<p>${p}</p>`).join('');
  return `<!doctype html><html><head><title>Flood gates open</title></head><body><p>${PARAS[0]}</p>${open}${body}${'</div>'.repeat(levels)}<p>${PARAS[2]}</p></body></html>`;
}

describe('limitNesting', () => {
  it('leaves pages within the depth limit untouched (the same string)', () => {
    const page = deepPage(40);
    expect(limitNesting(page)).toBe(page);
  });

  it('bounds 10,000 nested divs to the limit and keeps every word', () => {
    const page = deepPage(10_000);
    const out = limitNesting(page);
    expect(domDepth(out)).toBeLessThanOrEqual(MAX_DEPTH + 1); // + a void element (<br>, <img>) under the deepest
    expect(text(out)).toBe(text(page));
  });

  it('drops a script too deep whole, so its code does not become text', () => {
    const page = `<html><body>${'<div>'.repeat(100)}<p>Kept words.</p><script>var secret = 1;</script><style>p{}</style>${'</div>'.repeat(100)}</body></html>`;
    const out = limitNesting(page, 20);
    expect(out).toContain('Kept words.');
    expect(out).not.toContain('secret');
    expect(domDepth(out)).toBeLessThanOrEqual(21);
  });

  it('keeps a paragraph break where a dropped block tag was', () => {
    const page = `<html><body>${'<div>'.repeat(10)}<div>${PARAS[0]}</div><div>${PARAS[1]}</div>${'</div>'.repeat(10)}</body></html>`;
    const a = htmlToArticle(limitNesting(page, 5), { id: 'x', origin: null });
    expect(a.text.split('\n\n')).toEqual([PARAS[0], PARAS[1]]);
  });

  // Tag soup: unclosed, stray and mis-nested tags, implied closes, void and raw-text elements, quotes
  // holding ">", comments and self-closing forms. Whatever the parser builds from the output is no
  // deeper than the limit, and no text outside raw-text elements is lost.
  const tags = ['div', 'p', 'span', 'li', 'ul', 'td', 'tr', 'table', 'a', 'b', 'section', 'dd', 'dt', 'option', 'select', 'h2', 'svg', 'g'];
  const piece = fc.oneof(
    fc.constantFrom(...tags).map((t) => `<${t}>`),
    fc.constantFrom(...tags).map((t) => `</${t}>`),
    fc.constantFrom(...tags).map((t) => `<${t} title="a>b" data-x='c'>`),
    fc.constantFrom(...tags).map((t) => `<${t}/>`),
    fc.constantFrom('<br>', '<img src="x">', '<hr>', '<!-- <div> -->', '</br>', '</p>', '<!doctype html>'),
    fc.stringMatching(/^[a-z ]{1,8}$/),
  );
  const deepRun = fc.tuple(fc.constantFrom(...tags), fc.integer({ min: 1, max: 200 })).map(([t, n]) => `<${t}>`.repeat(n));

  it('property: output depth within the limit, text kept', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, deepRun), { maxLength: 120 }), (parts) => {
        const html = `<html><body>${parts.join('')}</body></html>`;
        const out = limitNesting(html, 16);
        expect(domDepth(out)).toBeLessThanOrEqual(17);
        expect(text(out)).toBe(text(html));
      }),
      { numRuns: 300 },
    );
  });
});

describe('deep pages end to end', () => {
  it('reads 10,000 nested divs as a normal article', () => {
    const a = htmlToArticle(deepPage(10_000), { id: 'deep', origin: 'deep.html' });
    expect(a.title).toBe('Flood gates open');
    for (const p of PARAS) expect(a.text).toContain(p);
  });

  it('reads 3,000 levels with text at many of them', () => {
    const a = htmlToArticle(deepPage(3000, true), { id: 'deep', origin: 'deep.html' });
    for (const p of PARAS) expect(a.text).toContain(p);
  });

  it('a folder batch with a 10,000-level page: every document gets its item', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'unspun-deep-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'a.html'), `<html><body><h1>Gates</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
    writeFileSync(path.join(dir, 'b-deep.html'), deepPage(10_000));
    writeFileSync(path.join(dir, 'sub', 'c.txt'), `Gates open\n\n${PARAS.join(' ')}\n`);
    const items: Ingested[] = [];
    for await (const x of readInputs([dir])) items.push(x);
    expect(items.map((x) => x.ok && x.article.id)).toEqual(['a.html', 'b-deep.html', 'sub/c.txt']);
  });
});

describe('wide pages', () => {
  it('counts start tags', () => {
    expect(scanMarkup('<html><body><p>a<br>b</p><!-- <p> --><script>"<p>"</script></body></html>').elements).toBe(5);
  });

  it('past the element cap, reads the page in one pass: paragraphs, title, entities, no script text', () => {
    const rows = Array.from({ length: MAX_PARSED_ELEMENTS }, (_, i) => `<li>Item ${i} &amp; more</li>`).join('');
    const html = `<html><head><title>Long &quot;list&quot; | Site</title><script>var x = "<p>";</script></head><body><p>${PARAS[0]}</p><ul>${rows}</ul><p>${PARAS[1]}</p></body></html>`;
    const page = extractPage(html);
    expect(page.title).toBe('Long "list"');
    const paras = page.text.split('\n\n');
    expect(paras[0]).toBe(PARAS[0]);
    expect(paras[1]).toBe('Item 0 & more');
    expect(paras.at(-1)).toBe(PARAS[1]);
    expect(paras).toHaveLength(MAX_PARSED_ELEMENTS + 2);
    expect(page.text).not.toContain('var x');
  });

  it('between the Readability cap and the element cap, still gives the article text (whole body less navigation)', () => {
    const links = Array.from({ length: MAX_READABILITY_ELEMENTS }, (_, i) => `<li><a href="/s/${i}">Story ${i}</a></li>`).join('');
    const html = `<html><head><title>Index</title></head><body><nav><ul>${links}</ul></nav><article><p>${PARAS[0]}</p><p>${PARAS[1]}</p></article></body></html>`;
    const page = extractPage(html);
    expect(page.text.split('\n\n')).toEqual([PARAS[0], PARAS[1]]);
    expect(page.title).toBe('Index');
  });

  it('linearPage: unfinished tags and comments run to the end, text before them stays', () => {
    expect(linearPage('<p>one</p><p>two <!-- never closed <p>three').paragraphs).toEqual(['one', 'two']);
    expect(linearPage('<div>left</div>right <a title="x>y" href=z>link').paragraphs).toEqual(['left', 'right link']);
    expect(linearPage('<p>a < b and c</p>').paragraphs).toEqual(['a < b and c']);
  });

  it('decodeEntities: numeric and common named references; unknown and invalid ones handled', () => {
    expect(decodeEntities('&#8220;Hi&#x201D; &amp; &eacute; &#0; &#xD800;')).toBe('\u201cHi\u201d & &eacute; \ufffd \ufffd');
  });
});
