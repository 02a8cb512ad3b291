// The v1.0 signature (HMAC-SHA1): the emulator's own signer reproduces the document's worked
// example and accepts what @alicloud/pop-core signs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateResponse } from '@alidomain/validators';
import { percentEncode, sameSignature, signatureV1 } from '../src/auth/signature-v1.js';
import { startEmulator, type Emulator } from '../src/index.js';

const require = createRequire(import.meta.url);
const documentVector = JSON.parse(readFileSync(new URL('./fixtures/signature-v1-document.json', import.meta.url), 'utf8')) as {
  method: string;
  secret: string;
  params: Record<string, string>;
  signature: string;
};

describe('signatureV1', () => {
  it('signs the document’s worked example (DescribeRegions) as the document does', () => {
    expect(signatureV1(documentVector.method, documentVector.params, documentVector.secret)).toBe(documentVector.signature);
  });

  it('leaves the Signature parameter itself out of what it signs', () => {
    const { method, params, secret } = documentVector;
    expect(signatureV1(method, { ...params, Signature: 'anything' }, secret)).toBe(documentVector.signature);
  });

  it('depends on the method', () => {
    const { params, secret } = documentVector;
    expect(signatureV1('POST', params, secret)).not.toBe(documentVector.signature);
  });
});

describe('percentEncode', () => {
  it('leaves A–Z a–z 0–9 - _ . ~ alone', () => {
    expect(percentEncode('AZaz09-_.~')).toBe('AZaz09-_.~');
  });

  it('encodes a space as %20, not +, and * as %2A', () => {
    expect(percentEncode('a b*c+')).toBe('a%20b%2Ac%2B');
  });

  it("encodes the characters encodeURIComponent leaves: ! ' ( )", () => {
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
  });

  it('encodes every string as its UTF-8 bytes would be, lone surrogates included (as U+FFFD)', () => {
    const byBytes = (s: string) =>
      [...Buffer.from(s, 'utf8')]
        .map((b) =>
          /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
        )
        .join('');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => percentEncode(s) === byBytes(s)),
      { numRuns: 2000 },
    );
    expect(percentEncode('a\uD800b')).toBe('a%EF%BF%BDb');
  });

  it('encodes UTF-8 beyond ASCII byte by byte, upper-case hex', () => {
    expect(percentEncode('中')).toBe('%E4%B8%AD');
  });
});

describe('sameSignature', () => {
  it('is true for equal text only', () => {
    expect([sameSignature('abc=', 'abc='), sameSignature('abc=', 'abd='), sameSignature('abc=', 'abc')]).toEqual([true, false, false]);
  });
});

describe('@alicloud/pop-core (v1.0)', () => {
  interface RpcClient {
    request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<Record<string, unknown>>;
  }
  const RPCClient = require('@alicloud/pop-core') as new (c: Record<string, string>) => RpcClient;
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator(); // pop-core stamps requests with the real time
  });
  afterAll(() => emulator.close());

  const client = (secret = 'testsecret') =>
    new RPCClient({ accessKeyId: 'testid', accessKeySecret: secret, endpoint: emulator.url, apiVersion: '2018-01-29' });

  it.each(['GET', 'POST'])('is answered when it signs a %s request', async (method) => {
    const body = await client().request('CheckDomain', { DomainName: 'example.com' }, { method });
    expect(validateResponse('CheckDomain', body)).toEqual([]);
    expect(emulator.requests.at(-1)).toMatchObject({ method, action: 'CheckDomain', code: undefined });
  });

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    await expect(client('wrong').request('CheckDomain', { DomainName: 'example.com' })).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
    });
  });
});
