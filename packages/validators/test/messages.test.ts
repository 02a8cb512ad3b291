import { describe, expect, it } from 'vitest';
import { validateRequest, validateResponse, validateSaveBatchTaskForCreatingOrderActivateRequest } from '../src/index.js';
import { validateCheckDomainRequest } from '../src/generated/actions/CheckDomain.js';
import { actionCount, fixture } from './helpers.js';

const bad = fixture<{ cases: { kind: string; action: any; input: unknown; expected: string[] }[] }>('bad-requests.json');

describe('bad requests (fixtures/bad-requests.json)', () => {
  it.each(bad.cases.map((c) => [c.kind, c.action, c]))('%s (%s)', (_kind, action, c) => {
    expect(validateRequest(action, c.input)).toEqual(c.expected);
  });
});

describe('messages', () => {
  it('name the wire path with 1-based indexes and list every problem at once', () => {
    const problems = validateSaveBatchTaskForCreatingOrderActivateRequest({
      OrderActivateParam: [
        { DomainName: 'example.com', RegistrantProfileId: 1 },
        { DomainName: 'xn--fiq228c.com', RegistrantType: '3', SubscriptionDuration: 'one' },
      ],
      Lang: 'de',
    });
    expect(problems).toEqual([
      'Lang: expected one of "zh", "en", received "de"',
      'OrderActivateParam.2.DomainName: expected a domain name under appendix 6.2, received "xn--fiq228c.com": punycode input "xn--fiq228c" is not accepted, pass the Chinese form of the name instead',
      'OrderActivateParam.2.RegistrantType: expected one of "1", "2", received "3"',
      'OrderActivateParam.2.SubscriptionDuration: expected an integer, received the string "one"',
    ]);
    for (const p of problems) {
      expect(p).not.toContain('\n');
      expect(p).toMatch(/^[\w.]+: expected .+, received .+$/);
    }
  });

  it('per-Action validators and validateRequest agree', () => {
    const input = { DomainName: 'ab--c.com', Foo: 1 };
    expect(validateCheckDomainRequest(input)).toEqual(validateRequest('CheckDomain', input));
    expect(validateCheckDomainRequest({ DomainName: '中文.com' })).toEqual([]);
  });

  it('accept int64 as number, decimal string or bigint (requests) without modifying the input', () => {
    const item = { DomainName: 'example.com', AuthorizationCode: 'x', RegistrantProfileId: 2n ** 62n };
    const input = { OrderTransferParam: [item] };
    expect(validateRequest('SaveBatchTaskForCreatingOrderTransfer', input)).toEqual([]);
    expect(item.RegistrantProfileId).toBe(2n ** 62n);
    expect(
      validateRequest('SaveBatchTaskForCreatingOrderTransfer', {
        OrderTransferParam: [{ ...item, RegistrantProfileId: '4611686018427387904' }],
      }),
    ).toEqual([]);
    expect(
      validateRequest('SaveBatchTaskForCreatingOrderTransfer', { OrderTransferParam: [{ ...item, RegistrantProfileId: 123 }] }),
    ).toEqual([]);
    expect(
      validateRequest('SaveBatchTaskForCreatingOrderTransfer', { OrderTransferParam: [{ ...item, RegistrantProfileId: 2n ** 64n }] }),
    ).toEqual([
      'OrderTransferParam.1.RegistrantProfileId: expected an int64 integer (as a string: decimal digits with an optional "-", within the signed 64-bit range), received "18446744073709551616"',
    ]);
  });

  it('name response fields by their path in the body, and accept bigint int64 values', () => {
    const body = {
      RequestId: 'r',
      Data: {
        Domain: [
          { DomainName: 'a.com', ExpirationDateLong: 2n ** 60n },
          { DomainName: 7, DomainStatus: '9' },
        ],
      },
      NewField: true,
    };
    expect(validateResponse('QueryDomainList', body)).toEqual([
      'Data.Domain[1].DomainName: expected a string, received the number 7',
      'Data.Domain[1].DomainStatus: expected one of "1", "2", "3", received "9"',
    ]);
  });

  it('allow fields the spec does not list in responses, unless asked to report them', () => {
    const body = { requestId: 'r', RequestId: 'r', Avail: '1' };
    expect(validateResponse('CheckDomain', body)).toEqual([]);
    expect(validateResponse('CheckDomain', body, { unknownFields: 'report' })).toEqual([
      'requestId: expected no such field (the spec\'s CheckDomain response does not list it; did you mean RequestId?), received "r"',
    ]);
  });

  it('report a body that is not an object, and an unknown Action', () => {
    expect(validateResponse('CheckDomain', 'oops')).toEqual(['CheckDomain response body: expected an object, received the string "oops"']);
    expect(validateRequest('checkDomain' as any, {})).toEqual([
      `Action: expected one of the ${actionCount()} Actions (such as CheckDomain), received "checkDomain"`,
    ]);
  });
});
