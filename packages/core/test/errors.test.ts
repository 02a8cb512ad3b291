import { describe, expect, it } from 'vitest';
import {
  DomainApiError,
  DomainTimeoutError,
  DomainTransportError,
  DomainValidationError,
  isDomainApiError,
  isErrorCode,
  isForbiddenRam,
  isInternalError,
  isInvalidAccessKeyIdNotFound,
  isInvalidParameter,
  isMissingParameter,
  isServiceUnavailable,
  isSignatureDoesNotMatch,
  isSignatureNonceUsed,
  isWhoisInfoNotExist,
} from '../src/errors.js';
import { isThrottling } from '../src/classify.js';

const apiError = (code: string, statusCode = 400) =>
  new DomainApiError({ code, message: 'm', statusCode, action: 'A', requestId: 'r', hostId: 'h', retryable: false });

describe('DomainApiError', () => {
  it('carries code, requestId, hostId, statusCode and action', () => {
    const e = apiError('InvalidParameter');
    expect(e).toMatchObject({ code: 'InvalidParameter', requestId: 'r', hostId: 'h', statusCode: 400, action: 'A', apiMessage: 'm' });
    expect(e.message).toContain('InvalidParameter');
    expect(e.message).toContain('r');
    expect(e.name).toBe('DomainApiError');
  });
});

describe('type guards', () => {
  it('isDomainApiError accepts only API errors', () => {
    expect(isDomainApiError(apiError('X'))).toBe(true);
    expect(isDomainApiError(new Error('X'))).toBe(false);
    expect(isDomainApiError({ code: 'X' })).toBe(false);
  });

  it('isErrorCode matches the exact code', () => {
    expect(isErrorCode(apiError('Forbidden.RAM'), 'Forbidden.RAM')).toBe(true);
    expect(isErrorCode(apiError('Forbidden.RAM'), 'Forbidden')).toBe(false);
    expect(isErrorCode(new Error('Forbidden.RAM'), 'Forbidden.RAM')).toBe(false);
  });

  it('isThrottling also matches Throttling.* variants', () => {
    expect(isThrottling(apiError('Throttling'))).toBe(true);
    expect(isThrottling(apiError('Throttling.User'))).toBe(true);
    expect(isThrottling(apiError('ThrottlingX'))).toBe(false);
  });

  const guards: [string, (e: unknown) => boolean][] = [
    ['ServiceUnavailable', isServiceUnavailable],
    ['InternalError', isInternalError],
    ['InvalidAccessKeyId.NotFound', isInvalidAccessKeyIdNotFound],
    ['SignatureDoesNotMatch', isSignatureDoesNotMatch],
    ['SignatureNonceUsed', isSignatureNonceUsed],
    ['MissingParameter', isMissingParameter],
    ['InvalidParameter', isInvalidParameter],
    ['Forbidden.RAM', isForbiddenRam],
    ['WhoisInfoNotExist', isWhoisInfoNotExist],
  ];
  for (const [code, guard] of guards) {
    it(`${guard.name} matches ${code} and nothing else`, () => {
      expect(guard(apiError(code))).toBe(true);
      expect(guard(apiError('Other'))).toBe(false);
    });
  }
});

describe('other errors', () => {
  it('DomainTimeoutError is a DomainTransportError with reachedServer', () => {
    const e = new DomainTimeoutError(50, { reachedServer: false });
    expect(e).toBeInstanceOf(DomainTransportError);
    expect(e).toMatchObject({ timeoutMs: 50, reachedServer: false, name: 'DomainTimeoutError' });
  });

  it('DomainValidationError lists every problem with wire name, expectation and what was given', () => {
    const e = new DomainValidationError('A', [
      { param: 'DomainName.2', expected: 'a string list item', got: 'undefined' },
      { param: 'X', expected: 'a parameter of A', got: 'an unknown parameter' },
    ]);
    expect(e.message).toBe(
      'A: invalid input: DomainName.2: expected a string list item, received undefined; X: expected a parameter of A, received an unknown parameter',
    );
  });
});
