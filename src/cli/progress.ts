// One progress line on stderr: how far the inputs have been read and, when given, what the command did
// with them. Redrawn in place on a terminal; with --progress elsewhere (a log file), one line every few
// seconds and one when an input is read to its end.
import type { ReadProgress } from '../ingest/stream.js';

export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export class ProgressLine {
  private read: ReadProgress | null = null;
  private status = '';
  private last = 0;
  private lastInput = '';
  private finished = '';
  readonly enabled: boolean;

  constructor(
    private readonly tty: boolean,
    forced: boolean,
    private readonly out: NodeJS.WritableStream = process.stderr,
    private readonly everyMs = tty ? 100 : 2000,
  ) {
    this.enabled = tty || forced;
  }

  private text(): string {
    const r = this.read;
    const parts: string[] = [];
    if (r) {
      const pct = r.total ? ` ${Math.min(100, Math.floor((100 * r.bytes) / r.total))}%` : '';
      parts.push(`reading ${r.input}:${pct} (${fmtBytes(r.bytes)}${r.total ? ` of ${fmtBytes(r.total)}` : ''}), ${r.records} records`);
    }
    if (this.status) parts.push(this.status);
    return parts.join(' | ');
  }

  private draw(force: boolean): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    this.out.write(this.tty ? `\r\x1b[K${this.text()}` : `${this.text()}\n`);
  }

  onRead = (p: ReadProgress): void => {
    const done = p.total > 0 && p.bytes >= p.total && this.finished !== p.input;
    if (done) this.finished = p.input;
    const fresh = p.input !== this.lastInput;
    this.lastInput = p.input;
    this.read = p;
    // A log gets the line that says an input was read to its end.
    this.draw(fresh || (done && !this.tty));
  };

  /** What the command did so far ("indexing: 120 documents, ..."). */
  update(status: string, force = false): void {
    this.status = status;
    this.draw(force);
  }

  /** Clears the line before other output on a terminal. */
  clear(): void {
    if (this.enabled && this.tty) this.out.write('\r\x1b[K');
  }
}
