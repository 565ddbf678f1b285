// The blind general-news entity set (bench/annotations/news-entities): well-formed offsets into the BBC texts
// of ../shared/data, checked without printing any text.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../bench/annotations/news-entities/', import.meta.url);
const DATA = new URL('../../shared/data/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

describe('blind news entity annotations', () => {
  it('has at least 20 articles, sport among them, offsets and types only', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(files.filter((f) => f.startsWith('bbc_sport_')).length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const a = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
      expect(Object.keys(a).sort()).toEqual(['entities', 'file', 'sha256', 'split']);
      expect(a.split).toBe('test');
      for (let i = 0; i < a.entities.length; i++) {
        const e = a.entities[i];
        expect(Object.keys(e).sort()).toEqual(['end', 'start', 'type']);
        expect(['person', 'organization', 'place']).toContain(e.type);
        expect(e.end).toBeGreaterThan(e.start);
        if (i) expect(e.start).toBeGreaterThanOrEqual(a.entities[i - 1].end);
      }
    }
  });

  it.skipIf(!existsSync(DATA))('matches the texts it was made on, at word boundaries', () => {
    for (const f of files) {
      const a = JSON.parse(readFileSync(new URL(f, DIR), 'utf8'));
      const bytes = readFileSync(new URL(a.file, DATA));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(a.sha256);
      const text = bytes.toString('utf8');
      for (const e of a.entities) {
        expect(isWord(text[e.start - 1]) || isWord(text[e.end])).toBe(false);
        expect(text.slice(e.start, e.end).trim()).toBe(text.slice(e.start, e.end));
      }
    }
  });
});
