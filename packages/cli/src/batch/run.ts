// A batch run: one call per input line, at most `concurrency` at once, paced, each outcome in the
// journal the moment it is known. What a line's journal history allows is decided in planLine();
// what an error means for a line, in outcomeOf(). Both are the whole of the "never twice" rule.
import {
  DomainApiError,
  DomainResponseError,
  DomainTransportError,
  DomainValidationError,
  isThrottling,
  type DomainClientCore,
  type Transport,
} from '@alidomain/core';
import { isThrottlingCode, isTransientApiAnswer, loadXmlSupport, looksLikeXml, parseError } from '@alidomain/core/internal';
import type { ActionCommand } from '../command-types.js';
import { UsageError } from '../exit-codes.js';
import { problemLine, problemsOf } from '../validation.js';
import { lineHash, type Journal, type LineRecord } from './journal.js';
import { Stopped, type Pacer } from './pacer.js';

export interface InputLine {
  /** 1-based line number in the input file. */
  readonly line: number;
  readonly text: string;
}

export interface BatchRun {
  readonly command: ActionCommand;
  readonly items: readonly InputLine[];
  readonly journal: Journal;
  readonly concurrency: number;
  readonly pacer: Pacer;
  /** Send again the lines of an unsafe Action whose earlier call was refused (their failure is definite). */
  readonly retryFailed: boolean;
  /** The shared transport (one connection pool for the run). */
  readonly transport: Transport;
  /** A client that sends through `transport`. */
  readonly clientWith: (transport: Transport) => DomainClientCore;
  /** Aborted to stop starting lines (Ctrl-C); calls in flight finish. */
  readonly stop: AbortSignal;
  readonly onProgress?: (summary: Summary) => void;
}

export interface Summary {
  readonly lines: number;
  done: number;
  /** Of `done`: lines done by an earlier run, skipped now. */
  skipped: number;
  failed: number;
  unknown: number;
  invalid: number;
  /** Lines not started because the run was stopped. */
  notStarted: number;
  readonly failedLines: { line: number; code?: string; message?: string }[];
  readonly unknownLines: { line: number; message?: string }[];
  readonly invalidLines: { line: number; problems: readonly string[] }[];
}

type Plan =
  | { readonly kind: 'skip' }
  | { readonly kind: 'send' }
  /** An unsafe Action's line the journal shows as sent: reported as it stands, never sent again. */
  | { readonly kind: 'report'; readonly record: LineRecord };

/** What a line's history in the journal allows. */
export function planLine(journal: Journal, line: number, unsafe: boolean, retryFailed: boolean): Plan {
  const last = journal.last(line);
  if (last?.state === 'done') return { kind: 'skip' };
  if (!unsafe || !journal.everSent(line)) return { kind: 'send' };
  // A definite refusal had no effect: sending it again is the user's explicit choice (--retry-failed).
  if (last?.state === 'failed' && retryFailed) return { kind: 'send' };
  return { kind: 'report', record: last! };
}

/**
 * What a failed call means for its line. `sent`: the request was handed to the network.
 * - invalid: rejected before sending;
 * - failed: refused with no effect: never sent, never connected, or an API error answer that is
 *   not a server failure (Throttling included: the gateway refuses before the service acts);
 * - unknown: it may have been acted on (a timeout or a dropped connection after sending,
 *   an unreadable answer, InternalError, ServiceUnavailable or another 5xx).
 */
export function outcomeOf(err: unknown, sent: boolean): 'invalid' | 'failed' | 'unknown' {
  if (err instanceof DomainValidationError) return 'invalid';
  if (!sent) return 'failed';
  if (err instanceof DomainApiError)
    return isThrottlingCode(err.code) || !isTransientApiAnswer(err.code, err.statusCode) ? 'failed' : 'unknown';
  if (err instanceof DomainTransportError) return err.reachedServer ? 'unknown' : 'failed';
  if (err instanceof DomainResponseError) return 'unknown';
  return 'unknown';
}

/**
 * Refuses to run when the input changed under the journal: a line recorded as done, or (unsafe
 * Actions) as sent, whose text differs now. Skipping it would drop the new text; sending it would
 * act on a line whose earlier call may have taken effect.
 */
export function checkUnchanged(items: readonly InputLine[], journal: Journal, unsafe: boolean, from: string): void {
  const changed = items.filter(({ line, text }) => {
    const last = journal.last(line);
    const recorded = last?.state === 'done' || (unsafe && journal.everSent(line));
    return recorded && last !== undefined && last.hash !== lineHash(text);
  });
  if (changed.length === 0) return;
  const list =
    changed
      .slice(0, 10)
      .map((c) => c.line)
      .join(', ') + (changed.length > 10 ? `, … (${changed.length} in all)` : '');
  throw new UsageError(
    `--from ${from}: line ${list} changed since the journal recorded ${changed.length === 1 ? 'it' : 'them'} as ${unsafe ? 'sent' : 'done'}; a journal belongs to one input (restore the lines, or use a new journal)`,
  );
}

