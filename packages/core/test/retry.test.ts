import { describe, expect, it } from 'vitest';
import { DomainApiError, DomainResponseError, DomainTimeoutError, DomainTransportError, DomainValidationError } from '../src/errors.js';
import { backoffDelay, shouldRetry } from '../src/retry.js';

const api = (code: string, statusCode = 400) => new DomainApiError({ code, message: '', statusCode, action: 'A', retryable: false });
const reached = new DomainTransportError('reset', { reachedServer: true, code: 'ECONNRESET' });
const refused = new DomainTransportError('refused', { reachedServer: false, code: 'ECONNREFUSED' });

describe('shouldRetry', () => {
  const transient = [
    ['Throttling', api('Throttling')],
    ['Throttling.User', api('Throttling.User')],
    ['ServiceUnavailable', api('ServiceUnavailable', 503)],
    ['InternalError', api('InternalError', 500)],
    ['any code with HTTP 5xx', api('Whatever', 502)],
    ['unparseable 5xx body', new DomainResponseError('A', 504, '', 'x')],
    ['network failure after connecting', reached],
    ['response timeout', new DomainTimeoutError(10, { reachedServer: true })],
  ] as const;

  for (const [name, err] of transient) {
    it(`retries ${name} for safe and idempotent Actions`, () => {
      expect(shouldRetry(err, 'safe')).toBe(true);
      expect(shouldRetry(err, 'idempotent')).toBe(true);
    });

    it(`never retries ${name} for an unsafe Action`, () => {
      expect(shouldRetry(err, 'unsafe')).toBe(false);
    });
  }

  it('retries a failure that never reached the server even for an unsafe Action', () => {
    expect(shouldRetry(refused, 'unsafe')).toBe(true);
    expect(shouldRetry(new DomainTimeoutError(10, { reachedServer: false }), 'unsafe')).toBe(true);
  });

  it('does not retry client errors', () => {
    for (const code of ['InvalidParameter', 'SignatureDoesNotMatch', 'SignatureNonceUsed', 'Forbidden.RAM']) {
      expect(shouldRetry(api(code), 'safe')).toBe(false);
    }
    expect(shouldRetry(new DomainValidationError('A', []), 'safe')).toBe(false);
    expect(shouldRetry(new Error('x'), 'safe')).toBe(false);
  });
});

describe('backoffDelay (full jitter)', () => {
  it('is random × min(cap, base · 2^(n-1))', () => {
    const opts = { baseMs: 100, capMs: 5000, random: () => 0.5 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts))).toEqual([50, 100, 200, 400]);
  });

  it('never exceeds the cap', () => {
    expect(backoffDelay(30, { random: () => 0.999999 })).toBeLessThan(5000);
  });

  it('can be zero (full jitter starts at 0)', () => {
    expect(backoffDelay(3, { random: () => 0 })).toBe(0);
  });
});
