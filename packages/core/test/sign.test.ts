import { describe, expect, it } from 'vitest';
import { canonicalQuery, type WireParam } from '../src/canonical.js';
import { webCryptoHmacSha1Base64 } from '../src/hmac-webcrypto.js';
import { signParams, signParamsAsync } from '../src/sign.js';
import { fixtureJson } from './helpers.js';

interface Vector {
  name: string;
  method: 'GET' | 'POST';
  secret: string;
  params: [string, string][];
  stringToSign: string;
  signature: string;
}

const { vectors } = fixtureJson<{ vectors: Vector[] }>('signature-vectors.json');

describe('signature vectors (fixtures/signature-vectors.json)', () => {
  it('include the document worked example', () => {
    expect(vectors[0]!.signature).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  for (const v of vectors) {
    it(`${v.name}: StringToSign matches`, () => {
      expect(signParams(v.method, v.params, v.secret).stringToSign).toBe(v.stringToSign);
    });

    it(`${v.name}: Signature matches`, () => {
      expect(signParams(v.method, v.params, v.secret).signature).toBe(v.signature);
    });
  }

  it('match WebCrypto when the secret changes from one call to the next and back', async () => {
    const v = vectors[0]!;
    for (const secret of ['testsecret', 'another/secret+=', 'testsecret', 'another/secret+=']) {
      const signed = signParams(v.method, v.params, secret);
      expect(signed.signature).toBe(await webCryptoHmacSha1Base64(secret + '&', signed.stringToSign));
    }
  });

  it('signParamsAsync gives the same result as signParams', async () => {
    for (const v of vectors) {
      expect(await signParamsAsync(v.method, v.params, v.secret)).toEqual(signParams(v.method, v.params, v.secret));
    }
  });
});

describe('canonicalQuery', () => {
  it('sorts by unencoded name in code-unit order (".10" before ".2", uppercase before lowercase)', () => {
    const params: WireParam[] = [['a', '1'], ['N.2', 'x'], ['N.10', 'y'], ['B', '2']];
    expect(canonicalQuery(params)).toBe('B=2&N.10=y&N.2=x&a=1');
  });

  it('does not reorder the caller’s array', () => {
    const params: WireParam[] = [['b', '1'], ['a', '2']];
    canonicalQuery(params);
    expect(params).toEqual([['b', '1'], ['a', '2']]);
  });

  it('encodes names and values', () => {
    expect(canonicalQuery([['K y', 'v*1']])).toBe('K%20y=v%2A1');
  });
});

describe('WebCrypto HMAC (used outside Node)', () => {
  it('gives the vector signatures', async () => {
    const { webCryptoHmacSha1Base64 } = await import('../src/hmac-webcrypto.js');
    for (const v of vectors) {
      expect(await webCryptoHmacSha1Base64(v.secret + '&', v.stringToSign)).toBe(v.signature);
    }
  });
});