/** How many times a safe line throttled past the client's retries goes again before it is `failed`. */
const MAX_THROTTLED = 10;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export async function executeBatch(run: BatchRun): Promise<Summary> {
  const { command, journal } = run;
  const unsafe = command.meta.retry === 'unsafe';
  const summary: Summary = {
    lines: run.items.length,
    done: 0,
    skipped: 0,
    failed: 0,
    unknown: 0,
    invalid: 0,
    notStarted: 0,
    failedLines: [],
    unknownLines: [],
    invalidLines: [],
  };
  const progress = () => run.onProgress?.(summary);
  // A function: the signal can be aborted while a worker awaits (TypeScript's narrowing cannot see that).
  const stopped = () => run.stop.aborted;

  const finish = (
    line: number,
    outcome: 'failed' | 'unknown' | 'invalid',
    detail: { code?: string | undefined; message?: string | undefined; problems?: readonly string[] },
  ) => {
    if (outcome === 'invalid') {
      summary.invalid++;
      summary.invalidLines.push({ line, problems: detail.problems ?? [] });
    } else if (outcome === 'failed') {
      summary.failed++;
      summary.failedLines.push({
        line,
        ...(detail.code ? { code: detail.code } : {}),
        ...(detail.message ? { message: detail.message } : {}),
      });
    } else {
      summary.unknown++;
      summary.unknownLines.push({ line, ...(detail.message ? { message: detail.message } : {}) });
    }
  };

  /** The line's input when it is to be sent now; anything else is recorded and counted here. */
  function prepare({ line, text }: InputLine): Record<string, unknown> | undefined {
    const plan = planLine(journal, line, unsafe, run.retryFailed);
    if (plan.kind === 'skip') {
      summary.done++;
      summary.skipped++;
      return undefined;
    }
    if (plan.kind === 'report') {
      const r = plan.record;
      // A `sent` with no outcome: the run that sent it died before the answer came.
      const state = r.state === 'failed' ? 'failed' : 'unknown';
      const message = r.state === 'sent' ? 'sent by an earlier run that stopped before the answer came' : r.message;
      finish(line, state, { code: r.code, message });
      return undefined;
    }
    let input: unknown;
    try {
      input = JSON.parse(text) as unknown;
    } catch {
      input = undefined;
    }
    const problems = isObject(input) ? problemsOf(command, input).map(problemLine) : ['(line): expected a JSON object of parameters'];
    if (problems.length > 0) {
      journal.record({ line, state: 'invalid', hash: lineHash(text), problems });
      finish(line, 'invalid', { problems });
      return undefined;
    }
    return input as Record<string, unknown>;
  }

  async function send({ line, text }: InputLine, input: Record<string, unknown>): Promise<void> {
    const hash = lineHash(text);
    // An object, not a let: the transport sets it, where TypeScript's narrowing does not look.
    const call = { sent: false };
    const transport: Transport = async (request) => {
      // Every attempt waits for a start slot here, where it leaves: the client's own retries are
      // paced too, and what the journal's times show is the pace.
      await run.pacer.take();
      if (!call.sent && stopped()) throw new Stopped();
      // Recorded before the request leaves: if the run dies from here on, the line is `sent`.
      if (!call.sent) journal.record({ line, state: 'sent', hash });
      call.sent = true;
      const response = await run.transport(request);
      if (response.status >= 400) {
        const xml = looksLikeXml(response.body);
        if (xml) await loadXmlSupport();
        if (isThrottling(parseError(command.meta, response.status, response.body, xml ? 'XML' : 'JSON', response.headers)))
          run.pacer.throttled();
      }
      return response;
    };
    const client = run.clientWith(transport);
    for (let throttled = 0; ; throttled++) {
      try {
        const result = await client.send<unknown, Record<string, unknown>>(command.meta, input);
        const requestId = typeof result.RequestId === 'string' ? { requestId: result.RequestId } : {};
        journal.record({ line, state: 'done', hash, ...requestId, response: result });
        run.pacer.succeeded();
        summary.done++;
        return;
      } catch (err) {
        // Throttled past the client's own retries: a safe or idempotent call goes again, at the
        // slower pace. An unsafe one is not repeated by the toolkit: it is `failed`,
        // for --retry-failed.
        if (!unsafe && isThrottling(err) && throttled < MAX_THROTTLED && !stopped()) continue;
        if (!(err instanceof Stopped)) record(line, hash, err, call.sent);
        else if (!call.sent) summary.notStarted++;
        else {
          // Stopped before a retry: the attempt before it may have been acted on.
          const message = 'the run stopped before the call was sent again';
          journal.record({ line, state: 'unknown', hash, message });
          finish(line, 'unknown', { message });
        }
        return;
      }
    }
  }

  /** Journals and counts the failure of a line's call. */
  function record(line: number, hash: string, err: unknown, sent: boolean): void {
    const outcome = outcomeOf(err, sent);
    if (outcome === 'invalid') {
      const list = (err as DomainValidationError).problems.map(problemLine);
      journal.record({ line, state: 'invalid', hash, problems: list });
      finish(line, 'invalid', { problems: list });
      return;
    }
    const code = err instanceof DomainApiError ? err.code : err instanceof DomainTransportError ? err.code : undefined;
    const requestId = err instanceof DomainApiError ? err.requestId : undefined;
    const message = err instanceof DomainApiError ? err.apiMessage : err instanceof Error ? err.message : String(err);
    journal.record({ line, state: outcome, hash, ...(code ? { code } : {}), ...(requestId ? { requestId } : {}), message });
    finish(line, outcome, { code, message });
  }

  let next = 0;
  async function worker(): Promise<void> {
    while (next < run.items.length) {
      if (stopped()) {
        summary.notStarted += run.items.length - next;
        next = run.items.length;
        return;
      }
      const item = run.items[next++]!;
      // Checked before a start slot is taken: an invalid or finished line costs no time.
      const input = prepare(item);
      if (input !== undefined) await send(item, input);
      progress();
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(run.concurrency, run.items.length)) }, worker));
  // Lines finish in any order; they are reported in the input's.
  for (const list of [summary.failedLines, summary.unknownLines, summary.invalidLines]) list.sort((a, b) => a.line - b.line);
  return summary;
}
