import { DEFAULT_INGEST, readInputs, type IngestOptions } from '../ingest/index.js';
import { redact } from '../queue/connection.js';
import { DEFAULT_ATTEMPTS } from '../queue/jobs.js';
import { enqueueIndex, waitForRun } from '../queue/produce.js';
import type { Article } from '../model/document.js';
import { UserError } from '../model/errors.js';
import { indexArticles, type IndexProgress } from '../reuse/index.js';
import { openStore } from '../store/index.js';
import { DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
import { intOption, parse, stringOption } from './args.js';
import { fmtBytes, ProgressLine } from './progress.js';

export const INDEX_HELP = `Usage: unspun index <file | dir | file.jsonl[.gz] | file.warc[.gz] | url | ->... [options]

Adds documents to an index that "unspun analyze --db" traces reuse against. Ids are the JSONL "id", or the
path relative to the folder given, or a WARC response's target URI. Big JSONL and WARC files (gzipped or
not) are streamed in constant memory. Re-indexing is idempotent: unchanged documents are skipped, a changed
document replaces the old one. Work is committed in batches: an interrupted run loses nothing committed,
and running it again completes the rest.

Options:
  --db FILE|URL    the index: a SQLite file or a postgres:// URL (default: $UNSPUN_DB, or unspun.db in
                   the current folder)
  --workers N      worker threads for parsing and fingerprinting (default: one per core)
  --stats          print the index's counts and size (with no path: only that)
  --progress       report progress on stderr even when it is not a terminal (a line every 2 s)
  --queue URL      do not index here: add the documents as jobs to the queue at redis://HOST:PORT[/DB]
                   for "unspun worker" processes (see unspun worker --help)
  --wait           with --queue: wait until the workers have done every document of this run
  --attempts N     with --queue: attempts per document before it goes to the failed set (default ${DEFAULT_ATTEMPTS};
                   retried with exponential backoff from 1 s)
  --max-bytes N    largest accepted document (default: ${DEFAULT_INGEST.maxBytes})
  --time-budget MS time one document may take to prepare; past it the document is skipped as failed and
                   the run goes on (default: ${DEFAULT_TIME_BUDGET_MS}; not enforced with --workers 0)
  -h, --help       show this help

A document that cannot be read or prepared does not stop the run: what could be indexed is committed, and
the failures are counted at the end with the first reasons.

Exit codes: 0 done, 2 bad input or usage (some documents could not be read or indexed).`;

/** `unspun index --queue`: the documents become jobs for `unspun worker`. */
async function enqueueCommand(inputs: string[], url: string, o: IngestOptions & { attempts: number; wait: boolean; progress: ProgressLine }): Promise<number> {
  if (!inputs.length) throw new UserError('index: no input given (see unspun index --help)');
  const log = (s: string) => {
    o.progress.clear();
    process.stderr.write(s + '\n');
  };
  const t0 = performance.now();
  const r = await enqueueIndex(readInputs(inputs, o), url, { attempts: o.attempts, log, onProgress: (n) => o.progress.update(`enqueued: ${n} documents`) });
  try {
    o.progress.clear();
    process.stderr.write(`enqueued ${r.enqueued} documents in ${((performance.now() - t0) / 1000).toFixed(1)}s → ${redact(url)} (run ${r.run})${r.unreadable ? `, ${r.unreadable} unreadable (in the failed set)` : ''}\n`);
    if (!o.wait) return r.unreadable ? 2 : 0;
    const c = await waitForRun(r.queue, url, r.run, r.epoch, r.enqueued, (c) => o.progress.update(`indexed: ${c.added + c.unchanged + c.failed} of ${c.enqueued}, ${c.added} added, ${c.unchanged} unchanged, ${c.failed} failed`));
    o.progress.clear();
    process.stderr.write(`run ${r.run} done in ${((performance.now() - t0) / 1000).toFixed(1)}s: ${c.added} added, ${c.unchanged} unchanged, ${c.failed} failed (see unspun queue failed)\n`);
    return c.failed ? 2 : 0;
  } finally {
    await r.queue.close().catch(() => {});
  }
}

export function defaultDb(): string {
  return process.env.UNSPUN_DB || 'unspun.db';
}


function fmtTime(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

export async function indexCommand(argv: string[], _io: { stdin: NodeJS.ReadableStream; isTTY: boolean }): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      workers: { type: 'string' },
      stats: { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      'time-budget': { type: 'string' },
      progress: { type: 'boolean', default: false },
      queue: { type: 'string' },
      wait: { type: 'boolean', default: false },
      attempts: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'index',
  );
  if (values.help) {
    process.stdout.write(INDEX_HELP + '\n');
    return 0;
  }
  if (!positionals.length && !values.stats) throw new UserError('index: no input given (see unspun index --help)');
  const db = stringOption(values.db) ?? defaultDb();
  const workers = values.workers === '0' ? 0 : intOption(values.workers, 'workers', Math.max(1, (await import('node:os')).availableParallelism()));
  const tty = Boolean(process.stderr.isTTY);
  const progress = new ProgressLine(tty, values.progress as boolean);
  const ingest = { ...DEFAULT_INGEST, maxBytes: intOption(values['max-bytes'], 'max-bytes', DEFAULT_INGEST.maxBytes), onRead: progress.onRead };
  const timeBudgetMs = intOption(values['time-budget'], 'time-budget', DEFAULT_TIME_BUDGET_MS);
  const queue = stringOption(values.queue);
  if (queue) return enqueueCommand(positionals, queue, { ...ingest, attempts: intOption(values.attempts, 'attempts', DEFAULT_ATTEMPTS), wait: values.wait as boolean, progress });
  if (values.wait || values.attempts) throw new UserError('index: --wait and --attempts go with --queue');
  const store = await openStore(db, { create: positionals.length > 0 });
  let unreadable = 0;
  let failedToIndex = 0;
  try {
    // One index run per file at a time: a second one would add the same documents again.
    if (positionals.length) await store.claim?.();
    if (positionals.length) {
      // Documents that cannot be read are reported one line each and counted as failed.
      async function* articles(): AsyncGenerator<Article> {
        for await (const item of readInputs(positionals, ingest)) {
          if (item.ok) yield item.article;
          else {
            unreadable++;
            progress.clear();
            process.stderr.write(`unspun: ${item.message}\n`);
          }
        }
      }
      const t0 = performance.now();
      const bar = (p: IndexProgress) => {
        const secs = (performance.now() - t0) / 1000;
        const rate = p.done / Math.max(secs, 1e-3);
        progress.update(`indexing: ${p.done} documents, ${Math.round(rate)}/s, ${p.added} added, ${p.unchanged} unchanged${p.failed ? `, ${p.failed} failed` : ''}, ${fmtTime(secs)}`);
      };
      const r = await indexArticles(store, articles(), { workers, timeBudgetMs, onProgress: (p) => bar(p) });
      const secs = (performance.now() - t0) / 1000;
      progress.clear();
      const failed = r.failed + unreadable;
      const total = r.added + r.unchanged + failed;
      process.stderr.write(
        `indexed ${total} documents in ${secs.toFixed(1)}s (${Math.round(total / Math.max(secs, 1e-3))}/s): ${r.added} added, ${r.unchanged} unchanged, ${failed} failed → ${store.location}\n`,
      );
      // The unreadable ones were named as they came; those that failed inside indexing are named here.
      failedToIndex = r.failed;
      if (r.failed > 0) {
        const shown = r.failures.slice(0, 5);
        process.stderr.write(`unspun: ${r.failed} document${r.failed > 1 ? 's' : ''} could not be indexed:\n`);
        for (const f of shown) process.stderr.write(`  ${f.id}: ${f.reason}\n`);
        if (r.failed > shown.length) process.stderr.write(`  ... and ${r.failed - shown.length} more\n`);
      }
    }
    if (values.stats) {
      const s = await store.stats();
      process.stdout.write(
        `${store.location}: ${s.estimated ? 'about ' : ''}${s.documents} documents, ${s.sentences} sentences, ${s.postings} postings, ${fmtBytes(s.bytes)} (${s.documents ? fmtBytes(Math.round(s.bytes / s.documents)) : '0 B'} per document)\n`,
      );
    }
  } finally {
    await store.close();
  }
  return unreadable > 0 || failedToIndex > 0 ? 2 : 0;
}
