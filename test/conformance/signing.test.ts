// Signature version 1.0 as the document's 签名机制 section defines it, checked against the one set
// of signing vectors: the document's worked example and the peers' own results (see
// fixtures/make-signing-vectors.mjs; each vector names its source).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signParams, type WireParam } from '@alidomain/core/internal';

interface Vector {
  name: string;
  method: 'GET' | 'POST';
  secret: string;
  /** In the order a caller gives them, not sorted. */
  params: WireParam[];
  expected: { canonical: string; stringToSign: string; signature: string };
  source: string;
}

const vectors = JSON.parse(readFileSync(new URL('./fixtures/signing-vectors.json', import.meta.url), 'utf8')) as Vector[];

describe('signing vectors', () => {
  for (const v of vectors) {
    it(`${v.name}: canonical query, StringToSign and Signature (${v.source})`, () => {
      expect(signParams(v.method, v.params, v.secret)).toEqual(v.expected);
    });
  }

  it('does not depend on the order parameters are given in', () => {
    const v = vectors[0]!;
    expect(signParams(v.method, [...v.params].reverse(), v.secret).signature).toBe(v.expected.signature);
  });
});
