/**
 * Checks the hand-annotated entity gold set (bench/annotations/entities/*.json) against the PolNeAR texts in
 * ../shared/data/bench/polnear. Prints counts only, never article text.
 *
 *   npx tsx bench/annotations/entities/check.ts [POLNEAR_DIR]
 *
 * Exit code 0 when every file passes, 1 otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type GoldType = (typeof ENTITY_TYPES)[number];
export interface GoldEntity {
  start: number;
  end: number;
  type: GoldType;
}
export interface GoldFile {
  file: string;
  sha256: string;
  split: 'dev' | 'test';
  entities: GoldEntity[];
}

export const ANNOTATIONS_DIR = dirname(fileURLToPath(import.meta.url));
/** Default location of the PolNeAR data: ../shared/data/bench/polnear next to the project root. */
export const DEFAULT_POLNEAR_DIR = resolve(ANNOTATIONS_DIR, '../../../../shared/data/bench/polnear');

export interface FileCheck {
  /** annotation file name, e.g. nyt_2016-05-18_x.json */
  name: string;
  split: string | null;
  counts: Record<GoldType, number>;
  problems: string[];
}

const ALLOWED_KEYS = ['file', 'sha256', 'split', 'entities'];
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The annotation file names (sorted), excluding anything that is not an annotation. */
export function listAnnotationFiles(dir = ANNOTATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Loads and parses an annotation file; throws on invalid JSON. */
export function loadGold(name: string, dir = ANNOTATIONS_DIR): GoldFile {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as GoldFile;
}

/** Every check on one annotation file. `bytes` are the article file's bytes, or null when the data is absent. */
export function checkGold(name: string, gold: unknown, bytes: Buffer | null): FileCheck {
  const problems: string[] = [];
  const counts: Record<GoldType, number> = { person: 0, organization: 0, place: 0 };
  const g = gold as Partial<GoldFile> & Record<string, unknown>;
  if (typeof g !== 'object' || g === null) return { name, split: null, counts, problems: ['not a JSON object'] };
  const extra = Object.keys(g).filter((k) => !ALLOWED_KEYS.includes(k));
  // Only offsets and types may be stored: any other field could carry third-party text.
  if (extra.length) problems.push(`unexpected keys: ${extra.join(', ')}`);
  if (typeof g.file !== 'string' || !/^train\/text\/[^/]+\.txt$/.test(g.file)) problems.push('bad "file"');
  else if (basename(g.file, '.txt') + '.json' !== name) problems.push('"file" does not match the annotation file name');
  if (typeof g.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(g.sha256)) problems.push('bad "sha256"');
  if (g.split !== 'dev' && g.split !== 'test') problems.push('bad "split"');
  if (!Array.isArray(g.entities)) return { name, split: null, counts, problems: [...problems, '"entities" is not an array'] };

  let text: string | null = null;
  if (bytes) {
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== g.sha256) problems.push('sha256 mismatch: the text changed since it was annotated');
    text = bytes.toString('utf8');
  }
  let prevEnd = -1;
  g.entities.forEach((e: unknown, i: number) => {
    const m = e as Partial<GoldEntity> & Record<string, unknown>;
    const where = `entity #${i}`;
    const keys = Object.keys(m ?? {});
    if (keys.some((k) => !['start', 'end', 'type'].includes(k))) problems.push(`${where}: unexpected keys`);
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end) || (m.start as number) < 0 || (m.end as number) <= (m.start as number)) {
      problems.push(`${where}: bad offsets`);
      return;
    }
    const start = m.start as number;
    const end = m.end as number;
    if (!ENTITY_TYPES.includes(m.type as GoldType)) problems.push(`${where}: bad type`);
    else counts[m.type as GoldType]++;
    if (start < prevEnd) problems.push(`${where}: overlaps or is out of order`);
    prevEnd = Math.max(prevEnd, end);
    if (text !== null) {
      if (end > text.length) {
        problems.push(`${where}: out of range`);
        return;
      }
      const span = text.slice(start, end);
      if (span.trim() !== span) problems.push(`${where}: starts or ends with whitespace`);
      // Spans are whole names: "Kim Jong-un", never "Kim Jong-" or "im".
      if (isWordChar(text[start - 1]) || isWordChar(text[end])) problems.push(`${where}: cuts a word`);
      if (!/[\p{Lu}\p{N}]/u.test(span[0] ?? '') && !/^[\p{Ll}]+\.[a-z]{2,}$/u.test(span)) {
        // Names start with a capital; the only lowercase names allowed are web domains ("gunshop.com").
        problems.push(`${where}: does not start with a capital letter`);
      }
    }
  });
  return { name, split: typeof g.split === 'string' ? g.split : null, counts, problems };
}

/** Checks every annotation file; `missingData` is true when the PolNeAR folder is absent (texts unchecked). */
export function checkAll(polnearDir = DEFAULT_POLNEAR_DIR, dir = ANNOTATIONS_DIR): { files: FileCheck[]; missingData: boolean } {
  const missingData = !existsSync(polnearDir);
  const files = listAnnotationFiles(dir).map((name) => {
    let gold: unknown;
    try {
      gold = loadGold(name, dir);
    } catch {
      return { name, split: null, counts: { person: 0, organization: 0, place: 0 }, problems: ['invalid JSON'] };
    }
    const rel = (gold as Partial<GoldFile>).file;
    let bytes: Buffer | null = null;
    if (!missingData && typeof rel === 'string') {
      const p = join(polnearDir, rel);
      if (existsSync(p)) bytes = readFileSync(p);
      else return { name, split: null, counts: { person: 0, organization: 0, place: 0 }, problems: ['text file not found'] };
    }
    return checkGold(name, gold, bytes);
  });
  return { files, missingData };
}

function main(): void {
  const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_POLNEAR_DIR;
  const { files, missingData } = checkAll(dir);
  if (missingData) console.log(`note: ${dir} not found; texts and sha256 not checked`);
  const bySplit = new Map<string, { files: number; person: number; organization: number; place: number }>();
  let bad = 0;
  for (const f of files) {
    const s = bySplit.get(f.split ?? '?') ?? { files: 0, person: 0, organization: 0, place: 0 };
    s.files++;
    for (const t of ENTITY_TYPES) s[t] += f.counts[t];
    bySplit.set(f.split ?? '?', s);
    if (f.problems.length) {
      bad++;
      for (const p of f.problems.slice(0, 5)) console.log(`${f.name}: ${p}`);
      if (f.problems.length > 5) console.log(`${f.name}: ... and ${f.problems.length - 5} more`);
    }
  }
  console.log('split  files  person  organization  place  total');
  for (const [split, s] of [...bySplit].sort()) {
    const total = s.person + s.organization + s.place;
    console.log(`${split.padEnd(5)}  ${String(s.files).padStart(5)}  ${String(s.person).padStart(6)}  ${String(s.organization).padStart(12)}  ${String(s.place).padStart(5)}  ${String(total).padStart(5)}`);
  }
  console.log(bad ? `${bad} file(s) with problems` : `all ${files.length} files pass`);
  process.exitCode = bad ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
