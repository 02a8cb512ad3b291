import { describe, expect, it } from 'vitest';
import { percentEncode } from '../src/encode.js';

describe('percentEncode (RFC 3986)', () => {
  it('keeps unreserved characters A-Z a-z 0-9 - _ . ~', () => {
    const unreserved = 'ABCXYZabcxyz0189-_.~';
    expect(percentEncode(unreserved)).toBe(unreserved);
  });

  it('encodes space as %20, not +', () => {
    expect(percentEncode('a b')).toBe('a%20b');
  });

  it('encodes * as %2A', () => {
    expect(percentEncode('*')).toBe('%2A');
  });

  it("encodes ! ' ( ) which encodeURIComponent keeps", () => {
    expect(percentEncode("!'()")).toBe('%21%27%28%29');
  });

  it('encodes reserved characters with uppercase hex', () => {
    expect(percentEncode('+/=&:?#,;@')).toBe('%2B%2F%3D%26%3A%3F%23%2C%3B%40');
  });

  it('encodes non-ASCII as UTF-8 bytes', () => {
    expect(percentEncode('阿里云.中国')).toBe('%E9%98%BF%E9%87%8C%E4%BA%91.%E4%B8%AD%E5%9B%BD');
    expect(percentEncode('😀')).toBe('%F0%9F%98%80');
  });

  it('leaves the empty string empty', () => {
    expect(percentEncode('')).toBe('');
  });

  it('rejects a lone surrogate, which has no UTF-8 form', () => {
    expect(() => percentEncode('\ud800')).toThrow(URIError);
  });
});
