import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToArticle } from '../src/ingest/html.js';
import { dateFromUrl, parseDateValue, parseWrittenDate } from '../src/ingest/metadata-dates.js';
import { stripSiteSuffix } from '../src/ingest/metadata.js';
import { UserError } from '../src/model/errors.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/html/${name}`, import.meta.url), 'utf8');
const load = (name: string, url?: string) => htmlToArticle(fixture(name), { id: name, origin: `fixtures/${name}`, url });

describe('htmlToArticle: body', () => {
  it('keeps one paragraph per block, lists and quotes included, whitespace collapsed', () => {
    const a = load('jsonld.html');
    const paras = a.text.split('\n\n');
    expect(paras[0]).toMatch(/^The Harrow Bay ferry carried its first passengers/);
    expect(paras).toContain('What changed');
    expect(paras).toContain('New propeller shafts on both engines');
    expect(paras).toContain('A wider ramp for bicycles and wheelchairs');
    expect(paras).toContain('We kept the timetable the islanders asked for, and we kept the old bell.');
    expect(a.text).toContain('checked every seal twice');
    expect(a.text).not.toMatch(/ {2}|\t|\n{3}/);
    for (const p of paras) expect(p).toBe(p.trim());
  });

  it('leaves out navigation, share bars, captions and footers', () => {
    const a = load('jsonld.html');
    expect(a.text).not.toMatch(/Share on Facebook|Photo:|All rights reserved|Sport/);
  });

  it('moves byline and dateline lines from the top of the body into the metadata', () => {
    const a = load('byline.html');
    expect(a.byline).toBe('Clara Voss');
    expect(a.published).toBe('2019-03-14');
    expect(a.text).toMatch(/^The Saint Aldric youth choir/);
    const t = load('time.html');
    expect(t.text).toMatch(/^Apple growers/);
  });

  it('throws a one-line UserError for a page with no article', () => {
    expect(() => load('no-article.html')).toThrow(UserError);
    expect(() => load('no-article.html')).toThrow('fixtures/no-article.html: no article text found in the HTML');
    expect(() => htmlToArticle('<html><body></body></html>', { id: 'e', origin: 'e.html' })).toThrow(/no article text/);
  });

  it('treats a front page of headline links as no article', () => {
    const items = Array.from({ length: 20 }, (_, i) => `<li><a href="/n/${i}">Council story number ${i} on the harbour budget and the new ferry timetable</a></li>`).join('');
    const html = `<html><head><title>Front page | Gazette</title></head><body><div class="main"><h2>Latest</h2><ul>${items}</ul></div></body></html>`;
    expect(() => htmlToArticle(html, { id: 'f', origin: 'front.html' })).toThrow('front.html: no article text found in the HTML (its main block is a list of links)');
    // The same words as plain text are an article.
    expect(htmlToArticle(html.replace(/<\/?a[^>]*>/g, ''), { id: 'f', origin: 'front.html' }).text).toContain('Council story number 3');
  });

  it('keeps no markup or script from a hostile page', () => {
    const a = load('hostile.html');
    expect(a.text).toMatch(/^The county council agreed three new bus routes on Thursday that will link/);
    expect(a.text).toContain('read the timetable');
    for (const s of [a.text, a.title ?? '', a.byline ?? '']) {
      expect(s).not.toMatch(/[<>]/);
      expect(s).not.toMatch(/alert|javascript:|onerror|onload|document\.cookie|evil\.example|background/i);
    }
  });
});

describe('htmlToArticle: metadata', () => {
  it('reads JSON-LD: headline, authors, datePublished, and the canonical link', () => {
    const a = load('jsonld.html', 'https://courier.example/news/ferry-returns?utm_source=feed');
    expect(a.title).toBe('Harrow Bay ferry returns after winter repairs');
    expect(a.byline).toBe('Ann Hale and Tom Reyes');
    // The day written in the timestamp, not the UTC day, and the published date, not the modified one.
    expect(a.published).toBe('2021-03-09');
    expect(a.url).toBe('https://courier.example/news/ferry-returns?utm_source=feed');
    expect(a.canonical).toBe('https://courier.example/news/ferry-returns');
    // Read from a file, the page is known by its canonical URL.
    expect(load('jsonld.html').url).toBe('https://courier.example/news/ferry-returns');
  });

  it('reads Open Graph and meta tags', () => {
    const a = load('meta.html');
    expect(a.title).toBe('Northfield library to open on Sundays');
    expect(a.byline).toBe('Priya Nand');
    expect(a.published).toBe('2020-11-02');
    expect(a.url).toBe('https://gazette.example/local/library-sundays');
    expect(a.canonical).toBe('https://gazette.example/local/library-sundays');
  });

  it('reads <time datetime>, rel=author and a <title> with the site name cut off', () => {
    const a = load('time.html');
    expect(a.title).toBe('Orchard growers fear late frost');
    expect(a.byline).toBe('Marta Quill');
    expect(a.published).toBe('2022-04-18');
  });

  it('dates a page by its URL when nothing else dates it', () => {
    expect(load('url-date.html', 'https://news.example/2021/03/09/bridge-closes').published).toBe('2021-03-09');
    expect(load('url-date.html', 'https://news.example/local/bridge-closes').published).toBeNull();
    expect(load('url-date.html').byline).toBeNull();
  });

  it('invents nothing on a page without metadata', () => {
    const a = load('hostile.html');
    expect(a.title).toBe('Council agrees new bus routes');
    expect(a.byline).toBeNull();
    expect(a.published).toBeNull();
    expect(a.url).toBeNull();
  });
});

