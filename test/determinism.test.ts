import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model/document.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import { nlp } from '../src/text/nlp.js';

// Fictional articles written for this test: possessives at sentence ends and mid-sentence (wink-nlp once
// cached "Brandt's." whole and split "Brandt's plan" differently afterwards), quotes, times, names.
const OWN: [string, string][] = [
  ['own/harbour', 'Mayor Clara Brandt defended the harbour plan on Monday. "It pays for itself," Brandt said. The critics called it Brandt\'s.\n\nThe council will vote next week.'],
  ['own/brandt', "Brandt's plan failed on Tuesday. Officials said Brandt's deputy, Ann Lee, would present a new budget in March.\n\nLee told reporters the city's ferries were safe."],
  ['own/ferry', 'The Port Ellery ferry resumed service at 3 p.m. Wednesday after a two-day strike. The union\'s leader, Tom Okafor, said members had won "a fair deal".\n\nOkafor\'s. Okafor\'s members voted 212 to 40.'],
  ['own/mills', "Greyhaven's mills reopened. The owner's son said the mills' orders doubled last year, and that Greyhaven's workers would get a raise in 2027."],
  ['own/odd', 'Contact press@dunmore-council.example for details.\n\nhttps://dunmore.example/news/2026/11/harbour-plan-vote?ref=front&utm=mail was shared widely. U.S. officials declined to comment.'],
];

// PolNeAR texts (read from ../shared, never copied): a few that changed with document order before the fix,
// and a few spread over the outlets.
const POLNEAR = [
  'huff-post_2016-06-08_chuck-grassley-compares-trump-s-.txt',
  'huff-post_2015-12-20_hillary-clinton-s-claim-that-don.txt',
  'breitbart_2016-05-18_trump-s-investments-include-comp.txt',
  'breitbart_2016-08-15_biden-stumping-for-clinton-trash.txt',
];

function polnear(spread: number): [string, string][] {
  const dir = new URL('../../shared/data/bench/polnear/train/text/', import.meta.url);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const picked = [...POLNEAR.filter((f) => files.includes(f)), ...files.filter((_, i) => i % Math.floor(files.length / spread) === 0).slice(0, spread)];
  return [...new Set(picked)].map((f) => [`polnear/${f}`, readFileSync(new URL(f, dir), 'utf8')]);
}

const article = ([id, text]: [string, string]): Article => ({
  id,
  kind: 'text',
  origin: id,
  text,
  title: null,
  byline: null,
  published: '2026-11-30',
  url: null,
});

async function reports(docs: [string, string][]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of docs) out.set(d[0], JSON.stringify(buildReport(await analyzeArticle(article(d)))));
  return out;
}

describe('determinism: a report does not depend on what was analyzed before it', () => {
  it('tokenizes a possessive the same way before and after wink-nlp has read it whole', () => {
    const its = nlp().its;
    const tokens = (s: string) => nlp().readDoc(s).tokens().out(its.value);
    const fresh = tokens("Okafor's plan failed.");
    tokens("The plan was Okafor's. Okafor's, he said.");
    expect(tokens("Okafor's plan failed.")).toEqual(fresh);
  });

  it('gives byte-identical reports for a set of documents analyzed in two orders in one process', async () => {
    const docs = [...OWN, ...polnear(3)];
    expect(docs.length).toBeGreaterThanOrEqual(OWN.length);
    const forward = await reports(docs);
    const backward = await reports([...docs].reverse());
    // The parts that differ first (short messages), then the whole reports byte for byte.
    const differing = (a: string, b: string) => {
      const x = JSON.parse(a) as Record<string, unknown>;
      const y = JSON.parse(b) as Record<string, unknown>;
      return Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
    };
    for (const [id] of docs) expect(differing(forward.get(id)!, backward.get(id)!), id).toEqual([]);
    for (const [id] of docs) expect(backward.get(id) === forward.get(id), id).toBe(true);
  });
});
