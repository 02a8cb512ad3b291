// Signature version 1.0 as the document's 签名机制 section defines it, checked against vectors
// whose expected values come from the document and from @alicloud/pop-core (see fixtures/).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalQuery, signParams, type WireParam } from '@alidomain/core/internal';

interface Vector {
  name: string;
  method: 'GET' | 'POST';
  secret: string;
  params: Record<string, string>;
  expected: { canonical: string; stringToSign: string; signature: string };
  source: string;
}

const vectors: Vector[] = JSON.parse(readFileSync(new URL('./fixtures/signing-vectors.json', import.meta.url), 'utf8'));

describe('signing vectors', () => {
  for (const v of vectors) {
    it(`${v.name}: canonical query, StringToSign and Signature`, () => {
      const params = Object.entries(v.params) as WireParam[];
      const signed = signParams(v.method, params, v.secret);
      expect(signed.canonical).toBe(v.expected.canonical);
      expect(signed.stringToSign).toBe(v.expected.stringToSign);
      expect(signed.signature).toBe(v.expected.signature);
    });
  }

  it('sorts .10 before .2, as byte order does', () => {
    const q = canonicalQuery([['DomainName.2', 'b'], ['DomainName.10', 'j'], ['DomainName.1', 'a']]);
    expect(q).toBe('DomainName.1=a&DomainName.10=j&DomainName.2=b');
  });

  it('does not depend on the order parameters are given in', () => {
    const v = vectors[0];
    const reversed = (Object.entries(v.params) as WireParam[]).reverse();
    expect(signParams(v.method, reversed, v.secret).signature).toBe(v.expected.signature);
  });
});
