// The fault matrix: every way a server (or what stands in front of it) can misbehave, for a safe
// and an unsafe Action, over every transport. Each case checks how the call settles, what it
// rejects with, how often the request was sent, and that nothing leaks: no unhandled rejection,
// no retained body, no secret in the error.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDefaultTransport,
  createFetchTransport,
  createUndiciTransport,
  DEFAULT_MAX_RESPONSE_BYTES,
  DomainApiError,
  DomainClientCore,
  DomainResponseError,
  DomainTimeoutError,
  DomainTransportError,
  type ActionMeta,
  type DomainClientOptions,
  type Transport,
} from '../../packages/core/src/index.js';
import { checkDomainMeta } from '../../packages/client/src/generated/actions/CheckDomain.js';
import { checkTransferInFeasibilityMeta } from '../../packages/client/src/generated/actions/CheckTransferInFeasibility.js';
import { saveSingleTaskForCreatingOrderActivateMeta } from '../../packages/client/src/generated/actions/SaveSingleTaskForCreatingOrderActivate.js';
import { leaks, retainedBytes, settle, watchUnhandledRejections } from './harness.js';
import {
  apiError,
  cutMidBody,
  endlessChunked,
  hugeBody,
  noAnswer,
  resetBeforeAnyByte,
  resetMidHeaders,
  respond,
  slowHeaders,
  startHostileServer,
  trickleBody,
  type Behaviour,
  type HostileServer,
} from './hostile-server.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// Only unreserved characters: percent-encoding leaves them as they are, so a search finds them in a URL too.
const SECRET = 'S3CR3T-fault-matrix-7f9c2e';
const TOKEN = 'ST5-T0KEN-fault-matrix-41d2ab';
const CREDENTIALS = { accessKeyId: 'FAULTKEYID', accessKeySecret: SECRET, securityToken: TOKEN } as const;

const MAX_ATTEMPTS = 3;
/** Per-attempt timeout of the cases that time out on purpose: short keeps the matrix fast. */
const SHORT_TIMEOUT_MS = 200;
/** Everyone else: no case should get near it, so a loaded machine cannot turn a fault into a timeout. */
const LONG_TIMEOUT_MS = 5000;
/** The machine is small and shared. */
const SETTLE_MARGIN_MS = 2000;
/** Retained after the call, holding its error or result: far below any body the server sent. */
const RETAINED_BOUND = 4 * 1024 * 1024;
const MiB = 1024 * 1024;

type Kind = 'safe' | 'unsafe';
interface ActionCase {
  readonly meta: ActionMeta;
  readonly input: Record<string, unknown>;
}
const ACTIONS: Readonly<Record<Kind, ActionCase>> = {
  safe: { meta: checkDomainMeta, input: { DomainName: 'example.com' } },
  unsafe: { meta: saveSingleTaskForCreatingOrderActivateMeta, input: { DomainName: 'example.com', RegistrantProfileId: 1234567 } },
};

type ErrorClass = abstract new (...args: never[]) => Error;
interface Rejects {
  readonly rejects: ErrorClass;
  /** DomainApiError: the API code; DomainTimeoutError: ETIMEDOUT. */
  readonly code?: string;
  readonly statusCode?: number;
  /** DomainResponseError for a body over maxResponseBytes. */
  readonly limit?: number;
  readonly sends: number;
}
interface Resolves {
  readonly resolves: (value: Record<string, unknown>, kind: Kind) => void;
  readonly sends: number;
}
type Outcome = Rejects | Resolves;

interface Fault {
  readonly name: string;
  readonly behave: Behaviour;
  readonly format?: 'JSON' | 'XML';
  readonly timeoutMs?: number;
  readonly options?: Partial<DomainClientOptions>;
  readonly expect: (kind: Kind) => Outcome;
  /** Bytes the call may retain while the caller holds its outcome (default RETAINED_BOUND). */
  readonly retainedBound?: number;
  /** The waits between attempts the client must ask `retry.sleep` for. */
  readonly sleeps?: (kind: Kind, sleeps: readonly number[]) => void;
}

