import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTml, score, zero } from '../bench/timeml.js';
import { segmentAnalyzer } from '../src/analyzers/segment/index.js';
import { extractTimes } from '../src/analyzers/time/index.js';
import { createDocument } from '../src/model/document.js';

// A regression guard over TimeBank 1.2 (read from ../shared/data, never copied): the figures of
// `npm run bench:time` must not fall below the target. Skipped when the data is absent.
const DIR = fileURLToPath(new URL('../../shared/data/bench/timebank/TimeBank/', import.meta.url));
const here = existsSync(DIR);

describe.skipIf(!here)('time on TimeBank 1.2', () => {
  it('reads TimeML with offsets that give back each TIMEX3 text', () => {
    const name = readdirSync(DIR).filter((f) => f.endsWith('.tml')).sort()[0];
    const xml = readFileSync(DIR + name, 'utf8');
    const doc = parseTml(name, xml);
    expect(doc.dct).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(doc.gold.length).toBeGreaterThan(0);
    expect(doc.text).not.toMatch(/<\/?(?:TIMEX3|EVENT|SIGNAL)/);
    for (const g of doc.gold) expect(doc.text.slice(g.start, g.end)).toBe(g.text);
  });

  it('keeps value accuracy ≥ 85% and relaxed detection F1 ≥ 0.85 over all files', () => {
    const c = zero();
    for (const f of readdirSync(DIR).filter((x) => x.endsWith('.tml'))) {
      const t = parseTml(f, readFileSync(DIR + f, 'utf8'));
      const d = createDocument({ id: f, kind: 'text', origin: null, text: t.text, title: null, byline: null, published: t.dct, url: null });
      void segmentAnalyzer.run(d, { published: t.dct, report() {} });
      const sys = extractTimes(d, { published: t.dct }).map((x) => ({ start: x.start, end: x.end, value: x.timeml, type: x.type }));
      score(t.gold, sys, c);
    }
    const p = c.relaxed / c.sys;
    const r = c.relaxed / c.gold;
    expect(c.gold).toBeGreaterThan(1000);
    expect(c.value / c.relaxed).toBeGreaterThanOrEqual(0.85);
    expect((2 * p * r) / (p + r)).toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
