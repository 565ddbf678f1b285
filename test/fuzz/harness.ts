/**
 * The parent side of the fuzz harness: settings from the environment, the child process that runs cases
 * under a hard time bound, and the checks every report must pass.
 *
 * CI (npm test) runs few, small cases with a fixed seed. `npm run fuzz` runs long:
 *   FUZZ_SECONDS  total time for all properties (npm run fuzz: 3600), shared out by weight
 *   FUZZ_RUNS     cases per property (default: CI sizes; with FUZZ_SECONDS: unlimited)
 *   FUZZ_SIZE     scale of the hostile inputs (default 1; npm run fuzz: 3)
 *   FUZZ_SEED     seed (CI: fixed; npm run fuzz: from the clock, printed); FUZZ_PATH replays one failure
 *   FUZZ_BOUND_MS the CPU time one case may take before it counts as a hang or blow-up (default 20000); a case
 *                 is killed past it, or when its wall time passes ten times that (a wait that burns no CPU)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import type { Report } from '../../src/report/report.js';
import { MARK, type Answer, type Request } from './shared.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const env = (k: string) => (process.env[k] ?? '').trim() || undefined;

export const LONG = env('FUZZ_SECONDS') !== undefined;
export const SIZE = Number(env('FUZZ_SIZE') ?? 1);
/** A case slower than this is a hang or a super-linear blow-up, not a slow machine: tens of times the norm. */
export const BOUND_MS = Number(env('FUZZ_BOUND_MS') ?? 20_000);
/**
 * The bound is on CPU time: two long runs beside other work on two cores (load average 15-20) "failed" cases
 * that take a second or two alone; waiting for a core is not a finding. The parent reads the child's CPU time
 * from /proc and kills a case past the bound; wall time alone kills only at WALL_FACTOR times it (a wait that
 * burns no CPU), or at 3x where /proc cannot be read.
 */
const WALL_FACTOR = 10;

/** The process's CPU time in ms (user + system, all threads), or null where /proc is not readable. */
function cpuOf(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}
export const SEED = env('FUZZ_SEED') !== undefined ? Number(env('FUZZ_SEED')) : LONG ? Date.now() % 2 ** 31 : 20261130;
// A property's share of a long run is at least this: a share shorter than one big case would run nothing.
const MIN_SHARE_S = 30;

/**
 * fast-check parameters for one property: in CI `ciRuns` cases, stopped (shrinking included) after `ciMs`
 * so that a run on a slow or failing branch still ends; in a long run, its `weight` share of FUZZ_SECONDS.
 * Interrupted runs that found nothing pass; a failure found before the interruption is reported with the
 * smallest counterexample reached and the seed and path that replay it.
 */
function share(weight: number): number {
  const total = Number(env('FUZZ_SECONDS') ?? 0);
  return total ? Math.max(MIN_SHARE_S, total * weight) : 0;
}

export function params(ciRuns: number, weight: number, ciMs: number): fc.Parameters<unknown> {
  const seconds = share(weight);
  const runs = env('FUZZ_RUNS') !== undefined ? Number(env('FUZZ_RUNS')) : LONG ? 1_000_000 : ciRuns;
  return {
    seed: SEED,
    path: env('FUZZ_PATH'),
    numRuns: runs,
    interruptAfterTimeLimit: seconds ? seconds * 1000 : ciMs,
    markInterruptAsFailure: false,
  };
}

/** The vitest timeout for a property: its time limit plus a case that runs into the bound and a restart. */
export function testTimeout(ciMs: number, weight: number): number {
  const seconds = share(weight);
  return (seconds ? seconds * 1000 : ciMs) + 2 * WALL_FACTOR * BOUND_MS + 30_000;
}

export type Result = Answer | { id: number; ms: number; ok: false; killed: string };

/** One child process running cases one at a time; one that overruns the bound is killed and replaced. */
export class Runner {
  private child: ChildProcess | null = null;
  private waiting: ((a: Answer | { ready: true }) => void) | null = null;
  private next = 1;

