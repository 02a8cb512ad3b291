// What the client makes of answers that are not plain successes: error documents sent with a 2xx
// status, Retry-After, and errors that name the Action and the attempts made.
import { describe, expect, it } from 'vitest';
import { DomainClientCore, type DomainClientOptions } from '../src/client.js';
import { DomainApiError, DomainResponseError, DomainTimeoutError, DomainTransportError } from '../src/errors.js';
import type { ActionMeta } from '../src/meta.js';
import { retryAfterMs } from '../src/parse/response.js';
import { retryDelay } from '../src/retry.js';
import type { Transport } from '../src/transport/types.js';
import { errorBody, fixtureText, scripted } from './helpers.js';

const createOrder: ActionMeta = {
  action: 'SaveSingleTaskForCreatingOrderActivate',
  method: 'GET',
  version: '2018-01-29',
  retry: 'unsafe',
  params: [],
  response: { kind: 'object', fields: { TaskNo: 'string' } },
};
const checkDomain: ActionMeta = {
  action: 'CheckDomain',
  method: 'GET',
  version: '2018-01-29',
  retry: 'safe',
  params: [],
  response: { kind: 'object', fields: { Avail: 'int32' } },
};
// CheckTransferInFeasibility's success body has Code and Message of its own.
const feasibility: ActionMeta = {
  action: 'CheckTransferInFeasibility',
  method: 'GET',
  version: '2018-01-29',
  retry: 'safe',
  params: [],
  response: { kind: 'object', fields: { CanTransfer: 'boolean', Code: 'string', Message: 'string', ProductId: 'string' } },
};

