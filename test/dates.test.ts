import { describe, expect, it } from 'vitest';
import { normalizeDate, parseFullDate } from '../src/text/dates.js';

describe('parseFullDate', () => {
  it.each([
    ['April 26, 2019', '2019-04-26'],
    ['26 April 2019', '2019-04-26'],
    ['2019-04-26', '2019-04-26'],
    ['2019-04-26T10:31:00+02:00', '2019-04-26'],
    ['Friday, April 26, 2019 10:31 AM', '2019-04-26'],
    ['Published: Apr 26 2019', '2019-04-26'],
  ])('reads "%s" as %s', (s, want) => expect(parseFullDate(s, true)).toBe(want));

  it.each(['Listen now!', 'today', 'Tuesday', 'April 26', 'Larry Hoffman', '2019-13-40', ''])('finds no full date in "%s"', (s) => {
    expect(parseFullDate(s, true)).toBeNull();
  });

  it('needs the date to be the whole line when asked', () => {
    expect(parseFullDate('The vote on April 26, 2019 was close', true)).toBeNull();
    expect(parseFullDate('The vote on April 26, 2019 was close')).toBe('2019-04-26');
  });

  it('validates --published values', () => {
    expect(normalizeDate('2019-05-01')).toBe('2019-05-01');
    expect(normalizeDate('soon')).toBeNull();
  });
});
