/**
 * The ingest paths `npm run bench:scale` compares on one generated corpus (a JSONL file). Each is a real
 * command a user runs; the benchmark times it from start to the last commit. Another path (the BullMQ queue
 * with N `unspun worker` processes) is one more entry here: enqueue the same JSONL, start the workers, resolve
 * when the queue is drained, so that its figures land in the same table.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUEUE_INGESTERS } from './queue.js';

export interface IngestContext {
  /** The corpus: one {id, text} object per line. */
  corpus: string;
  /** The index to fill: a SQLite file path or a postgres:// URL (a new, empty schema). */
  db: string;
  /** Worker threads (or processes) for preparing documents: one per core. */
  workers: number;
}

export interface Ingester {
  /** Shown in the table, e.g. "PostgreSQL, unspun index (1 writer)". */
  name: string;
  store: 'sqlite' | 'postgres';
  /** Writers to the index at once. */
  writers: number;
  /**
   * Resolves when every document is committed, with the peak RSS of the ingesting process(es) when known,
   * and the seconds of ingest when the path times itself (the queue leaves out starting its services).
   */
  run(ctx: IngestContext): Promise<{ peakRssMB?: number; secs?: number }>;
}

const BIN = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url));

const GNU_TIME = '/usr/bin/time';

/** Runs the real CLI (TypeScript through tsx), under GNU time for its peak RSS when the machine has it. */
export function unspun(args: string[], env: Record<string, string> = {}): Promise<{ peakRssMB?: number }> {
  const node = [process.execPath, '--import', 'tsx', BIN, ...args];
  const withTime = existsSync(GNU_TIME);
  const [cmd, ...argv] = withTime ? [GNU_TIME, '-f', 'peak-rss-kb %M', ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /peak-rss-kb (\d+)\s*$/.exec(err);
      if (code === 0) resolve({ peakRssMB: m ? Number(m[1]) / 1024 : undefined });
      else reject(new Error(`unspun ${args[0]} exited with ${code}: ${err.trim().split('\n').filter((l) => !l.startsWith('peak-rss-kb')).pop()}`));
    });
  });
}

export const INGESTERS: Ingester[] = [
  {
    name: 'SQLite, unspun index (1 writer)',
    store: 'sqlite',
    writers: 1,
    run: (c) => unspun(['index', c.corpus, '--db', c.db, '--workers', String(c.workers)]),
  },
  {
    name: 'PostgreSQL, unspun index (1 writer)',
    store: 'postgres',
    writers: 1,
    run: (c) => unspun(['index', c.corpus, '--db', c.db, '--workers', String(c.workers)]),
  },
];

// The queue's rows (bench/scale/queue.ts): 1 and 2 `unspun worker` processes into PostgreSQL.
INGESTERS.push(...QUEUE_INGESTERS);
