/**
 * Turns the annotator's working lists (one mention a line, in reading order: "P|O|L name", or "- name" to skip
 * an occurrence that is not a mention) into offset files here. The lists hold article text, so they live
 * outside the repository; only offsets and types are committed.
 *
 *   npx tsx bench/annotations/news-entities/from-lists.ts /work/cache/ner/blind
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DATA = path.resolve(process.cwd(), '../shared/data');
const HERE = path.resolve(process.cwd(), 'bench/annotations/news-entities');
const TYPES = { P: 'person', O: 'organization', L: 'place' } as const;
const lists = process.argv[2];
if (!lists) throw new Error('usage: from-lists.ts LIST_DIR');
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

for (const f of readdirSync(lists).filter((x) => x.endsWith('.txt')).sort()) {
  const [cat, num] = f.replace(/\.txt$/, '').split('_');
  const rel = `corpora/bbc/${cat}/${num}.txt`;
  const bytes = readFileSync(path.join(DATA, rel));
  const text = bytes.toString('utf8');
  const entities: { start: number; end: number; type: string }[] = [];
  let at = 0;
  for (const line of readFileSync(path.join(lists, f), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const tag = line[0];
    const name = line.slice(2);
    let i = text.indexOf(name, at);
    while (i >= 0 && (isWord(text[i - 1]) || isWord(text[i + name.length]))) i = text.indexOf(name, i + 1);
    if (i < 0) throw new Error(`${f}: "${line}" not found after offset ${at}`);
    at = i + name.length;
    if (tag === '-') continue;
    entities.push({ start: i, end: i + name.length, type: TYPES[tag as keyof typeof TYPES] });
  }
  const out = { file: rel, sha256: createHash('sha256').update(bytes).digest('hex'), split: 'test', entities };
  writeFileSync(path.join(HERE, `bbc_${cat}_${num}.json`), JSON.stringify(out) + '\n');
  console.log(f, entities.length);
}