function client(transport: Transport, extra: DomainClientOptions = {}): DomainClientCore {
  return new DomainClientCore({ accessKeyId: 'AKID', accessKeySecret: 'secret', endpoint: 'http://127.0.0.1:1', transport, ...extra });
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('an error document with a 2xx status', () => {
  it('rejects with DomainApiError when the Action has no Code field', async () => {
    const t = scripted({ status: 200, headers: {}, body: fixtureText('responses/error.json') });
    const e = await rejection(client(t).send(createOrder, {}));
    expect(e).toBeInstanceOf(DomainApiError);
    expect(e).toMatchObject({
      code: 'WhoisInfoNotExist',
      statusCode: 200,
      action: createOrder.action,
      requestId: '8906582E-6722-409A-A6C4-0E7863B733A5',
    });
  });

  it('rejects in XML too', async () => {
    const t = scripted({ status: 200, headers: {}, body: fixtureText('responses/error.xml') });
    await expect(client(t, { format: 'XML' }).send(createOrder, {})).rejects.toMatchObject({
      name: 'DomainApiError',
      code: 'WhoisInfoNotExist',
    });
  });

  it('is never sent again, even when the code is transient', async () => {
    const t = scripted(errorBody('ServiceUnavailable', 200));
    await expect(client(t, { retry: { sleep: async () => {} } }).send(createOrder, {})).rejects.toMatchObject({
      code: 'ServiceUnavailable',
    });
    expect(t.calls).toHaveLength(1);
  });

  it('resolves for an Action whose success body declares Code and Message', async () => {
    const body = { RequestId: 'r', CanTransfer: false, Code: 'DomainNotExist', Message: 'The domain does not exist.', ProductId: '' };
    const t = scripted({ status: 200, headers: {}, body: JSON.stringify(body) });
    await expect(client(t).send(feasibility, {})).resolves.toMatchObject({ CanTransfer: false, Code: 'DomainNotExist' });
  });

  it('resolves a success body that has a Code but no Message', async () => {
    const t = scripted({ status: 200, headers: {}, body: JSON.stringify({ RequestId: 'r', TaskNo: 't-1', Code: '200' }) });
    await expect(client(t).send(createOrder, {})).resolves.toMatchObject({ TaskNo: 't-1' });
  });
});

describe('Retry-After', () => {
  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Wed, 21 Oct 2015 07:28:10 GMT', 10_000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('reads %j as %j ms', (value, ms) => {
    expect(retryAfterMs(value, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });

  it('is the wait before the retry, bounded by the backoff cap', () => {
    const asked = (ms: number) =>
      new DomainApiError({ code: 'Throttling', message: '', statusCode: 429, action: 'A', retryable: true, retryAfterMs: ms });
    expect(retryDelay(1, asked(1200), { random: () => 0 })).toBe(1200);
    expect(retryDelay(1, asked(60_000), { capMs: 2000 })).toBe(2000);
    expect(retryDelay(1, new Error('x'), { random: () => 0.5, baseMs: 100 })).toBe(50);
  });

  it('is honoured between attempts of a safe Action', async () => {
    const waits: number[] = [];
    const t = scripted(errorBody('Throttling', 503, { 'retry-after': '2' }), { status: 200, headers: {}, body: '{"Avail":1}' });
    const c = client(t, { retry: { sleep: async (ms) => void waits.push(ms), random: () => 0 } });
    await expect(c.send(checkDomain, {})).resolves.toMatchObject({ Avail: 1 });
    expect(waits).toEqual([2000]);
  });

  it('is honoured for an unparseable 503 page too', async () => {
    const waits: number[] = [];
    const page = { status: 503, headers: { 'retry-after': '1' }, body: '<html><body>busy</body></html>' };
    const t = scripted(page, { status: 200, headers: {}, body: '{"Avail":1}' });
    await client(t, { retry: { sleep: async (ms) => void waits.push(ms), random: () => 0 } }).send(checkDomain, {});
    expect(waits).toEqual([1000]);
  });

  it('does not make an unsafe Action retried', async () => {
    const t = scripted(errorBody('Throttling', 503, { 'retry-after': '1' }));
    await expect(client(t, { retry: { sleep: async () => {} } }).send(createOrder, {})).rejects.toMatchObject({
      code: 'Throttling',
      attempts: 1,
    });
    expect(t.calls).toHaveLength(1);
  });
});

describe('the Action and the attempts in every call error', () => {
  const noSleep = { sleep: async () => {} };

  it('names both in a timeout after retries', async () => {
    const t = scripted(new DomainTimeoutError(300, { reachedServer: true }));
    const e = (await rejection(client(t, { retry: noSleep }).send(checkDomain, {}))) as DomainTimeoutError;
    expect(e).toMatchObject({ action: 'CheckDomain', attempts: 3 });
    expect(e.message).toBe('CheckDomain: request timed out after 300 ms (no response; 3 attempts)');
    expect(e.stack?.split('\n')[0]).toBe(`DomainTimeoutError: ${e.message}`);
  });

  it('names both in a network error of an unsafe Action', async () => {
    const t = scripted(new DomainTransportError('Network error: ECONNRESET', { reachedServer: true, code: 'ECONNRESET' }));
    const e = (await rejection(client(t, { retry: noSleep }).send(createOrder, {}))) as DomainTransportError;
    expect(e.message).toBe(
      'SaveSingleTaskForCreatingOrderActivate: Network error: ECONNRESET (the request may have reached the server; 1 attempt)',
    );
  });

  it('names both in an unparseable response', async () => {
    const t = scripted({ status: 502, headers: {}, body: '<html>Bad gateway</html>' });
    const e = (await rejection(client(t, { retry: noSleep, maxAttempts: 2 }).send(checkDomain, {}))) as DomainResponseError;
    expect(e).toBeInstanceOf(DomainResponseError);
    expect(e.message).toMatch(/^CheckDomain: unexpected response \(HTTP 502\): .*\(2 attempts\)$/);
  });

  it('names both in an API error', async () => {
    const t = scripted(errorBody('ServiceUnavailable', 503));
    const e = (await rejection(client(t, { retry: noSleep }).send(checkDomain, {}))) as DomainApiError;
    expect(e.message).toBe('CheckDomain: ServiceUnavailable: ServiceUnavailable happened (HTTP 503, RequestId req-1, 3 attempts)');
  });
});

describe('answers that are not API responses', () => {
  it('an HTML page with 200 rejects with DomainResponseError', async () => {
    const t = scripted({ status: 200, headers: {}, body: fixtureText('responses/sign-in-page.html') });
    await expect(client(t).send(checkDomain, {})).rejects.toMatchObject({
      name: 'DomainResponseError',
      reason: 'the body is an HTML page, not an API response',
    });
  });

  it.each(['[]', '"ok"', 'null', '42'])('a JSON %s with 200 rejects with DomainResponseError', async (body) => {
    const t = scripted({ status: 200, headers: {}, body });
    await expect(client(t).send(checkDomain, {})).rejects.toMatchObject({
      name: 'DomainResponseError',
      reason: 'the body is not a JSON object',
    });
  });
});

describe('secrets a server echoes back', () => {
  const TOKEN = 'sts-TOKEN/value+4567=';
  const sts = { accessKeyId: 'AKID', accessKeySecret: 'secret', securityToken: TOKEN };

  it('are removed from an API error quoting the string to sign', async () => {
    const stringToSign = `GET&%2F&AccessKeyId%3DAKID%26SecurityToken%3D${encodeURIComponent(encodeURIComponent(TOKEN))}`;
    const body = {
      RequestId: 'r',
      Code: 'SignatureDoesNotMatch',
      Message: `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    };
    const t = scripted({ status: 400, headers: {}, body: JSON.stringify(body) });
    const e = (await rejection(client(t, sts).send(checkDomain, {}))) as DomainApiError;
    expect(e.apiMessage).toContain('SecurityToken%3D***');
    for (const text of [e.message, e.apiMessage, e.stack ?? '', JSON.stringify(e)])
      expect(text).not.toContain(encodeURIComponent(encodeURIComponent(TOKEN)));
  });

  it('are removed from the snippet of a page echoing the request URL', async () => {
    const page = `<html><body>Blocked: /?SecurityToken=${encodeURIComponent(TOKEN)}&Token=${TOKEN}</body></html>`;
    const t = scripted({ status: 403, headers: {}, body: page });
    const e = (await rejection(client(t, sts).send(checkDomain, {}))) as DomainResponseError;
    expect(e.bodySnippet).toContain('SecurityToken=***&Token=***');
    expect(JSON.stringify(e)).not.toContain('4567');
  });
});
