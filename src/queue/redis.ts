/**
 * A small Redis client (RESP2 over one TCP socket) with the interface BullMQ 6 drives its connections
 * through (`IRedisClient`). BullMQ 6 no longer bundles a Redis driver (ioredis and node-redis became
 * optional peers); this one is installed as its client factory, so the queue needs no other package.
 *
 * What it does: commands in order on one socket (pipelined); MULTI/EXEC and pipelines; Lua scripts by
 * EVALSHA with an EVAL fallback when the server has not seen them (a restarted Redis forgets them); on a
 * lost connection the commands in flight fail, and it reconnects with a growing delay (BullMQ's
 * retryStrategy when given), queueing new commands meanwhile — or failing them after
 * `maxRetriesPerRequest` attempts when that is a number (the CLI's one-shot commands must not hang).
 */
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import { Readable } from 'node:stream';

type Arg = string | number | Buffer;
type Reply = string | number | null | Reply[] | ReplyError;

export class ReplyError extends Error {
  override name = 'ReplyError';
}

export interface RedisOptions {
  host?: string;
  port?: number;
  db?: number;
  username?: string;
  password?: string;
  /** null: queue commands until reconnected, however long; a number: fail them after that many attempts. */
  maxRetriesPerRequest?: number | null;
  /** Delay before reconnect attempt `times` (ms), or null to give up. */
  retryStrategy?: (times: number) => number | null | undefined;
  connectTimeout?: number;
  connectionName?: string;
  [k: string]: unknown;
}

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
}

/** Incremental RESP2 parser: feed bytes, take whole replies. */
class Parser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  feed(c: Buffer): void {
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), c]) : c;
    this.pos = 0;
  }
  /** The next whole reply, or undefined when more bytes are needed. */
  next(): Reply | undefined {
    const start = this.pos;
    const r = this.parse();
    if (r === undefined) this.pos = start;
    return r;
  }
  private line(): string | undefined {
    const end = this.buf.indexOf('\r\n', this.pos);
    if (end < 0) return undefined;
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end + 2;
    return s;
  }
  private parse(): Reply | undefined {
    if (this.pos >= this.buf.length) return undefined;
    const type = this.buf[this.pos++];
    const l = this.line();
    if (l === undefined) return undefined;
    switch (type) {
      case 43: // +
        return l;
      case 45: // -
        return new ReplyError(l);
      case 58: // :
        return Number(l);
      case 36: {
        // $
        const n = Number(l);
        if (n < 0) return null;
        if (this.pos + n + 2 > this.buf.length) return undefined;
        const s = this.buf.toString('utf8', this.pos, this.pos + n);
        this.pos += n + 2;
        return s;
      }
      case 42: {
        // *
        const n = Number(l);
        if (n < 0) return null;
        const out: Reply[] = [];
        for (let i = 0; i < n; i++) {
          const x = this.parse();
          if (x === undefined) return undefined;
          out.push(x);
        }
        return out;
      }
      default:
        throw new Error(`Redis protocol error: unexpected byte ${type}`);
    }
  }
}

