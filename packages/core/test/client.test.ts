import { inspect } from 'node:util';
import OpenApiUtil from '@alicloud/openapi-util';
import { describe, expect, it, vi } from 'vitest';
import { DomainClientCore, type DomainClientOptions } from '../src/client.js';
import { DomainApiError, DomainCredentialsError, DomainTransportError, DomainValidationError } from '../src/errors.js';
import type { ActionMeta } from '../src/meta.js';
import type { Transport, TransportRequest, TransportResponse } from '../src/transport/types.js';
import { errorBody, scripted } from './helpers.js';

const SECRET = 'sEcReT-value-0123';
const TOKEN = 'sts-TOKEN-value-4567';

const checkDomain: ActionMeta = {
  action: 'CheckDomain',
  method: 'GET',
  version: '2018-01-29',
  retry: 'safe',
  params: [{ name: 'DomainName', style: 'scalar', in: 'query', type: 'string' }],
  response: { kind: 'object', fields: { Avail: 'int32' } },
};
const createOrder: ActionMeta = {
  action: 'SaveSingleTaskForCreatingOrderActivate',
  method: 'GET',
  version: '2018-01-29',
  retry: 'unsafe',
  params: [{ name: 'DomainName', style: 'scalar', in: 'query', type: 'string' }],
  response: { kind: 'object', fields: { TaskNo: 'string' } },
};
const withBody: ActionMeta = {
  action: 'SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential',
  method: 'GET',
  version: '2018-01-29',
  retry: 'idempotent',
  params: [
    { name: 'DomainName', style: 'repeatList', in: 'query', type: 'string' },
    { name: 'IdentityCredential', style: 'scalar', in: 'body', type: 'string' },
  ],
  response: 'any',
};

const ok = (body: unknown): TransportResponse => ({ status: 200, headers: {}, body: JSON.stringify(body) });
const fail = (status: number, code: string): TransportResponse => errorBody(code, status);

const noSleep = { sleep: async () => {} };

function client(transport: Transport, extra: DomainClientOptions = {}): DomainClientCore {
  return new DomainClientCore({
    accessKeyId: 'AKID',
    accessKeySecret: SECRET,
    endpoint: 'http://127.0.0.1:1',
    transport,
    retry: noSleep,
    ...extra,
  });
}

function paramsOf(req: TransportRequest): Record<string, string> {
  const url = new URL(req.url);
  const out: Record<string, string> = Object.fromEntries(url.searchParams);
  if (req.body) Object.assign(out, Object.fromEntries(new URLSearchParams(req.body)));
  return out;
}

interface RpcSigner {
  getRPCSignature(p: Record<string, string>, method: string, secret: string): string;
}
// CJS interop differs between Node and vitest: the class is either the default export or its `default`.
const Util = ((OpenApiUtil as unknown as { default?: RpcSigner }).default ?? OpenApiUtil) as unknown as RpcSigner;

/** Checks the signature with @alicloud/openapi-util, an independent implementation. */
function signatureIsValid(req: TransportRequest, secret = SECRET): boolean {
  const { Signature, ...rest } = paramsOf(req);
  return Util.getRPCSignature(rest, req.method, secret) === Signature;
}

