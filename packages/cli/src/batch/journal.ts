// The journal of a batch run: one JSON line per event, appended with a synchronous write the
// moment it is known, so that a run killed at any instant leaves every line's state on disk.
// A line is `sent` before its request is handed to the network; its outcome follows. A `sent`
// without an outcome means the run died mid-call: the request may have been acted on.
import { closeSync, existsSync, fdatasyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { UsageError } from '../exit-codes.js';

/** What became of one input line. */
export type LineState =
  /** Handed to the network; no outcome recorded (yet). */
  | 'sent'
  /** The API answered with success. */
  | 'done'
  /** The request was refused and provably had no effect (an API error answer, or it never left). */
  | 'failed'
  /** It may have reached the server and its effect is not known (timeout, dropped connection, 5xx). */
  | 'unknown'
  /** Invalid input: nothing was sent. */
  | 'invalid';

export interface LineRecord {
  readonly line: number;
  readonly state: LineState;
  /** sha256 (first 16 hex digits) of the input line's text: a changed line is noticed. */
  readonly hash: string;
  readonly at: string;
  readonly requestId?: string;
  readonly code?: string;
  readonly message?: string;
  readonly response?: unknown;
  readonly problems?: readonly string[];
}

export interface RunHeader {
  readonly journal: 'alidomain batch';
  readonly version: 1;
  readonly action: string;
  readonly from: string;
  readonly started: string;
}

// node:crypto at first use: an import of it is part of every start-up of the command (this module is
// in the start-up bundle), and the import's namespace loads all of WebCrypto.
const crypto = () => process.getBuiltinModule('node:crypto');

export const lineHash = (text: string): string => crypto().createHash('sha256').update(text).digest('hex').slice(0, 16);

interface Parsed {
  readonly header: RunHeader | undefined;
  readonly lines: Map<number, LineRecord>;
  /** Lines with a `sent` record in any run: an unsafe Action is never sent for them again. */
  readonly everSent: Set<number>;
}

function parse(path: string, text: string): Parsed {
  const lines = new Map<number, LineRecord>();
  const everSent = new Set<number>();
  let header: RunHeader | undefined;
  const rows = text.split('\n');
  rows.forEach((row, i) => {
    if (row.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(row) as unknown;
    } catch {
      // Only the last line can be cut short (the run died while writing it); anything else is damage.
      if (rows.slice(i + 1).every((r) => r.trim() === '')) return;
      throw new UsageError(
        `--journal ${path}: line ${i + 1} is not JSON, so the journal cannot say which calls were sent. Repair that line by hand (each line is one JSON record); a new journal would send again every line, including those already sent`,
      );
    }
    const rec = value as Partial<LineRecord & RunHeader>;
    if (rec.journal === 'alidomain batch') header ??= rec as RunHeader;
    else if (typeof rec.line === 'number' && typeof rec.state === 'string') {
      lines.set(rec.line, rec as LineRecord);
      if (rec.state === 'sent') everSent.add(rec.line);
    }
  });
  return { header, lines, everSent };
}

export class Journal {
  readonly #fd: number;
  readonly #parsed: Parsed;
  readonly #durable: boolean;
  readonly #scrub: (text: string) => string;

  private constructor(fd: number, parsed: Parsed, durable: boolean, scrub: (text: string) => string) {
    this.#fd = fd;
    this.#parsed = parsed;
    this.#durable = durable;
    this.#scrub = scrub;
  }

  /**
   * Opens (or creates) the journal of a run of `action` over `from`, refusing one of another
   * Action. `durable`: `sent` records are flushed to the disk before the request goes out, so that
   * even a power cut cannot lose the fact that an unsafe call may have been made. `scrub` removes
   * the credentials in use from anything a server echoed.
   */
  static open(path: string, action: string, from: string, durable: boolean, scrub: (text: string) => string): Journal {
    const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const parsed = parse(path, text);
    // A record cut short by a kill is dropped, so that this run's records start on a line of their
    // own. It was either a `sent` written before its request left (the request never did) or an
    // outcome, whose line stays `sent`: unknown, never re-sent for an unsafe Action.
    if (text !== '' && !text.endsWith('\n')) truncateSync(path, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    if (parsed.header && parsed.header.action !== action)
      throw new UsageError(`--journal ${path} records a batch of ${parsed.header.action}, not ${action}; use a new journal`);
    if (parsed.lines.size > 0 && !parsed.header) throw new UsageError(`--journal ${path} is not an alidomain batch journal`);
    const journal = new Journal(openSync(path, 'a'), parsed, durable, scrub);
    const header: RunHeader = { journal: 'alidomain batch', version: 1, action, from, started: new Date().toISOString() };
    journal.#append(header);
    return journal;
  }

  /** The last record of `line` in this journal (from earlier runs or this one). */
  last(line: number): LineRecord | undefined {
    return this.#parsed.lines.get(line);
  }

  /** Whether a request for `line` may ever have been handed to the network. */
  everSent(line: number): boolean {
    return this.#parsed.everSent.has(line);
  }

  record(rec: Omit<LineRecord, 'at'>): void {
    const full = { ...rec, at: new Date().toISOString() } as LineRecord;
    this.#parsed.lines.set(rec.line, full);
    if (rec.state === 'sent') this.#parsed.everSent.add(rec.line);
    this.#append(full);
    if (rec.state === 'sent' && this.#durable) fdatasyncSync(this.#fd);
  }

  /** A record that is not a line's (the summary at the end of a run). */
  note(value: Record<string, unknown>): void {
    this.#append(value);
  }

  close(): void {
    closeSync(this.#fd);
  }

  /** The whole line, written at once: a kill leaves it whole or (the last one) cut short. */
  #append(value: unknown): void {
    const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    const bytes = Buffer.from(this.#scrub(text) + '\n');
    // A short write (a full disk) writes the rest, or throws before the request goes out.
    for (let at = 0; at < bytes.length;) at += writeSync(this.#fd, bytes, at);
  }
}