/** Transient: a safe Action is sent maxAttempts times, an unsafe one exactly once. */
const retried = (kind: Kind): number => (kind === 'safe' ? MAX_ATTEMPTS : 1);

const xml = (name: string, status = 200): Behaviour => respond(status, fixture(name), { 'content-type': 'text/xml;charset=utf-8' });
const html = (name: string, status: number): Behaviour => respond(status, fixture(name), { 'content-type': 'text/html' });

const untouchedPrototypes = (): void => {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
};

const FAULTS: readonly Fault[] = [
  // ---- error documents ----
  {
    name: 'Throttling (HTTP 400 error document)',
    behave: apiError(400, 'Throttling'),
    expect: (k) => ({ rejects: DomainApiError, code: 'Throttling', statusCode: 400, sends: retried(k) }),
  },
  {
    name: 'ServiceUnavailable (HTTP 503)',
    behave: apiError(503, 'ServiceUnavailable'),
    expect: (k) => ({ rejects: DomainApiError, code: 'ServiceUnavailable', statusCode: 503, sends: retried(k) }),
  },
  {
    name: 'InternalError (HTTP 500, XML error document)',
    format: 'XML',
    behave: xml('internal-error.xml', 500),
    expect: (k) => ({ rejects: DomainApiError, code: 'InternalError', statusCode: 500, sends: retried(k) }),
  },
  {
    name: 'an error document in a 2xx answer',
    behave: respond(200, fixture('error-in-2xx.json')),
    expect: () => ({ rejects: DomainApiError, code: 'InvalidParameter', statusCode: 200, sends: 1 }),
  },
  // ---- Retry-After ----
  {
    name: 'Retry-After in seconds (HTTP 503)',
    behave: apiError(503, 'ServiceUnavailable', { 'retry-after': '2' }),
    expect: (k) => ({ rejects: DomainApiError, code: 'ServiceUnavailable', sends: retried(k) }),
    sleeps: (k, s) => expect(s).toEqual(k === 'safe' ? [2000, 2000] : []),
  },
  {
    name: 'Retry-After beyond the backoff cap (HTTP 503)',
    behave: apiError(503, 'ServiceUnavailable', { 'retry-after': '3600' }),
    expect: (k) => ({ rejects: DomainApiError, code: 'ServiceUnavailable', sends: retried(k) }),
    sleeps: (k, s) => expect(s).toEqual(k === 'safe' ? [5000, 5000] : []),
  },
  {
    name: 'Retry-After as an HTTP date (Throttling)',
    behave: (ex) => apiError(400, 'Throttling', { 'retry-after': new Date(Date.now() + 3000).toUTCString() })(ex),
    expect: (k) => ({ rejects: DomainApiError, code: 'Throttling', sends: retried(k) }),
    // The date has whole seconds and time passes: about 2–3 s, never more than asked.
    sleeps: (k, s) => {
      expect(s).toHaveLength(k === 'safe' ? 2 : 0);
      for (const ms of s) expect(ms >= 1000 && ms <= 3000, `slept ${ms} ms`).toBe(true);
    },
  },
  // ---- the connection breaks ----
  {
    name: 'a reset before any response byte',
    behave: resetBeforeAnyByte,
    expect: (k) => ({ rejects: DomainTransportError, sends: retried(k) }),
  },
  {
    name: 'a reset in the middle of the headers',
    behave: resetMidHeaders,
    expect: (k) => ({ rejects: DomainTransportError, sends: retried(k) }),
  },
  {
    name: 'a reset in the middle of the body',
    behave: cutMidBody('reset'),
    expect: (k) => ({ rejects: DomainTransportError, sends: retried(k) }),
  },
  {
    name: 'a close in the middle of the body (short of Content-Length)',
    behave: cutMidBody('fin'),
    expect: (k) => ({ rejects: DomainTransportError, sends: retried(k) }),
  },
  // ---- silence and slowness ----
  {
    name: 'no answer',
    behave: noAnswer,
    timeoutMs: SHORT_TIMEOUT_MS,
    expect: (k) => ({ rejects: DomainTimeoutError, code: 'ETIMEDOUT', sends: retried(k) }),
  },
  {
    name: 'headers sent slowly',
    behave: slowHeaders(20),
    timeoutMs: SHORT_TIMEOUT_MS,
    expect: (k) => ({ rejects: DomainTimeoutError, code: 'ETIMEDOUT', sends: retried(k) }),
  },
  {
    name: 'a body trickled byte by byte',
    behave: trickleBody(20),
    timeoutMs: SHORT_TIMEOUT_MS,
    expect: (k) => ({ rejects: DomainTimeoutError, code: 'ETIMEDOUT', sends: retried(k) }),
  },
  // ---- bodies that do not parse ----
  {
    name: 'malformed JSON',
    behave: respond(200, fixture('malformed.json')),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: 'truncated JSON (a complete HTTP message)',
    behave: respond(200, fixture('truncated.json')),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: 'malformed XML',
    format: 'XML',
    behave: xml('malformed.xml'),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: 'truncated XML',
    format: 'XML',
    behave: xml('truncated.xml'),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: 'an HTML error page (HTTP 502)',
    behave: html('bad-gateway.html', 502),
    expect: (k) => ({ rejects: DomainResponseError, statusCode: 502, sends: retried(k) }),
  },
  {
    name: 'an HTML error page that echoes the request line (HTTP 502)',
    behave: (ex) =>
      respond(502, fixture('echo-gateway.html').replace('{{REQUEST}}', `${ex.method} ${ex.path}`), { 'content-type': 'text/html' })(ex),
    expect: (k) => ({ rejects: DomainResponseError, statusCode: 502, sends: retried(k) }),
  },
  {
    name: 'an HTML sign-in page with HTTP 200 (captive portal)',
    behave: html('portal-login.html', 200),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  // ---- bodies too large ----
  {
    name: 'a 64 MiB body with Content-Length (default maxResponseBytes)',
    behave: hugeBody(64 * MiB),
    expect: () => ({ rejects: DomainResponseError, limit: 8 * MiB, statusCode: 200, sends: 1 }),
  },
  {
    name: 'an endless chunked body (default maxResponseBytes)',
    behave: endlessChunked,
    expect: () => ({ rejects: DomainResponseError, limit: 8 * MiB, statusCode: 200, sends: 1 }),
  },
  {
    name: 'an endless chunked body (maxResponseBytes 1 MiB)',
    behave: endlessChunked,
    options: { maxResponseBytes: MiB },
    // Holding even the capped body would show against this bound.
    retainedBound: MiB / 2,
    expect: () => ({ rejects: DomainResponseError, limit: MiB, statusCode: 200, sends: 1 }),
  },
  // ---- hostile content that parses ----
  {
    name: 'XML entity expansion (billion laughs)',
    format: 'XML',
    behave: xml('billion-laughs.xml'),
    // Declared entities are never expanded: the reference stays as written.
    expect: () => ({ resolves: (v, k) => expect(v[k === 'safe' ? 'Avail' : 'TaskNo']).toBe('&lol9;'), sends: 1 }),
  },
  {
    name: 'an XML external entity',
    format: 'XML',
    behave: xml('external-entity.xml'),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: '__proto__ and constructor keys in JSON',
    behave: respond(200, fixture('proto-keys.json')),
    expect: () => ({
      resolves: (v, k) => {
        untouchedPrototypes();
        expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
        expect(Object.hasOwn(v, '__proto__')).toBe(true); // kept as data, not as a prototype
        expect(v[k === 'safe' ? 'Avail' : 'TaskNo']).toBe(k === 'safe' ? '1' : 'T-1');
      },
      sends: 1,
    }),
  },
  {
    name: '__proto__ and constructor elements in XML',
    format: 'XML',
    behave: xml('proto-keys.xml'),
    expect: () => ({ rejects: DomainResponseError, statusCode: 200, sends: 1 }),
  },
  {
    name: 'integers beyond 2^53',
    behave: respond(200, fixture('big-integers.json')),
    // int64 Price becomes an exact bigint; a string field (TaskNo) keeps the exact digits.
    expect: () => ({
      resolves: (v, k) => (k === 'safe' ? expect(v.Price).toBe(12345678901234567890n) : expect(v.TaskNo).toBe('98765432109876543210')),
      sends: 1,
    }),
  },
];

const TRANSPORTS: readonly (readonly [string, () => Transport & { destroy?: () => void }])[] = [
  ['node:http (createDefaultTransport)', () => createDefaultTransport()],
  ['undici (createUndiciTransport)', () => createUndiciTransport()],
  ['fetch (createFetchTransport)', () => createFetchTransport()],
];
const KINDS: readonly (readonly [string, Kind])[] = [
  [`${ACTIONS.safe.meta.action} (safe)`, 'safe'],
  [`${ACTIONS.unsafe.meta.action} (unsafe)`, 'unsafe'],
];

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer(noAnswer);
});
afterAll(() => server.close());

