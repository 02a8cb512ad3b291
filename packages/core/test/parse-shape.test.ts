import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionMeta, Shape } from '../src/meta.js';
import { parseJsonLossless } from '../src/parse/json.js';
import { parseError, parseSuccess } from '../src/parse/response.js';
import { applyShape } from '../src/parse/shape.js';
import { DomainApiError, DomainResponseError } from '../src/errors.js';
import { fixtureJson, fixtureText } from './helpers.js';
import { loadXmlSupport } from '../src/parse/xml.js';

beforeAll(loadXmlSupport);

const meta = fixtureJson<ActionMeta>('responses/query-domain-list.meta.json');
const expected = fixtureJson<unknown>('responses/query-domain-list.expected.json');

describe('response parsing by shape', () => {
  it('gives the expected typed result for the JSON body', () => {
    expect(parseSuccess(meta, 200, fixtureText('responses/query-domain-list.json'), 'JSON')).toEqual(expected);
  });

  it('gives the same typed result for the XML body', () => {
    expect(parseSuccess(meta, 200, fixtureText('responses/query-domain-list.xml'), 'XML')).toEqual(expected);
  });

  it('keeps a one-element XML list an array', () => {
    const r = parseSuccess(meta, 200, fixtureText('responses/query-domain-list.xml'), 'XML') as { Data: { Domain: unknown[] } };
    expect(Array.isArray(r.Data.Domain)).toBe(true);
    expect(r.Data.Domain).toHaveLength(1);
  });

  it('turns an empty XML list wrapper into an empty list, as the JSON form has it', () => {
    const xml = '<QueryDomainListResponse><RequestId>r</RequestId><Data/></QueryDomainListResponse>';
    expect(parseSuccess(meta, 200, xml, 'XML')).toEqual({ RequestId: 'r', Data: { Domain: [] } });
  });

  it('passes unknown fields through untouched', () => {
    const r = parseSuccess(meta, 200, '{"RequestId":"r","Extra":{"N":"7","L":[1]}}', 'JSON');
    expect(r).toEqual({ RequestId: 'r', Extra: { N: '7', L: [1] } });
  });

  it('rejects an unparseable success body with DomainResponseError', () => {
    expect(() => parseSuccess(meta, 200, '<html>oops', 'JSON')).toThrow(DomainResponseError);
  });
});

describe('int64 representation', () => {
  const shape: Shape = {
    kind: 'object',
    fields: {
      SafeLong: 'int64',
      BigLong: 'int64',
      NegativeBig: 'int64',
      BigAsString: 'int64',
      IdDeclaredString: 'string',
      Fraction: 'number',
    },
  };
  const r = applyShape(parseJsonLossless(fixtureText('responses/big-integers.json')), shape) as Record<string, unknown>;

  it('is a number up to Number.MAX_SAFE_INTEGER', () => {
    expect(r.SafeLong).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('is a bigint beyond it, without losing digits', () => {
    expect(r.BigLong).toBe(12345678901234567890n);
    expect(r.NegativeBig).toBe(-9223372036854775808n);
  });

  it('converts a numeric string to bigint for an int64 field', () => {
    expect(r.BigAsString).toBe(12345678901234567890n);
  });

  it('keeps the exact digits for a field declared string', () => {
    expect(r.IdDeclaredString).toBe('98765432109876543210');
  });

  it('is a bigint for a long integer in an unknown field too', () => {
    expect(r.Unknown).toEqual({ Nested: [11111111111111111111n] });
  });

  it('converts XML int64 text beyond 2^53 to bigint', () => {
    expect(applyShape('9223372036854775807', 'int64')).toBe(9223372036854775807n);
  });
});

describe('scalar coercion', () => {
  it('turns a JSON numeric string into a number for an integer field', () => {
    expect(applyShape('3600000', 'int64')).toBe(3600000);
    expect(applyShape('-5', 'int32')).toBe(-5);
  });

  it('turns "true"/"false" into booleans for a boolean field', () => {
    expect(applyShape('true', 'boolean')).toBe(true);
    expect(applyShape('false', 'boolean')).toBe(false);
  });

  it('turns a decimal string into a number for a number field', () => {
    expect(applyShape('12.50', 'number')).toBe(12.5);
  });

  it('turns a JSON number into a string for a string field (as XML would give)', () => {
    expect(applyShape(2223, 'string')).toBe('2223');
  });

  it('leaves a value that does not fit the declared type unchanged', () => {
    expect(applyShape('n/a', 'int32')).toBe('n/a');
    expect(applyShape('yes', 'boolean')).toBe('yes');
  });

  it('keeps leading zeros of XML text declared string', () => {
    expect(applyShape('007', 'string')).toBe('007');
  });

  it('does not let a "__proto__" key change the prototype', () => {
    const r = applyShape(JSON.parse('{"__proto__":{"polluted":1}}'), { kind: 'object', fields: {} }) as Record<string, unknown>;
    expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
    expect(Object.hasOwn(r, '__proto__')).toBe(true);
    expect((r as { polluted?: number }).polluted).toBeUndefined();
  });
});

describe('error bodies', () => {
  const m: ActionMeta = { action: 'QueryWhois', method: 'GET', version: '2018-01-29', retry: 'safe', params: [], response: 'any' };

  for (const file of ['error.json', 'error.xml']) {
    it(`maps ${file} to DomainApiError with code, message, requestId, hostId`, () => {
      const e = parseError(m, 404, fixtureText(`responses/${file}`), file.endsWith('xml') ? 'XML' : 'JSON');
      expect(e).toBeInstanceOf(DomainApiError);
      expect(e).toMatchObject({
        code: 'WhoisInfoNotExist',
        apiMessage: 'The whois info of this domain name does not exist.',
        requestId: '8906582E-6722-409A-A6C4-0E7863B733A5',
        hostId: 'domain.aliyuncs.com',
        statusCode: 404,
        action: 'QueryWhois',
        retryable: false,
      });
    });
  }

  it('reads an XML error body even when JSON was requested', () => {
    expect(parseError(m, 400, fixtureText('responses/error.xml'), 'JSON')).toBeInstanceOf(DomainApiError);
  });

  it('marks Throttling retryable', () => {
    expect(parseError(m, 400, '{"Code":"Throttling","Message":"slow down"}', 'JSON')).toMatchObject({ retryable: true });
  });

  it('maps a non-error-document body to DomainResponseError with the status', () => {
    const e = parseError(m, 502, '<html><body>Bad Gateway</body></html>', 'JSON');
    expect(e).toBeInstanceOf(DomainResponseError);
    expect(e.statusCode).toBe(502);
  });
});

describe('empty list wrappers', () => {
  const shape = { kind: 'object', fields: { FailList: { kind: 'list', wrapper: 'FailDomain', items: 'string' } } } as const;

  it('read an empty XML wrapper element as an empty list, as JSON gives it', () => {
    expect(applyShape({ FailList: '' }, shape)).toEqual({ FailList: { FailDomain: [] } });
  });

  it('leave an empty object that is not a list wrapper empty', () => {
    expect(applyShape('', { kind: 'object', fields: { A: 'string', B: 'string' } })).toEqual({});
  });
});
