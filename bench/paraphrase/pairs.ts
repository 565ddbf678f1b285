// Sentence pairs for fitting and checking the meaning tier (src/reuse/meaning.ts). Third-party text is read
// from where it lies (the MSRP train split in a cache folder outside the repository; ../shared/data), never
// copied into the project.
//
// - MSRP train (Microsoft Research Paraphrase Corpus, train split only; the test split is the unseen
//   check and is never read here): `msr_paraphrase_train.txt` in $MSRP_DIR (default /work/cache/msrp), fetched
//   once from a public mirror (e.g. github:wasiahmad/paraphrase_identification,
//   dataset/msr-paraphrase-corpus/msr_paraphrase_train.txt). Halves: pair ordinal even = fit, odd = held out.
// - Same-event hard negatives (ECB+, ../shared/data/corpora/same-event): events with an even number (t02, t04,
//   ...) = fit, odd = report only.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DATA } from '../lib/data.js';

export const MSRP_DIR = process.env.MSRP_DIR ?? '/work/cache/msrp';

export interface Pair {
  a: string;
  b: string;
  label: 0 | 1;
}

export function msrpTrain(): { fit: Pair[]; held: Pair[] } {
  const file = path.join(MSRP_DIR, 'msr_paraphrase_train.txt');
  if (!existsSync(file)) throw new Error(`${file} is missing: fetch the MSRP train split there (see bench/paraphrase/pairs.ts)`);
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1).filter(Boolean);
  const fit: Pair[] = [];
  const held: Pair[] = [];
  lines.forEach((l, k) => {
    const [q, , , a, b] = l.split('\t');
    (k % 2 === 0 ? fit : held).push({ a, b, label: q === '1' ? 1 : 0 });
  });
  return { fit, held };
}

export interface EventDoc {
  event: string;
  file: string;
  outlet: string;
  /** Body sentences (the file's lines after the headline; one sentence per line). */
  sentences: string[];
}

export function sameEvents(): { fit: EventDoc[][]; report: EventDoc[][] } {
  const root = path.join(DATA, 'corpora/same-event');
  const fit: EventDoc[][] = [];
  const report: EventDoc[][] = [];
  for (const event of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const docs = readdirSync(path.join(root, event))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((file) => {
        const lines = readFileSync(path.join(root, event, file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
        return { event, file, outlet: file.replace(/\.txt$/, ''), sentences: lines.slice(1) };
      });
    (Number(/^t(\d+)/.exec(event)?.[1]) % 2 === 0 ? fit : report).push(docs);
  }
  return { fit, report };
}
