import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_DIR,
  DEFAULT_POLNEAR_DIR,
  checkAll,
  checkGold,
  listAnnotationFiles,
  loadGold,
} from '../bench/annotations/entities/check.js';

const hasData = existsSync(DEFAULT_POLNEAR_DIR);

describe('entity gold set (bench/annotations/entities)', () => {
  const names = listAnnotationFiles();

  it('has 10 dev and 20 test articles, each with mentions of all three kinds overall', () => {
    const splits = names.map((n) => loadGold(n).split);
    expect(splits.filter((s) => s === 'dev')).toHaveLength(10);
    expect(splits.filter((s) => s === 'test')).toHaveLength(20);
    const types = new Set(names.flatMap((n) => loadGold(n).entities.map((e) => e.type)));
    expect([...types].sort()).toEqual(['organization', 'person', 'place']);
  });

  it.skipIf(!hasData)('every file matches its text: sha256, spans in range, whole words, no overlaps, valid types', () => {
    const { files } = checkAll();
    const bad = files.filter((f) => f.problems.length).map((f) => `${f.name}: ${f.problems.slice(0, 3).join('; ')}`);
    expect(bad).toEqual([]);
  });

  it.skipIf(hasData)(`skipped the text checks: ${DEFAULT_POLNEAR_DIR} is absent`, () => {
    const { files, missingData } = checkAll();
    expect(missingData).toBe(true);
    // Shape checks still run without the texts.
    expect(files.filter((f) => f.problems.length)).toEqual([]);
  });

  it('the checker catches broken annotations', () => {
    const name = names[0];
    const gold = loadGold(name, ANNOTATIONS_DIR);
    const first = gold.entities[0];
    const broken = {
      ...gold,
      note: 'text must never be stored',
      entities: [{ ...first, type: 'P' }, { start: first.start, end: first.end + 1, type: 'person' }, { start: 5, end: 3, type: 'place' }],
    };
    const bytes = Buffer.from('x'.repeat(first.end + 10));
    const problems = checkGold(name, broken, bytes).problems.join('\n');
    expect(problems).toMatch(/unexpected keys: note/);
    expect(problems).toMatch(/sha256 mismatch/);
    expect(problems).toMatch(/#0: bad type/);
    expect(problems).toMatch(/#1: overlaps/);
    expect(problems).toMatch(/#2: bad offsets/);
    expect(problems).toMatch(/cuts a word/);
  });
});
