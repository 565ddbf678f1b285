import { closeSync, openSync, readSync } from 'node:fs';
import { DEFAULT_INGEST, readInputs } from '../ingest/index.js';
import { UserError } from '../model/errors.js';
import { analyzeArticle } from '../pipeline/analyze.js';
import { parseConfig, type Config } from '../pipeline/config.js';
import { buildReport } from '../report/build.js';
import { SCHEMA_ID, type Report, type ReportError } from '../report/report.js';
import { renderHtml } from '../render/html.js';
import { renderJson } from '../render/json.js';
import { renderPretty } from '../render/pretty.js';
import { openStore, type Store } from '../store/index.js';
import { normalizeDate } from '../text/dates.js';
import { intOption, parse, stringOption } from './args.js';
import { emit } from './output.js';

export const ANALYZE_HELP = `Usage: unspun analyze <file | url | - | dir | file.jsonl>... [options]

Analyzes articles: plain text (with an optional title/byline/date header), HTML, a URL, stdin ("-"),
every article in a folder, or a JSON Lines file ({id, text | html, title?, byline?, published?, url?}).

Options:
  --format pretty|json|html  report format (default: pretty)
  --out FILE                 write the report to FILE instead of stdout
  --db FILE                  trace reuse against this index (see unspun index)
  --published DATE           publication date to resolve times against (overrides the article's)
  --config FILE              JSON config: {"rules": {"<ruleId|family>": "off|info|warning|error"}, "analyzers": {"<name>": false}}
  --max-bytes N              largest accepted document (default: ${DEFAULT_INGEST.maxBytes})
  --timeout MS               URL fetch timeout (default: ${DEFAULT_INGEST.timeoutMs})
  --allow-private            allow URLs on loopback, private and link-local addresses
  -h, --help                 show this help

Exit codes: 0 done, 1 a finding at error severity, 2 bad input or usage.`;

// A config is a few hundred bytes: reading stops past this, so that "--config /dev/zero" cannot fill memory.
const CONFIG_MAX_BYTES = 1 << 20;

function readCapped(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CONFIG_MAX_BYTES + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > CONFIG_MAX_BYTES) throw new UserError(`--config ${file}: larger than ${CONFIG_MAX_BYTES} bytes, not a config`);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function loadConfig(file: string | undefined): Config {
  if (!file) return {};
  let value: unknown;
  try {
    value = JSON.parse(readCapped(file));
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`--config ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : code ? `cannot read (${code})` : 'not valid JSON'}`);
  }
  return parseConfig(value, { label: `--config ${file}` });
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
      'allow-private': { type: 'boolean', default: false },
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
  const config = loadConfig(stringOption(values.config));
  const ingest = {
    ...DEFAULT_INGEST,
    maxBytes: intOption(values['max-bytes'], 'max-bytes', DEFAULT_INGEST.maxBytes),
    timeoutMs: intOption(values.timeout, 'timeout', DEFAULT_INGEST.timeoutMs),
    allowPrivate: values['allow-private'] as boolean,
  };
  const store: Store | undefined = typeof values.db === "string" ? await openStore(values.db, { create: false }) : undefined;
  const items: (Report | ReportError)[] = [];
  let bad = 0;
  let errors = 0;
  const stream = format === 'json' && !values.out;
  const batch = positionals.length > 1 || positionals.some((p) => !/\.(txt|html?|text|md)$/i.test(p) && p !== '-' && !/^https?:/i.test(p));
  try {
    for await (const item of readInputs(positionals, ingest, io.stdin)) {
      let entry: Report | ReportError;
      if (!item.ok) {
        bad++;
        entry = { schema: SCHEMA_ID, error: { id: item.id, origin: item.origin, message: item.message } };
        process.stderr.write(`unspun: ${item.message}\n`);
      } else {
        const doc = await analyzeArticle(item.article, { config, store, published: published ?? undefined });
        entry = buildReport(doc);
        if (entry.findings.some((f) => f.severity === 'error')) errors++;
      }
      // A JSON batch streams one line per document as it is done.
      if (stream && batch) process.stdout.write(JSON.stringify(entry) + '\n');
      else items.push(entry);
    }
  } finally {
    await store?.close();
  }
  const reports = items.filter((r): r is Report => !('error' in r));
  // A single input that failed is a plain usage error: its one line on stderr is the whole answer.
  if (!(stream && batch) && (reports.length > 0 || batch)) {
    const text = format === 'json' ? renderJson(items, batch) : format === 'html' ? renderHtml(items) : renderPretty(items, io.isTTY && !values.out);
    emit(text, stringOption(values.out));
  }
  if (bad > 0) return 2;
  return errors > 0 ? 1 : 0;
}
