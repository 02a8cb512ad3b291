import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainNameProblem, isDomainName, punycodeEncode, toAsciiLabel, formats } from '../src/index.js';
import { fixture } from './helpers.js';

const vectors = fixture<{ good: string[]; bad: { name: string; reason: string }[] }>('domain-names.json');

describe('appendix 6.2 domain names', () => {
  it.each(vectors.good)('accepts %s', (name) => {
    expect(domainNameProblem(name)).toBeUndefined();
    expect(isDomainName(name)).toBe(true);
    expect(formats['alidomain-domain-name'].validate(name)).toBe(true);
  });

  it.each(vectors.bad.map((v) => [v.name, v.reason]))('rejects %j (%s)', (name, reason) => {
    const problem = domainNameProblem(name);
    expect(problem).toBeDefined();
    expect(problem).toContain(reason);
    expect(isDomainName(name)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(domainNameProblem(42)).toBe('it is not a string');
    expect(isDomainName(undefined)).toBe(false);
  });

  it('measures Chinese labels by their punycode length, not their character count', () => {
    const ok = vectors.good.find((n) => n.startsWith('中文域名'))!.split('.')[0]!;
    const long = vectors.bad.find((v) => v.name.startsWith('中文域名'))!.name.split('.')[0]!;
    expect(Array.from(long).length).toBe(20); // far below 63 characters…
    expect(toAsciiLabel(ok).length).toBe(61);
    expect(toAsciiLabel(long).length).toBe(64); // …but 64 as punycode
  });
});

describe('punycode (RFC 3492)', () => {
  it('encodes known vectors', () => {
    expect(punycodeEncode('中文')).toBe('fiq228c');
    expect(punycodeEncode('中国')).toBe('fiqs8s');
    expect(punycodeEncode('例子')).toBe('fsqu00a');
    expect(punycodeEncode('bücher')).toBe('bcher-kva');
    expect(toAsciiLabel('abc中文')).toBe('xn--abc-x68do18h');
    expect(toAsciiLabel('example')).toBe('example');
    // RFC 3492 sample (A): Arabic (Egyptian).
    expect(punycodeEncode('\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F')).toBe(
      'egbpdaj6bu4bxfgehfvwxn',
    );
    // RFC 3492 sample (B): Chinese (simplified).
    expect(punycodeEncode('\u4ED6\u4EEC\u4E3A\u4EC0\u4E48\u4E0D\u8BF4\u4E2D\u6587')).toBe('ihqwcrb4cv8a8dqg056pqjye');
  });

  it('agrees with node:url on random Chinese labels', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const ascii = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
    const label = fc
      .array(fc.oneof(han, ascii), { minLength: 1, maxLength: 30 })
      .map((cs) => cs.join(''))
      .filter((l) => /\p{Script=Han}/u.test(l));
    fc.assert(
      fc.property(label, (l) => {
        expect(toAsciiLabel(l)).toBe(domainToASCII(`${l}.com`).split('.')[0]);
      }),
      { numRuns: 500 },
    );
  });
});
