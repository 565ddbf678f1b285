import { UserError } from '../model/errors.js';
import { failedJobs, queueStatus, redact, retryFailed } from '../queue/status.js';
import { intOption, parse, stringOption } from './args.js';

export const QUEUE_HELP = `Usage: unspun queue <status | failed | retry> --queue redis://HOST:PORT[/DB] [options]

  status    jobs waiting, active, delayed (waiting to be retried), done and failed, with rates per minute
            and the number of workers, for the index and the analysis queues
  failed    the failed jobs, with the document and the reason (--limit N, default 50)
  retry     puts every failed job back in its queue

Options:
  --queue URL   the Redis that holds the queue (default: $UNSPUN_QUEUE)
  --json        status and failed as JSON
  -h, --help    show this help

Exit codes: 0 done, 2 bad usage or Redis unreachable.`;

export async function queueCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      queue: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'queue',
  );
  if (values.help) {
    process.stdout.write(QUEUE_HELP + '\n');
    return 0;
  }
  const [sub, ...rest] = positionals;
  if (!sub) throw new UserError('queue: say status, failed or retry (see unspun queue --help)');
  if (rest.length) throw new UserError(`queue: unexpected argument "${rest[0]}"`);
  const url = stringOption(values.queue) ?? process.env.UNSPUN_QUEUE;
  if (!url) throw new UserError('queue: no --queue given (redis://host:port)');
  const out = (s: string) => process.stdout.write(s + '\n');
  if (sub === 'status') {
    const s = await queueStatus(url);
    if (values.json) out(JSON.stringify(s));
    else {
      out(`${redact(url)}:`);
      for (const q of s.queues) {
        out(
          `  ${q.queue}: ${q.waiting} waiting, ${q.active} active, ${q.delayed} delayed, ${q.done} done, ${q.failed} failed; ` +
            `${q.perMinute.last}/min done in the last minute (${q.perMinute.avg15.toFixed(1)}/min over 15), ` +
            `${q.failedPerMinute.last}/min failed; ${q.workers} worker${q.workers === 1 ? '' : 's'}`,
        );
      }
      for (const w of s.warnings) out(`  warning: ${w}`);
    }
    return 0;
  }
  if (sub === 'failed') {
    const { jobs, total } = await failedJobs(url, intOption(values.limit, 'limit', 50));
    if (values.json) out(JSON.stringify({ total, jobs }));
    else {
      out(`${total} failed job${total === 1 ? '' : 's'}${jobs.length < total ? ` (the first ${jobs.length})` : ''}`);
      for (const j of jobs) out(`  ${j.queue} #${j.job} ${j.doc} (${j.attempts} attempt${j.attempts === 1 ? '' : 's'}): ${j.reason}`);
    }
    return 0;
  }
  if (sub === 'retry') {
    const n = await retryFailed(url);
    out(`${n} failed job${n === 1 ? '' : 's'} put back in the queue`);
    return 0;
  }
  throw new UserError(`queue: unknown subcommand "${sub}" (status, failed or retry)`);
}
