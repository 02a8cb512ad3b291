// The request log: what tests wait on, bounded for a long-running emulator, and free of secrets.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { startEmulator, type Emulator } from '../src/index.js';

let emulator: Emulator | undefined;
afterEach(() => emulator?.close());

const clientOf = (e: Emulator, extra: { securityToken?: string } = {}) =>
  new DomainClient({ endpoint: e.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', maxAttempts: 1, ...extra });

describe('the request log', () => {
  it('keeps at least the latest requestLog requests, and waitForRequests counts every one', async () => {
    emulator = await startEmulator({ requestLog: 2, rateLimits: false });
    const client = clientOf(emulator);
    for (const name of ['a.com', 'b.com', 'c.com', 'd.com', 'e.com']) await client.checkDomain({ DomainName: name });
    const seen = await emulator.waitForRequests(5, 'CheckDomain');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.length).toBeLessThan(5);
    expect(seen.at(-1)?.params.DomainName).toBe('e.com');
  });

  it('shows an STS token as (redacted)', async () => {
    emulator = await startEmulator();
    await clientOf(emulator, { securityToken: 'sts-token-value' }).checkDomain({ DomainName: 'a.com' });
    const [request] = await emulator.waitForRequests(1);
    expect(request?.params.SecurityToken).toBe('(redacted)');
    expect(JSON.stringify(emulator.requests)).not.toContain('sts-token-value');
  });

  it('prints no secret when the emulator itself is printed or serialised', async () => {
    emulator = await startEmulator({ accessKeys: { mykey: 'my-very-secret-value' } });
    expect(emulator.accessKeyIds).toEqual(['mykey']);
    expect(inspect(emulator, { depth: 10 })).not.toContain('my-very-secret-value');
    expect(JSON.stringify({ ...emulator, state: undefined })).not.toContain('my-very-secret-value');
  });
});
