// Where the command writes: results on stdout, messages and progress on stderr. Every byte goes
// through one place, so the credentials in use can be scrubbed from all of it, whatever a server
// echoes or a message quotes.
import { percentEncode } from '@alidomain/core/internal';

interface Stream {
  write(chunk: string, callback?: (err?: Error | null) => void): boolean;
  on?(event: 'error', listener: (err: NodeJS.ErrnoException) => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export class Terminal {
  readonly #secrets: string[] = [];
  #progressShown = false;
  readonly #closed = new Set<Stream>();

  constructor(
    readonly stdout: Stream = process.stdout,
    readonly stderr: Stream = process.stderr,
  ) {
    // A reader that has gone (`alidomain … | head -1`) is no one to write to; the command goes on
    // to its own end and exit code, which the shell still sees.
    for (const stream of [stdout, stderr])
      stream.on?.('error', (err) => {
        if (err.code !== 'EPIPE') throw err;
        this.#closed.add(stream);
      });
  }

  /** Whether stdout's reader has gone: output that only feeds it can stop. */
  get stdoutClosed(): boolean {
    return this.#closed.has(this.stdout);
  }

  #write(stream: Stream, text: string): void {
    if (!this.#closed.has(stream)) stream.write(text);
  }

  get stdoutIsTTY(): boolean {
    return this.stdout.isTTY === true;
  }

  get stderrIsTTY(): boolean {
    return this.stderr.isTTY === true;
  }

  /**
   * Values never to print: an AccessKeySecret, a SecurityToken, raw, percent-encoded (once or
   * twice) and as inside a JSON string. (Fewer than 4 characters is no secret: scrubbing it would
   * only garble the output.)
   */
  hide(...values: readonly (string | undefined)[]): void {
    for (const v of values) {
      if (v === undefined || v.length < 4) continue;
      for (const form of [percentEncode(percentEncode(v)), percentEncode(v), v, JSON.stringify(v).slice(1, -1)])
        if (!this.#secrets.includes(form)) this.#secrets.push(form);
    }
    // Longest first, so that an encoded form is scrubbed whole before the raw value inside it.
    this.#secrets.sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const s of this.#secrets) if (out.includes(s)) out = out.split(s).join('***');
    return out;
  }

  /** Text as it is on stdout (a completion script, commander's help). */
  raw(text: string): void {
    this.#write(this.stdout, this.scrub(text));
  }

  /** Text as it is on stderr (commander's messages). */
  rawError(text: string): void {
    this.#write(this.stderr, this.scrub(text));
  }

  /** A line of result on stdout. */
  print(text: string): void {
    // On a terminal both streams share the screen: a result must not land on the progress line.
    if (this.stdoutIsTTY) this.clearProgress();
    this.#write(this.stdout, this.scrub(text) + '\n');
  }

  /** A value as JSON on stdout: indented for a person at a terminal, one line for a program. */
  json(value: unknown): void {
    this.print(toJson(value, this.stdoutIsTTY ? 2 : undefined));
  }

  /** A message on stderr (after clearing a progress line). */
  warn(text: string): void {
    this.clearProgress();
    this.#write(this.stderr, this.scrub(text) + '\n');
  }

  /** A progress line on stderr, rewritten in place; shown only on a terminal. */
  progress(text: string): void {
    if (!this.stderrIsTTY) return;
    // A terminal of unknown size (0 columns) is taken as 80 wide.
    const columns = this.stderr.columns ?? 0;
    const width = Math.max(20, (columns > 0 ? columns : 80) - 1);
    this.#write(this.stderr, `\r\u001b[2K${this.scrub(text).slice(0, width)}`);
    this.#progressShown = true;
  }

  clearProgress(): void {
    if (!this.#progressShown) return;
    this.#write(this.stderr, '\r\u001b[2K');
    this.#progressShown = false;
  }

  /** Resolves once everything written so far has been handed to the system (before process.exit). */
  async flush(): Promise<void> {
    this.clearProgress();
    const open = [this.stdout, this.stderr].filter((s) => !this.#closed.has(s));
    await Promise.all(open.map((s) => new Promise<void>((resolve) => s.write('', () => resolve()))));
  }
}

// int64 values beyond 2^53 arrive as bigint: written as JSON numbers, digit for digit.
const BIG = '\u0000bigint:';

/** JSON text of a response value; bigints become exact JSON numbers. */
export function toJson(value: unknown, indent?: number): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${BIG}${v}` : v), indent);
  // JSON.stringify writes the marker's NUL as the escape \u0000.
  return text.includes('\\u0000bigint:') ? text.replace(/"\\u0000bigint:(-?\d+)"/g, '$1') : text;
}
