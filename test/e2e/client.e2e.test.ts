// The client runtime over each transport against the hand-scripted mock server: what a test must
// script exactly (hangs, drops, raw bodies, which parameters went in the body) and the transports'
// own behaviour. Signing, lists, catalogue errors and retries against a realistic server are in
// emulator/client-core.test.ts.
import { createServer } from 'node:net';
import { Pool } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createFetchTransport,
  createDefaultTransport,
  createUndiciTransport,
  DomainClientCore,
  DomainTimeoutError,
  DomainTransportError,
  type DomainClientOptions,
  type Transport,
} from '../../packages/core/src/index.js';
import { dropConnection, hang, serviceUnavailable, startMockServer, throttling, type MockServer } from '../server/mock-server.js';
import { checkDomain, createOrder, deleteGroup, queryDomainList, setGroupDomains, verifyProfile } from './actions.js';

let server: MockServer;

beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  await server.close();
});

const noWait = { sleep: async () => {} };

function client(options: DomainClientOptions = {}): DomainClientCore {
  return new DomainClientCore({
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    endpoint: server.url,
    retry: noWait,
    ...transportOption(),
    ...options,
  });
}

const domainListData = {
  TotalItemNum: '1',
  NextPage: false,
  Data: {
    Domain: [
      { DomainName: '阿里云.中国', ExpirationDateLong: '1540097622000', Premium: 'false', ExpirationCurrDateDiff: '-30', Extra: 'kept' },
    ],
  },
};

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/**
 * Settles as `p` does, unless a timer of `ms` started now fires first. Node fires expired timers
 * in deadline order however late the event loop runs, so a client timeout far shorter than `ms`
 * wins this race on a loaded machine too, where an elapsed-time check would not.
 */
