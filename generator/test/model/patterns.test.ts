// The patterns that go beside the custom formats (src/model/patterns.ts) must compile, and mean
// the same, in ECMA-262 and in Python's `re`; packages/validators/test checks what they accept
// against the format functions, through ajv, @cfworker/json-schema and Python's jsonschema.
import { describe, expect, it } from 'vitest';
import { FORMAT_PATTERNS, NAME_FORMATS } from '../../src/model.js';
import { formatKeywords } from '../../src/model/patterns.js';

const patterns = Object.entries(FORMAT_PATTERNS);

describe('format patterns', () => {
  it('cover every custom format the schemas use', () => {
    expect(Object.keys(FORMAT_PATTERNS).sort()).toEqual(['alidomain-domain-name', ...NAME_FORMATS, 'int64'].sort());
  });

  it.each(patterns)('%s compiles as an ECMA-262 regular expression with and without the u flag', (_name, source) => {
    expect(() => new RegExp(source, 'u')).not.toThrow();
    expect(() => new RegExp(source)).not.toThrow();
  });

  it.each(patterns)('%s is anchored at both ends, the end as Python reads it too', (_name, source) => {
    expect(source.startsWith('^')).toBe(true);
    expect(source.endsWith('$(?!\\n)')).toBe(true);
  });

  it.each(patterns)('%s uses nothing Python’s re lacks or reads otherwise', (_name, source) => {
    // lookbehind, Unicode properties, \d \w \s (except [\s\S]), named groups, literal non-ASCII
    expect(source).not.toMatch(/\(\?<|\\[pPdDwWbB]|\\s(?!\\S\])|\(\?<?[A-Za-z]/);
    expect(source).toMatch(/^[\x20-\x7e]+$/);
  });

  it('rejects a domain name with a hyphen at an edge, and accepts a plain one', () => {
    const re = new RegExp(FORMAT_PATTERNS['alidomain-domain-name']!, 'u');
    expect(re.test('-bad-.com')).toBe(false);
    expect(re.test('example.com')).toBe(true);
  });

  it('gives a format without a pattern only its name', () => {
    expect(formatKeywords('date-time')).toEqual({ format: 'date-time' });
  });
});
