import { createWriteStream, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { Ingested } from '../ingest/index.js';
import { redact } from '../queue/connection.js';
import { DEFAULT_ATTEMPTS, type AnalyzeSetup } from '../queue/jobs.js';
import { analyzeOnQueue } from '../queue/produce.js';
import { DEFAULT_INGEST, isContainerFile, readInputs } from '../ingest/index.js';
import { readCapped } from '../ingest/read.js';
import { UserError } from '../model/errors.js';
import { parseConfig, type Config } from '../pipeline/config.js';
import { AnalysisRunner, DEFAULT_TIME_BUDGET_MS } from '../pipeline/runner.js';
import { SCHEMA_ID, type Report, type ReportError } from '../report/report.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import { renderPretty } from '../render/pretty.js';
import { openStore } from '../store/index.js';
import { normalizeDate } from '../text/dates.js';
import { intOption, parse, stringOption } from './args.js';
import { emit } from './output.js';
import { ProgressLine } from './progress.js';

export const ANALYZE_HELP = `Usage: unspun analyze <file | url | - | dir | file.jsonl[.gz] | file.warc[.gz]>... [options]

Analyzes articles: plain text (with an optional title/byline/date header), HTML, a URL, stdin ("-"),
every article in a folder, a JSON Lines file ({id, text | html, title?, byline?, published?, url?}) or a
WARC file's HTML responses (Common Crawl News), gzipped or not, streamed.

Options:
  --format pretty|json|html  report format (default: pretty)
  --out FILE                 write the report to FILE instead of stdout
  --db FILE|URL              trace reuse against this index, a SQLite file or a postgres:// URL (see unspun index)
  --published DATE           publication date to resolve times against (overrides the article's)
  --config FILE              JSON config: {"rules": {"<ruleId|family>": "off|info|warning|error"}, "analyzers": {"<name>": false}}
  --max-bytes N              largest accepted document (default: ${DEFAULT_INGEST.maxBytes})
  --timeout MS               URL fetch timeout (default: ${DEFAULT_INGEST.timeoutMs})
  --time-budget MS           time one document may take; past it the document becomes an error line and
                             the batch goes on (default: ${DEFAULT_TIME_BUDGET_MS})
  --allow-private            allow URLs on loopback, private and link-local addresses
  --queue URL                analyze on "unspun worker" processes through the queue at redis://HOST:PORT:
                             reports come back in input order as JSON Lines (--format json), traced against
                             the workers' --db
  --attempts N               with --queue: attempts per article (default ${DEFAULT_ATTEMPTS})
  --progress                 report how far big inputs (JSONL, WARC) have been read, a line every 2 s on stderr
  -h, --help                 show this help

A document that cannot be read or analyzed (over the time budget, or an internal error) becomes an
{"error": ...} line in a batch, with its reason on stderr, and the batch goes on.

Exit codes: 0 done, 1 a finding at error severity, 2 bad input or usage (a document failed), 3 internal error.`;

// A config is a few hundred bytes: reading stops past this ("--config /dev/zero" cannot fill memory).
const CONFIG_MAX_BYTES = 1 << 20;

async function loadConfig(file: string | undefined): Promise<Config> {
  if (!file) return {};
  let value: unknown;
  try {
    value = JSON.parse((await readCapped(file, CONFIG_MAX_BYTES)).toString('utf8'));
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`--config ${e.message.replace(/ \(see --max-bytes\)$/, '')}`);
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`--config ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code ? `cannot read (${code})` : 'not valid JSON'}`);
  }
  return parseConfig(value, { label: `--config ${file}` });
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `unspun analyze --queue`: the workers analyze, the reports come back in input order and are written as
 * JSON Lines as they come (to --out through a temporary file renamed at the end).
 */