  private async start(): Promise<void> {
    const child = spawn(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', path.join(ROOT, 'test/fuzz/runner.ts')], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.child = child;
    // Handlers belong to this child: a killed one's late events must not touch its successor's case.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(MARK) || this.child !== child) return;
      const cb = this.waiting;
      this.waiting = null;
      cb?.(JSON.parse(line.slice(MARK.length)));
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      const cb = this.waiting;
      this.waiting = null;
      cb?.({ id: -1, ms: 0, ok: false, crash: { name: 'Exit', message: `runner exited (${signal ?? `code ${code}`})`, stack: '' } });
    });
    // Loading the language models takes a few seconds: not part of any case's time.
    await new Promise<void>((resolve, reject) => {
      this.waiting = (a) => ('ready' in a ? resolve() : reject(new Error('runner failed to start')));
    });
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Starts the process and runs one small case (models load lazily), so that no property's time pays for it. */
  async warm(): Promise<void> {
    await this.run({ op: 'analyze', input: 'The council met on Monday. "We will not raise fares," the mayor said.', store: true }, 120_000);
  }

  /** Runs one case. Calls are queued: a case left running by an interrupted property finishes (or is killed) first. */
  run(req: Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never, boundMs = BOUND_MS * WALL_FACTOR): Promise<Result> {
    const r = this.queue.then(() => this.runNow(req, boundMs));
    this.queue = r.catch(() => undefined);
    return r;
  }

  private async runNow(req: Omit<Request, 'id'>, boundMs: number): Promise<Result> {
    if (!this.child) await this.start();
    const id = this.next++;
    const t0 = performance.now();
    const answer = new Promise<Answer>((resolve) => (this.waiting = resolve as (a: Answer | { ready: true }) => void));
    this.child!.stdin!.write(JSON.stringify({ ...req, id }) + '\n');
    let timer: NodeJS.Timeout | undefined;
    const pid = this.child!.pid;
    const cpu0 = cpuOf(pid);
    const wallMs = cpu0 === null ? Math.min(boundMs, 3 * BOUND_MS) : boundMs;
    const timeout = new Promise<string>((resolve) => {
      const check = () => {
        const cpu = cpuOf(pid);
        if (cpu !== null && cpu0 !== null && cpu - cpu0 > BOUND_MS * 1.25) return resolve(`over ${BOUND_MS} ms of CPU without an answer: killed`);
        if (performance.now() - t0 > wallMs) return resolve(`no answer within ${Math.round(wallMs)} ms: killed`);
        timer = setTimeout(check, 250);
      };
      timer = setTimeout(check, 250);
    });
    const r = await Promise.race([answer, timeout]);
    clearTimeout(timer);
    if (typeof r === 'string') {
      const child = this.child;
      this.waiting = null;
      this.child = null;
      child?.kill('SIGKILL');
      return { id, ms: performance.now() - t0, ok: false, killed: r };
    }
    if (r.id === -1) return { id, ms: performance.now() - t0, ok: false, killed: r.ok ? '' : 'crash' in r ? r.crash.message : '' };
    if (r.id !== id) throw new Error(`runner answered case ${r.id} to case ${id}`);
    return r;
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = null;
  }
}

/** The answer must be a success or a one-line user error, within the bound: a crash or a kill fails the case. */
export function expectHandled(r: Result, what: string): asserts r is Extract<Answer, { ok: true }> | Extract<Answer, { userError: string }> {
  if ('killed' in r) throw new Error(`${what}: ${r.killed || 'runner died'} (hang, blow-up or crash of the process)`);
  if (!r.ok && 'crash' in r) throw new Error(`${what}: exception escaped: ${r.crash.name}: ${r.crash.message}\n${r.crash.stack}`);
  const spent = r.cpuMs ?? r.ms;
  if (spent > BOUND_MS) throw new Error(`${what}: took ${Math.round(spent)} ms of CPU (${Math.round(r.ms)} ms wall), over the bound of ${BOUND_MS} ms`);
  if (!r.ok && /\n/.test(r.userError)) throw new Error(`${what}: user error is not one line: ${JSON.stringify(r.userError)}`);
}

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function fail(msg: string): never {
  throw new Error(msg);
}

