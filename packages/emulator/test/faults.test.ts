// Faults a test injects (errors, latency, dropped connections; per Action or for all, for COUNT
// requests or until removed) and the per-Action rate limits, as this project's client sees them.
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainApiError, DomainClient, DomainTransportError } from '@alidomain/client';
import { validateResponse } from '@alidomain/validators';
import { parseFault, startEmulator, type Emulator } from '../src/index.js';

const client = (emulator: Emulator, accessKeyId = 'testid', accessKeySecret = 'testsecret') =>
  new DomainClient({ endpoint: emulator.url, accessKeyId, accessKeySecret, maxAttempts: 1 });

/** The API error a call failed with (fails the test when it succeeded or failed otherwise). */
async function apiErrorOf(call: Promise<unknown>): Promise<DomainApiError> {
  const e = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainApiError);
  return e as DomainApiError;
}

async function checkDomain(c: DomainClient, name = 'fresh-name-4711.com') {
  const body = await c.checkDomain({ DomainName: name });
  expect(validateResponse('CheckDomain', body)).toEqual([]);
  return body;
}

describe('injected faults', () => {
  let emulator: Emulator;
  let c: DomainClient;
  let removers: (() => void)[] = [];
  const inject = (...args: Parameters<Emulator['inject']>) => removers.push(emulator.inject(...args));

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimits: false });
    c = client(emulator);
  });
  afterEach(() => {
    for (const remove of removers) remove();
    removers = [];
  });
  afterAll(() => emulator.close());

  it('answers Throttling with HTTP 400', async () => {
    inject({ action: 'CheckDomain', error: 'Throttling' });
    const e = await apiErrorOf(checkDomain(c));
    expect([e.code, e.statusCode]).toEqual(['Throttling', 400]);
  });

  it('answers ServiceUnavailable with HTTP 503', async () => {
    inject({ action: 'CheckDomain', error: 'ServiceUnavailable' });
    const e = await apiErrorOf(checkDomain(c));
    expect([e.code, e.statusCode]).toEqual(['ServiceUnavailable', 503]);
  });

  it('answers InternalError with HTTP 500', async () => {
    inject({ action: 'CheckDomain', error: 'InternalError' });
    const e = await apiErrorOf(checkDomain(c));
    expect([e.code, e.statusCode]).toEqual(['InternalError', 500]);
  });

  it('answers with the status a fault gives instead of the catalogue’s', async () => {
    inject({ action: 'CheckDomain', error: 'InternalError', status: 502 });
    const e = await apiErrorOf(checkDomain(c));
    expect([e.code, e.statusCode]).toEqual(['InternalError', 502]);
  });

  it('leaves other Actions alone when a fault names one Action', async () => {
    inject({ action: 'QueryDomainList', error: 'ServiceUnavailable' });
    await expect(checkDomain(c)).resolves.toMatchObject({ RequestId: expect.any(String) });
  });

  it("applies a '*' fault to every Action", async () => {
    inject({ action: '*', error: 'ServiceUnavailable' });
    expect((await apiErrorOf(checkDomain(c))).code).toBe('ServiceUnavailable');
    expect((await apiErrorOf(c.queryRegistrantProfiles({}))).code).toBe('ServiceUnavailable');
  });

  it('applies a fault with a COUNT of 2 to exactly 2 requests', async () => {
    inject({ action: 'CheckDomain', error: 'Throttling', count: 2 });
    expect((await apiErrorOf(checkDomain(c))).code).toBe('Throttling');
    expect((await apiErrorOf(checkDomain(c))).code).toBe('Throttling');
    await checkDomain(c);
    await checkDomain(c);
  });

  it('stops applying a fault once its remover is called', async () => {
    const remove = emulator.inject({ action: 'CheckDomain', error: 'Throttling' });
    expect((await apiErrorOf(checkDomain(c))).code).toBe('Throttling');
    remove();
    await checkDomain(c);
  });

  it('delays the answer by the injected latency', async () => {
    inject({ action: 'CheckDomain', latencyMs: 300, count: 1 });
    const start = performance.now();
    await checkDomain(c);
    expect(performance.now() - start).toBeGreaterThanOrEqual(300);
  });

  it('drops the connection: a transport error for the client', async () => {
    inject({ action: 'CheckDomain', drop: true, count: 1 });
    const e = await checkDomain(c).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainTransportError);
    expect((e as DomainTransportError).reachedServer).toBe(true);
    await checkDomain(c);
  });

  it('refuses a fault for an Action the API does not have', () => {
    expect(() => emulator.inject({ action: 'CheckDomian', error: 'Throttling' })).toThrow(/CheckDomian.*expected an Action/);
  });
});

