// The structured form of a validator's problems (what the client puts in DomainValidationError),
// and values no validator can walk: cyclic, or nested thousands of levels.
import { describe, expect, it } from 'vitest';
import { validateSaveBatchTaskForCreatingOrderActivateRequest } from '../src/generated/actions/SaveBatchTaskForCreatingOrderActivate.js';
import { validateSubmitOperationAuditInfoRequest } from '../src/generated/actions/SubmitOperationAuditInfo.js';
import { MAX_DEPTH } from '../src/check.js';

describe('problems()', () => {
  it('gives the wire name, what was expected and what was received, with the line', () => {
    const input = { OrderActivateParam: [{ DomainName: 'a.com', SubscriptionDuration: 1 }, { DomainName: 'xn--fiq228c.com' }] };
    const [p, ...rest] = validateSaveBatchTaskForCreatingOrderActivateRequest.problems(input);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ param: 'OrderActivateParam.2.DomainName', expected: 'a domain name under appendix 6.2' });
    expect(p!.received).toMatch(/^"xn--fiq228c\.com": /);
    expect(p!.message).toBe(`${p!.param}: expected ${p!.expected}, received ${p!.received}`);
  });

  it('matches the lines the plain call returns', () => {
    const input = { OrderActivateParam: 'a.com', Nope: 1 };
    const lines = validateSaveBatchTaskForCreatingOrderActivateRequest(input);
    expect(validateSaveBatchTaskForCreatingOrderActivateRequest.problems(input).map((p) => p.message)).toEqual(lines);
    expect(lines).toHaveLength(2);
  });

  it('names the whole input (input) when it is not an object', () => {
    const [p] = validateSaveBatchTaskForCreatingOrderActivateRequest.problems('a.com');
    expect(p).toMatchObject({ param: '(input)', expected: 'an object', received: 'the string "a.com"' });
  });
});

describe('values that cannot be walked', () => {
  it('a cyclic JSON-text value is a problem naming the parameter, not a RangeError', () => {
    const info: Record<string, unknown> = { regType: 1 };
    info.again = info;
    expect(validateSubmitOperationAuditInfoRequest.problems({ AuditInfo: info, AuditType: 1 })).toEqual([
      expect.objectContaining({ param: 'AuditInfo', received: 'a cyclic value (it contains itself)' }),
    ]);
  });

  it('a JSON-text value nested 20,000 levels is a problem naming the parameter', () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { d: deep };
    expect(validateSubmitOperationAuditInfoRequest({ AuditInfo: deep, AuditType: 1 })).toEqual([
      `AuditInfo: expected a value nested at most ${MAX_DEPTH} levels, without cycles, received a value nested more than ${MAX_DEPTH} levels deep`,
    ]);
  });
});
