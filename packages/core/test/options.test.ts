// Client options are checked when the client is made: a mistake fails at once, naming the option.
import { describe, expect, it } from 'vitest';
import { DomainClientCore, type DomainClientOptions } from '../src/client.js';
import { DomainOptionsError } from '../src/errors.js';
import type { Transport } from '../src/transport/types.js';

const never: Transport = async () => {
  throw new Error('nothing may be sent');
};

function optionsError(options: Record<string, unknown>): DomainOptionsError {
  try {
    new DomainClientCore({ transport: never, ...options });
  } catch (e) {
    if (e instanceof DomainOptionsError) return e;
    throw e;
  }
  throw new Error('expected DomainOptionsError');
}

describe('endpoint', () => {
  it.each([
    ['127.0.0.1:8080', 'https://127.0.0.1:8080'],
    ['domain.aliyuncs.com', 'https://domain.aliyuncs.com'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['https://domain.aliyuncs.com', 'https://domain.aliyuncs.com'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['https://proxy.example/domain/', 'https://proxy.example/domain'],
  ])('takes %s as %s', (endpoint, url) => {
    expect(new DomainClientCore({ endpoint, transport: never }).endpoint).toBe(url);
  });

  it.each([
    ['', 'a URL or a host name'],
    ['ftp://example.com', 'an http: or https: URL'],
    ['https://example.com/?a=1', 'without a query or fragment'],
    ['http://exa mple.com', 'a URL or a host name'],
  ])('refuses %j', (endpoint, expected) => {
    const e = optionsError({ endpoint });
    expect(e.option).toBe('endpoint');
    expect(e.message).toContain(expected);
  });

  it('refuses user info without repeating it', () => {
    const e = optionsError({ endpoint: 'https://user:hunter2@example.com' });
    expect(e.message).toContain('no user name or password');
    expect(e.message).not.toContain('hunter2');
  });
});

describe('values', () => {
  it.each([
    [{ timeout: -1 }, 'timeout', 'more than 0'],
    [{ timeout: 0 }, 'timeout', 'more than 0'],
    [{ timeout: Number.NaN }, 'timeout', 'a number of milliseconds'],
    [{ timeout: 3_000_000_000 }, 'timeout', 'at most 2147483647'],
    [{ timeout: '300' }, 'timeout', 'received "300"'],
    [{ format: 'xml' }, 'format', 'did you mean "XML"?'],
    [{ maxAttempts: 0 }, 'maxAttempts', 'an integer from 1 to 100'],
    [{ maxAttempts: 2.5 }, 'maxAttempts', 'an integer from 1 to 100'],
    [{ maxAttempts: Number.POSITIVE_INFINITY }, 'maxAttempts', 'an integer from 1 to 100'],
    [{ maxResponseBytes: 0 }, 'maxResponseBytes', 'an integer from 1'],
    [{ transport: 'node' }, 'transport', 'a function'],
    [{ credentials: {} }, 'credentials', 'a function'],
    [{ userAgent: 'a\r\nX-Injected: 1' }, 'userAgent', 'without control characters'],
    [{ retry: { capMs: -5 } }, 'retry.capMs', 'at least 0'],
    [{ retry: 5 }, 'retry', 'an object'],
    [{ profile: 7 }, 'profile', 'a string'],
  ])('refuses %j, naming %s', (options, option, expected) => {
    const e = optionsError(options);
    expect(e.option).toBe(option);
    expect(e.message).toContain(expected);
  });

  it('names only the type of a wrong secret, never its value', () => {
    const e = optionsError({ accessKeyId: 'id', accessKeySecret: 123456789 });
    expect(e.option).toBe('accessKeySecret');
    expect(e.message).toBe('accessKeySecret: expected a string, received a number');
  });

  it('takes undefined as not given', () => {
    const c = new DomainClientCore({
      transport: never,
      timeout: undefined,
      format: undefined,
      endpoint: undefined,
    } as unknown as DomainClientOptions);
    expect(JSON.parse(JSON.stringify(c))).toEqual({
      endpoint: 'https://domain.aliyuncs.com',
      format: 'JSON',
      timeout: 10_000,
      maxAttempts: 3,
      maxResponseBytes: 8 * 1024 * 1024,
    });
  });
});

describe('unknown options', () => {
  it.each([
    ['timout', 'did you mean "timeout"?'],
    ['accessKeyID', 'did you mean "accessKeyId"?'],
    ['maxAttempt', 'did you mean "maxAttempts"?'],
  ])('refuses %s and suggests the closest name', (key, hint) => {
    const e = optionsError({ [key]: 1 });
    expect(e.option).toBe(key);
    expect(e.message).toContain(`not an option${hint.startsWith(';') ? '' : '; '}${hint}`);
  });

  it('refuses a misspelled retry option under its full name', () => {
    const e = optionsError({ retry: { capMS: 100 } });
    expect(e.option).toBe('retry.capMS');
    expect(e.message).toContain('did you mean "capMs"?');
  });
});

describe('per-call options', () => {
  it('refuses an unusable per-call timeout before sending', async () => {
    const c = new DomainClientCore({ transport: never, accessKeyId: 'id', accessKeySecret: 's' });
    const meta = { action: 'CheckDomain', method: 'GET', version: '2018-01-29', retry: 'safe', params: [], response: 'any' } as const;
    await expect(c.send(meta, {}, { timeout: -1 })).rejects.toMatchObject({ name: 'DomainOptionsError', option: 'timeout' });
  });
});
