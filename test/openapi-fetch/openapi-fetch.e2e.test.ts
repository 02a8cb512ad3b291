// The proof for openapi-fetch: a user's program (fixtures/openapi-fetch-calls.ts) typed by
// openapi-typescript from the spec package, type-checked by tsc, then run against the emulator,
// which verifies every signature. One test per kind of parameter the adapter must write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainValidationError } from '@alidomain/core';
import type { Emulator } from '@alidomain/emulator';
import {
  generatePathTypes,
  KEYS,
  lastSeen,
  loadProgram,
  scratch,
  startTestEmulator,
  typecheck,
  type Program,
  type Result,
} from './harness.js';

const FIXTURE = 'openapi-fetch-calls.ts';

interface Api {
  GET(path: string, init?: object): Promise<Result>;
}
interface Calls extends Program<Api> {
  expirationOf(api: Api, name: string): Promise<Result>;
  listProfiles(api: Api): Promise<Result>;
}

let dir: string;
let calls: Calls;
let emulator: Emulator;
let api: Api;

beforeAll(async () => {
  dir = scratch('openapi-fetch', [FIXTURE]);
  await generatePathTypes(dir);
  calls = await loadProgram<Calls>(dir, FIXTURE);
  emulator = await startTestEmulator();
  api = calls.domainApi(emulator.url, KEYS);
});
afterAll(() => emulator?.close());

describe('openapi-typescript types + openapi-fetch + @alidomain/openapi-fetch', () => {
  it('type-checks: Action and Version optional, every other rule of the spec enforced', async () => {
    expect(await typecheck(dir, [FIXTURE])).toBe('');
  });

  it('CheckDomain: the Action leaves the fragment for the query, with the common parameters, signed', async () => {
    const { data, error } = await calls.checkDomain(api, 'adapter-check.com');
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ DomainName: 'adapter-check.com', Avail: expect.anything() });
    const seen = await lastSeen(emulator, 'CheckDomain');
    expect(seen.method).toBe('GET');
    expect(seen.params).toMatchObject({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      Format: 'JSON',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: 'testid',
      DomainName: 'adapter-check.com',
      FeeCommand: 'create',
    });
  });

  it('a repeat list goes as DomainName.1, DomainName.2', async () => {
    const { data, error } = await calls.lockTransfers(api, ['example-shop.com', 'example-blog.net']);
    expect(error).toBeUndefined();
    expect(data?.TaskNo).toEqual(expect.any(String));
    const seen = await lastSeen(emulator, 'SaveBatchTaskForTransferProhibitionLock');
    expect(seen.params).toMatchObject({ 'DomainName.1': 'example-shop.com', 'DomainName.2': 'example-blog.net', Status: 'true' });
    expect(seen.params).not.toHaveProperty('DomainName');
  });

  it('an object list goes as OrderRenewParam.N.Field', async () => {
    const found = await calls.expirationOf(api, 'example-shop.com');
    const expires = found.data?.ExpirationDateLong as number;
    const { data, error } = await calls.renew(api, [
      { DomainName: 'example-shop.com', SubscriptionDuration: 2, CurrentExpirationDate: expires },
    ]);
    expect(error).toBeUndefined();
    expect(data?.TaskNo).toEqual(expect.any(String));
    const seen = await lastSeen(emulator, 'SaveBatchTaskForCreatingOrderRenew');
    expect(seen.params).toMatchObject({
      'OrderRenewParam.1.DomainName': 'example-shop.com',
      'OrderRenewParam.1.SubscriptionDuration': '2',
      'OrderRenewParam.1.CurrentExpirationDate': String(expires),
    });
  });

  it('a POST Action sends its body parameters as a signed form', async () => {
    const { error } = await calls.verifyProfile(api, 10001, 'dGVzdA==');
    expect(error).toBeUndefined();
    const seen = await lastSeen(emulator, 'RegistrantProfileRealNameVerification');
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(seen.params).toMatchObject({ IdentityCredential: 'dGVzdA==', RegistrantProfileID: '10001', IdentityCredentialType: 'SFZ' });
  });

  it('an Action without required parameters is called without params', async () => {
    const { data, error } = await calls.listProfiles(api);
    expect(error).toBeUndefined();
    expect(data).toHaveProperty('RegistrantProfiles');
  });

  it('invalid input rejects with DomainValidationError naming the parameter, and nothing is sent', async () => {
    const before = emulator.requests.length;
    const call = calls.checkDomain(api, '-bad-.com');
    await expect(call).rejects.toBeInstanceOf(DomainValidationError);
    await expect(call).rejects.toThrow(/DomainName: expected a domain name/);
    expect(emulator.requests.length).toBe(before);
  });

  it('an Action in the query that is not the path’s is refused before sending', async () => {
    const before = emulator.requests.length;
    const call = api.GET('/#Action=CheckDomain', { params: { query: { Action: 'QueryDomainList', DomainName: 'a.com' } } });
    await expect(call).rejects.toThrow(/Action: expected "CheckDomain", the Action of the path/);
    expect(emulator.requests.length).toBe(before);
  });

  it('the API’s error answer comes back as openapi-fetch’s error, with no secret in it', async () => {
    const wrong = calls.domainApi(emulator.url, { accessKeyId: 'testid', accessKeySecret: 'not-the-secret' });
    const { data, error, response } = await calls.checkDomain(wrong, 'adapter-check.com');
    expect(data).toBeUndefined();
    expect(response.ok).toBe(false);
    expect(error).toMatchObject({ Code: 'SignatureDoesNotMatch' });
    expect(JSON.stringify(error)).not.toContain('not-the-secret');
  });
});
