/** Bugs the fuzz harness found, kept as plain tests (each names the property that found it). */
import { describe, expect, it } from 'vitest';
import { articleFromRecord, DEFAULT_INGEST } from '../../src/ingest/index.js';
import { normalizeDate } from '../../src/text/dates.js';

describe('found by fuzzing', () => {
  it('readers/JSONL: "published": "2019-02-30" is not a date (it was kept as one)', () => {
    expect(normalizeDate('2019-02-30')).toBeNull();
    expect(normalizeDate('2019-04-31')).toBeNull();
    expect(normalizeDate('2019-02-29')).toBeNull();
    expect(normalizeDate('2020-02-29')).toBe('2020-02-29');
    expect(normalizeDate('2019-04-30')).toBe('2019-04-30');
    expect(() => articleFromRecord({ text: 'The ferry left at noon.', published: '2019-02-30' }, 'x', 'f.jsonl:1', DEFAULT_INGEST)).toThrow(/"published" is not a date/);
  });
});
