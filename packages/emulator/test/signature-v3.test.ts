// The V3 signature (ACS3-HMAC-SHA256): the emulator's own verifier agrees with the official
// runtime (@alicloud/openapi-client sends V3 by default) and refuses what it must.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '@alidomain/validators';
import type { WireRequest } from '../src/auth/authenticate.js';
import { canonicalRequestV3, parseAuthorization, verifyV3 } from '../src/auth/signature-v3.js';
import { ApiError } from '../src/errors.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { openApiUtil, sendV3, signV3 } from './support/wire.js';

const require = createRequire(import.meta.url);
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The WireRequest the server would read from a request `signV3` prepared. */
function wireOf(req: ReturnType<typeof signV3>): WireRequest {
  const q = req.path.indexOf('?');
  const query = q < 0 ? {} : Object.fromEntries(new URLSearchParams(req.path.slice(q + 1)));
  const form = req.body === undefined ? {} : Object.fromEntries(new URLSearchParams(req.body));
  return {
    method: req.method,
    url: req.path,
    headers: req.headers,
    query,
    form,
    params: { ...query, ...form },
    body: Buffer.from(req.body ?? ''),
  };
}

const keys = new Map([['testid', 'testsecret']]);

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  return undefined;
}

describe('verifyV3 on requests openapi-util signed', () => {
  // Characters that encodeURIComponent leaves alone but RFC 3986 encodes, and UTF-8 beyond ASCII.
  const base = { action: 'CheckDomain', query: { DomainName: '例子.com', FeeCommand: "it's (*)!", Lang: 'en' }, at: NOW };

  it('accepts a signed GET and names the AccessKeyId', () => {
    expect(verifyV3(wireOf(signV3('http://127.0.0.1:8080', base)), keys)).toBe('testid');
  });

  it('accepts a signed POST whose form body is hashed as sent', () => {
    const req = signV3('http://127.0.0.1:8080', { action: 'CheckDomain', form: { DomainName: '中文.中国', Lang: 'zh' }, at: NOW });
    expect(verifyV3(wireOf(req), keys)).toBe('testid');
  });

  it('signs an empty body as the SHA-256 of nothing', () => {
    expect(signV3('http://127.0.0.1:8080', base).headers['x-acs-content-sha256']).toBe(EMPTY_SHA256);
  });

  it('puts the method, path, sorted encoded query, signed headers and payload hash in the canonical request', () => {
    const req = signV3('http://h:1', { action: 'CheckDomain', query: { b: 'x y*', A: '~' }, at: NOW, nonce: 'n1' });
    const signed = parseAuthorization(req.headers.authorization!).signedHeaders;
    expect(canonicalRequestV3(wireOf(req), signed, EMPTY_SHA256)).toBe(
      [
        'GET',
        '/',
        'A=~&b=x%20y%2A',
        `host:h:1\nx-acs-action:CheckDomain\nx-acs-content-sha256:${EMPTY_SHA256}\nx-acs-date:2026-01-15T12:00:00Z\nx-acs-signature-nonce:n1\nx-acs-version:2018-01-29\n`,
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
        EMPTY_SHA256,
      ].join('\n'),
    );
  });

  it('refuses a signature made with another secret: SignatureDoesNotMatch', () => {
    expect(codeOf(() => verifyV3(wireOf(signV3('http://127.0.0.1:8080', { ...base, secret: 'wrong' })), keys))).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('refuses a query changed after signing: SignatureDoesNotMatch', () => {
    const req = signV3('http://127.0.0.1:8080', base);
    req.path = req.path.replace('Lang=en', 'Lang=zh');
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('SignatureDoesNotMatch');
  });

  it('refuses a signed header changed after signing: SignatureDoesNotMatch', () => {
    const req = signV3('http://127.0.0.1:8080', base);
    req.headers['x-acs-action'] = 'QueryDomainList';
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('SignatureDoesNotMatch');
  });

  it('refuses a body whose hash is not x-acs-content-sha256: SignatureDoesNotMatch', () => {
    const req = signV3('http://127.0.0.1:8080', { action: 'CheckDomain', form: { DomainName: 'example.com' }, at: NOW });
    req.body = 'DomainName=example.net';
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown Credential: InvalidAccessKeyId.NotFound', () => {
    expect(codeOf(() => verifyV3(wireOf(signV3('http://127.0.0.1:8080', { ...base, accessKeyId: 'nobody' })), keys))).toBe(
      'InvalidAccessKeyId.NotFound',
    );
  });

  it.each([
    ['another algorithm', (a: string) => a.replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3')],
    ['no Signature', (a: string) => a.replace(/,Signature=[0-9a-f]+/, '')],
    ['no Credential', (a: string) => a.replace(/Credential=[^,]+,/, '')],
    ['no SignedHeaders', (a: string) => a.replace(/SignedHeaders=[^,]+,/, '')],
  ])('refuses an Authorization header with %s: IncompleteSignature', (_, edit) => {
    const req = signV3('http://127.0.0.1:8080', base);
    req.headers.authorization = edit(req.headers.authorization!);
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('IncompleteSignature');
  });

  it.each(['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])(
    'refuses a signature that leaves %s out of SignedHeaders: IncompleteSignature',
    (name) => {
      const req = signV3('http://127.0.0.1:8080', base);
      const auth = parseAuthorization(req.headers.authorization!);
      const signed = auth.signedHeaders.filter((h) => h !== name);
      req.headers.authorization = `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${signed.join(';')},Signature=${auth.signature}`;
      expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('IncompleteSignature');
    },
  );

  it('refuses a request with a body whose SignedHeaders leave out content-type: IncompleteSignature', () => {
    const req = signV3('http://127.0.0.1:8080', { action: 'CheckDomain', form: { DomainName: 'example.com' }, at: NOW });
    const auth = parseAuthorization(req.headers.authorization!);
    const signed = auth.signedHeaders.filter((h) => h !== 'content-type');
    req.headers.authorization = `ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=${signed.join(';')},Signature=${auth.signature}`;
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('IncompleteSignature');
  });

  it('refuses an x-acs-* header sent but not signed: IncompleteSignature', () => {
    const req = signV3('http://127.0.0.1:8080', base);
    req.headers['x-acs-extra'] = 'unsigned';
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('IncompleteSignature');
  });

  it('refuses a signed header the request does not carry: MissingParameter', () => {
    const req = signV3('http://127.0.0.1:8080', { action: 'CheckDomain', form: { DomainName: 'example.com' }, at: NOW });
    delete req.headers['content-type'];
    expect(codeOf(() => verifyV3(wireOf(req), keys))).toBe('MissingParameter');
  });
});

describe('V3 requests over HTTP', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ clock: () => NOW });
  });
  afterAll(() => emulator.close());

  it('answers a signed GET with a schema-valid JSON body', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW });
    expect(res.status).toBe(200);
    expect(validateResponse('CheckDomain', res.json)).toEqual([]);
  });

  it('answers a signed POST with a form body', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', form: { DomainName: 'example.com' }, at: NOW });
    expect(res.status).toBe(200);
    expect(validateResponse('CheckDomain', res.json)).toEqual([]);
  });

  it('answers a wrong secret with SignatureDoesNotMatch, HTTP 403', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW, secret: 'wrong' });
    expect([res.status, res.json?.Code]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('answers a reused x-acs-signature-nonce with SignatureNonceUsed', async () => {
    const r = { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW, nonce: 'v3-nonce-once' };
    expect((await sendV3(emulator.url, r)).status).toBe(200);
    expect((await sendV3(emulator.url, r)).json?.Code).toBe('SignatureNonceUsed');
  });

  it('answers an x-acs-date outside the allowed skew with InvalidTimeStamp.Expired', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW - 16 * 60_000 });
    expect(res.json?.Code).toBe('InvalidTimeStamp.Expired');
  });

  it('answers a missing x-acs-signature-nonce with MissingParameter', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW }, (req) => {
      delete req.headers['x-acs-signature-nonce'];
    });
    expect(res.json?.Code).toBe('MissingParameter');
  });

  it('answers another x-acs-version with NoSuchVersion', async () => {
    const res = await sendV3(emulator.url, { action: 'CheckDomain', query: { DomainName: 'example.com' }, at: NOW, version: '2017-12-18' });
    expect(res.json?.Code).toBe('NoSuchVersion');
  });
});

