// Generated (not written) articles for volume tests: sentences drawn from a small fictional vocabulary
// with a seeded generator, so every run builds the same corpus.
const SUBJECTS = 'the council|the harbour authority|a local trader|the mayor of Greyhaven|the ferry company|the union|a shipyard in Portwell|the regional bank|the orchard cooperative|the transport minister|a glassworks owner|the county court'.split('|');
const VERBS = 'approved|rejected|delayed|announced|questioned|funded|criticised|welcomed|reviewed|postponed|extended|cancelled'.split('|');
const OBJECTS = 'a new bridge|the budget for roads|plans for a tram line|the sale of the old pier|a tax on fishing boats|wage talks|the rescue of the mill|a loan for farmers|the harbour dredging|the museum extension|the river barrier|night ferries'.split('|');
const TAILS = 'on Monday|after a long debate|despite protests|by a narrow vote|for the third time|without explanation|in a brief statement|before the election|at a packed meeting|in the spring'.split('|');
const NAMES = 'Arden|Vell|Tarn|Ostrena|Marlow|Kaldor|Brisk|Holm|Quarry|Fenwick|Lusk|Dray|Orme|Pell|Sorrel|Wick'.split('|');

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

export function generatedArticle(seed: number, sentences: number): string {
  const r = rng(seed * 7919 + 13);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const n = Math.floor(r() * 9000) + 100;
    const s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} worth ${n} crowns in ${pick(NAMES)} ${pick(TAILS)}, said ${pick(NAMES)} ${pick(NAMES)}son.`;
    out.push(s[0].toUpperCase() + s.slice(1));
  }
  return out.join(' ');
}
