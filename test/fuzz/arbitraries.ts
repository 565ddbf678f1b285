/**
 * Generators for the fuzz harness: news-like text to carry the analyzers deep, and the hostile shapes that
 * have broken runs (long tokens, deep nesting, huge sentences, odd encodings, control characters, random
 * markup). Sizes scale with FUZZ_SIZE. All words are invented or common English; no third-party text.
 */
import fc from 'fast-check';
import { generatedArticle } from '../helpers/generated.js';
import { SIZE } from './harness.js';
import { SOURCE_COUNT, sourceText } from './shared.js';

const n = (x: number) => Math.max(1, Math.round(x * SIZE));

const WORDS = (
  'the a of to in and on for with at by from that which who after before council mayor ferry harbour union ' +
  'strike fares budget bridge minister police court river island school hospital talks deal vote plan ' +
  'said told says added warned according reported announced denied claimed insisted would will could has had ' +
  'was were is be been not no never last next this week month year Monday Tuesday Friday Sunday morning ' +
  'yesterday today tomorrow ago later earlier March April June 2019 1949 17 26 3.5 million percent ' +
  'Mr. Mrs. Dr. Prof. U.S. U.K. e.g. i.e. etc. St. Jr. Inc. No. vs. a.m. p.m. ' +
  'Anna Voss Pieter Holm Greyhaven Portwell Arle Ostrena Kaldor Ri Sol-ju Jong-un ' +
  'Reuters AP AFP TASS Yonhap Herald Gazette Daily he she they it his her their we I our you'
).split(' ');

const PUNCT = ['.', '. ', ', ', '! ', '? ', ' - ', ' — ', ' – ', ': ', '; ', '"', '“', '”', "'", '‘', '’', '«', '»', '(', ')', '[', ']', '…', '...', '\n', '\n\n'];

const ODD = [
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\r', '\r\n', '\u001b[31m', '\u007f', '\u0085', '\u00a0',
  '\u00ad', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2028', '\u2029', '\u2060', '\ufeff', '\ufffd', '\ufffe', '\uffff',
  '\ud800', '\udbff', '\udc00', '\udfff', 'x\ud800y', '\udc00\ud800', // lone and reversed surrogates
  '\ud83d\ude00', '\ud83c\udff3\ufe0f\u200d\ud83c\udf08', 'e\u0301', 'n\u0303\u0303\u0303\u0303', 'ﬁ', 'İ', 'ß', 'Σ', 'ǅ',
  'ا', 'עברית', '中文', '日本語', 'ﾊﾝｶｸ', '𝐁𝐨𝐥𝐝', '\u{10ffff}', '&amp;', '<', '>', '&', '\\', '`', '$', '{', '}', '%s', '%n',
];

export const word = fc.constantFrom(...WORDS);
export const oddChar = fc.constantFrom(...ODD);

/** A sentence of news-like words, sometimes quoted, sometimes with a cue. */
export const sentence = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 30 }), fc.constantFrom('.', '!', '?', '."', '," he said.', ':', ''), fc.boolean())
  .map(([ws, end, quoted]) => {
    const s = ws.join(' ');
    const t = s[0].toUpperCase() + s.slice(1) + end;
    return quoted ? `"${t}" said ${ws[0]} ${ws.at(-1)}.` : t;
  });

/** Pieces that have broken runs, or could. */
export const hostile = fc.oneof(
  // A long token: letters with no space ("200 KB of letters took 34 s"), a base64 blob, dotted runs.
  fc.tuple(fc.constantFrom('a', 'ab', 'Abc', 'x.', 'A.', 'a@', '@a.', 'a-', '1', '1.', 'é', '.', '-', '_', "'", 'ⅷ'), fc.integer({ min: 100, max: n(40_000) })).map(([unit, k]) => unit.repeat(Math.ceil(k / unit.length))),
  fc.integer({ min: 100, max: n(40_000) }).map((k) => Buffer.alloc(Math.ceil((k * 3) / 4), 'unspun fuzz ').toString('base64').slice(0, k)),
  fc.integer({ min: 10, max: n(3_000) }).map((k) => `${'a'.repeat(k)}@${'b.'.repeat(k)}com`),
  fc.integer({ min: 10, max: n(3_000) }).map((k) => `http://${'x.'.repeat(k)}example/${'%20'.repeat(k)}`),
  // A huge sentence: words and commas, no full stop ("400 KB of unpunctuated words gave 266 MB of JSON").
  fc.tuple(fc.array(word, { minLength: 5, maxLength: 20 }), fc.integer({ min: 200, max: n(8_000) }), fc.boolean()).map(([ws, k, commas]) =>
    Array.from({ length: k }, (_, i) => ws[i % ws.length]).join(commas ? ', ' : ' '),
  ),
  // Quotation marks that never close, or nest without end.
  fc.integer({ min: 10, max: n(5_000) }).map((k) => `"${'He said "they said '.repeat(k)}`),
  fc.integer({ min: 10, max: n(5_000) }).map((k) => '“‘«'.repeat(k)),
  // Many short lines, many blank lines, many spaces.
  fc.integer({ min: 10, max: n(20_000) }).map((k) => 'a\n'.repeat(k)),
  fc.integer({ min: 10, max: n(20_000) }).map((k) => '\n'.repeat(k)),
  fc.integer({ min: 10, max: n(50_000) }).map((k) => ' '.repeat(k)),
  fc.array(oddChar, { minLength: 1, maxLength: n(200) }).map((cs) => cs.join('')),
  fc.string({ unit: 'binary', maxLength: n(300) }),
);

