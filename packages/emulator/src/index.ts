// @alidomain/emulator: the Alibaba Cloud Domain API (2018-01-29) on 127.0.0.1, stateful, for tests.
//
//   const emulator = await startEmulator();            // testid / testsecret, the default state
//   const client = new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: 'testsecret' });
//   ...
//   await emulator.close();
import type { AddressInfo } from 'node:net';
import { actions } from './generated/actions.js';
import { Faults, rateLimitsProblem, type Fault, type RateLimit } from './faults.js';
import { handlers } from './handlers/index.js';
import { createEmulatorServer, type SeenRequest } from './server.js';
import { checkSeed, checkWritable, loadSeed, saveState } from './persistence.js';
import { EmulatorState, SeedError, type Seed } from './state/store.js';
import defaultSeed from './state/default-state.json' with { type: 'json' };

export type { Fault, RateLimit } from './faults.js';
export { parseFault } from './faults.js';
export { checkSeed, loadSeed, saveState } from './persistence.js';
export type { SeenRequest } from './server.js';
export { EmulatorState, SeedError, type Seed } from './state/store.js';
export type * from './state/records.js';

export interface EmulatorOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** AccessKeyId → AccessKeySecret accepted. Default `{ testid: 'testsecret' }`. */
  readonly accessKeys?: Readonly<Record<string, string>>;
  /** The state to start from: a seed (see README), or the default state when neither this nor `stateFile` is given. */
  readonly seed?: Seed;
  /** Load the state from this file at start (when it exists) and save it there on close. */
  readonly stateFile?: string;
  /** Added to every answer (ms). */
  readonly latencyMs?: number;
  readonly faults?: readonly Fault[];
  /**
   * Rate limits by Action, answered with Throttling. Default: the document's (CheckDomain: 10
   * requests/s per AccessKeyId, 100 in all). `false` turns them all off; an object replaces them.
   */
  readonly rateLimits?: false | Readonly<Record<string, RateLimit>>;
  /** How long a task detail waits, then executes (ms each). Default 1000. */
  readonly taskStepMs?: number;
  /** Allowed difference between a request's timestamp and the emulator's clock (ms). Default 15 minutes. */
  readonly timestampSkewMs?: number;
  /** The emulator's clock (epoch ms). Default Date.now. */
  readonly clock?: () => number;
  /** How many of the latest requests `requests` keeps. Default 100: a request kept longer costs the garbage collector. */
  readonly requestLog?: number;
}

export interface Emulator {
  /** `http://HOST:PORT`: the endpoint to give a client. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** The AccessKeyIds it accepts (their secrets are not repeated here, so logging the emulator shows none). */
  readonly accessKeyIds: readonly string[];
  /** The live state: read it, or change it between calls. */
  readonly state: EmulatorState;
  /** The latest requests received (at least `requestLog` of them), in order. */
  readonly requests: readonly SeenRequest[];
  /**
   * Resolves once `count` requests (of `action`, when given) have been answered or refused since
   * the start, with those of them the log still holds.
   */
  waitForRequests(count: number, action?: string): Promise<SeenRequest[]>;
  /** Adds a fault; the returned function removes it. */
  inject(fault: Fault): () => void;
  /** Stops listening, closes open connections and saves the state to `stateFile` when one was given. */
  close(): Promise<void>;
}

export const DEFAULT_ACCESS_KEYS: Readonly<Record<string, string>> = { testid: 'testsecret' };

