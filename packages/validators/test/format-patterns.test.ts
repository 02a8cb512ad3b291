// The patterns beside the custom formats against the format functions themselves: a pattern may
// accept more than its format (what no regular expression can express), never less. Checked on
// every code point in the places a label character may stand, and on generated names, where the
// verdicts must agree but for the known gaps (README: "What only the formats check").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInt64String } from '../src/formats.js';
import {
  domainNameProblem,
  hostLabelProblem,
  hostNameProblem,
  isDomainName,
  isDomainNameList,
  isHostLabel,
  isHostName,
} from '../src/domain-name.js';
import { patternOf, plainVerdict } from './lib/plain-json-schema.js';

// As JSON Schema 2020-12 (and ajv, @cfworker/json-schema) compile them.
const compile = (action: string, param: string) => new RegExp(patternOf(action, param), 'u');
const domainName = compile('CheckDomain', 'DomainName');
const domainNameList = compile('SubmitOperationAuditInfo', 'DomainName');
const hostName = compile('SaveSingleTaskForCreatingOrderActivate', 'Dns1');
const hostLabel = compile('SaveSingleTaskForCreatingDnsHost', 'DnsName');
const int64 = compile('DeleteRegistrantProfile', 'RegistrantProfileId');

/** The inputs the format accepts and the pattern rejects, for each code point in each template. */
function stricterThanFormat(format: (s: string) => boolean, pattern: RegExp, templates: ((c: string) => string)[]): string[] {
  const found: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const c = String.fromCodePoint(cp);
    for (const t of templates) {
      const s = t(c);
      if (format(s) && !pattern.test(s)) found.push(`U+${cp.toString(16)} in ${JSON.stringify(s)}`);
    }
    if (found.length > 20) break;
  }
  return found;
}

describe('every code point', () => {
  it('the domain-name pattern accepts it wherever the format does', () => {
    const templates = [(c: string) => `a${c}b.com`, (c: string) => `${c}.com`, (c: string) => `ab.${c}${c}`];
    expect(stricterThanFormat(isDomainName, domainName, templates)).toEqual([]);
  });

  it('the host-name pattern accepts it wherever the format does', () => {
    const templates = [(c: string) => `a${c}b.com`, (c: string) => `${c}.com`, (c: string) => `ns.${c}a`];
    expect(stricterThanFormat(isHostName, hostName, templates)).toEqual([]);
  });

  it('the host-label pattern accepts it wherever the format does', () => {
    expect(stricterThanFormat(isHostLabel, hostLabel, [(c) => `a${c}b`, (c) => c])).toEqual([]);
  });
});

// Names from an alphabet that reaches every rule: ASCII letters of both cases, digits, "-", the
// separators, Chinese characters (BMP and above), Latin with accents, symbols, emoji and spaces.
const pick = (chars: string) => fc.constantFrom(...Array.from(chars));
const char = fc.oneof(
  { weight: 8, arbitrary: pick('abcxnz019-') },
  { weight: 2, arbitrary: pick('ABXN') },
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: pick('\u{20000}\u{2a6d6}々\u3400\uf900') },
  { weight: 1, arbitrary: pick('éü\u212a_ ,\u2603\u{1f600}\u3002\uff0e') },
);
const label = fc.oneof(
  { weight: 6, arbitrary: fc.array(char, { minLength: 0, maxLength: 8 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.array(char, { minLength: 50, maxLength: 66 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('xn--fiqs8s', 'ab--c', 'a'.repeat(63), 'a'.repeat(64), '中'.repeat(59), '中'.repeat(60)) },
);
const name = fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.'));

/** Why a name the pattern accepts is rejected by the format: only the rules no pattern expresses. */
const unexpressible = /as punycode|^"[\u{10000}-\u{10ffff}]" is not allowed/u;

describe('generated names', () => {
  it('the domain-name pattern agrees with the format, but for lengths after punycode and characters above U+FFFF', () => {
    fc.assert(
      fc.property(name, (n) => {
        const format = isDomainName(n);
        const pattern = domainName.test(n);
        if (format) expect(pattern, n).toBe(true);
        else if (pattern) expect(domainNameProblem(n), n).toMatch(unexpressible);
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('the domain-name-list pattern agrees with the format, with the same gaps', () => {
    const list = fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => ns.join(','));
    fc.assert(
      fc.property(list, (l) => {
        const format = isDomainNameList(l);
        const pattern = domainNameList.test(l);
        if (format) expect(pattern, l).toBe(true);
        else if (pattern) expect(l.split(',').some((n) => unexpressible.test(domainNameProblem(n) ?? ''))).toBe(true);
      }),
      { numRuns: 1000, seed: 15 },
    );
  });

  it('the host-name pattern agrees with the format, but for lengths after punycode and which characters are letters', () => {
    fc.assert(
      fc.property(name, (n) => {
        const format = isHostName(n);
        const pattern = hostName.test(n);
        if (format) expect(pattern, n).toBe(true);
        else if (pattern) expect(hostNameProblem(n), n).toMatch(/as punycode|^"[^\p{L}\p{M}\p{N}]" is not allowed in a host name/u);
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('the host-label pattern agrees with the format, with the same gaps', () => {
    fc.assert(
      fc.property(label, (l) => {
        const format = isHostLabel(l);
        const pattern = hostLabel.test(l);
        if (format) expect(pattern, l).toBe(true);
        else if (pattern) expect(hostLabelProblem(l), l).toMatch(/as punycode|^"[^\p{L}\p{M}\p{N}]" is not allowed in a host name/u);
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('the int64 pattern agrees with the format, but for the 64-bit range', () => {
    const digits = fc.array(pick('0123456789'), { minLength: 0, maxLength: 25 }).map((ds) => ds.join(''));
    const int64String = fc.oneof(
      fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
      fc.tuple(fc.constantFrom('', '-', '+', ' ', '--'), digits, fc.constantFrom('', '.5', 'e3', '\n', ' ')).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(int64String, (s) => {
        const inRange = /^-?[0-9]+$/.test(s) && BigInt(s) >= -(2n ** 63n) && BigInt(s) < 2n ** 63n;
        expect(int64.test(s), s).toBe(/^-?[0-9]+$/.test(s));
        expect(isInt64String(s), s).toBe(inRange);
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('@cfworker/json-schema gives a CheckDomain request the pattern’s verdict on its name', () => {
    fc.assert(
      fc.property(name, (n) => {
        expect(plainVerdict('CheckDomain', { DomainName: n }), n).toBe(n.length > 0 && domainName.test(n));
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});