const textPiece = fc.oneof({ weight: 8, arbitrary: sentence }, { weight: 2, arbitrary: fc.constantFrom(...PUNCT) }, { weight: 1, arbitrary: oddChar }, { weight: 1, arbitrary: hostile });

/** A header as content sites export one: title, byline, date lines (sometimes malformed). */
const header = fc.option(
  fc.tuple(sentence, fc.constantFrom('By Anna Voss', 'By', 'by Reuters and AP', 'Staff', ''), fc.constantFrom('2019-04-26', 'April 26, 2019', '26/04/2019', '0000-00-00', '2019-13-45', 'yesterday', '')).map(([t, b, d]) => `${t}\n${b}\n${d}\n\n`),
  { nil: '' },
);

/** Reused passages of the index's sources, sometimes edited: the reuse analyzer then has work to do. */
const reused = fc.tuple(fc.integer({ min: 0, max: SOURCE_COUNT - 1 }), fc.nat(), fc.boolean()).map(([i, at, edit]) => {
  const t = sourceText(i);
  const start = at % Math.max(1, t.length - 200);
  const piece = t.slice(start, start + 400);
  return edit ? piece.replace(/\bthe\b/g, 'a').replace(/said/g, 'stated') : piece;
});

/** A plain-text article: mostly sentences, with hostile pieces in places. */
export const textDoc = fc
  .tuple(header, fc.array(fc.oneof({ weight: 6, arbitrary: textPiece }, { weight: 1, arbitrary: reused }), { minLength: 1, maxLength: n(60) }), fc.array(fc.constantFrom(' ', '\n', '\n\n', ''), { minLength: 1, maxLength: 60 }))
  .map(([h, pieces, seps]) => h + pieces.map((p, i) => p + seps[i % seps.length]).join(''))
  .filter((t) => t.trim().length > 0);

/** A realistic article (a generated one) with one hostile piece spliced in. */
export const spliced = fc.tuple(fc.integer({ min: 0, max: 10_000 }), hostile, fc.double({ min: 0, max: 1, noNaN: true })).map(([seed, bad, at]) => {
  const base = generatedArticle(seed, 12);
  const k = Math.floor(at * base.length);
  return base.slice(0, k) + bad + base.slice(k);
});

// --- HTML ---------------------------------------------------------------------------------------------

const TAGS = ['div', 'p', 'span', 'a', 'article', 'section', 'main', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'b', 'i', 'em', 'blockquote', 'q', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'time', 'figure', 'figcaption', 'pre', 'code', 'font', 'center', 'noscript', 'template', 'svg', 'math', 'iframe', 'form', 'select', 'option', 'textarea', 'title', 'body', 'head', 'html', 'x-custom', 'p:p'];
const VOID = ['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr'];
const ATTRS = [
  'class="article-body"', 'class="byline author"', 'id="content"', 'itemprop="articleBody"', 'itemprop="datePublished" content="2019-04-26T10:00:00Z"',
  'datetime="2019-04-26"', 'datetime="yesterday"', 'datetime="99999-99-99"', 'href="javascript:alert(1)"', 'href="/news/2019/04/26/story.html"', 'href="http://[::1]:99999/"',
  'property="og:title" content="Ferry strike"', 'property="article:published_time" content="2019-02-30"', 'name="author" content="Anna Voss, Pieter Holm"',
  'name="date" content="0"', 'rel="canonical" href="http://example.invalid/a"', 'style="display:none"', 'hidden', 'onload="x()"', 'lang="ar" dir="rtl"',
  `data-x='${'"'.repeat(5)}'`, 'class=""', 'a=b=c', '=x', 'x="&quot;&#0;&#x110000;"', 'charset="utf-16"', 'http-equiv="content-type" content="text/html; charset=koi8-r"',
];
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&nbsp;', '&#0;', '&#x0;', '&#xD800;', '&#x110000;', '&#99999999999;', '&bogus;', '&amp', '&#', '&#x;', '&AElig;', '&ldquo;', '&rdquo;', '&mdash;', '&NotNestedGreaterGreater;'];
const RAW = ['<!--', '-->', '<!-- c -->', '<![CDATA[ x ]]>', '<!DOCTYPE html>', '<?xml version="1.0" encoding="utf-16"?>', '</div>', '</p>', '</', '<', '<<>>', '<p', '<script>', '</script>', '<style>p{}</style>', '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-04-26","author":{"name":"Anna Voss"},"headline":"Ferry"}</script>', '<script type="application/ld+json">{"@graph":[[[[{}]]]],"author":[null,1,{"name":{}}]}</script>', '<script type="application/ld+json">{broken</script>'];