/** The document's rate limits, by Action. */
export function documentRateLimits(): Record<string, RateLimit> {
  const out: Record<string, RateLimit> = {};
  for (const [name, a] of Object.entries(actions)) if (a.qps) out[name] = a.qps;
  return out;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const clock = options.clock ?? Date.now;
  const accessKeys = options.accessKeys ?? DEFAULT_ACCESS_KEYS;
  checkOptions(options, accessKeys);
  const { stateFile } = options;
  if (stateFile !== undefined) checkWritable(stateFile);
  // A given seed wins over the file's contents (the file is still written on close).
  const seed =
    options.seed === undefined ? (stateFile === undefined ? (defaultSeed as Seed) : loadSeed(stateFile)) : checkSeed(options.seed);
  let state: EmulatorState;
  try {
    state = new EmulatorState(structuredClone(seed), clock());
  } catch (e) {
    if (e instanceof SeedError && options.seed === undefined && stateFile !== undefined)
      e.message = e.message.replace(/^state: /, `state ${stateFile}: `);
    throw e;
  }
  const faults = new Faults();
  for (const f of options.faults ?? []) faults.add(f);
  // The log keeps the latest `requestLog` requests (a long-running emulator must not grow without
  // bound); the counts, which waitForRequests reads, cover every request.
  const requests: SeenRequest[] = [];
  const logSize = options.requestLog ?? 100;
  let total = 0;
  const byAction = new Map<string, number>();
  const waiters = new Set<() => void>();
  const { server, sockets, stop } = createEmulatorServer({
    keys: new Map(Object.entries(accessKeys)),
    state,
    handlers,
    faults,
    rateLimits: options.rateLimits === false ? {} : (options.rateLimits ?? documentRateLimits()),
    latencyMs: options.latencyMs ?? 0,
    taskStepMs: options.taskStepMs ?? 1000,
    skewMs: options.timestampSkewMs ?? 15 * 60_000,
    clock,
    onRequest: (r) => {
      total++;
      if (r.action !== undefined) byAction.set(r.action, (byAction.get(r.action) ?? 0) + 1);
      requests.push(r);
      // Trimmed in batches, so that each request costs O(1) on average.
      if (requests.length >= 2 * logSize) requests.splice(0, requests.length - logSize);
      if (waiters.size > 0) for (const w of [...waiters]) w();
    },
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    host,
    accessKeyIds: Object.keys(accessKeys),
    state,
    requests,
    waitForRequests: (count, action) =>
      new Promise((resolve) => {
        const check = () => {
          if ((action === undefined ? total : (byAction.get(action) ?? 0)) < count) return;
          waiters.delete(check);
          resolve(action === undefined ? [...requests] : requests.filter((r) => r.action === action));
        };
        waiters.add(check);
        check();
      }),
    inject: (fault) => faults.add(fault),
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        stop();
        server.close((err) => {
          if (err) {
            reject(err);
            return;
          }
          try {
            if (stateFile !== undefined) saveState(stateFile, state);
            resolve();
          } catch (e) {
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        });
        for (const s of sockets) s.destroy();
      })),
  };
}

const whole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max;

/** Refuses options that would fail later or silently do nothing, naming the option. */
function checkOptions(o: EmulatorOptions, accessKeys: Readonly<Record<string, string>>): void {
  const problem = (name: string, expected: string, got: unknown): never => {
    throw new TypeError(`startEmulator: ${name}: expected ${expected}, received ${JSON.stringify(got)}`);
  };
  if (o.port !== undefined && !whole(o.port, 0, 65535)) problem('port', 'a port number (0-65535; 0: any free port)', o.port);
  if (o.host !== undefined && (typeof o.host !== 'string' || o.host === '')) problem('host', 'a host name or IP address', o.host);
  const ids = Object.keys(accessKeys);
  if (ids.length === 0) problem('accessKeys', 'at least one AccessKeyId', ids);
  // The secret itself is never shown.
  for (const id of ids)
    if (typeof accessKeys[id] !== 'string' || accessKeys[id] === '')
      problem(`accessKeys.${id}`, 'a non-empty secret', typeof accessKeys[id]);
  if (o.stateFile !== undefined && (typeof o.stateFile !== 'string' || o.stateFile === ''))
    problem('stateFile', 'a file path', o.stateFile);
  if (o.latencyMs !== undefined && !whole(o.latencyMs, 0)) problem('latencyMs', 'a whole number of milliseconds, 0 or more', o.latencyMs);
  if (o.taskStepMs !== undefined && !whole(o.taskStepMs, 0))
    problem('taskStepMs', 'a whole number of milliseconds, 0 or more', o.taskStepMs);
  if (o.timestampSkewMs !== undefined && !whole(o.timestampSkewMs, 0))
    problem('timestampSkewMs', 'a whole number of milliseconds, 0 or more', o.timestampSkewMs);
  if (o.requestLog !== undefined && !whole(o.requestLog, 1)) problem('requestLog', 'a whole number of requests, 1 or more', o.requestLog);
  if (o.rateLimits !== undefined && o.rateLimits !== false) {
    const given: unknown = o.rateLimits;
    if (given === null || typeof given !== 'object') problem('rateLimits', 'false or limits by Action', given);
    const p = rateLimitsProblem(o.rateLimits);
    if (p !== undefined) throw new TypeError(`startEmulator: ${p}`);
  }
}
