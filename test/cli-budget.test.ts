import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'unspun-budget-'));
const GOOD = 'The ferry council in Port Ellery said on Monday that the crossing would reopen in May.\n';

describe('unspun analyze: time budget and failures per document', () => {
  it('documents --time-budget for analyze and index, and rejects a bad value in one line', async () => {
    for (const cmd of ['analyze', 'index']) expect((await runCli([cmd, '--help'])).stdout).toMatch(/--time-budget MS/);
    const r = await runCli(['analyze', '-', '--time-budget', '0'], { stdin: GOOD });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('unspun: --time-budget must be a positive integer, got "0"');
  });

  it('gives a normal report for 1 MB of letters without a space next to a normal article', async () => {
    const dir = path.join(tmp, 'letters');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.txt'), GOOD);
    writeFileSync(path.join(dir, 'b.txt'), 'q'.repeat(1_000_000));
    const r = await runCli(['analyze', dir, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [path.basename(l.article.id), l.article.text.length])).toEqual([
      ['a.txt', GOOD.trim().length],
      ['b.txt', 1_000_000],
    ]);
    expect(r.stdout.length).toBeLessThan(10 * 1_000_000);
  });

  it('turns a document over the budget into its error line and goes on with the batch', async () => {
    // 1 ms is far below what any analysis takes (1 MB takes seconds): every document runs out of time.
    const dir = path.join(tmp, 'slow');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.txt'), 'q'.repeat(1_000_000));
    writeFileSync(path.join(dir, 'b.txt'), 'r'.repeat(1_000_000));
    const r = await runCli(['analyze', dir, '--format', 'json', '--time-budget', '1']);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => path.basename(l.error.id))).toEqual(['a.txt', 'b.txt']);
    for (const l of lines) expect(l.error.message).toMatch(/analysis stopped after the time budget of 1 ms \(--time-budget\)$/);
    const err = r.stderr.trim().split('\n');
    expect(err).toHaveLength(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
