// How rare a content stem is in news: inverse document frequency over the odd half of the BBC corpus
// (data/coherence/df.txt.gz, built by scripts/coherence/build-df.ts). Sharing "striker" or "tariff" with the
// article ties a sentence to it; sharing "people" or "government" hardly does.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

interface Table {
  docs: number;
  df: Map<string, number>;
}

let loaded: Table | null = null;

function table(): Table {
  if (loaded) return loaded;
  const text = gunzipSync(readFileSync(new URL('../../../data/coherence/df.txt.gz', import.meta.url))).toString('utf8');
  const lines = text.split('\n');
  const df = new Map<string, number>();
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const sp = line.indexOf(' ');
    if (sp > 0) df.set(line.slice(0, sp), Number(line.slice(sp + 1)));
  }
  loaded = { docs: Number(lines[0]) || 1, df };
  return loaded;
}

/** log((N + 1) / (df + 1)): 0 for a stem in every article; stems the table lacks (df < 2) count as df 1. */
export function idf(stem: string): number {
  const t = table();
  return Math.log((t.docs + 1) / ((t.df.get(stem) ?? 1) + 1));
}

/** The largest idf (a stem seen in no article): scales weighted counts to "rare words". */
export function maxIdf(): number {
  const t = table();
  return Math.log((t.docs + 1) / 2);
}
