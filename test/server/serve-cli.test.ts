import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FERRY } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'unspun-serve-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bin = ['--import', 'tsx', 'src/cli/bin.ts'];
const env = (extra: Record<string, string | undefined>) => {
  const e: NodeJS.ProcessEnv = { ...process.env, UNSPUN_DB: undefined, UNSPUN_TOKEN: undefined, ...extra };
  for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k];
  return e;
};

describe('unspun serve', () => {
  it('refuses to listen beyond loopback without UNSPUN_TOKEN: one line, exit 2', () => {
    const r = spawnSync(process.execPath, [...bin, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', path.join(dir, 'never.db')], { cwd: root, encoding: 'utf8', env: env({}), timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('unspun: refusing to listen on 0.0.0.0 without a token: set UNSPUN_TOKEN (anyone who can reach the server could otherwise run analyses and write to the index)\n');
    expect(existsSync(path.join(dir, 'never.db'))).toBe(false);
  });

  it('refuses a bad port as a usage error', () => {
    const r = spawnSync(process.execPath, [...bin, 'serve', '--port', '99999'], { cwd: root, encoding: 'utf8', env: env({}), timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^unspun: --port must be a port number/);
  });

  it('starts on a free port, says the token is needed, serves, and stops on SIGTERM', async () => {
    const db = path.join(dir, 'served.db');
    const child = spawn(process.execPath, [...bin, 'serve', '--host', '0.0.0.0', '--port', '0', '--db', db, '--workers', '1'], {
      cwd: root,
      env: env({ UNSPUN_TOKEN: 'test-token-7f3a' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in 60 s:\n${stderr}`)), 60_000);
        child.stderr.on('data', () => {
          const m = /listening on http:\/\/0\.0\.0\.0:(\d+)\//.exec(stderr);
          if (m) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.once('exit', () => reject(new Error(`exited early:\n${stderr}`)));
      });
      expect(stderr).toContain(`(index ${db}: 0 documents)`);
      expect(stderr).toContain('POST /api/analyze and /api/index need "Authorization: Bearer $UNSPUN_TOKEN"');
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ status: 'ok', tokenRequired: true });
      const body = JSON.stringify({ text: FERRY });
      const refused = await fetch(`${base}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(refused.status).toBe(401);
      const ok = await fetch(`${base}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer test-token-7f3a' }, body });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { schema: string }).schema).toBe('unspun.report/1');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stderr).toContain('unspun serve: SIGTERM, stopping');
      // The report outlives the server, in the index file.
      const { openStore } = await import('../../src/store/index.js');
      const store = await openStore(db, { create: false });
      try {
        expect(await store.report!(ok.headers.get('x-report-id')!)).toContain('"schema":"unspun.report/1"');
      } finally {
        await store.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
