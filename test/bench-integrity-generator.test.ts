import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHalf, TEMPLATE_LINES } from '../bench/integrity/generate.js';

const bbc = new URL('../../shared/data/corpora/bbc', import.meta.url).pathname;
const have = existsSync(bbc);

describe.skipIf(!have)('bench:integrity labelled set (on BBC and FakeNewsAMT files)', () => {
  const size = { positives: 60, bbc: 60, fakenews: 30, hard: 20 };
  const fit = buildHalf('fit', size);
  const test = buildHalf('test', size);
  const fileOf = (id: string) => id.replace(/^(fit|test)\/(hard\/|raw\/|probe\/)?/, '');

  it('has both classes in each half, seeded', () => {
    for (const h of [fit, test]) {
      expect(h.items.filter((i) => i.positive)).toHaveLength(60);
      expect(h.items.filter((i) => i.kind === 'bbc')).toHaveLength(60);
      expect(h.items.filter((i) => i.kind === 'fakenews')).toHaveLength(30);
      expect(h.items.filter((i) => i.kind === 'hard')).toHaveLength(20);
    }
    const again = buildHalf('fit', size);
    expect(again.items.map((i) => i.article.text)).toEqual(fit.items.map((i) => i.article.text));
  });

  it('keeps the halves apart: no shared negative file, no shared indexed source', () => {
    const files = (h: typeof fit) => new Set(h.items.filter((i) => !i.positive).map((i) => fileOf(i.id)));
    const a = files(fit);
    for (const f of files(test)) expect(a.has(f), f).toBe(false);
    const ia = new Set(fit.index.map((d) => d.id));
    for (const d of test.index) expect(ia.has(d.id), d.id).toBe(false);
    // And no negative is indexed in its own half (a hard negative's twin is another file).
    for (const h of [fit, test]) {
      const idx = new Set(h.index.map((d) => d.id));
      for (const i of h.items.filter((x) => !x.positive && x.kind !== 'fakenews')) expect(idx.has(fileOf(i.id)), i.id).toBe(false);
    }
  });

  it('dresses both classes alike: a title, byline and date on every article, template lines at the same rate', () => {
    for (const h of [fit, test]) {
      for (const i of h.items) {
        expect(i.article.title, i.id).toBeTruthy();
        expect(i.article.byline, i.id).toBeTruthy();
        expect(i.article.published, i.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      const lines = TEMPLATE_LINES[h.name].map((l) => new RegExp(`^${l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\\{byline\\}', '.+')}$`));
      const last = (i: (typeof h.items)[number]) => i.article.text.trim().split('\n\n').pop()!;
      const rate = (xs: typeof h.items) => xs.filter((i) => lines.some((re) => re.test(last(i)))).length / xs.length;
      // Both drawn at 60%: within four standard deviations of it for 60 articles.
      for (const kind of ['stitched', 'bbc', 'fakenews', 'hard']) expect(Math.abs(rate(h.items.filter((i) => i.kind === kind)) - 0.6), kind).toBeLessThan(0.26);
    }
    // The halves' template lines are worded differently.
    expect(fit.items.some((i) => i.article.text.includes('Share this'))).toBe(true);
    expect(test.items.some((i) => i.article.text.includes('Share this'))).toBe(false);
  });

  it('marks every inserted off-topic sentence at its place in the body', () => {
    const spans = [...fit.items, ...fit.probes].flatMap((i) => i.offtopic.map((s) => ({ i, s })));
    expect(spans.length).toBeGreaterThan(40);
    for (const { i, s } of spans) {
      const text = i.article.text.slice(s.start, s.end);
      expect(text, i.id).toMatch(/^[A-Z"“'‘0-9].*[.!?"”']$/);
    }
    // Probes are the unaltered articles plus exactly that one sentence.
    for (const p of fit.probes) {
      const orig = fit.items.find((r) => r.id === p.id.replace('/probe/', '/bbc/'))!;
      const s = p.offtopic[0];
      const without = [' ', '\n\n'].map((sep) => p.article.text.slice(0, s.start) + p.article.text.slice(s.end + sep.length));
      expect(without).toContain(orig.article.text);
    }
  });
});
