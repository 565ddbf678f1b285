import { describe, expect, it } from 'vitest';
import { SCHEMA_ID, type ReportError } from '../src/report/report.js';
import { clip, readableTime, sourceKeys } from '../src/render/common.js';
import { renderJson } from '../src/render/json.js';
import { ferryReport } from './fixtures/reports/build.js';

describe('render helpers', () => {
  it('reads TimeML values for people', () => {
    expect(readableTime('2019-04-23')).toBe('Tue 23 Apr 2019');
    expect(readableTime('2019-04-24T15:00')).toBe('Wed 24 Apr 2019, 15:00');
    expect(readableTime('2019-W16')).toBe('week 16 of 2019');
    expect(readableTime('2019-04')).toBe('April 2019');
    expect(readableTime('2019-02-30')).toBeNull();
    expect(readableTime('PRESENT_REF')).toBeNull();
  });

  it('gives each source one letter and colour slot, most sentences first, then second-best sources', async () => {
    const keys = [...sourceKeys(await ferryReport()).values()].map((k) => [k.letter, k.docId, k.sentences]);
    expect(keys).toEqual([
      ['A', 'gazette/2024/ferry-011.txt', 2],
      ['B', 'wire/ellery-0612.txt', 2],
      ['C', 'archive/1990/museum-04.txt', 1],
    ]);
  });

  it('clips to one line', () => {
    expect(clip('a\n  b   c', 10)).toBe('a b c');
    expect(clip('abcdefghijkl', 6)).toBe('abcde…');
  });
});

describe('renderJson', () => {
  it('prints one report indented, and a batch as one line per item', async () => {
    const r = await ferryReport();
    const err: ReportError = { schema: SCHEMA_ID, error: { id: 'x', origin: null, message: 'x: empty file' } };
    const one = renderJson([r], false);
    expect(one.split('\n').length).toBeGreaterThan(10);
    expect(JSON.parse(one)).toEqual(r);
    const lines = renderJson([r, err], true).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual([r, err]);
    expect(renderJson([], true)).toBe('');
  });
});
