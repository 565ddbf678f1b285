import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { textToArticle } from '../src/ingest/text.js';
import { analyzeArticle } from '../src/pipeline/analyze.js';
import { buildReport } from '../src/report/build.js';
import type { Report } from '../src/report/report.js';
import { FERRY_TEXT, ferryReport, hostileReport } from './fixtures/reports/build.js';
import { withSourceStore } from './helpers/source-store.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SPECIMEN = fileURLToPath(new URL('../../shared/data/seed/article.txt', import.meta.url));
const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function errorsOf(value: unknown): string {
  return validate(value) ? '' : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join('; ');
}

/** What the schema cannot say: every offset gives back its text. */
function checkOffsets(r: Report) {
  for (const s of r.sentences) expect(r.article.text.slice(s.start, s.end)).toBe(s.text);
  for (const f of r.findings) expect(f.end).toBeGreaterThanOrEqual(f.start);
  // A headline mention or time expression (field "title") points into the title.
  const source = (x: { field?: string }) => (x.field === 'title' ? (r.article.title ?? '') : r.article.text);
  for (const e of r.entities) for (const m of e.mentions) expect(source(m).slice(m.start, m.end)).toBe(m.text);
  for (const t of r.timeline) expect(source(t).slice(t.start, t.end)).toBe(t.text);
  expect(r.summary.spliceMap).toHaveLength(r.sentences.length);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-schema-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['src/cli/bin.ts', ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('schema/report.schema.json', () => {
  it('accepts the report of a fictional article through the real pipeline', async () => {
    const r = buildReport(await analyzeArticle(textToArticle(FERRY_TEXT, { id: 'ferry', origin: null })));
    expect(errorsOf(r)).toBe('');
    checkOffsets(r);
  });

  it('accepts full reports (sources, entities, quotes, timeline filled)', async () => {
    for (const r of [await ferryReport(), await hostileReport()]) {
      expect(r.sentences.some((s) => s.sources.length > 0)).toBe(true);
      expect(r.quotes.length).toBeGreaterThan(0);
      expect(errorsOf(r)).toBe('');
      checkOffsets(r);
    }
  });

  it('accepts a report whose sources come from the real reuse engine', async () => {
    // Fictional sources; the article copies one sentence and spins another.
    const sources = [
      'The county museum reopened its east wing on Saturday after a two-year restoration that cost four million euros. Visitors queued along the river path before the doors opened.',
      'Bus drivers in the county will stop work for a day next week in a dispute over rest breaks, their union said. The operator said it regretted the action.',
    ];
    const article = textToArticle(
      'The county museum reopened its east wing on Saturday after a two-year restoration that cost four million euros.\n\nBus drivers in the county will halt work for a day next week in a row over rest breaks, their union said.\n\nA new café will open in the spring.',
      { id: 'stitched', origin: null },
    );
    const r = await withSourceStore(sources, async (store) => buildReport(await analyzeArticle(article, { store })));
    expect(r.sentences.filter((s) => s.sources.length > 0).length).toBeGreaterThanOrEqual(1);
    expect(errorsOf(r)).toBe('');
    checkOffsets(r);
  });

  it('accepts the report on the specimen', async () => {
    const r = buildReport(await analyzeArticle(textToArticle(readFileSync(SPECIMEN, 'utf8'), { id: 'seed', origin: null })));
    expect(errorsOf(r)).toBe('');
    checkOffsets(r);
  });

  it('accepts what `unspun analyze --format json` prints, for one article and for a batch with a bad line', async () => {
    const one = await cli('analyze', SPECIMEN, '--format', 'json');
    expect(one.code).toBe(0);
    const report = JSON.parse(one.stdout) as Report;
    expect(report.article.title).toContain('Kim Jong Un');
    expect(errorsOf(report)).toBe('');

    const jsonl = path.join(tmp, 'batch.jsonl');
    writeFileSync(
      jsonl,
      [
        JSON.stringify({ id: 'ferry', text: FERRY_TEXT.split('\n\n').slice(2).join('\n\n'), title: 'Ferry strike', published: '2024-06-12' }),
        '{"id": "broken", "text": ',
        JSON.stringify({ id: 'quiet', text: 'The library reopened on Saturday after a new roof was fitted. Borrowers returned in numbers.' }),
      ].join('\n') + '\n',
    );
    const batch = await cli('analyze', jsonl, '--format', 'json');
    expect(batch.code).toBe(2); // one bad document
    const lines = batch.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => 'error' in l)).toEqual([false, true, false]);
    for (const l of lines) expect(errorsOf(l)).toBe('');
  });

  it('rejects a report missing a required field, a bad enum value, and a malformed error line', async () => {
    const r = await ferryReport();
    const noVerdict: Record<string, unknown> = { ...r };
    delete noVerdict.verdict;
    expect(errorsOf(noVerdict)).not.toBe('');

    const noKind = structuredClone(r);
    delete (noKind.sentences[0].sources[0] as Partial<Report['sentences'][0]['sources'][0]>).kind;
    expect(errorsOf(noKind)).toMatch(/kind/);

    const badLabel = structuredClone(r) as unknown as { verdict: { label: string } };
    badLabel.verdict.label = 'fine';
    expect(errorsOf(badLabel)).not.toBe('');

    const noSpeaker = structuredClone(r) as unknown as { quotes: Record<string, unknown>[] };
    delete noSpeaker.quotes[0].speaker;
    expect(errorsOf(noSpeaker)).toMatch(/speaker/);

    expect(errorsOf({ schema: 'unspun.report/1', error: { id: 'x', origin: null } })).not.toBe('');
    expect(errorsOf({ schema: 'unspun.report/2', error: { id: 'x', origin: null, message: 'bad' } })).not.toBe('');
  });
});