async function beforeTimer<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still pending after a ${ms} ms timer started with it`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A promise and the function that resolves it: a test's own event. */
function gate(): { readonly opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

// Everything that touches the network runs over each transport: the default (node:http for a
// client's first 1,000 requests), undici (the default after those), and fetch (browsers, edge
// runtimes, and Node when undici cannot be imported).
const TRANSPORTS: readonly (readonly [string, () => Transport | undefined])[] = [
  ['the default transport (node:http at first)', () => undefined],
  ['undici', () => createUndiciTransport()],
  ['fetch', () => createFetchTransport()],
];
// The `transport` option of the suite being run; none for the default transport.
let transportOption: () => { transport?: Transport } = () => ({});

describe('the default transport in Node', () => {
  it('sends over node:http first and moves to undici after `undiciAfter` requests', async () => {
    const dispatch = vi.spyOn(Pool.prototype, 'dispatch');
    try {
      const c = client({ transport: createDefaultTransport({ undiciAfter: 2 }) });
      await c.send(checkDomain, {});
      await c.send(checkDomain, {});
      expect(dispatch).not.toHaveBeenCalled();
      // The move waits for undici's import to settle, an event the client does not expose: keep
      // sending until it shows, with room for a slow import on a loaded machine.
      await vi.waitFor(
        async () => {
          await c.send(checkDomain, {});
          expect(dispatch).toHaveBeenCalled();
        },
        { timeout: 30_000, interval: 20 },
      );
      expect(server.requests.every((r) => r.signatureValid)).toBe(true);
    } finally {
      dispatch.mockRestore();
    }
  });
});

describe.each(TRANSPORTS)('over %s', (_name, make) => {
  beforeEach(() => {
    transportOption = () => {
      const transport = make();
      return transport === undefined ? {} : { transport };
    };
  });

  describe('signing', () => {
    it('signs POST body params, which the server accepts', async () => {
      server.handle(verifyProfile.action, () => ({ data: { RequestId: 'r-1' } }));
      const result = await client().send(verifyProfile, {
        RegistrantProfileID: 7,
        IdentityCredentialNo: '123',
        IdentityCredential: 'dGVzdA+/==',
      });
      expect(result).toMatchObject({ RequestId: 'r-1' });
      expect(server.requests[0]).toMatchObject({
        method: 'POST',
        signatureValid: true,
        bodyParams: { IdentityCredential: 'dGVzdA+/==' },
        queryParams: { RegistrantProfileID: '7', IdentityCredentialNo: '123' },
      });
    });

    it('moves a too-long GET to a POST body, which the server accepts', async () => {
      const names = Array.from({ length: 400 }, (_, i) => `a-rather-long-domain-name-${i}.com`);
      await client().send(setGroupDomains, { DomainGroupId: 1, DomainName: names });
      const req = server.requests[0]!;
      expect(req).toMatchObject({ method: 'POST', signatureValid: true });
      expect(req.bodyParams['DomainName.400']).toBe('a-rather-long-domain-name-399.com');
    });
  });

  describe('responses', () => {
    it('are identical in JSON and XML', async () => {
      server.handle(queryDomainList.action, () => ({ data: { RequestId: 'same', ...domainListData } }));
      const json = await client({ format: 'JSON' }).send(queryDomainList, {});
      const xml = await client({ format: 'XML' }).send(queryDomainList, {});
      expect(xml).toEqual(json);
      expect(json).toEqual({
        RequestId: 'same',
        TotalItemNum: 1,
        NextPage: false,
        Data: {
          Domain: [
            { DomainName: '阿里云.中国', ExpirationDateLong: 1540097622000, Premium: false, ExpirationCurrDateDiff: -30, Extra: 'kept' },
          ],
        },
      });
      expect(server.requests.map((r) => r.params.Format)).toEqual(['JSON', 'XML']);
    });

    it('keep int64 beyond 2^53 exact as bigint', async () => {
      server.handle(checkDomain.action, () => ({ raw: '{"RequestId":"r","Price":12345678901234567890}', status: 200 }));
      await expect(client().send(checkDomain, {})).resolves.toEqual({ RequestId: 'r', Price: 12345678901234567890n });
    });
  });

  describe('errors', () => {
    it('time out with DomainTimeoutError on a slow response', async () => {
      // The server never answers, so only the client's own timeout can end the call; it must do
      // so at 500 ms (room for the connection to come up on a loaded machine), well before a 5 s
      // timer started with the call.
      server.handle(checkDomain.action, () => hang());
      const e = await rejection(beforeTimer(5000, client({ timeout: 500, maxAttempts: 1 }).send(checkDomain, {})));
      expect(e).toBeInstanceOf(DomainTimeoutError);
      expect(e).toMatchObject({ reachedServer: true, timeoutMs: 500 });
      expect(server.requests).toHaveLength(1);
    });

    it('reject with the caller’s abort reason', async () => {
      server.handle(checkDomain.action, () => hang());
      const ac = new AbortController();
      const call = expect(client().send(checkDomain, {}, { signal: ac.signal })).rejects.toThrow('stop');
      // Abort once the request is in the server's hands, not after a guess at how long that takes.
      await server.waitForRequests(1);
      ac.abort(new Error('stop'));
      await call;
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('retries', () => {
    it('retry a dropped connection on an idempotent Action', async () => {
      server.enqueue(deleteGroup.action, dropConnection());
      await expect(client().send(deleteGroup, { DomainGroupId: 7 })).resolves.toMatchObject({ RequestId: expect.any(String) });
      expect(server.requestsFor(deleteGroup.action)).toHaveLength(2);
    });

    // Each failure must come from the server, never from the attempt timeout, except the last;
    // its 500 ms leaves room for the request to reach the server first on a loaded machine.
    for (const [name, reply, check, options] of [
      ['503', serviceUnavailable(), (e: unknown) => expect(e).toMatchObject({ code: 'ServiceUnavailable', statusCode: 503 }), {}],
      ['Throttling', throttling(), (e: unknown) => expect(e).toMatchObject({ code: 'Throttling', statusCode: 400 }), {}],
      [
        'a dropped connection',
        dropConnection(),
        (e: unknown) => expect(e).toMatchObject({ name: 'DomainTransportError', reachedServer: true }),
        {},
      ],
      ['a response timeout', hang(), (e: unknown) => expect(e).toBeInstanceOf(DomainTimeoutError), { timeout: 500 }],
    ] as const) {
      it(`send an unsafe Action exactly once on ${name} and surface the error`, async () => {
        server.enqueue(createOrder.action, reply);
        const e = await rejection(client(options).send(createOrder, { DomainName: 'a.com', SubscriptionDuration: 1 }));
        check(e);
        expect(server.requestsFor(createOrder.action)).toHaveLength(1);
      });
    }

    it('retry an unsafe Action whose first attempt found the port closed (never reached the server)', async () => {
      const port = await freePort();
      let late: MockServer | undefined;
      const c = new DomainClientCore({
        ...transportOption(),
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        endpoint: `http://127.0.0.1:${port}`,
        // The server comes up only during the backoff after the refused first attempt.
        retry: { sleep: async () => void (late ??= await startMockServer({ port })) },
      });
      try {
        await expect(c.send(createOrder, { DomainName: 'a.com' })).resolves.toMatchObject({ RequestId: expect.any(String) });
        expect(late!.requestsFor(createOrder.action)).toHaveLength(1);
      } finally {
        await late?.close();
      }
    });

    it('report a refused connection as never reached after the last attempt', async () => {
      const port = await freePort();
      const e = await rejection(
        new DomainClientCore({
          ...transportOption(),
          accessKeyId: 'a',
          accessKeySecret: 'b',
          endpoint: `http://127.0.0.1:${port}`,
          retry: noWait,
        }).send(createOrder, {}),
      );
      expect(e).toBeInstanceOf(DomainTransportError);
      expect(e).toMatchObject({ reachedServer: false, code: 'ECONNREFUSED', attempts: 3, action: createOrder.action });
    });
  });
});

describe('undici transport', () => {
  it('never writes a request still queued for a connection when its attempt times out', async () => {
    // The first call holds the only connection until the queued one has timed out (100 ms)
    // while still waiting; it must not be written when the connection frees up.
    const release = gate();
    server.enqueue(checkDomain.action, { data: {}, until: release.opened });
    const c = client({ transport: createUndiciTransport({ connections: 1 }), timeout: 30_000, maxAttempts: 1 });
    const first = c.send(checkDomain, {});
    await server.waitForRequests(1);
    const queued = await rejection(c.send(createOrder, {}, { timeout: 100 }));
    expect(queued).toBeInstanceOf(DomainTimeoutError);
    expect(queued).toMatchObject({ reachedServer: false });
    release.open();
    await first;
    // The pool sends in order over its one connection: once a later call has been answered,
    // anything queued before it has either been written or dropped.
    await c.send(checkDomain, {});
    expect(server.requests.map((r) => r.params.Action)).toEqual([checkDomain.action, checkDomain.action]);
  });
});

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