async function analyzeQueued(items: AsyncIterable<Ingested>, url: string, setup: AnalyzeSetup, attempts: number, out: string | undefined): Promise<number> {
  const tmp = out ? path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`) : null;
  const sink = tmp ? createWriteStream(tmp) : process.stdout;
  let bad = 0;
  let errors = 0;
  let n = 0;
  try {
    for await (const entry of analyzeOnQueue(items, url, setup, { attempts, log: (s) => process.stderr.write(s + '\n') })) {
      n++;
      if ('error' in entry) {
        bad++;
        process.stderr.write(`unspun: ${entry.error.message}\n`);
      } else if (entry.findings.some((f) => f.severity === 'error')) errors++;
      if (!sink.write(JSON.stringify(entry) + '\n')) await once(sink, 'drain');
    }
    if (tmp && out) {
      await new Promise<void>((resolve, reject) => (sink as WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
      renameSync(tmp, out);
    }
  } catch (e) {
    if (tmp) {
      (sink as WriteStream).destroy();
      rmSync(tmp, { force: true });
    }
    throw e;
  }
  process.stderr.write(`analyzed ${n} documents on the queue at ${redact(url)}${bad ? `, ${bad} failed` : ''}${out ? ` → ${out}` : ''}\n`);
  if (bad > 0) return 2;
  return errors > 0 ? 1 : 0;
}

export async function analyzeCommand(argv: string[], io: { stdin: NodeJS.ReadableStream; isTTY: boolean }): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      format: { type: 'string', default: 'pretty' },
      out: { type: 'string' },
      db: { type: 'string' },
      published: { type: 'string' },
      config: { type: 'string' },
      'max-bytes': { type: 'string' },
      timeout: { type: 'string' },
      'time-budget': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
      queue: { type: 'string' },
      attempts: { type: 'string' },
      progress: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'analyze',
  );
  if (values.help) {
    process.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  const format = values.format as string;
  if (!['pretty', 'json', 'html'].includes(format)) throw new UserError(`--format must be pretty, json or html, got "${format}"`);
  if (positionals.length === 0) throw new UserError('analyze: no input given (see unspun analyze --help)');
  let published: string | null = null;
  if (values.published !== undefined) {
    published = normalizeDate(String(values.published));
    if (!published) throw new UserError(`--published must be a date such as 2019-04-26, got "${values.published}"`);
  }
  const config = await loadConfig(stringOption(values.config));
  const ingest = {
    ...DEFAULT_INGEST,
    maxBytes: intOption(values['max-bytes'], 'max-bytes', DEFAULT_INGEST.maxBytes),
    timeoutMs: intOption(values.timeout, 'timeout', DEFAULT_INGEST.timeoutMs),
    allowPrivate: values['allow-private'] as boolean,
    // Reading progress of big inputs, a line every 2 s on stderr: the reports own stdout (and the terminal).
    onRead: values.progress ? new ProgressLine(false, true).onRead : undefined,
  };
  const timeBudgetMs = intOption(values['time-budget'], 'time-budget', DEFAULT_TIME_BUDGET_MS);
  const db = stringOption(values.db);
  const queue = stringOption(values.queue);
  if (queue) {
    if (db) throw new UserError('analyze: with --queue the workers trace against their own --db (give --db to unspun worker)');
    if (format !== 'json') throw new UserError('analyze: --queue writes JSON Lines (give --format json)');
    const attempts = intOption(values.attempts, 'attempts', DEFAULT_ATTEMPTS);
    return analyzeQueued(readInputs(positionals, ingest, io.stdin), queue, { config, published, timeBudgetMs }, attempts, stringOption(values.out));
  }
  // The index is opened here once so that a bad --db is one usage error before any work; the analysis
  // worker opens its own read connection.
  if (db) await (await openStore(db, { create: false })).close();
  const runner = new AnalysisRunner({ config, published, db, timeBudgetMs });
  const items: (Report | ReportError)[] = [];
  let bad = 0;
  let internal = 0;
  let errors = 0;
  const stream = format === 'json' && !values.out;
  // A batch: several inputs, a folder or JSON Lines. One file of any name (a device, a FIFO, "<(zcat ...)")
  // is a single document: when it fails, its one line on stderr is the whole answer.
  const batch = positionals.length > 1 || positionals.some((p) => isContainerFile(p) || isFolder(p));
  try {
    for await (const item of readInputs(positionals, ingest, io.stdin)) {
      let entry: Report | ReportError;
      if (!item.ok) {
        bad++;
        entry = { schema: SCHEMA_ID, error: { id: item.id, origin: item.origin, message: item.message } };
        process.stderr.write(`unspun: ${item.message}\n`);
      } else {
        // Whatever goes wrong inside one document (over budget, a crash) is that document's error line.
        const r = await runner.analyze(item.article);
        if (!r.ok && r.fatal) throw new UserError(r.message);
        if (r.ok) {
          entry = r.report;
          if (entry.findings.some((f) => f.severity === 'error')) errors++;
        } else {
          if (r.message.startsWith('internal error')) internal++;
          else bad++;
          const message = `${item.article.origin ?? item.article.id}: ${r.message}`;
          entry = { schema: SCHEMA_ID, error: { id: item.article.id, origin: item.article.origin, message } };
          process.stderr.write(`unspun: ${message}\n`);
        }
      }
      // A JSON batch streams one line per document as it is done.
      if (stream && batch) process.stdout.write(JSON.stringify(entry) + '\n');
      else items.push(entry);
    }
  } finally {
    await runner.close();
  }
  const reports = items.filter((r): r is Report => !('error' in r));
  // A single input that failed is a plain usage error: its one line on stderr is the whole answer.
  if (!(stream && batch) && (reports.length > 0 || batch)) {
    const text = format === 'json' ? renderJson(items, batch) : format === 'html' ? renderHtml(items) : renderPretty(items, io.isTTY && !values.out);
    emit(text, stringOption(values.out));
  }
  if (internal > 0) return 3;
  if (bad > 0) return 2;
  return errors > 0 ? 1 : 0;
}
