import { describe, expect, it } from 'vitest';
import { findParagraphs, segment } from '../src/analyzers/segment/index.js';

function sentences(text: string): string[] {
  const { sentences: s } = segment(text, findParagraphs(text));
  for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  return s.map((x) => x.text);
}

describe('paragraphs', () => {
  it('splits at blank lines and trims', () => {
    const t = '  First line\nstill first.\n\n\nSecond.  \n \nThird.';
    expect(findParagraphs(t).map((p) => t.slice(p.start, p.end))).toEqual(['First line\nstill first.', 'Second.', 'Third.']);
  });
  it('takes each line as a paragraph when there is no blank line', () => {
    const t = 'One.\nTwo.\nThree.';
    expect(findParagraphs(t)).toHaveLength(3);
  });
});

describe('sentences in news text', () => {
  it('keeps titles, months and U.S. inside sentences', () => {
    expect(sentences('Gen. Mark Milley met Mr. Smith in the U.S. capital on Jan. 5. The talks lasted 3.5 hours.')).toEqual([
      'Gen. Mark Milley met Mr. Smith in the U.S. capital on Jan. 5.',
      'The talks lasted 3.5 hours.',
    ]);
  });
  it('keeps initials and decimals', () => {
    expect(sentences('Analysts at J. P. Morgan disagreed. Prices rose to $4.50 a gallon, up from $3.99. Drivers complained.')).toEqual([
      'Analysts at J. P. Morgan disagreed.',
      'Prices rose to $4.50 a gallon, up from $3.99.',
      'Drivers complained.',
    ]);
  });
  it('ends a sentence at U.S. when a new sentence follows', () => {
    expect(sentences('He lives in the U.S. The next day he flew home.')).toEqual(['He lives in the U.S.', 'The next day he flew home.']);
  });
  it('keeps a quotation and its attribution together', () => {
    expect(sentences('"Are you sure?" he asked. "Yes."')).toEqual(['"Are you sure?" he asked.', '"Yes."']);
    expect(sentences('“We are not done,” she said. Then she left.')).toEqual(['“We are not done,” she said.', 'Then she left.']);
  });
  it('splits a quotation spanning sentences at its sentence ends, keeping the marks with their sentences', () => {
    expect(sentences('She said: "The plan works. It is cheap." Critics disagree.')).toEqual([
      'She said: "The plan works.',
      'It is cheap."',
      'Critics disagree.',
    ]);
  });
  it('keeps bracketed insertions and parentheses inside the sentence', () => {
    expect(sentences('It was "a very bad deal [for] them." He added nothing.')).toEqual(['It was "a very bad deal [for] them."', 'He added nothing.']);
    expect(sentences('Guards walked the last 50 meters (yards) beside the car. A band played.')).toEqual([
      'Guards walked the last 50 meters (yards) beside the car.',
      'A band played.',
    ]);
    expect(sentences('The company (which was founded in 1999.) failed. Mrs. Lee wept.')).toEqual([
      'The company (which was founded in 1999.) failed.',
      'Mrs. Lee wept.',
    ]);
  });
  it('splits after a clock time only when a new sentence starts', () => {
    expect(sentences('Dr. A. B. Carter arrived at 10 a.m. Monday. He spoke at 3 p.m. Reporters waited.')).toEqual([
      'Dr. A. B. Carter arrived at 10 a.m. Monday.',
      'He spoke at 3 p.m.',
      'Reporters waited.',
    ]);
  });
  it('keeps "No. 10" and "U.S. -North Korea" whole', () => {
    expect(sentences('No. 10 Downing Street said nothing. The U.S. -Canada talks resumed.')).toEqual([
      'No. 10 Downing Street said nothing.',
      'The U.S. -Canada talks resumed.',
    ]);
  });
  it('keeps party-state tags and dotted identifiers whole', () => {
    expect(sentences('Rep. Ann Lee (D-N.Y.) Tuesday called the bill a disgrace. Others agreed.')).toEqual([
      'Rep. Ann Lee (D-N.Y.) Tuesday called the bill a disgrace.',
      'Others agreed.',
    ]);
    expect(sentences('Set window.__flag to true. Then stop.')).toEqual(['Set window.__flag to true.', 'Then stop.']);
  });
  it('never lets a sentence cross a paragraph break', () => {
    expect(sentences('Share this\n\nThe vote was held on Monday')).toEqual(['Share this', 'The vote was held on Monday']);
  });
  it('gives tokens with part-of-speech tags and sentence indexes', () => {
    const text = 'Mayor Ilse Dragan spoke. She left.';
    const { tokens } = segment(text, findParagraphs(text));
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(tokens.map((t) => t.text));
    expect(tokens.find((t) => t.text === 'Dragan')?.pos).toBe('PROPN');
    expect(tokens.find((t) => t.text === 'She')?.sentence).toBe(1);
  });
});
