// Faults a test asks for, per Action or for all ('*'): an API error (Throttling, ServiceUnavailable,
// InternalError… with the catalogue's status), added latency, or a dropped connection; each for a
// number of requests or until removed. And the rate limits: the document's per-Action QPS, or
// limits given to the emulator, answered with Throttling.
import { performance } from 'node:perf_hooks';
import { actions } from './generated/actions.js';
import { errorCatalogue } from './generated/errors.js';

export type Fault =
  /** Answer with this API error code (its status from the catalogue unless given). */
  | { readonly action: string; readonly error: string; readonly status?: number; readonly count?: number }
  /** Wait this long before answering. */
  | { readonly action: string; readonly latencyMs: number; readonly count?: number }
  /** Close the connection without answering. */
  | { readonly action: string; readonly drop: true; readonly count?: number };

export interface ActiveFault {
  readonly fault: Fault;
  /** Requests it still applies to (Infinity: until removed). */
  remaining: number;
}

const known = (action: string) => action === '*' || Object.hasOwn(actions, action);

/** Why `fault` cannot be applied, or undefined when it can (a misspelt Action would otherwise never match). */
export function faultProblem(fault: Fault): string | undefined {
  if (typeof fault.action !== 'string' || !known(fault.action))
    return `action ${JSON.stringify(fault.action)}: expected an Action of the API or '*'`;
  if (fault.count !== undefined && !(Number.isSafeInteger(fault.count) && fault.count >= 1))
    return `count ${JSON.stringify(fault.count)}: expected a whole number of requests, at least 1`;
  if ('latencyMs' in fault) {
    if (!(Number.isFinite(fault.latencyMs) && fault.latencyMs >= 0))
      return `latencyMs ${JSON.stringify(fault.latencyMs)}: expected milliseconds, 0 or more`;
  } else if ('error' in fault) {
    if (typeof fault.error !== 'string' || !/^[A-Za-z][\w.]*$/.test(fault.error))
      return `error ${JSON.stringify(fault.error)}: expected an API error code`;
    if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599))
      return `status ${JSON.stringify(fault.status)}: expected an HTTP error status (400-599)`;
  } else if ((fault as { drop?: unknown }).drop !== true) return 'expected one of error, latencyMs or drop: true';
  return undefined;
}

/** What take() answers when no fault is active: the common case, without an allocation. */
const NONE = Object.freeze({ latencyMs: 0 });

export class Faults {
  private readonly active: ActiveFault[] = [];

  /** Adds a fault; the returned function removes it. Throws a TypeError for a fault that cannot apply. */
  add(fault: Fault): () => void {
    const problem = faultProblem(fault);
    if (problem !== undefined) throw new TypeError(`fault: ${problem}`);
    const entry: ActiveFault = { fault, remaining: fault.count ?? Infinity };
    this.active.push(entry);
    return () => {
      const at = this.active.indexOf(entry);
      if (at >= 0) this.active.splice(at, 1);
    };
  }

  clear(): void {
    this.active.length = 0;
  }

  /** The faults that apply to one request of `action`, each counted once: every latency (added up), then the first error or drop. */
  take(action: string): { latencyMs: number; outcome?: Fault } {
    if (this.active.length === 0) return NONE;
    let latencyMs = 0;
    let outcome: Fault | undefined;
    for (const entry of [...this.active]) {
      const f = entry.fault;
      if (f.action !== '*' && f.action !== action) continue;
      if ('latencyMs' in f) latencyMs += f.latencyMs;
      else if (outcome === undefined) outcome = f;
      else continue;
      if (--entry.remaining <= 0) this.active.splice(this.active.indexOf(entry), 1);
    }
    return outcome === undefined ? { latencyMs } : { latencyMs, outcome };
  }
}

/** Waits at least `ms` by the monotonic clock (a timer may fire a little early by it). */
export async function delay(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) await new Promise((r) => setTimeout(r, Math.ceil(left)));
}

const catalogued = new Set(errorCatalogue.map((e) => e.code));

/**
 * `ACTION:CODE[:COUNT]` as the command line takes it: ACTION an Action name or `*`; CODE an error
 * code of the catalogue, `drop`, or `latency=MS`; COUNT how many requests it applies to (default:
 * all). Errors name the flag and what was expected.
 */
export function parseFault(text: string): Fault {
  const flag = `--fault ${JSON.stringify(text)}`;
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3)
    throw new Error(`${flag}: expected ACTION:CODE[:COUNT] (ACTION an Action name or *, CODE an error code, drop or latency=MS)`);
  const [action, what, n] = parts as [string, string, string | undefined];
  if (!known(action))
    throw new Error(
      `${flag}: ACTION ${JSON.stringify(action)} is not an Action of the API; expected an Action name (such as CheckDomain) or *`,
    );
  if (n !== undefined && !/^[1-9]\d*$/.test(n))
    throw new Error(`${flag}: COUNT ${JSON.stringify(n)}: expected a whole number of requests, at least 1`);
  const count = n === undefined ? {} : { count: Number(n) };
  if (what === 'drop') return { action, drop: true, ...count };
  const latency = /^latency=(.*)$/.exec(what);
  if (latency) {
    if (!/^\d+$/.test(latency[1]!))
      throw new Error(`${flag}: latency=${latency[1]}: expected latency=MS, MS a whole number of milliseconds`);
    return { action, latencyMs: Number(latency[1]), ...count };
  }
  if (!catalogued.has(what))
    throw new Error(
      `${flag}: CODE ${JSON.stringify(what)}: expected an error code of the API's catalogue (such as Throttling, ServiceUnavailable or InternalError), drop or latency=MS`,
    );
  return { action, error: what, ...count };
}

/** Requests per second allowed for one Action: per AccessKeyId and in all. */
export interface RateLimit {
  readonly perUser?: number;
  readonly total?: number;
}

/** Counts the requests admitted in the last second, per key. */
export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  /** Admits a request when every `[key, limit]` has room, counting it against all of them; otherwise counts it nowhere. */
  admit(limits: readonly (readonly [key: string, limit: number])[], now: number): boolean {
    const windows = limits.map(([key, limit]) => {
      let times = this.windows.get(key);
      if (times === undefined) this.windows.set(key, (times = []));
      while (times.length > 0 && now - times[0]! >= 1000) times.shift();
      return { times, limit };
    });
    if (windows.some((w) => w.times.length >= w.limit)) return false;
    for (const w of windows) w.times.push(now);
    return true;
  }
}

/** Why `limits` cannot be used, or undefined. */
export function rateLimitsProblem(limits: Readonly<Record<string, RateLimit>>): string | undefined {
  for (const [action, limit] of Object.entries(limits)) {
    if (!Object.hasOwn(actions, action)) return `rateLimits.${action}: expected an Action of the API`;
    for (const k of ['perUser', 'total'] as const) {
      const v = limit[k];
      if (v !== undefined && !(Number.isSafeInteger(v) && v >= 1))
        return `rateLimits.${action}.${k}: expected a whole number of requests per second, at least 1; received ${JSON.stringify(v)}`;
    }
  }
  return undefined;
}