describe('date and title helpers', () => {
  it('parses machine dates as written', () => {
    expect(parseDateValue('2019-04-26T23:30:00-04:00')).toBe('2019-04-26');
    expect(parseDateValue('2019/04/26')).toBe('2019-04-26');
    expect(parseDateValue('20190426T103000Z')).toBe('2019-04-26');
    expect(parseDateValue('1556274600')).toBe('2019-04-26');
    expect(parseDateValue('2019-02-30')).toBeNull();
    expect(parseDateValue('not a date')).toBeNull();
  });

  it('parses written dates in several languages, and nothing without a year', () => {
    expect(parseWrittenDate('Posted 26.04.2019 10:31')).toBe('2019-04-26');
    expect(parseWrittenDate('April 26, 2019')).toBe('2019-04-26');
    expect(parseWrittenDate('duminică, 20 septembrie 2020')).toBe('2020-09-20');
    expect(parseWrittenDate('26 апреля 2019 г.')).toBe('2019-04-26');
    expect(parseWrittenDate('7. Oktober 2020')).toBe('2020-10-07');
    expect(parseWrittenDate('2019年4月26日')).toBe('2019-04-26');
    expect(parseWrittenDate('الجمعة 24 نيسان / أبريل 2020')).toBe('2020-04-24');
    expect(parseWrittenDate('Listen now!')).toBeNull();
    expect(parseWrittenDate('Updated on Tuesday')).toBeNull();
  });

  it('finds dates in URL paths', () => {
    expect(dateFromUrl('https://x.example/2019/04/26/story')).toBe('2019-04-26');
    expect(dateFromUrl('https://x.example/news/20190426/story')).toBe('2019-04-26');
    expect(dateFromUrl('https://x.example/2019-04-26-story.html')).toBe('2019-04-26');
    expect(dateFromUrl('https://x.example/article/12345678')).toBeNull();
    expect(dateFromUrl('https://x.example/2019/04/story')).toBeNull();
  });

  it('cuts a site name off a title', () => {
    expect(stripSiteSuffix('Kim to meet Putin | Daily Herald', null)).toBe('Kim to meet Putin');
    expect(stripSiteSuffix('Kim to meet Putin - The Daily Herald', 'The Daily Herald')).toBe('Kim to meet Putin');
    expect(stripSiteSuffix('Mother - and child - reunited after forty years apart', null)).toBe('Mother - and child - reunited after forty years apart');
  });
});

describe('broken JSON-LD', () => {
  it('still reads datePublished from a block with unbalanced braces', () => {
    const body = '<p>' + 'The harbour board met on Monday and agreed to dredge the channel before the summer. '.repeat(4) + '</p>';
    const html = `<html><head><script type="application/ld+json">{"@type":"NewsArticle","image":{"url":"x.jpg","datePublished":"2020-10-26T18:10:00+01:00"}</script></head><body><article>${body}</article></body></html>`;
    expect(htmlToArticle(html, { id: 'b', origin: 'b.html' }).published).toBe('2020-10-26');
  });
});

describe('markup without a <body>', () => {
  const para = 'The town hall clock stopped at noon on Friday and stayed silent all weekend, to the surprise of the traders who set their stalls by it.';
  it('reads fragments and pages that skip the body tag', () => {
    for (const html of [`<p>${para}</p>`, `<div>${para}<br>${para}</div>`, `<!doctype html><title>Clock stops</title><p>${para}</p>`, `<html><head><title>Clock stops</title></head><p>${para}</p></html>`]) {
      expect(htmlToArticle(html, { id: 'x', origin: 'x' }).text.split('\n\n')[0]).toBe(para);
    }
    expect(htmlToArticle(`<html><head><title>Clock stops | Gazette</title></head><p>${para}</p></html>`, { id: 'x', origin: 'x' }).title).toBe('Clock stops');
    // Content between </head> and a late <body> stays in the page.
    const late = `<html><head><title>Clock stops</title></head><div class="story"><p>${para}</p></div><body><footer>Gazette</footer></body></html>`;
    expect(htmlToArticle(late, { id: 'x', origin: 'x' }).text).toBe(para);
  });
});

describe('template lines inside the article block', () => {
  it('drops widget, stamp and credit lines but keeps sentences that start the same way', () => {
    const p = (t: string) => `<p>${t}</p>`;
    const html = `<html><body><article>${[
      p('PUBLISHED: 10:48, Tue, Mar 9, 2021'),
      p('The county will raise bus fares in April for the first time in six years, the transport committee said on Tuesday.'),
      p('READ MORE: Council backs new routes to the hospital'),
      p('Advertisement'),
      p('Updated figures show a 12 percent rise in passengers since the new routes opened last spring.'),
      p('A driver checks tickets at the depot on Monday (Image: J. Doe/Gazette)'),
      p('Read more about the fare plans in the committee papers, which are published online every month.'),
      p('You may also like'),
    ].join('')}</article></body></html>`;
    const paras = htmlToArticle(html, { id: 'w', origin: 'w.html' }).text.split('\n\n');
    expect(paras).toEqual([
      'The county will raise bus fares in April for the first time in six years, the transport committee said on Tuesday.',
      'Updated figures show a 12 percent rise in passengers since the new routes opened last spring.',
      'Read more about the fare plans in the committee papers, which are published online every month.',
    ]);
  });
});
