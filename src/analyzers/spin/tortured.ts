// Tortured phrases: fixed expressions run through a synonym spinner, the fingerprints the Problematic Paper
// Screener made known. Written here from common English collocations; found phrase -> the usual wording.
export const TORTURED: ReadonlyArray<readonly [string, string]> = [
  ['bosom peril', 'breast cancer'],
  ['bosom malignancy', 'breast cancer'],
  ['counterfeit consciousness', 'artificial intelligence'],
  ['man-made consciousness', 'artificial intelligence'],
  ['profound learning', 'deep learning'],
  ['colossal information', 'big data'],
  ['enormous information', 'big data'],
  ['irregular woodland', 'random forest'],
  ['haze figuring', 'cloud computing'],
  ['flag to commotion', 'signal to noise'],
  ['worldwide temperature alteration', 'global warming'],
  ['worldwide warming', 'global warming'],
  ['local weather change', 'climate change'],
  ['genuine estate', 'real estate'],
  ['inventory market', 'stock market'],
  ['credit score card', 'credit card'],
  ['regulation enforcement', 'law enforcement'],
  ['human privileges', 'human rights'],
  ['prime clergyman', 'prime minister'],
  ['primary minister', 'prime minister'],
  ['preferrred court', 'supreme court'],
  ['ultimate court', 'supreme court'],
  ['white residence', 'White House'],
  ['globe war', 'world war'],
  ['planet cup', 'World Cup'],
  ['social networking press', 'social media'],
  ['interpersonal media', 'social media'],
  ['wellness care', 'health care'],
  ['nursing residence', 'nursing home'],
  ['cellular phone organization', 'mobile phone company'],
  ['rate of interest increase', 'interest rate rise'],
  ['curiosity rates', 'interest rates'],
  ['fascination rates', 'interest rates'],
  ['central lender', 'central bank'],
  ['chilly war', 'cold war'],
  ['elected representatives members', 'members of parliament'],
];

let pattern: RegExp | null = null;
const byPhrase = new Map(TORTURED.map(([f, o]) => [f, o]));

/** [start, end, found, usual] of each tortured phrase in the text. */
export function findTortured(text: string): [number, number, string, string][] {
  pattern ??= new RegExp(`\\b(${TORTURED.map(([f]) => f.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
  const out: [number, number, string, string][] = [];
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) out.push([m.index, m.index + m[0].length, m[0], byPhrase.get(m[0].toLowerCase().replace(/\s+/g, ' ')) ?? '']);
  return out;
}
