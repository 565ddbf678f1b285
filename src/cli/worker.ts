import { UserError } from '../model/errors.js';
import { DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
import { redact } from '../queue/connection.js';
import { QueueWorker } from '../queue/worker.js';
import { intOption, parse, stringOption } from './args.js';

export const WORKER_HELP = `Usage: unspun worker --queue redis://HOST:PORT[/DB] --db postgres://... [options]

Takes jobs off the queue that "unspun index --queue" and "unspun analyze --queue" fill: documents are
indexed into --db the way "unspun index" does it (in batches, idempotent: a document indexed twice is
stored once), articles analyzed against it. Run any number of workers, on any machines, one per core.
A job whose index write fails is retried with exponential backoff; a document that cannot be indexed goes
to the failed set with its reason ("unspun queue failed"). SIGTERM or SIGINT: the worker takes no more
jobs, finishes those in hand (or hands them back to the queue) and exits 0.

Options:
  --queue URL         the Redis that holds the queue (default: $UNSPUN_QUEUE)
  --db FILE|URL       the index (default: $UNSPUN_DB); PostgreSQL for several workers
  --concurrency N     threads preparing documents in this worker (default 1)
  --batch N           documents per write transaction (default 64)
  --lock-ms MS        how long a job stays locked to a worker that stopped answering, before another
                      takes it (default 30000)
  --time-budget MS    time one document may take (default: ${DEFAULT_TIME_BUDGET_MS})
  -h, --help          show this help

Exit codes: 0 stopped cleanly, 2 bad usage or an unreachable index.`;

export async function workerCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      queue: { type: 'string' },
      db: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      'lock-ms': { type: 'string' },
      'time-budget': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'worker',
  );
  if (values.help) {
    process.stdout.write(WORKER_HELP + '\n');
    return 0;
  }
  if (positionals.length) throw new UserError(`worker: unexpected argument "${positionals[0]}" (see unspun worker --help)`);
  const queue = stringOption(values.queue) ?? process.env.UNSPUN_QUEUE;
  const db = stringOption(values.db) ?? process.env.UNSPUN_DB;
  if (!queue) throw new UserError('worker: no --queue given (redis://host:port)');
  if (!db) throw new UserError('worker: no --db given (the index to write into)');
  const log = (s: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);
  const w = await QueueWorker.start({
    queue,
    db,
    concurrency: intOption(values.concurrency, 'concurrency', 1),
    batch: intOption(values.batch, 'batch', 64),
    lockMs: intOption(values['lock-ms'], 'lock-ms', 30_000),
    timeBudgetMs: intOption(values['time-budget'], 'time-budget', DEFAULT_TIME_BUDGET_MS),
    log,
  });
  log(`worker ${process.pid} on ${redact(queue)}, indexing into ${redact(db)}`);
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      log(`${sig}: finishing the jobs in hand`);
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await w.close();
  const c = w.counts;
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  log(`stopped: ${c.added} added, ${c.unchanged} unchanged, ${c.failed} failed, ${c.retried} to retry, ${c.analyzed} analyzed; peak RSS ${peak} MB`);
  return 0;
}
