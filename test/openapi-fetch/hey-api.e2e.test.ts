// The README's @hey-api/openapi-ts recipe proven: hey-api's SDK generated from the spec package,
// its fetch client given the adapter's query serialiser and request interceptor
// (fixtures/hey-api-calls.ts), type-checked, then run against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '@alidomain/emulator';
import { generateHeyApiClient, KEYS, lastSeen, loadProgram, scratch, startTestEmulator, typecheck, type Program } from './harness.js';

const FIXTURE = 'hey-api-calls.ts';

let dir: string;
let calls: Program<unknown>;
let emulator: Emulator;
let client: unknown;

beforeAll(async () => {
  dir = scratch('hey-api', [FIXTURE]);
  await generateHeyApiClient(dir);
  calls = await loadProgram<Program<unknown>>(dir, FIXTURE);
  emulator = await startTestEmulator();
  client = calls.domainApi(emulator.url, KEYS);
});
afterAll(() => emulator?.close());

describe('@hey-api/openapi-ts fetch client + querySerializer + alidomainInterceptor', () => {
  // hey-api's generated client does not compile with exactOptionalPropertyTypes, which the
  // repository's own code uses; a user's project without the flag sees what this checks.
  it('type-checks', async () => {
    expect(await typecheck(dir, [FIXTURE], { exactOptionalPropertyTypes: false })).toBe('');
  });

  it('CheckDomain is sent with the Action in the query, signed', async () => {
    const { data, error } = await calls.checkDomain(client, 'hey-api-check.com');
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ DomainName: 'hey-api-check.com' });
    expect((await lastSeen(emulator, 'CheckDomain')).params).toMatchObject({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      DomainName: 'hey-api-check.com',
    });
  });

  it('a repeat list goes as DomainName.N', async () => {
    const { error } = await calls.lockTransfers(client, ['example-shop.com', 'example-shop.cn']);
    expect(error).toBeUndefined();
    const seen = await lastSeen(emulator, 'SaveBatchTaskForTransferProhibitionLock');
    expect(seen.params).toMatchObject({ 'DomainName.1': 'example-shop.com', 'DomainName.2': 'example-shop.cn' });
  });

  it('an object list goes as OrderRenewParam.N.Field', async () => {
    const expires = emulator.state.data.domains.find((d) => d.DomainName === 'example-blog.net')!.ExpirationDate;
    const { error } = await calls.renew(client, [
      { DomainName: 'example-blog.net', SubscriptionDuration: 1, CurrentExpirationDate: expires },
    ]);
    expect(error).toBeUndefined();
    const seen = await lastSeen(emulator, 'SaveBatchTaskForCreatingOrderRenew');
    expect(seen.params).toMatchObject({
      'OrderRenewParam.1.DomainName': 'example-blog.net',
      'OrderRenewParam.1.SubscriptionDuration': '1',
    });
  });

  it('a POST Action sends its form body, signed', async () => {
    const { error } = await calls.verifyProfile(client, 10001, 'aGV5LWFwaQ==');
    expect(error).toBeUndefined();
    const seen = await lastSeen(emulator, 'RegistrantProfileRealNameVerification');
    expect(seen.method).toBe('POST');
    expect(seen.params).toMatchObject({ IdentityCredential: 'aGV5LWFwaQ==', RegistrantProfileID: '10001' });
  });
});
