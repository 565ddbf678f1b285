// Where the queue lives: a redis:// URL, BullMQ's queues on it, and the epoch that tells a run whether
// Redis kept its data (a Redis restarted without persistence comes back empty).
import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions, type RedisClient, type RedisOptions } from 'bullmq';
import { UserError } from '../model/errors.js';

export type { RedisClient };

/** Documents to add to an index (unspun index --queue). */
export const INDEX_QUEUE = 'unspun-index';
/** Articles to analyze (unspun analyze --queue). */
export const ANALYZE_QUEUE = 'unspun-analyze';
const EPOCH_KEY = 'unspun:epoch';

/** A URL with its password hidden, for messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/**
 * Connection options from a redis:// URL. `oneShot` (the CLI's enqueue, status, retry): commands fail after
 * a few reconnect attempts instead of waiting for ever, so a run never hangs on a Redis that is down.
 */
export function connection(url: string, oneShot = false): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UserError(`--queue ${url}: not a URL (redis://host:port[/db])`);
  }
  if (u.protocol !== 'redis:') throw new UserError(`--queue ${redact(url)}: not a redis:// URL`);
  const db = u.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new UserError(`--queue ${redact(url)}: the database must be a number (redis://host:port/0)`);
  const opts: RedisOptions = {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    db: db ? Number(db) : 0,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    connectTimeout: 5000,
  };
  if (oneShot) {
    opts.maxRetriesPerRequest = 3;
    opts.retryStrategy = (times) => (times > 3 ? null : 300 * times);
  }
  return opts as ConnectionOptions;
}

/** The raw Redis client under a queue (for the few keys unspun keeps beside BullMQ's). */
export async function rawClient(q: Queue): Promise<RedisClient> {
  return (await q.backend.connection.client) as unknown as RedisClient;
}

/** A Queue whose first command proves Redis answers (one clear line when it does not). */
export async function openQueue(name: string, url: string): Promise<Queue> {
  const q = new Queue(name, { connection: connection(url, true) });
  q.on('error', () => {}); // reported by the command that failed
  try {
    await q.waitUntilReady();
  } catch (e) {
    await q.close().catch(() => {});
    throw new UserError(`cannot reach Redis at ${redact(url)} (${(e as Error).message.split('\n')[0]})`);
  }
  return q;
}

/**
 * The queue's epoch: a random value set once in Redis. Whoever remembers it and later reads another (or
 * none) knows that Redis lost its data in between: a restart without persistence, a FLUSHALL, an eviction.
 */
export async function epoch(q: Queue): Promise<string> {
  const c = await rawClient(q);
  await c.runCommand('set', [EPOCH_KEY, randomUUID(), 'NX']);
  return (await c.get(EPOCH_KEY)) ?? '';
}

/** The epoch as it is now, without setting one. */
export async function currentEpoch(q: Queue): Promise<string | null> {
  const c = await rawClient(q);
  return c.get(EPOCH_KEY);
}

/** Redis's own view of its durability, for warnings: persistence off or an evicting memory policy lose jobs. */
export async function durability(q: Queue): Promise<string[]> {
  const c = await rawClient(q);
  const info = await c.info();
  const field = (k: string) => new RegExp(`^${k}:(.*)$`, 'm').exec(info)?.[1]?.trim();
  const warnings: string[] = [];
  if (field('aof_enabled') !== '1') warnings.push('append-only file off (appendonly no): a restart of Redis loses the queued work');
  const policy = field('maxmemory_policy');
  if (policy && policy !== 'noeviction') warnings.push(`maxmemory-policy ${policy}: Redis may evict queued jobs (set noeviction)`);
  return warnings;
}

/** Per-run counters (HINCRBY by the workers), kept for a week. */
export const runKey = (run: string) => `unspun:run:${run}`;