/** Every check a report must pass whatever the input: valid JSON, the schema, offsets inside the text. */
export function checkReport(json: string, inputChars: number, sources?: Record<string, string>): Report {
  let r: Report;
  try {
    r = JSON.parse(json) as Report;
  } catch (e) {
    return fail(`JSON output does not parse: ${(e as Error).message}`);
  }
  if (!validate(r)) fail(`report fails the schema: ${(validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  const text = r.article.text;
  const n = text.length;
  const inside = (what: string, s: { start: number; end: number }) => {
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= n))
      fail(`${what}: [${s.start}, ${s.end}) is not a span inside the text (length ${n})`);
  };
  const title = r.article.title ?? '';
  const sliceIs = (what: string, s: { start: number; end: number; text: string; field?: string }) => {
    // Headline mentions and times (field "title") are offsets into the title, not the body.
    if (s.field === 'title') {
      if (!(0 <= s.start && s.start <= s.end && s.end <= title.length) || title.slice(s.start, s.end) !== s.text) fail(`${what}: not a slice of the title`);
      return;
    }
    inside(what, s);
    if (text.slice(s.start, s.end) !== s.text) fail(`${what}: text ${JSON.stringify(s.text.slice(0, 60))} is not text.slice(${s.start}, ${s.end}) = ${JSON.stringify(text.slice(s.start, s.end).slice(0, 60))}`);
  };
  const sentenceRef = (what: string, i: number | null) => {
    if (i !== null && !(Number.isInteger(i) && i >= 0 && i < r.sentences.length)) fail(`${what}: sentence ${i} of ${r.sentences.length}`);
  };
  let prevEnd = 0;
  r.sentences.forEach((s, i) => {
    if (s.index !== i) fail(`sentence ${i} has index ${s.index}`);
    sliceIs(`sentence ${i}`, s);
    if (s.start < prevEnd) fail(`sentence ${i} starts at ${s.start}, inside sentence ${i - 1} (ends at ${prevEnd})`);
    prevEnd = s.end;
    s.sources.forEach((src, j) => {
      const t = sources?.[src.docId];
      if (t === undefined) fail(`sentence ${i} source ${j}: unknown document ${src.docId}`);
      if (!(0 <= src.start && src.start <= src.end && src.end <= t.length)) fail(`sentence ${i} source ${j}: [${src.start}, ${src.end}) outside its source (length ${t.length})`);
      if (t.slice(src.start, src.end) !== src.text) fail(`sentence ${i} source ${j}: text is not the source's slice`);
    });
  });
  r.findings.forEach((f, i) => {
    inside(`finding ${i} (${f.ruleId})`, f);
    sentenceRef(`finding ${i}`, f.sentence);
  });
  r.entities.forEach((e, i) => e.mentions.forEach((m, j) => sliceIs(`entity ${i} mention ${j}`, m)));
  r.quotes.forEach((q, i) => {
    sliceIs(`quote ${i}`, q);
    sentenceRef(`quote ${i}`, q.sentence);
    if (q.cueStart !== undefined || q.cueEnd !== undefined) inside(`quote ${i} cue`, { start: q.cueStart ?? -1, end: q.cueEnd ?? -1 });
    if (q.speaker.start !== undefined || q.speaker.end !== undefined) inside(`quote ${i} speaker`, { start: q.speaker.start ?? -1, end: q.speaker.end ?? -1 });
  });
  r.timeline.forEach((t, i) => {
    sliceIs(`timeline ${i}`, t);
    if (t.field === 'title') {
      if (t.sentence !== 0) fail(`timeline ${i}: a headline time has sentence ${t.sentence}, not 0`);
    } else sentenceRef(`timeline ${i}`, t.sentence);
  });
  if (r.summary.spliceMap.length !== r.sentences.length) fail('summary.spliceMap does not have one entry per sentence');
  for (const reason of r.verdict.reasons) for (const k of reason.findings) if (!(k >= 0 && k < r.findings.length)) fail(`verdict reason points at finding ${k} of ${r.findings.length}`);
  // Linear in the input: the body text, each sentence and an object of ~170 bytes per word or two (a
  // reported-speech span per "said") fit; a span repeated per word of a long sentence does not ("400 KB of
  // unpunctuated words gave 266 MB of JSON"): quadratic growth passes any constant factor.
  const limit = 60 * inputChars + 200_000;
  if (json.length > limit) fail(`report is ${json.length} chars for ${inputChars} chars of input (over ${limit}: not linear)`);
  return r;
}
