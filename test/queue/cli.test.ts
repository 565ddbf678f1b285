// The queue's commands on bad usage and an unreachable Redis: one line, exit 2, never a hang.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { freePort } from './services.js';

describe('queue commands: usage and unreachable Redis', () => {
  it('says in one line that Redis cannot be reached, for status, enqueue and analyze', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`; // nothing listens there
    const t0 = Date.now();
    const [status, index, analyze] = await Promise.all([
      runCli(['queue', 'status', '--queue', url]),
      runCli(['index', 'test/fixtures/batch.jsonl', '--queue', url]),
      runCli(['analyze', 'test/fixtures/batch.jsonl', '--queue', url, '--format', 'json']),
    ]);
    for (const r of [status, index, analyze]) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^unspun: cannot reach Redis at ${url.replace(/\./g, '\\.')} \\(`));
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(Date.now() - t0).toBeLessThan(45_000);
  });

  it('refuses a worker without a queue or an index, and URLs that are not redis://', async () => {
    const [noDb, notRedis, pwd, bad] = await Promise.all([
      runCli(['worker', '--queue', 'redis://127.0.0.1:6379'], { env: { UNSPUN_DB: '' } }),
      runCli(['queue', 'status', '--queue', 'http://127.0.0.1:6379']),
      runCli(['queue', 'failed', '--queue', 'redis://:secret@127.0.0.1:1']),
      runCli(['queue', 'frobnicate', '--queue', 'redis://127.0.0.1:1']),
    ]);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/no --db given/);
    expect(notRedis.code).toBe(2);
    expect(notRedis.stderr).toMatch(/not a redis:\/\/ URL/);
    expect(pwd.code).toBe(2);
    expect(pwd.stderr).toMatch(/redis:\/\/:\*\*\*@127/);
    expect(pwd.stderr).not.toMatch(/secret/);
    expect(bad.stderr).toMatch(/unknown subcommand "frobnicate"/);
  });
});