describe('DomainClientCore.send: request', () => {
  it('sends a GET with common params, the Action params and a valid signature', async () => {
    const t = scripted(ok({ Avail: '1' }));
    await client(t).send(checkDomain, { DomainName: '阿里云.中国' });
    const req = t.calls[0]!;
    expect(req.method).toBe('GET');
    expect(req.body).toBeUndefined();
    expect(paramsOf(req)).toMatchObject({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      Format: 'JSON',
      AccessKeyId: 'AKID',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      DomainName: '阿里云.中国',
    });
    expect(signatureIsValid(req)).toBe(true);
  });

  it('returns the parsed, shaped result', async () => {
    await expect(client(scripted(ok({ Avail: '1', RequestId: 'r' }))).send(checkDomain, { DomainName: 'a.com' })).resolves.toEqual({
      Avail: 1,
      RequestId: 'r',
    });
  });

  it('sends SecurityToken with STS credentials', async () => {
    const t = scripted(ok({}));
    await client(t, { securityToken: TOKEN }).send(checkDomain, {});
    expect(paramsOf(t.calls[0]!).SecurityToken).toBe(TOKEN);
    expect(signatureIsValid(t.calls[0]!)).toBe(true);
  });

  it('uses POST with body params form-encoded and signed with method POST', async () => {
    const t = scripted(ok({}));
    await client(t).send(withBody, { DomainName: ['a.com'], IdentityCredential: 'dGVz+/dA==' });
    const req = t.calls[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(new URLSearchParams(req.body).get('IdentityCredential')).toBe('dGVz+/dA==');
    expect(new URL(req.url).searchParams.has('IdentityCredential')).toBe(false);
    expect(new URL(req.url).searchParams.get('DomainName.1')).toBe('a.com');
    expect(signatureIsValid(req)).toBe(true);
  });

  it('uses POST when the meta says POST', async () => {
    const t = scripted(ok({}));
    await client(t).send({ ...checkDomain, method: 'POST' }, { DomainName: 'a.com' });
    expect(t.calls[0]!.method).toBe('POST');
    expect(signatureIsValid(t.calls[0]!)).toBe(true);
  });

  it('switches to POST with the Action params in the body when the GET URL would be too long', async () => {
    const t = scripted(ok({}));
    const long = 'x'.repeat(9000);
    await client(t).send(checkDomain, { DomainName: long });
    const req = t.calls[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.length).toBeLessThan(1000);
    expect(new URLSearchParams(req.body).get('DomainName')).toBe(long);
    expect(signatureIsValid(req)).toBe(true);
  });

  it('asks for XML with Format=XML and parses it', async () => {
    const t = scripted({ status: 200, headers: {}, body: '<CheckDomainResponse><Avail>1</Avail></CheckDomainResponse>' });
    await expect(client(t, { format: 'XML' }).send(checkDomain, {})).resolves.toEqual({ Avail: 1 });
    expect(paramsOf(t.calls[0]!).Format).toBe('XML');
  });

  it('passes the per-call timeout and signal to the transport', async () => {
    const t = scripted(ok({}));
    const ac = new AbortController();
    await client(t, { timeout: 1234 }).send(checkDomain, {}, { timeout: 99, signal: ac.signal });
    expect(t.calls[0]).toMatchObject({ timeoutMs: 99, signal: ac.signal });
  });
});

describe('DomainClientCore.send: nothing sent for invalid input', () => {
  it('throws DomainValidationError for an unknown key without calling the transport', async () => {
    const t = scripted(ok({}));
    await expect(client(t).send(checkDomain, { Domain: 'a.com' })).rejects.toBeInstanceOf(DomainValidationError);
    expect(t.calls).toHaveLength(0);
  });

  it('throws the problems of the validate hook without calling the transport', async () => {
    const t = scripted(ok({}));
    const validate = vi.fn(() => ['DomainName: must end in a TLD']);
    const err = await client(t, { validate })
      .send(checkDomain, { DomainName: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainValidationError);
    expect((err as Error).message).toContain('must end in a TLD');
    expect(validate).toHaveBeenCalledWith(checkDomain, { DomainName: 'a' });
    expect(t.calls).toHaveLength(0);
  });

  it('does not look up credentials for invalid input', async () => {
    const credentials = vi.fn(() => ({ accessKeyId: 'a', accessKeySecret: 'b' }));
    await expect(new DomainClientCore({ credentials, transport: scripted(ok({})) }).send(checkDomain, { X: 1 })).rejects.toBeInstanceOf(
      DomainValidationError,
    );
    expect(credentials).not.toHaveBeenCalled();
  });
});

describe('DomainClientCore.send: retries', () => {
  it('retries Throttling on a safe Action with a fresh nonce and signature', async () => {
    const t = scripted(fail(400, 'Throttling'), ok({ Avail: 1 }));
    await expect(client(t).send(checkDomain, { DomainName: 'a.com' })).resolves.toEqual({ Avail: 1 });
    expect(t.calls).toHaveLength(2);
    const [a, b] = t.calls.map(paramsOf);
    expect(a!.SignatureNonce).not.toBe(b!.SignatureNonce);
    expect(a!.Signature).not.toBe(b!.Signature);
    expect(t.calls.every((r) => signatureIsValid(r))).toBe(true);
  });

  it('gives up after maxAttempts and reports the attempts', async () => {
    const t = scripted(fail(503, 'ServiceUnavailable'));
    const err = await client(t, { maxAttempts: 4 })
      .send(checkDomain, {})
      .catch((e: unknown) => e);
    expect(t.calls).toHaveLength(4);
    expect(err).toMatchObject({ code: 'ServiceUnavailable', attempts: 4 });
  });

  it('waits a full-jitter backoff between attempts', async () => {
    const waits: number[] = [];
    const t = scripted(fail(500, 'InternalError'));
    await client(t, { retry: { random: () => 0.5, sleep: async (ms) => void waits.push(ms) } })
      .send(checkDomain, {})
      .catch(() => {});
    expect(waits).toEqual([50, 100]);
  });

  for (const [name, step, type, code] of [
    ['503', fail(503, 'ServiceUnavailable'), DomainApiError, 'ServiceUnavailable'],
    ['Throttling', fail(400, 'Throttling'), DomainApiError, 'Throttling'],
    [
      'a connection reset',
      new DomainTransportError('reset', { reachedServer: true, code: 'ECONNRESET' }),
      DomainTransportError,
      'ECONNRESET',
    ],
  ] as const) {
    it(`sends an unsafe Action once on ${name}, and rejects with that failure`, async () => {
      const t = scripted(step, ok({}));
      const e: unknown = await client(t)
        .send(createOrder, { DomainName: 'a.com' })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(type);
      expect(e).toHaveProperty('code', code);
      expect(t.calls).toHaveLength(1);
    });
  }

  it('retries an unsafe Action when the connection was refused (never reached the server)', async () => {
    const t = scripted(new DomainTransportError('refused', { reachedServer: false, code: 'ECONNREFUSED' }), ok({ TaskNo: 't' }));
    await expect(client(t).send(createOrder, { DomainName: 'a.com' })).resolves.toEqual({ TaskNo: 't' });
    expect(t.calls).toHaveLength(2);
  });

  it('does not retry client errors such as InvalidParameter', async () => {
    const t = scripted(fail(400, 'InvalidParameter'), ok({}));
    await expect(client(t).send(checkDomain, {})).rejects.toBeInstanceOf(DomainApiError);
    expect(t.calls).toHaveLength(1);
  });

  it('stops retrying when the caller aborts during the backoff', async () => {
    const ac = new AbortController();
    const t = scripted(fail(503, 'ServiceUnavailable'));
    const sleep = async () => {
      ac.abort(new Error('caller gave up'));
      throw ac.signal.reason;
    };
    await expect(client(t, { retry: { sleep } }).send(checkDomain, {}, { signal: ac.signal })).rejects.toThrow('caller gave up');
    expect(t.calls).toHaveLength(1);
  });

  it('asks the credentials provider before each attempt', async () => {
    const credentials = vi.fn(() => ({ accessKeyId: 'a', accessKeySecret: 'b' }));
    const t = scripted(fail(400, 'Throttling'), ok({}));
    await new DomainClientCore({ credentials, transport: t, retry: noSleep }).send(checkDomain, {});
    expect(credentials).toHaveBeenCalledTimes(2);
  });
});

describe('DomainClientCore: secrets stay secret', () => {
  const c = () => client(scripted(ok({})), { securityToken: TOKEN });

  it('util.inspect shows no secret', () => {
    const text = inspect(c(), { showHidden: true, depth: 10 });
    expect(text).toContain('DomainClientCore');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it('JSON.stringify shows no secret', () => {
    const text = JSON.stringify(c());
    expect(text).toContain('endpoint');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it('no own property holds a secret', () => {
    const client = c() as unknown as Record<string, unknown>;
    const values = Object.getOwnPropertyNames(client).map((k) => String(client[k]));
    expect(values.join(' ')).not.toContain(SECRET);
  });

  it('API error messages show no secret', async () => {
    const err = await client(scripted(fail(403, 'SignatureDoesNotMatch')), { securityToken: TOKEN })
      .send(checkDomain, {})
      .catch((e: unknown) => e);
    const text = `${String(err)} ${inspect(err)} ${JSON.stringify(err)}`;
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(TOKEN);
  });

  it('credential errors show no secret', async () => {
    const err = await new DomainClientCore({ accessKeySecret: SECRET, transport: scripted(ok({})) })
      .send(checkDomain, {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainCredentialsError);
    expect(`${String(err)} ${inspect(err)}`).not.toContain(SECRET);
  });
});
