import { afterEach, describe, expect, it, vi } from 'vitest';
import { commonParams, formatTimestamp } from '../src/common.js';

const byName = (p: readonly (readonly [string, string])[]) => Object.fromEntries(p);

afterEach(() => {
  vi.useRealTimers();
});

describe('commonParams', () => {
  it('has the Action, its Version, JSON format, HMAC-SHA1 1.0 and the AccessKeyId', () => {
    const p = byName(commonParams({ action: 'CheckDomain', version: '2018-01-29', accessKeyId: 'id', now: new Date(0), nonce: 'n' }));
    expect(p).toEqual({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      Format: 'JSON',
      AccessKeyId: 'id',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      SignatureNonce: 'n',
      Timestamp: '1970-01-01T00:00:00Z',
    });
  });

  it('asks for XML when told to', () => {
    expect(byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id', format: 'XML' })).Format).toBe('XML');
  });

  it('adds SecurityToken only when there is one', () => {
    expect(byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id', securityToken: 'tok' })).SecurityToken).toBe('tok');
    expect('SecurityToken' in byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id' }))).toBe(false);
  });

  it('stamps the current time, following the clock from one second to the next', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 10, 28, 23, 59, 59, 900) });
    const stamp = () => byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id' })).Timestamp;
    expect(stamp()).toBe('2026-11-28T23:59:59Z');
    vi.advanceTimersByTime(99);
    expect(stamp()).toBe('2026-11-28T23:59:59Z');
    vi.advanceTimersByTime(1);
    expect(stamp()).toBe('2026-11-29T00:00:00Z');
  });

  it('uses a fresh UUID nonce each call', () => {
    const a = byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id' })).SignatureNonce!;
    const b = byName(commonParams({ action: 'A', version: '2018-01-29', accessKeyId: 'id' })).SignatureNonce!;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('formatTimestamp', () => {
  it('is UTC ISO 8601 without milliseconds', () => {
    expect(formatTimestamp(new Date(Date.UTC(2018, 0, 29, 12, 0, 0, 987)))).toBe('2018-01-29T12:00:00Z');
  });
});