export const attr = fc.constantFrom(...ATTRS);

type Node = string;
const { node } = fc.letrec<{ node: Node; children: Node[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: sentence },
    { weight: 1, arbitrary: fc.constantFrom(...ENTITIES) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...VOID), fc.array(attr, { maxLength: 2 })).map(([t, as]) => `<${[t, ...as].join(' ')}>`) },
    { weight: 1, arbitrary: oddChar },
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), tie('children'), fc.boolean())
        .map(([t, as, kids, close]) => `<${[t, ...as].join(' ')}>${(kids as Node[]).join('')}${close ? `</${t}>` : ''}`),
    },
  ),
  children: fc.array(tie('node'), { maxLength: 6 }),
}));

/** Deep nesting: "10,000 nested <div>s overflow the stack" (reached with FUZZ_SIZE >= 3), "1,000 levels take 15 s in Readability". */
export const deep = fc
  .tuple(fc.constantFrom('div', 'span', 'p', 'section', 'b', 'li', 'table', 'blockquote'), fc.integer({ min: 50, max: n(4_000) }), fc.boolean(), sentence)
  .map(([t, depth, close, s]) => `<html><body>${`<${t}>`.repeat(depth)}<p>${s} ${s} ${s}</p>${close ? `</${t}>`.repeat(depth) : ''}</body></html>`);

export const htmlDoc = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(node, { minLength: 1, maxLength: n(12) }), fc.array(sentence, { minLength: 0, maxLength: 20 })).map(([nodes, ps]) => `<!doctype html><html><head><title>${ps[0] ?? ''}</title></head><body><article>${nodes.join('')}${ps.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`) },
  { weight: 2, arbitrary: fc.array(node, { minLength: 1, maxLength: n(20) }).map((ns) => ns.join('')) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.tuple(textDoc, hostile).map(([t, h]) => `<html><body><article><p>${t.split('\n\n').join('</p><p>')}</p><p>${h}</p></article></body></html>`) },
);

// --- bytes --------------------------------------------------------------------------------------------

function utf16(s: string, le: boolean): Buffer {
  const b = Buffer.from(s, 'utf16le');
  if (!le) for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
}

/** A string put into bytes the ways files arrive: UTF-8 with or without BOM, UTF-16 either way, Latin-1, and broken mixes. */
export const encoded = (text: fc.Arbitrary<string>) =>
  fc
    .tuple(
      text,
      fc.constantFrom('utf8', 'utf8-bom', 'utf16le-bom', 'utf16be-bom', 'utf16le', 'latin1', 'cp1252-meta', 'truncated', 'garbage'),
      fc.uint8Array({ maxLength: 64 }),
      fc.nat(),
    )
    .map(([t, how, noise, at]) => {
      switch (how) {
        case 'utf8':
          return Buffer.from(t, 'utf8');
        case 'utf8-bom':
          return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
        case 'utf16le-bom':
          return Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(t, true)]);
        case 'utf16be-bom':
          return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(t, false)]);
        case 'utf16le':
          return utf16(t, true);
        case 'latin1':
          return Buffer.from(t, 'latin1');
        case 'cp1252-meta':
          return Buffer.concat([Buffer.from('<meta charset="windows-1252">'), Buffer.from(t, 'latin1')]);
        case 'truncated': {
          const b = Buffer.from(t, 'utf8');
          return b.subarray(0, Math.max(1, b.length - 1 - (at % 3)));
        }
        case 'garbage': {
          const b = Buffer.from(t, 'utf8');
          const k = at % (b.length + 1);
          return Buffer.concat([b.subarray(0, k), Buffer.from(noise), b.subarray(k)]);
        }
      }
      return Buffer.from(t);
    });

// --- JSON Lines ---------------------------------------------------------------------------------------

const jsonValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string({ maxLength: 20 }), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

export const record = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), jsonValue),
    text: fc.oneof({ weight: 4, arbitrary: textDoc }, { weight: 1, arbitrary: jsonValue }),
    html: fc.oneof({ weight: 2, arbitrary: htmlDoc }, { weight: 1, arbitrary: jsonValue }),
    title: fc.oneof(sentence, jsonValue),
    byline: fc.oneof(fc.constant('Anna Voss'), jsonValue),
    published: fc.oneof(fc.constantFrom('2019-04-26', 'April 26, 2019', '2019-02-30', 'never', '', '9999-99-99T99:99'), jsonValue),
    url: fc.oneof(fc.constantFrom('https://example.invalid/news/2019/04/26/a', 'javascript:x', ''), jsonValue),
  },
  { requiredKeys: [] },
);

/** A JSONL file: records, malformed lines, blank lines, CRLF, a BOM. */
export const jsonl = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: record.map((r) => JSON.stringify(r)) },
        { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', '{"id": "x", "text": ', 'null', '[1,2]', '"text"', '{"text": "\\ud800"}', '{"text": "a\u2028b"}', '\u0000') },
        { weight: 1, arbitrary: fc.json() },
      ),
      { minLength: 1, maxLength: n(12) },
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([lines, eol, bom]) => (bom ? '\ufeff' : '') + lines.join(eol) + eol);
