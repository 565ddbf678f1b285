import { describe, expect, it } from 'vitest';
import { trimCache } from '../src/reuse/trace.js';

const doc = (bytes: number) => ({ bytes });

describe('trimCache (the source-document cache of tracing)', () => {
  it('drops the least recently used entries until the bytes fit', () => {
    const m = new Map([1, 2, 3, 4].map((n) => [n, doc(n * 100)] as [number, { bytes: number } | null]));
    trimCache(m, 100, 750); // 1000 bytes held
    expect([...m.keys()]).toEqual([3, 4]);
  });

  it('drops by count too, and counts replaced documents (null) as free', () => {
    const m = new Map<number, { bytes: number } | null>([[1, doc(10)], [2, null], [3, doc(10)], [4, doc(10)]]);
    trimCache(m, 2, 1_000_000);
    expect([...m.keys()]).toEqual([3, 4]);
    const n = new Map<number, { bytes: number } | null>([[1, null], [2, doc(10)]]);
    trimCache(n, 5, 10);
    expect([...n.keys()]).toEqual([1, 2]);
  });

  it('a few huge documents no longer fill memory; one bigger than the whole cap is not kept either', () => {
    const m = new Map<number, { bytes: number } | null>([[1, doc(10_000_000)], [2, doc(10_000_000)], [3, doc(30_000_000)]]);
    trimCache(m, 2048, 20_000_000);
    expect([...m.keys()]).toEqual([]);
  });
});
