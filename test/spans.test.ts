import { describe, expect, it } from 'vitest';
import { SpanIndex, type Span } from '../src/text/spans.js';

// A small deterministic generator, so a failure can be replayed.
function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('SpanIndex', () => {
  it('answers like a scan of every span, on random spans of all lengths', () => {
    const r = rng(7);
    for (let round = 0; round < 50; round++) {
      const spans: (Span & { id: number })[] = [];
      const n = Math.floor(r() * 40);
      for (let i = 0; i < n; i++) {
        const start = Math.floor(r() * 200);
        spans.push({ id: i, start, end: start + 1 + Math.floor(r() * (r() < 0.1 ? 150 : 8)) });
      }
      const index = new SpanIndex(spans);
      for (let q = 0; q < 60; q++) {
        const a = Math.floor(r() * 210);
        const b = a + 1 + Math.floor(r() * 12);
        const scan = spans.filter((s) => s.start < b && a < s.end);
        expect(index.any(a, b)).toBe(scan.length > 0);
        expect(index.overlapping(a, b).map((s) => s.id)).toEqual(scan.map((s) => s.id));
      }
    }
  });

  it('touching spans do not overlap', () => {
    const index = new SpanIndex([{ start: 0, end: 5 }]);
    expect(index.any(5, 9)).toBe(false);
    expect(index.any(4, 9)).toBe(true);
    expect(new SpanIndex([]).any(0, 10)).toBe(false);
  });
});
