// Which failures are transient (src/classify.ts), and that parsing and retrying read the same rule.
import { describe, expect, it } from 'vitest';
import { isThrottlingCode, isTransientApiAnswer, isTransientCode, isTransientFailure, isTransientStatus } from '../src/classify.js';
import { DomainApiError, DomainResponseError, DomainTimeoutError, DomainTransportError, DomainValidationError } from '../src/errors.js';
import type { ActionMeta } from '../src/meta.js';
import { parseError } from '../src/parse/response.js';
import { errorBody } from './helpers.js';

const meta: ActionMeta = { action: 'CheckDomain', method: 'GET', version: '2018-01-29', retry: 'safe', params: [], response: 'any' };

describe('isTransientCode', () => {
  it.each([
    ['Throttling', true],
    ['Throttling.User', true],
    ['Throttling.Api', true],
    ['ServiceUnavailable', true],
    ['InternalError', true],
    ['ThrottlingX', false],
    ['InvalidParameter', false],
    ['SignatureDoesNotMatch', false],
    ['Forbidden.RAM', false],
  ])('%s → %s', (code, transient) => {
    expect(isTransientCode(code)).toBe(transient);
  });

  it('counts only Throttling and Throttling.* as throttling', () => {
    expect(['Throttling', 'Throttling.User', 'ThrottlingX', 'ServiceUnavailable'].map(isThrottlingCode)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('isTransientStatus', () => {
  it.each([
    [400, false],
    [404, false],
    [499, false],
    [500, true],
    [503, true],
  ])('HTTP %i → %s', (status, transient) => {
    expect(isTransientStatus(status)).toBe(transient);
  });
});

describe('DomainApiError.retryable, as parsed', () => {
  it.each([
    ['Throttling', 400],
    ['Throttling.User', 400],
    ['ServiceUnavailable', 503],
    ['InternalError', 500],
    ['Whatever', 502],
    ['InvalidParameter', 400],
    ['Forbidden.RAM', 403],
  ])('%s with HTTP %i is the classification rule', (code, status) => {
    const err = parseError(meta, status, errorBody(code, status).body, 'JSON') as DomainApiError;
    expect(err.retryable).toBe(isTransientApiAnswer(code, status));
    expect(isTransientFailure(err)).toBe(err.retryable);
  });
});

describe('isTransientFailure', () => {
  it.each([
    ['a network failure', new DomainTransportError('reset', { reachedServer: true, code: 'ECONNRESET' }), true],
    ['a timeout', new DomainTimeoutError(10, { reachedServer: true }), true],
    ['an unparseable 5xx body', new DomainResponseError('A', 504, '', 'x'), true],
    ['an unparseable 4xx body', new DomainResponseError('A', 404, '', 'x'), false],
    ['invalid input', new DomainValidationError('A', []), false],
    ['any other error', new Error('x'), false],
  ])('%s → %s', (_name, err, transient) => {
    expect(isTransientFailure(err)).toBe(transient);
  });
});
