// The gateway's checks before an Action runs (v1.0 requests): replay, time, version, signing
// method, the key and its secret; and errors in the format the request asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureV1 } from '../src/auth/signature-v1.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { sendV1, v1Params } from './support/wire.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const check = { DomainName: 'example.com' };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ clock: () => NOW, rateLimits: false });
});
afterAll(() => emulator.close());

const code = async (params: Record<string, string>, opts?: Parameters<typeof sendV1>[2]) =>
  (await sendV1(emulator.url, params, opts)).json?.Code;

describe('v1.0 requests', () => {
  it('answers a correctly signed request', async () => {
    const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW));
    expect(res.status).toBe(200);
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('refuses %s, signed like a GET, with UnsupportedHTTPMethod', async (method) => {
    const params = v1Params('CheckDomain', check, NOW);
    const query = new URLSearchParams({ ...params, Signature: signatureV1(method, params, 'testsecret') }).toString();
    const res = await fetch(`${emulator.url}/?${query}`, { method });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Code?: string }).Code).toBe('UnsupportedHTTPMethod');
  });

  it('answers a correctly signed POST with a form body', async () => {
    const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW), { method: 'POST' });
    expect(res.status).toBe(200);
  });

  it('refuses a SignatureNonce seen before: SignatureNonceUsed', async () => {
    const common = { SignatureNonce: 'nonce-used-twice' };
    expect((await sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common }))).status).toBe(200);
    expect(await code(v1Params('CheckDomain', check, NOW, { common }))).toBe('SignatureNonceUsed');
  });

  it('accepts a Timestamp within the 15-minute skew either side', async () => {
    expect((await sendV1(emulator.url, v1Params('CheckDomain', check, NOW - 14 * MINUTE))).status).toBe(200);
    expect((await sendV1(emulator.url, v1Params('CheckDomain', check, NOW + 14 * MINUTE))).status).toBe(200);
  });

  it.each([
    ['old', -16 * MINUTE],
    ['in the future', 16 * MINUTE],
  ])('refuses a Timestamp 16 minutes %s: InvalidTimeStamp.Expired', async (_, offset) => {
    expect(await code(v1Params('CheckDomain', check, NOW + offset))).toBe('InvalidTimeStamp.Expired');
  });

  it.each(['2026-01-15 12:00:00', '2026-01-15T12:00:00+08:00', '1768478400', 'yesterday', '2026-02-31T12:00:00Z', '2026-01-15T24:61:00Z'])(
    'refuses the Timestamp %j: InvalidTimeStamp.Format',
    async (Timestamp) => {
      expect(await code(v1Params('CheckDomain', check, NOW, { common: { Timestamp } }))).toBe('InvalidTimeStamp.Format');
    },
  );

  it('refuses another Version: NoSuchVersion', async () => {
    expect(await code(v1Params('CheckDomain', check, NOW, { common: { Version: '2017-12-18' } }))).toBe('NoSuchVersion');
  });

  it.each([
    ['SignatureMethod', 'HMAC-SHA256'],
    ['SignatureVersion', '2.0'],
  ])('refuses %s=%s: InvalidParameter', async (name, value) => {
    const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common: { [name]: value } }));
    expect(res.json?.Code).toBe('InvalidParameter');
    expect(res.json?.Message).toContain(name);
  });

  it.each(['AccessKeyId', 'SignatureNonce', 'Timestamp', 'SignatureMethod'])(
    'refuses a request without %s: MissingParameter',
    async (name) => {
      const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common: { [name]: undefined } }));
      expect(res.json?.Code).toBe('MissingParameter');
      expect(res.json?.Message).toContain(name);
    },
  );

  it('refuses an unknown AccessKeyId: InvalidAccessKeyId.NotFound', async () => {
    expect(await code(v1Params('CheckDomain', check, NOW, { accessKeyId: 'nobody' }), { accessKeyId: 'nobody' })).toBe(
      'InvalidAccessKeyId.NotFound',
    );
  });

  it('refuses a wrong secret: SignatureDoesNotMatch, HTTP 403', async () => {
    const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW), { secret: 'wrong' });
    expect([res.status, res.json?.Code]).toEqual([403, 'SignatureDoesNotMatch']);
  });

  it('refuses parameters changed after signing: SignatureDoesNotMatch', async () => {
    // Signed for GET, sent as POST: the method is part of the string to sign.
    const params = v1Params('CheckDomain', check, NOW);
    const res = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...params, Signature: signatureV1('GET', params, 'testsecret') }).toString(),
    });
    expect(((await res.json()) as { Code: string }).Code).toBe('SignatureDoesNotMatch');
  });

  // The nonce is recorded once the signature is verified; a request refused before that (here, a
  // wrong secret) leaves it unused. One refused later (a bad parameter, Throttling) has used it.
  it('accepts again the nonce of a request whose signature was refused', async () => {
    const common = { SignatureNonce: 'nonce-after-refusal' };
    expect(await code(v1Params('CheckDomain', check, NOW, { common }), { secret: 'wrong' })).toBe('SignatureDoesNotMatch');
    expect((await sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common }))).status).toBe(200);
  });
});

describe('error format', () => {
  const wrongSecret = (common: Record<string, string | undefined>) =>
    sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common }), { secret: 'wrong' });

  it('is XML when Format=XML', async () => {
    const res = await wrongSecret({ Format: 'XML' });
    expect(res.contentType).toMatch(/^text\/xml/);
    expect(res.text).toMatch(/^<\?xml version='1.0' encoding='UTF-8'\?><Error>.*<Code>SignatureDoesNotMatch<\/Code>.*<\/Error>$/);
  });

  it('is XML when no Format is given (the document’s default)', async () => {
    const res = await wrongSecret({ Format: undefined });
    expect(res.contentType).toMatch(/^text\/xml/);
    expect(res.text).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('is JSON when Format=JSON, with RequestId, HostId, Code and Message', async () => {
    const res = await wrongSecret({ Format: 'JSON' });
    expect(res.contentType).toMatch(/^application\/json/);
    expect(Object.keys(res.json ?? {}).sort()).toEqual(['Code', 'HostId', 'Message', 'RequestId']);
  });

  it('reads Format case-insensitively: @alicloud/openapi-client’s v1.0 mode sends Format=json', async () => {
    const res = await sendV1(emulator.url, v1Params('CheckDomain', check, NOW, { common: { Format: 'json' } }));
    expect([res.status, res.contentType]).toEqual([200, expect.stringMatching(/^application\/json/)]);
  });

  it('never shows the secret', async () => {
    const res = await wrongSecret({ Format: 'JSON' });
    expect(res.text).not.toContain('testsecret');
    expect(res.text).not.toContain('wrong&');
  });
});
