// The README's @hey-api/openapi-ts recipe proven: hey-api's SDK generated from the spec package,
// its fetch client given the adapter's query serialiser and request interceptor
// (fixtures/hey-api-calls.ts), type-checked, then run against the emulator.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator, type SeenRequest } from '@alidomain/emulator';
import { generateHeyApiClient, scratch, typecheck } from './harness.js';

const FIXTURE = 'hey-api-calls.ts';
const KEYS = { accessKeyId: 'testid', accessKeySecret: 'testsecret' };

type Body = Record<string, unknown>;
interface Result {
  data?: Body;
  error?: Body;
  response: Response;
}
/** The fixture's exports, loosely: the test needs its calls, not its types. */
interface Calls {
  domainApi(baseUrl: string, options: object): unknown;
  checkDomain(client: unknown, name: string): Promise<Result>;
  lockTransfers(client: unknown, names: string[]): Promise<Result>;
  renew(client: unknown, items: { DomainName: string; SubscriptionDuration: number; CurrentExpirationDate: number }[]): Promise<Result>;
  verifyProfile(client: unknown, profileId: number, credential: string): Promise<Result>;
}

let dir: string;
let calls: Calls;
let emulator: Emulator;
let client: unknown;

beforeAll(async () => {
  dir = scratch('hey-api', [FIXTURE]);
  await generateHeyApiClient(dir);
  calls = (await import(pathToFileURL(join(dir, FIXTURE)).href)) as Calls;
  emulator = await startEmulator({ rateLimits: false, requestLog: 1000 });
  client = calls.domainApi(emulator.url, KEYS);
});
afterAll(() => emulator?.close());

async function lastSeen(action: string): Promise<SeenRequest> {
  const count = emulator.requests.filter((r) => r.action === action).length;
  return (await emulator.waitForRequests(count, action)).at(-1)!;
}

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
    expect((await lastSeen('CheckDomain')).params).toMatchObject({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      DomainName: 'hey-api-check.com',
    });
  });

  it('a repeat list goes as DomainName.N', async () => {
    const { error } = await calls.lockTransfers(client, ['example-shop.com', 'example-shop.cn']);
    expect(error).toBeUndefined();
    const seen = await lastSeen('SaveBatchTaskForTransferProhibitionLock');
    expect(seen.params).toMatchObject({ 'DomainName.1': 'example-shop.com', 'DomainName.2': 'example-shop.cn' });
  });

  it('an object list goes as OrderRenewParam.N.Field', async () => {
    const expires = emulator.state.data.domains.find((d) => d.DomainName === 'example-blog.net')!.ExpirationDate;
    const { error } = await calls.renew(client, [
      { DomainName: 'example-blog.net', SubscriptionDuration: 1, CurrentExpirationDate: expires },
    ]);
    expect(error).toBeUndefined();
    const seen = await lastSeen('SaveBatchTaskForCreatingOrderRenew');
    expect(seen.params).toMatchObject({
      'OrderRenewParam.1.DomainName': 'example-blog.net',
      'OrderRenewParam.1.SubscriptionDuration': '1',
    });
  });

  it('a POST Action sends its form body, signed', async () => {
    const { error } = await calls.verifyProfile(client, 10001, 'aGV5LWFwaQ==');
    expect(error).toBeUndefined();
    const seen = await lastSeen('RegistrantProfileRealNameVerification');
    expect(seen.method).toBe('POST');
    expect(seen.params).toMatchObject({ IdentityCredential: 'aGV5LWFwaQ==', RegistrantProfileID: '10001' });
  });
});
