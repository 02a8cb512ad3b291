import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, type WireParam } from '../src/canonical.js';
import { webCryptoHmacSha1Base64 } from '../src/hmac-webcrypto.js';
import { signParams, signParamsAsync } from '../src/sign.js';

// The signing vectors (the document's worked example, the peers' results) are one suite, in
// test/conformance/signing.test.ts. Here: the adapters and the key cache around the one signer.
const params: WireParam[] = [
  ['Action', 'CheckDomain'],
  ['DomainName', '阿里云.中国'],
  ['AccessKeyId', 'testid'],
];

describe('signParams and signParamsAsync', () => {
  it('match WebCrypto when the secret changes from one call to the next and back', async () => {
    for (const secret of ['testsecret', 'another/secret+=', 'testsecret', 'another/secret+=']) {
      const signed = signParams('GET', params, secret);
      expect(signed.signature).toBe(await webCryptoHmacSha1Base64(secret + '&', signed.stringToSign));
    }
  });

  it('signParamsAsync gives the same result as signParams', async () => {
    for (const method of ['GET', 'POST'] as const) {
      expect(await signParamsAsync(method, params, 'testsecret')).toEqual(signParams(method, params, 'testsecret'));
    }
  });
});

describe('canonicalQuery', () => {
  it('sorts by unencoded name in code-unit order (".10" before ".2", uppercase before lowercase)', () => {
    const params: WireParam[] = [
      ['a', '1'],
      ['N.2', 'x'],
      ['N.10', 'y'],
      ['B', '2'],
    ];
    expect(canonicalQuery(params)).toBe('B=2&N.10=y&N.2=x&a=1');
  });

  it('does not reorder the caller’s array', () => {
    const params: WireParam[] = [
      ['b', '1'],
      ['a', '2'],
    ];
    canonicalQuery(params);
    expect(params).toEqual([
      ['b', '1'],
      ['a', '2'],
    ]);
  });

  it('encodes names and values', () => {
    expect(canonicalQuery([['K y', 'v*1']])).toBe('K%20y=v%2A1');
  });
});

describe('WebCrypto HMAC (used outside Node)', () => {
  it('gives node:crypto’s HMAC-SHA1 for the same key and text', async () => {
    // A key longer than SHA-1's 64-byte block is hashed first: one of each, and non-ASCII text.
    const cases: [key: string, text: string][] = [
      ['testsecret&', 'GET&%2F&A%3D1'],
      ['k'.repeat(80) + '&', '中文 🎉'],
      ['&', ''],
    ];
    for (const [key, text] of cases) {
      expect(await webCryptoHmacSha1Base64(key, text)).toBe(createHmac('sha1', key).update(text, 'utf8').digest('base64'));
    }
  });
});
