import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const SPECIMEN = new URL('../../shared/data/seed/article.txt', import.meta.url).pathname;
const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-cli-'));

function expectOneLineError(r: { code: number | null; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

describe('unspun CLI', () => {
  it('prints help for the tool and for analyze', async () => {
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/Commands:[\s\S]*analyze/);
    const analyze = await runCli(['analyze', '--help']);
    expect(analyze.code).toBe(0);
    expect(analyze.stdout).toMatch(/--format pretty\|json\|html/);
    expect((await runCli([])).code).toBe(2);
  });

  it('prints the JSON report of the specimen', async () => {
    const r = await runCli(['analyze', SPECIMEN, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schema).toBe('unspun.report/1');
    // The specimen's first line is its headline (not copied here: third-party text stays in shared/).
    expect(report.article.title).toBe(readFileSync(SPECIMEN, 'utf8').split('\n')[0].trim());
    expect(report.sentences.filter((s: { role: string }) => s.role === 'body')).toHaveLength(26);
  });

  it('prints a pretty report without colour when not on a TTY', async () => {
    const r = await runCli(['analyze', fixture('text/header-full.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ferry strike halts crossings to the islands');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes --out atomically and reads stdin', async () => {
    const out = path.join(tmp, 'r.json');
    const r = await runCli(['analyze', '-', '--format', 'json', '--out', out], { stdin: 'The council met on Monday. It approved the budget.' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).article.id).toBe('stdin');
  });

  it('streams a JSONL batch, one line per document, errors included, and exits 2 for the bad ones', async () => {
    const r = await runCli(['analyze', fixture('batch.jsonl'), '--format', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.article?.id ?? `error:${l.error.id}`)).toEqual(['a1', 'a2', 'error:batch:3', 'error:a4', 'error:a5', 'a6']);
    expect(r.stderr).toMatch(/malformed JSON on line 3/);
  });

  it('exits 1 when a finding is at error severity', async () => {
    const cfg = path.join(tmp, 'strict.json');
    writeFileSync(cfg, JSON.stringify({ rules: { boilerplate: 'error' } }));
    const r = await runCli(['analyze', SPECIMEN, '--format', 'json', '--config', cfg]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error').length).toBeGreaterThan(0);
  });

  it('turns off a rule through the config', async () => {
    const cfg = path.join(tmp, 'off.json');
    writeFileSync(cfg, JSON.stringify({ rules: { 'boilerplate/template-line': 'off' } }));
    const r = await runCli(['analyze', SPECIMEN, '--format', 'json', '--config', cfg]);
    expect(JSON.parse(r.stdout).findings.some((f: { ruleId: string }) => f.ruleId === 'boilerplate/template-line')).toBe(false);
  });

  it('gives one-line errors and exit 2 for bad input and usage', async () => {
    const empty = path.join(tmp, 'empty.txt');
    writeFileSync(empty, '');
    const binary = path.join(tmp, 'blob.txt');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    expectOneLineError(await runCli(['analyze', '/nonexistent/a.txt']), /no such file/);
    expectOneLineError(await runCli(['analyze', empty]), /empty input/);
    expectOneLineError(await runCli(['analyze', binary]), /binary data/);
    expectOneLineError(await runCli(['analyze', SPECIMEN, '--max-bytes', '100']), /over the size limit/);
    expectOneLineError(await runCli(['analyze', SPECIMEN, '--format', 'xml']), /--format must be/);
    expectOneLineError(await runCli(['analyze', SPECIMEN, '--published', 'soon']), /--published must be a date/);
    expectOneLineError(await runCli(['analyze', SPECIMEN, '--bogus']), /Unknown option/);
    expectOneLineError(await runCli(['analyze']), /no input given/);
    expectOneLineError(await runCli(['frobnicate']), /unknown command/);
  });

  it('--published overrides the article date', async () => {
    const r = await runCli(['analyze', SPECIMEN, '--format', 'json', '--published', '2019-05-01']);
    expect(JSON.parse(r.stdout).article.published).toBe('2019-05-01');
  });
});
