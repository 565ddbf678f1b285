import { UserError } from '../model/errors.js';
import { findDuplicates } from '../reuse/dupes.js';
import { openStore } from '../store/index.js';
import { parse, stringOption } from './args.js';
import { defaultDb } from './index-command.js';

export const DUPES_HELP = `Usage: unspun dupes [options]

Lists clusters of near-duplicate documents in an index (Jaccard similarity of their word 3-shingles).

Options:
  --db FILE|URL      the index: a SQLite file or a postgres:// URL (default: $UNSPUN_DB, or unspun.db in
                     the current folder)
  --threshold X      lowest similarity, 0..1 (default: 0.8)
  --format text|json output format (default: text)
  -h, --help         show this help`;

export async function dupesCommand(argv: string[], _io: { stdin: NodeJS.ReadableStream; isTTY: boolean }): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      db: { type: 'string' },
      threshold: { type: 'string', default: '0.8' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    'dupes',
  );
  if (values.help) {
    process.stdout.write(DUPES_HELP + '\n');
    return 0;
  }
  if (positionals.length) throw new UserError(`dupes: unexpected argument "${positionals[0]}" (see unspun dupes --help)`);
  const threshold = Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold <= 0 || threshold > 1) throw new UserError(`--threshold must be a number in (0, 1], got "${String(values.threshold)}"`);
  const format = String(values.format);
  if (!['text', 'json'].includes(format)) throw new UserError(`--format must be text or json, got "${format}"`);
  const store = await openStore(stringOption(values.db) ?? defaultDb(), { create: false });
  try {
    const clusters = await findDuplicates(store, { threshold });
    if (format === 'json') process.stdout.write(JSON.stringify({ threshold, clusters }) + '\n');
    else if (!clusters.length) process.stdout.write(`no near-duplicates at similarity ≥ ${threshold}\n`);
    else {
      const lines: string[] = [];
      clusters.forEach((c, i) => {
        lines.push(`cluster ${i + 1}: ${c.docs.length} documents, similarity ${c.similarity.toFixed(3)}`);
        for (const d of c.docs) lines.push(`  ${d.id}  ${d.similarity.toFixed(3)}`);
      });
      process.stdout.write(lines.join('\n') + '\n');
    }
  } finally {
    await store.close();
  }
  return 0;
}