const ok: Behaviour = respond(200, '{"RequestId":"OK-0000","Avail":"1","TaskNo":"T-1"}');

function client(transport: Transport, fault: Pick<Fault, 'format' | 'timeoutMs' | 'options'>, sleeps: number[]): DomainClientCore {
  return new DomainClientCore({
    ...CREDENTIALS,
    endpoint: server.url,
    transport,
    format: fault.format ?? 'JSON',
    timeout: fault.timeoutMs ?? LONG_TIMEOUT_MS,
    maxAttempts: MAX_ATTEMPTS,
    // No real waiting; record what the client asks for. Zero jitter, so any wait is the server's.
    retry: { random: () => 0, sleep: async (ms) => void sleeps.push(ms) },
    ...fault.options,
  });
}

/**
 * Every connection that carried a request of the case is closed (by either side) within `ms`.
 * Spare connections a pool opened and never used stay until the transport is destroyed.
 */
async function connectionsClosed(ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const all = Promise.all(server.connections.filter((c) => c.carriedRequest).map((c) => c.closed)).then(() => true as const);
  const closed = await Promise.race([all, gaveUp]);
  clearTimeout(timer);
  return closed;
}

describe.each(TRANSPORTS)('over %s', (_transportName, makeTransport) => {
  beforeAll(async () => {
    // Loads undici, the XML parser and the rest once, so that no case measures a first import.
    for (const format of ['JSON', 'XML'] as const) {
      server.reset(ok);
      const transport = makeTransport();
      await client(transport, { format }, []).send(ACTIONS.safe.meta, ACTIONS.safe.input);
      transport.destroy?.();
    }
  });

  describe.each(FAULTS)('$name', (fault) => {
    it.each(KINDS)('%s', async (_kindName, kind) => {
      const { meta, input } = ACTIONS[kind];
      const expected = fault.expect(kind);
      const timeoutMs = fault.timeoutMs ?? LONG_TIMEOUT_MS;
      server.reset(fault.behave);
      const transport = makeTransport();
      const sleeps: number[] = [];
      const c = client(transport, fault, sleeps);

      const before = await retainedBytes();
      const stopWatching = watchUnhandledRejections();
      const bound = timeoutMs * expected.sends + SETTLE_MARGIN_MS;
      const { settled, elapsedMs } = await settle(c.send(meta, input), bound + 1000);
      const closed = await connectionsClosed(SETTLE_MARGIN_MS);
      const unhandled = await stopWatching();
      const retained = (await retainedBytes()) - before;
      transport.destroy?.();

      expect(settled.ok, 'the call settles').not.toBe('pending');
      expect.soft(elapsedMs, 'settles within the timeout × attempts plus a margin').toBeLessThan(bound);
      expect.soft(unhandled, 'no unhandled rejection').toEqual([]);
      expect.soft(closed, 'every connection used is closed after the call').toBe(true);
      expect.soft(server.sends(meta.action), 'requests the server received').toBe(expected.sends);
      if (kind === 'unsafe') expect.soft(server.sends(meta.action), 'an unsafe Action is never sent twice').toBeLessThanOrEqual(1);
      expect.soft(sleeps, 'one wait before each retry').toHaveLength(server.sends(meta.action) - 1);
      fault.sleeps?.(kind, sleeps);
      expect
        .soft(retained, `retained bytes while holding the outcome (${(retained / MiB).toFixed(2)} MiB)`)
        .toBeLessThan(fault.retainedBound ?? RETAINED_BOUND);

      if ('resolves' in expected) {
        if (settled.ok !== true) throw (settled as { error: unknown }).error;
        expected.resolves(settled.value as Record<string, unknown>, kind);
        return;
      }
      expect(settled.ok, 'the call rejects').toBe(false);
      const err = (settled as { error: unknown }).error as Error & Record<string, unknown>;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a hostile failure may carry a message that is no string.
      expect(err, `rejects with ${expected.rejects.name}: ${String(err?.message)}`).toBeInstanceOf(expected.rejects);
      if (expected.rejects !== DomainTimeoutError) expect.soft(err, 'not a timeout').not.toBeInstanceOf(DomainTimeoutError);
      if (expected.code !== undefined) expect.soft(err.code, 'error code').toBe(expected.code);
      if (expected.statusCode !== undefined) expect.soft(err.statusCode, 'HTTP status').toBe(expected.statusCode);
      if (err instanceof DomainTransportError) expect.soft(err.reachedServer, 'the request reached the server').toBe(true);
      expect.soft(err.action, 'error names the Action').toBe(meta.action);
      expect.soft(err.attempts, 'error counts the attempts').toBe(expected.sends);
      if (!(err instanceof DomainApiError)) {
        expect.soft(err.message, 'message names the Action').toContain(meta.action);
        expect.soft(err.message, 'message counts the attempts').toMatch(new RegExp(`\\b${expected.sends} attempts?\\b`));
      }
      if (expected.limit !== undefined) {
        expect.soft(err.limit, 'limit is the cap').toBe(expected.limit);
        expect.soft(err.message, 'message names maxResponseBytes').toContain('maxResponseBytes');
        // The client stopped reading: the server got rid of far less than it meant to send.
        const written = Math.max(0, ...server.connections.map((x) => x.bytesWritten));
        expect.soft(written, 'bytes the server wrote before the connection closed').toBeLessThan(expected.limit + 16 * MiB);
      }
      expect.soft(leaks(err, [SECRET, TOKEN]), 'renderings of the error that contain a secret').toEqual([]);
    });
  });

  it('resolves CheckTransferInFeasibility, whose success body has Code and Message', async () => {
    server.reset(
      respond(
        200,
        '{"RequestId":"CT-0000","CanTransfer":false,"Code":"DomainExpired","Message":"The domain has expired.","ProductId":"2"}',
      ),
    );
    const transport = makeTransport();
    const res = await client(transport, {}, []).send<unknown, Record<string, unknown>>(checkTransferInFeasibilityMeta, {
      DomainName: 'example.com',
    });
    transport.destroy?.();
    expect(res).toMatchObject({ CanTransfer: false, Code: 'DomainExpired', Message: 'The domain has expired.' });
  });
});

// The instruments themselves: a matrix whose measures could not fail would prove nothing.
describe('the measures of the matrix', () => {
  it('count a body the caller keeps alive', async () => {
    const before = await retainedBytes();
    const kept = { body: 'b'.repeat(8 * MiB), bytes: Buffer.alloc(8 * MiB, 1) };
    expect((await retainedBytes()) - before).toBeGreaterThan(RETAINED_BOUND);
    expect(kept.body.length + kept.bytes.length).toBe(16 * MiB);
  });

  it('find a secret in an error’s cause or in one of its fields', () => {
    const inCause = new Error('outer', { cause: new Error(`token ${TOKEN}`) });
    const inField = Object.assign(new Error('outer'), { url: `/?SecurityToken=${TOKEN}` });
    expect(leaks(inCause, [TOKEN])).toEqual(['inspect']);
    expect(leaks(inField, [TOKEN])).toEqual(['inspect', 'json']);
  });
});

it('exports the default maxResponseBytes, 8 MiB', () => {
  expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(8 * MiB);
});
