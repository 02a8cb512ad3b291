// Reading query and form text: what a browser, Java or Node client sends comes back as it was meant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseForm } from '../src/wire/form.js';

describe('parseForm', () => {
  it.each([
    ['', {}],
    ['a=1&b=2', { a: '1', b: '2' }],
    ['a&b=', { a: '', b: '' }],
    ['&&a=1&', { a: '1' }],
    ['n=a+b%2Bc', { n: 'a b+c' }],
    ['k%3D=v%26w', { 'k=': 'v&w' }],
    ['a==b', { a: '=b' }],
  ])('%j reads as %j', (text, expected) => {
    expect(parseForm(text)).toEqual(expected);
  });

  it('reads back whatever URLSearchParams writes', () => {
    const name = fc.string({ unit: 'grapheme', minLength: 1 });
    const value = fc.string({ unit: 'grapheme' });
    fc.assert(
      fc.property(fc.dictionary(name, value), (params) => {
        expect(parseForm(new URLSearchParams(params).toString())).toEqual(params);
      }),
    );
  });

  it('keeps a parameter named __proto__ as a parameter', () => {
    expect(parseForm('__proto__=x').__proto__).toBe('x');
  });

  it('refuses a malformed percent sequence rather than guessing', () => {
    expect(() => parseForm('a=%E0%A4%A')).toThrow(URIError);
  });
});