describe('@alicloud/openapi-client in its default mode', () => {
  interface Callable {
    callApi(params: unknown, request: unknown, runtime: unknown): Promise<{ statusCode: number; body: unknown }>;
  }
  const OpenApi = require('@alicloud/openapi-client') as {
    default: new (config: unknown) => Callable;
    Config: new (c: Record<string, unknown>) => unknown;
    Params: new (p: Record<string, unknown>) => unknown;
    OpenApiRequest: new (r: Record<string, unknown>) => unknown;
  };
  const { RuntimeOptions } = require('@alicloud/tea-util') as { RuntimeOptions: new (o: Record<string, unknown>) => unknown };

  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(); // the client stamps requests with the real time
  });
  afterAll(() => emulator.close());

  const call = (secret: string) =>
    new OpenApi.default(
      new OpenApi.Config({ accessKeyId: 'testid', accessKeySecret: secret, endpoint: `127.0.0.1:${emulator.port}`, protocol: 'http' }),
    ).callApi(
      new OpenApi.Params({
        action: 'CheckDomain',
        version: '2018-01-29',
        protocol: 'HTTP',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      }),
      new OpenApi.OpenApiRequest({
        query: (openApiUtil as unknown as { query(p: object): Record<string, string> }).query({ DomainName: 'example.com' }),
      }),
      new RuntimeOptions({}),
    );

  it('is answered: the request it sent carried an ACS3-HMAC-SHA256 Authorization', async () => {
    const res = await call('testsecret');
    expect(res.statusCode).toBe(200);
    expect(validateResponse('CheckDomain', res.body)).toEqual([]);
    const seen = emulator.requests.at(-1)!;
    expect(seen.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=[a-z0-9;-]+,Signature=[0-9a-f]{64}$/);
  });

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    await expect(call('wrong')).rejects.toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403 });
  });
});
