// Throwaway Redis and PostgreSQL servers for the fault tests, on free ports, so that killing and
// restarting them never touches the machine's shared services. PostgreSQL runs as the `postgres` user
// when the tests run as root (it refuses to run as root).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await sleep(100);
  }
  throw new Error(`${what} did not come up in ${ms} ms`);
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** redis-server with no persistence (the machine's default): what a restart loses is what this tests. */
export class RedisServer {
  private proc: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  static async start(): Promise<RedisServer> {
    const r = new RedisServer(await freePort());
    await r.up();
    return r;
  }
  async up(): Promise<void> {
    this.proc = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    await waitFor(() => answers(this.port), `redis-server on ${this.port}`);
  }
  /** kill -9: everything in memory is gone. */
  async kill(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await gone;
  }
  async stop(): Promise<void> {
    await this.kill();
  }
}

const PG_BIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const v = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return v ? path.join(root, v, 'bin') : null;
})();

export const havePostgresBinaries = PG_BIN !== null && existsSync(path.join(PG_BIN, 'initdb'));

const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0 ? (['runuser', ['-u', 'postgres', '--', cmd, ...args]] as const) : ([cmd, args] as const);

/**
 * A PostgreSQL cluster of its own in a temporary folder (trust auth). fsync is off (the machine does not
 * crash in a test), but synchronous_commit stays on: an immediate stop must not lose acknowledged commits.
 */
export class PostgresServer {
  private constructor(readonly dir: string, readonly port: number) {}
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }
  /** A URL whose index lives in its own schema. */
  schemaUrl(schema: string): string {
    return `${this.url}?options=-c%20search_path%3D${schema}`;
  }
  private run(tool: string, args: string[]): void {
    const [cmd, argv] = asPostgres(path.join(PG_BIN!, tool), args);
    execFileSync(cmd, argv, { stdio: 'ignore' });
  }
  static async start(): Promise<PostgresServer> {
    const base = mkdtempSync(path.join(tmpdir(), 'unspun-pg-'));
    chmodSync(base, 0o755);
    const dir = path.join(base, 'data');
    if (process.getuid?.() === 0) chownSync(base, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    const pg = new PostgresServer(dir, await freePort());
    pg.run('initdb', ['-D', dir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.up();
    return pg;
  }
  private ctl(args: string[]): void {
    this.run('pg_ctl', ['-D', this.dir, '-w', '-t', '30', '-l', path.join(path.dirname(this.dir), 'log'), ...args]);
  }
  async up(): Promise<void> {
    this.ctl(['-o', `-p ${this.port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`, 'start']);
    await waitFor(() => answers(this.port), `postgres on ${this.port}`);
  }
  /** Stops it at once (open connections are cut), then starts it again. */
  async restart(downMs = 1000): Promise<void> {
    this.ctl(['-m', 'immediate', 'stop']);
    await sleep(downMs);
    await this.up();
  }
  async stop(): Promise<void> {
    try {
      this.ctl(['-m', 'immediate', 'stop']);
    } catch {
      // already down
    }
    rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}
