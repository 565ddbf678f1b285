import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, type RunResult } from './helpers/cli.js';

// The repros of issue 7 for the input side, through the real CLI.
const BIN = fileURLToPath(new URL('../src/cli/bin.ts', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-limits-'));

function expectOneLineError(r: RunResult, pattern: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

/** The CLI under bash, for a process substitution. */
function runBash(script: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { env: { ...process.env, UNSPUN: `${process.execPath} --import tsx ${BIN}` }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const PARAS = [
  'The water board said on Friday that the reservoir had reached its highest level in a decade after weeks of rain.',
  'Farmers downstream were told to move livestock away from the banks while engineers checked the spillway.',
];
const page = (body: string) => `<!doctype html><html><head><title>Reservoir full</title></head><body>${body}</body></html>`;

describe('bounded input through the CLI', () => {
  it('analyze /dev/zero: one line naming the file and the cap, exit 2', async () => {
    expectOneLineError(await runCli(['analyze', '/dev/zero', '--max-bytes', '1000000']), /^unspun: \/dev\/zero: over the size limit of 1000000 bytes \(see --max-bytes\)$/);
  });

  it('a process substitution is read with the cap', async () => {
    const r = await runBash(`$UNSPUN analyze <(yes 'more words for the pipe' | head -c 3000000) --max-bytes 1000000`);
    expectOneLineError(r, /^unspun: \/dev\/fd\/\d+: over the size limit of 1000000 bytes \(see --max-bytes\)$/);
  });

  it('a FIFO with no writer: one line after the idle time, exit 2', async () => {
    const fifo = path.join(tmp, 'nobody');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectOneLineError(await runCli(['analyze', fifo]), /^unspun: .*nobody: no data for 5 s \(a FIFO or pipe with no writer\?\)$/);
  });

  it('a folder batch with 10,000 nested divs: every document gets its report', async () => {
    const dir = path.join(tmp, 'batch');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.html'), page(PARAS.map((p) => `<p>${p}</p>`).join('')));
    writeFileSync(path.join(dir, 'b-deep.html'), page(`${'<div>'.repeat(10_000)}${PARAS.map((p) => `<p>${p}</p>`).join('')}${'</div>'.repeat(10_000)}`));
    writeFileSync(path.join(dir, 'c.txt'), `Reservoir full\n\n${PARAS.join(' ')}\n`);
    writeFileSync(path.join(dir, 'README.TXT'), 'This folder holds three test pages.\n');
    const r = await runCli(['analyze', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const reports = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(reports.map((x) => x.article.id)).toEqual(['a.html', 'b-deep.html', 'c.txt']);
    for (const x of reports) expect(x.article.text).toContain(PARAS[1]);
  });

  it('--out to a folder: one line, and no temporary file left', async () => {
    const out = path.join(tmp, 'outdir');
    mkdirSync(out);
    const file = path.join(tmp, 'one.txt');
    writeFileSync(file, `Reservoir full\n\n${PARAS.join(' ')}\n`);
    expectOneLineError(await runCli(['analyze', file, '--out', out]), /^unspun: cannot write .*outdir: is a folder \(give a file name\)$/);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });
});
