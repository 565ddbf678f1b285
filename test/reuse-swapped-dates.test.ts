import { describe, expect, it } from 'vitest';
import { meaningSide } from '../src/reuse/meaning.js';
import { tokenize } from '../src/reuse/normalize.js';
import { swappedDates } from '../src/reuse/trace-document.js';

// Fictional sentence pairs: the rewrite first, its source second.
const side = (t: string) => meaningSide(tokenize(t, 0, t.length), t, 0, t.length);
const dates = (q: string, s: string) => swappedDates(side(q), side(s), []).map((f) => [f.from, f.to, q.slice(f.start, f.end)]);

describe('a day or month a rewrite swapped', () => {
  it('names one day put in place of another, wherever the rewrite moved it', () => {
    expect(dates('One of the harbour ferries ran aground near Dorrel on Monday, with forty aboard.', 'A harbour ferry carrying forty people ran aground on Friday near Dorrel.')).toEqual([['Friday', 'Monday', 'Monday']]);
  });

  it('names nothing for the same day, a day beside a month, or two days on one side', () => {
    expect(dates('A ferry ran aground near Dorrel on Friday.', 'A harbour ferry ran aground on Friday near Dorrel.')).toEqual([]);
    expect(dates('A ferry ran aground near Dorrel in March.', 'A harbour ferry ran aground on Friday near Dorrel.')).toEqual([]);
    expect(dates('A ferry ran aground on Monday and was freed on Tuesday.', 'A harbour ferry ran aground on Friday near Dorrel.')).toEqual([]);
  });
});