function encode(args: Arg[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

function flat(args: unknown[]): Arg[] {
  const out: Arg[] = [];
  for (const a of args) {
    if (Array.isArray(a)) out.push(...flat(a));
    else if (a !== undefined && a !== null) out.push(a as Arg);
  }
  return out;
}

interface Script {
  sha: string;
  lua: string;
  keys: number;
}

const pairs = (xs: string[]): Record<string, string> => {
  const o: Record<string, string> = {};
  for (let i = 0; i + 1 < xs.length; i += 2) o[xs[i]] = xs[i + 1];
  return o;
};

/** Commands gathered for one round trip: a pipeline, or a MULTI/EXEC transaction. */
class Batch {
  private cmds: Arg[][] = [];
  private scripts: Script[] = [];
  constructor(private readonly client: RedisClient, private readonly atomic: boolean) {}
  private add(...args: unknown[]): this {
    this.cmds.push(flat(args));
    return this;
  }
  hgetall(key: string) { return this.add('HGETALL', key); }
  hset(key: string, data: Record<string, string | number>) { return this.add('HSET', key, ...Object.entries(data).flat()); }
  hscan(key: string, cursor: string | number, o?: { COUNT?: number }) { return this.add('HSCAN', key, cursor, o?.COUNT != null ? ['COUNT', o.COUNT] : []); }
  smembers(key: string) { return this.add('SMEMBERS', key); }
  sscan(key: string, cursor: string | number, o?: { COUNT?: number }) { return this.add('SSCAN', key, cursor, o?.COUNT != null ? ['COUNT', o.COUNT] : []); }
  zrange(key: string, a: number, b: number) { return this.add('ZRANGE', key, a, b); }
  lrange(key: string, a: number, b: number) { return this.add('LRANGE', key, a, b); }
  llen(key: string) { return this.add('LLEN', key); }
  del(...keys: string[]) { return this.add('DEL', ...keys); }
  hincrby(key: string, field: string, n: number) { return this.add('HINCRBY', key, field, n); }
  expire(key: string, secs: number) { return this.add('EXPIRE', key, secs); }
  runCommand(name: string, args: unknown[]): this {
    const s = this.client.script(name);
    this.scripts.push(s);
    // EVAL inside a batch (EVALSHA cannot fall back there); Redis caches it by its hash all the same.
    return this.add('EVAL', s.lua, s.keys, ...flat(args));
  }
  async exec(): Promise<[Error | null, unknown][] | null> {
    if (!this.cmds.length) return [];
    if (this.atomic) {
      const all = [['MULTI'], ...this.cmds, ['EXEC']] as Arg[][];
      const replies = await Promise.all(all.map((c) => this.client.raw(c).catch((e: Error) => e)));
      const exec = replies[replies.length - 1];
      if (exec instanceof Error) throw exec;
      if (exec === null) return null;
      return (exec as Reply[]).map((r) => (r instanceof Error ? [r, null] : [null, r]));
    }
    const replies = await Promise.all(this.cmds.map((c) => this.client.raw(c).then((r) => [null, r] as [null, Reply], (e: Error) => [e, null] as [Error, null])));
    return replies;
  }
}

export class RedisClient extends EventEmitter {
  status = 'wait';
  readonly isCluster = false;
  readonly __bullmq_iredis = true;
  private socket: net.Socket | null = null;
  private parser = new Parser();
  private inflight: Pending[] = [];
  private offline: { args: Arg[]; p: Pending; attempts: number }[] = [];
  private scripts = new Map<string, Script>();
  private attempts = 0;
  private manual = false;
  private timer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;

  constructor(readonly options: RedisOptions) {
    super();
    void this.connect().catch(() => {});
  }

  connect(): Promise<void> {
    if (this.status === 'ready') return Promise.resolve();
    if (this.connecting) return this.connecting;
    this.manual = false;
    this.status = 'connecting';
    this.connecting = new Promise<void>((resolve, reject) => {
      const sock = net.connect({ host: this.options.host ?? '127.0.0.1', port: this.options.port ?? 6379 });
      this.socket = sock;
      this.parser = new Parser();
      sock.setNoDelay(true);
      const timeout = setTimeout(() => sock.destroy(new Error(`connect ETIMEDOUT ${this.options.host}:${this.options.port}`)), this.options.connectTimeout ?? 10_000);
      let opened = false;
      sock.on('data', (c: Buffer) => this.onData(c));
      sock.once('connect', () => {
        clearTimeout(timeout);
        opened = true;
        this.status = 'connect';
        this.emit('connect');
        void this.handshake().then(
          () => {
            this.status = 'ready';
            this.attempts = 0;
            this.connecting = null;
            this.emit('ready');
            this.flushOffline();
            resolve();
          },
          (e: Error) => {
            this.emit('error', e);
            sock.destroy();
          },
        );
      });
      sock.on('error', (e) => {
        clearTimeout(timeout);
        if (this.listenerCount('error')) this.emit('error', e);
        if (!opened) reject(e);
      });
      sock.on('close', () => {
        clearTimeout(timeout);
        this.connecting = null;
        this.onClose();
        if (!opened) reject(new Error('Connection is closed.'));
      });
    });
    return this.connecting;
  }

  private async handshake(): Promise<void> {
    const o = this.options;
    if (o.password) await this.raw(o.username ? ['AUTH', o.username, o.password] : ['AUTH', o.password], true);
    if (o.db) await this.raw(['SELECT', o.db], true);
    if (o.connectionName) await this.raw(['CLIENT', 'SETNAME', o.connectionName], true);
  }

  private onData(c: Buffer): void {
    this.parser.feed(c);
    for (;;) {
      let r: Reply | undefined;
      try {
        r = this.parser.next();
      } catch (e) {
        this.socket?.destroy(e as Error);
        return;
      }
      if (r === undefined) return;
      const p = this.inflight.shift();
      if (!p) continue;
      if (r instanceof ReplyError) p.reject(r);
      else p.resolve(r);
    }
  }

  private onClose(): void {
    this.socket = null;
    const lost = this.inflight;
    this.inflight = [];
    for (const p of lost) p.reject(new Error('Connection is closed.'));
    this.emit('close');
    if (this.manual) {
      this.status = 'end';
      this.failOffline(new Error('Connection is closed.'));
      this.emit('end');
      return;
    }
    this.attempts++;
    const delay = this.options.retryStrategy ? this.options.retryStrategy(this.attempts) : Math.min(this.attempts * 100, 2000);
    const max = this.options.maxRetriesPerRequest;
    if (typeof max === 'number') {
      // Commands waiting for the connection give up after `max` attempts.
      const keep: typeof this.offline = [];
      for (const o of this.offline) {
        if (++o.attempts > max) o.p.reject(new Error(`Reached the max retries per request limit (which is ${max}).`));
        else keep.push(o);
      }
      this.offline = keep;
    }
    if (delay === null || delay === undefined) {
      this.status = 'end';
      this.failOffline(new Error('Connection is closed.'));
      this.emit('end');
      return;
    }
    this.status = 'reconnecting';
    this.emit('reconnecting', delay);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.manual) void this.connect().catch(() => {});
    }, delay);
  }

  private failOffline(e: Error): void {
    const o = this.offline;
    this.offline = [];
    for (const x of o) x.p.reject(e);
  }

  private flushOffline(): void {
    const o = this.offline;
    this.offline = [];
    for (const x of o) this.write(x.args, x.p);
  }

  private write(args: Arg[], p: Pending): void {
    this.inflight.push(p);
    this.socket!.write(encode(args));
  }

  /** One command; `handshake` ones go out before the connection is ready. */
  raw(args: Arg[], handshake = false): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const p = { resolve, reject };
      if (this.socket && (this.status === 'ready' || (handshake && this.status === 'connect'))) this.write(args, p);
      else if (this.status === 'end' || this.manual) reject(new Error('Connection is closed.'));
      else this.offline.push({ args, p, attempts: 0 });
    });
  }

  call(...args: unknown[]): Promise<Reply> {
    return this.raw(flat(args));
  }

  disconnect(reconnect = false): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.manual = !reconnect;
    if (this.socket) this.socket.destroy();
    else if (!reconnect) {
      this.status = 'end';
      this.failOffline(new Error('Connection is closed.'));
      this.emit('end');
    }
  }

  async quit(): Promise<string> {
    if (this.status !== 'ready') {
      this.disconnect();
      return 'OK';
    }
    this.manual = true;
    try {
      const r = (await this.raw(['QUIT'])) as string;
      return r;
    } catch {
      return 'OK';
    } finally {
      this.socket?.destroy();
    }
  }

  duplicate(overrides: Partial<RedisOptions> = {}): RedisClient {
    return new RedisClient({ ...this.options, ...overrides });
  }

  defineCommand(name: string, def: { numberOfKeys: number; lua: string }): void {
    this.scripts.set(name, { sha: createHash('sha1').update(def.lua).digest('hex'), lua: def.lua, keys: def.numberOfKeys });
  }

  script(name: string): Script {
    const s = this.scripts.get(name);
    if (!s) throw new Error(`unknown Redis script ${name}`);
    return s;
  }

  async runCommand(name: string, args: unknown[]): Promise<unknown> {
    const s = this.script(name);
    const rest = flat(args);
    try {
      return await this.raw(['EVALSHA', s.sha, s.keys, ...rest]);
    } catch (e) {
      if (!(e instanceof ReplyError) || !e.message.startsWith('NOSCRIPT')) throw e;
      return this.raw(['EVAL', s.lua, s.keys, ...rest]);
    }
  }

  multi(): Batch {
    return new Batch(this, true);
  }
  pipeline(): Batch {
    return new Batch(this, false);
  }

  async hgetall(key: string) { return pairs((await this.call('HGETALL', key)) as string[]); }
  hget(key: string, f: string) { return this.call('HGET', key, f) as Promise<string | null>; }
  hmget(key: string, ...fs: string[]) { return this.call('HMGET', key, ...fs) as Promise<(string | null)[]>; }
  hset(key: string, data: Record<string, string | number>) { return this.call('HSET', key, ...Object.entries(data).flat()) as Promise<number>; }
  hdel(key: string, ...fs: string[]) { return this.call('HDEL', key, ...fs) as Promise<number>; }
  hexists(key: string, f: string) { return this.call('HEXISTS', key, f) as Promise<number>; }
  hincrby(key: string, f: string, n: number) { return this.call('HINCRBY', key, f, n) as Promise<number>; }
  get(key: string) { return this.call('GET', key) as Promise<string | null>; }
  set(key: string, value: string | number, o?: { PX?: number; EX?: number; NX?: boolean }) {
    return this.call('SET', key, value, o?.PX != null ? ['PX', o.PX] : o?.EX != null ? ['EX', o.EX] : [], o?.NX ? 'NX' : []) as Promise<string | null>;
  }
  del(...keys: string[]) { return this.call('DEL', ...keys) as Promise<number>; }
  expire(key: string, secs: number) { return this.call('EXPIRE', key, secs) as Promise<number>; }
  zrange(key: string, a: number, b: number, o?: { WITHSCORES?: boolean }) { return this.call('ZRANGE', key, a, b, o?.WITHSCORES ? 'WITHSCORES' : []) as Promise<string[]>; }
  zrevrange(key: string, a: number, b: number, o?: { WITHSCORES?: boolean }) { return this.call('ZREVRANGE', key, a, b, o?.WITHSCORES ? 'WITHSCORES' : []) as Promise<string[]>; }
  zcard(key: string) { return this.call('ZCARD', key) as Promise<number>; }
  zscore(key: string, m: string) { return this.call('ZSCORE', key, m) as Promise<string | null>; }
  lrange(key: string, a: number, b: number) { return this.call('LRANGE', key, a, b) as Promise<string[]>; }
  llen(key: string) { return this.call('LLEN', key) as Promise<number>; }
  ltrim(key: string, a: number, b: number) { return this.call('LTRIM', key, a, b) as Promise<string>; }
  lpos(key: string, v: string) { return this.call('LPOS', key, v) as Promise<number | null>; }
  smembers(key: string) { return this.call('SMEMBERS', key) as Promise<string[]>; }
  xadd(key: string, id: string, fields: Record<string, string | number>, o?: { MAXLEN?: number; approximate?: boolean }) {
    return this.call('XADD', key, o?.MAXLEN != null ? ['MAXLEN', o.approximate !== false ? '~' : [], o.MAXLEN] : [], id, ...Object.entries(fields).flat()) as Promise<string>;
  }
  xread(streams: { key: string; id: string }[], o?: { BLOCK?: number; COUNT?: number }) {
    return this.call('XREAD', o?.BLOCK != null ? ['BLOCK', o.BLOCK] : [], o?.COUNT != null ? ['COUNT', o.COUNT] : [], 'STREAMS', streams.map((s) => s.key), streams.map((s) => s.id));
  }
  xtrim(key: string, strategy: 'MAXLEN', n: number, o?: { approximate?: boolean }) {
    return this.call('XTRIM', key, strategy, o?.approximate !== false ? '~' : [], n) as Promise<number>;
  }
  async bzpopmin(key: string, timeout: number): Promise<[string, string, string] | null> {
    return (await this.call('BZPOPMIN', key, timeout)) as [string, string, string] | null;
  }
  info() { return this.call('INFO') as Promise<string>; }
  clientSetName(name: string) { return this.call('CLIENT', 'SETNAME', name); }
  clientList() { return this.call('CLIENT', 'LIST') as Promise<string>; }
  clientInfo() { return this.call('CLIENT', 'INFO') as Promise<string>; }
  scan(cursor: string | number, o: { MATCH?: string; COUNT?: number }) {
    return this.call('SCAN', cursor, o.MATCH != null ? ['MATCH', o.MATCH] : [], o.COUNT != null ? ['COUNT', o.COUNT] : []) as Promise<[string, string[]]>;
  }
  scanStream(o: { match: string; count?: number }): Readable {
    let cursor = '0';
    let started = false;
    const stream: Readable = new Readable({
      objectMode: true,
      read: () => {
        if (started && cursor === '0') return;
        started = true;
        this.scan(cursor, { MATCH: o.match, COUNT: o.count }).then(
          ([next, keys]) => {
            cursor = next;
            stream.push(keys);
            // An empty batch is not the end: only cursor 0 is.
            if (cursor === '0') stream.push(null);
          },
          (e: Error) => stream.destroy(e),
        );
      },
    });
    return stream;
  }
}
