import { createRequire } from 'node:module';
import { UserError } from '../model/errors.js';
import { ANALYZE_HELP, analyzeCommand } from './analyze.js';
import { DUPES_HELP, dupesCommand } from './dupes.js';
import { INDEX_HELP, indexCommand } from './index-command.js';
import { SERVE_HELP, serveCommand } from './serve.js';
import { QUEUE_HELP, queueCommand } from './queue.js';
import { WORKER_HELP, workerCommand } from './worker.js';

const HELP = `unspun — forensic analyzer for news articles

Usage: unspun <command> [options]

Commands:
  analyze <input>...   report where an article's text came from, how it was altered, whether it holds together
  index <path>...      add documents to an index for tracing reuse
  dupes                list clusters of near-duplicate documents in an index
  serve                serve the web page and the JSON API
  worker               index and analyze the documents queued with --queue (BullMQ on Redis)
  queue <status|failed|retry>  what the queue holds, what failed and why, and retrying it

Run "unspun <command> --help" for a command's options.
Exit codes: 0 done, 1 a finding at error severity, 2 bad input or usage, 3 internal error.`;

export interface Io {
  stdin: NodeJS.ReadableStream;
  isTTY: boolean;
}

type Command = { help: string; run: (argv: string[], io: Io) => Promise<number> };

/** Commands by name. Adding one is one line here. */
export const commands: Record<string, Command> = {
  analyze: { help: ANALYZE_HELP, run: analyzeCommand },
  index: { help: INDEX_HELP, run: indexCommand },
  dupes: { help: DUPES_HELP, run: dupesCommand },
  serve: { help: SERVE_HELP, run: serveCommand },
  worker: { help: WORKER_HELP, run: workerCommand },
  queue: { help: QUEUE_HELP, run: queueCommand },
};

export async function main(argv: string[], io: Io = { stdin: process.stdin, isTTY: Boolean(process.stdout.isTTY) }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    const pkg = createRequire(import.meta.url)('../../package.json') as { version: string };
    process.stdout.write(pkg.version + '\n');
    return 0;
  }
  const command = commands[name];
  if (!command) throw new UserError(`unknown command "${name}" (see unspun --help)`);
  return command.run(rest, io);
}

/** User errors: one line, exit 2. Anything else is a bug: stack trace, exit 3. */
export function handleError(e: unknown): void {
  if (e instanceof UserError) {
    process.stderr.write(`unspun: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`unspun: internal error\n${(e as Error)?.stack ?? String(e)}\n`);
    process.exitCode = 3;
  }
}
