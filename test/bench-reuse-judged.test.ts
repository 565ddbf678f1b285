import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFalseLinks, LINK_VERDICTS, linkKey, loadJudgments, type JudgedLink, type LinkRef } from '../bench/reuse/judged.js';

// Fictional link references: ids and offsets only, as the annotation files keep them.
const link = (id: string, start: number, to: string): LinkRef => ({ id, start, end: start + 40, to });

describe('bench judged false links', () => {
  const judgedLinks: JudgedLink[] = [
    { ...link('wire/a.txt', 0, 'wire/x.txt'), verdict: 'reuse' },
    { ...link('wire/a.txt', 41, 'wire/y.txt'), verdict: 'quote' },
    { ...link('wire/b.txt', 0, 'wire/x.txt'), verdict: 'stock' },
    { ...link('wire/b.txt', 80, 'wire/z.txt'), verdict: 'independent' },
  ];
  const judged = new Map(judgedLinks.map((j) => [linkKey(j), j.verdict]));

  it('counts independent, stock and unjudged links as false, reuse and quotes as true', () => {
    const links = [...judgedLinks.map(({ verdict: _, ...l }) => l), link('wire/c.txt', 0, 'wire/x.txt')];
    const got = countFalseLinks(400, links, judged);
    expect(got.judged).toEqual({ reuse: 1, quote: 1, stock: 1, independent: 1 });
    expect(got.unjudged).toBe(1);
    expect(got.false).toBe(3);
    expect(got.rate).toBeCloseTo(3 / 400);
    expect(got.links).toBe(5);
  });

  it('matches a judgment only on the same sentence and the same linked document', () => {
    // The judged sentence now linked to another document, and the judged pair with moved offsets.
    const got = countFalseLinks(100, [link('wire/a.txt', 0, 'wire/z.txt'), link('wire/a.txt', 1, 'wire/x.txt')], judged);
    expect(got.judged.reuse).toBe(0);
    expect(got.unjudged).toBe(2);
    expect(got.false).toBe(2);
  });

  it('gives no rate without sentences, and zero with no links', () => {
    expect(countFalseLinks(0, [], judged).rate).toBeNaN();
    expect(countFalseLinks(50, [], judged).rate).toBe(0);
  });

  it('loads an annotation file and refuses an unknown verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unspun-judged-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ about: 'fictional', links: judgedLinks }));
    expect(loadJudgments(good)).toEqual(judged);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ about: 'fictional', links: [{ ...link('wire/a.txt', 0, 'wire/x.txt'), verdict: 'maybe' }] }));
    expect(() => loadJudgments(bad)).toThrow(/unknown verdict/);
    expect(loadJudgments(join(dir, 'absent.json')).size).toBe(0);
  });

  it('reads the project annotation of unindexed links: known verdicts, offsets in order', () => {
    const file = new URL('../bench/annotations/unindexed-links.json', import.meta.url);
    const all = loadJudgments(file);
    expect(all.size).toBeGreaterThan(0);
    for (const key of all.keys()) {
      const [, start, end] = key.split('|');
      expect(Number(end)).toBeGreaterThan(Number(start));
      expect(LINK_VERDICTS).toContain(all.get(key));
    }
  });
});