describe('the latencyMs option', () => {
  it('delays every answer by it', async () => {
    const emulator = await startEmulator({ latencyMs: 200 });
    try {
      const start = performance.now();
      await checkDomain(client(emulator));
      expect(performance.now() - start).toBeGreaterThanOrEqual(200);
    } finally {
      await emulator.close();
    }
  });
});

describe('faults given at start', () => {
  it('apply from the first request', async () => {
    const emulator = await startEmulator({ faults: [parseFault('CheckDomain:ServiceUnavailable:1')] });
    try {
      expect((await apiErrorOf(checkDomain(client(emulator)))).code).toBe('ServiceUnavailable');
      await checkDomain(client(emulator));
    } finally {
      await emulator.close();
    }
  });
});

describe('parseFault', () => {
  it('reads ACTION:CODE[:COUNT] with an error code, drop or latency=MS', () => {
    expect(parseFault('CheckDomain:Throttling')).toEqual({ action: 'CheckDomain', error: 'Throttling' });
    expect(parseFault('*:ServiceUnavailable:3')).toEqual({ action: '*', error: 'ServiceUnavailable', count: 3 });
    expect(parseFault('QueryDomainList:drop:1')).toEqual({ action: 'QueryDomainList', drop: true, count: 1 });
    expect(parseFault('*:latency=250')).toEqual({ action: '*', latencyMs: 250 });
  });

  it.each([
    ['CheckDomain', /expected ACTION:CODE\[:COUNT\]/],
    ['CheckDomian:Throttling', /ACTION "CheckDomian" is not an Action/],
    ['CheckDomain:Throtling', /CODE "Throtling": expected an error code/],
    ['CheckDomain:Throttling:0', /COUNT "0": expected a whole number of requests, at least 1/],
    ['CheckDomain:latency=fast', /expected latency=MS/],
  ])('names what is wrong in %s', (text, message) => {
    expect(() => parseFault(text)).toThrow(message);
  });
});

describe('rate limits', () => {
  // The emulator's clock stands still unless the test moves it, so "within one second" is exact.
  // It starts at the real time: the client's Timestamp must stay within the allowed skew.
  let t = Date.now();
  const clock = () => t;

  it("throttle the 11th CheckDomain in one second from one AccessKeyId (the document's 10 per user)", async () => {
    t = Date.now();
    const emulator = await startEmulator({ clock });
    try {
      const c = client(emulator);
      for (let i = 0; i < 10; i++) await checkDomain(c);
      expect((await apiErrorOf(checkDomain(c))).code).toBe('Throttling');
      t += 1000;
      await checkDomain(c);
    } finally {
      await emulator.close();
    }
  });

  it('count each AccessKeyId on its own', async () => {
    t = Date.now();
    const emulator = await startEmulator({ clock, accessKeys: { first: 'secret-1', second: 'secret-2' } });
    try {
      const first = client(emulator, 'first', 'secret-1');
      for (let i = 0; i < 10; i++) await checkDomain(first);
      expect((await apiErrorOf(checkDomain(first))).code).toBe('Throttling');
      await checkDomain(client(emulator, 'second', 'secret-2'));
    } finally {
      await emulator.close();
    }
  });

  it('are off with rateLimits: false', async () => {
    t = Date.now();
    const emulator = await startEmulator({ clock, rateLimits: false });
    try {
      const c = client(emulator);
      for (let i = 0; i < 11; i++) await checkDomain(c);
    } finally {
      await emulator.close();
    }
  });

  it('are replaced by a rateLimits object: its total counts every AccessKeyId', async () => {
    t = Date.now();
    const emulator = await startEmulator({
      clock,
      accessKeys: { first: 'secret-1', second: 'secret-2' },
      rateLimits: { CheckDomain: { total: 2 } },
    });
    try {
      await checkDomain(client(emulator, 'first', 'secret-1'));
      await checkDomain(client(emulator, 'second', 'secret-2'));
      expect((await apiErrorOf(checkDomain(client(emulator, 'first', 'secret-1')))).code).toBe('Throttling');
      t += 1000;
      await checkDomain(client(emulator, 'second', 'secret-2'));
    } finally {
      await emulator.close();
    }
  });

  it('given for an Action the API does not have are refused at start', async () => {
    await expect(startEmulator({ rateLimits: { CheckDomian: { perUser: 1 } } })).rejects.toThrow(
      /rateLimits\.CheckDomian: expected an Action/,
    );
  });
});
