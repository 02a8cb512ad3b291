// Registrant profiles: save (create and update), query with filters and paging, delete, the
// default profile, and the real-name submissions.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DomainClient } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator } from '../src/index.js';

const DEFAULT_PROFILE = 10001;

let t: number;
let emulator: Emulator;
let client: DomainClient;

beforeEach(async () => {
  t = Date.parse('2026-02-03T04:05:06Z');
  emulator = await startEmulator({ clock: () => t, rateLimits: false, timestampSkewMs: 10 * 365 * 86_400_000 });
  client = clientOf(emulator);
});
afterEach(() => emulator.close());

async function create(fields: Record<string, unknown> = {}): Promise<number> {
  const body = valid(
    'SaveRegistrantProfile',
    await client.saveRegistrantProfile({
      RegistrantType: '1',
      RegistrantName: 'wang wu',
      ZhRegistrantName: '王五',
      Email: 'wangwu@example.org',
      ...fields,
    }),
  );
  expect(typeof body.RegistrantProfileId).toBe('number');
  return Number(body.RegistrantProfileId);
}

async function profile(RegistrantProfileId: number) {
  const body = valid('QueryRegistrantProfiles', await client.queryRegistrantProfiles({ RegistrantProfileId }));
  return body.RegistrantProfiles?.RegistrantProfile?.[0];
}

it('creates a profile that has not been through real-name verification, with its times as the sample gives them', async () => {
  const id = await create({ City: 'hang zhou shi' });
  expect(await profile(id)).toMatchObject({
    RegistrantProfileId: id,
    RegistrantName: 'wang wu',
    City: 'hang zhou shi',
    RealNameStatus: 'NONAUDIT',
    DefaultRegistrantProfile: false,
    CreateTime: '2026-02-03 04:05:06',
    UpdateTime: '2026-02-03 04:05:06',
  });
});

it('updates the profile a RegistrantProfileId names, keeping the fields not given', async () => {
  const id = await create({ City: 'hang zhou shi' });
  t += 60_000;
  const body = valid('SaveRegistrantProfile', await client.saveRegistrantProfile({ RegistrantProfileId: id, Telephone: '57188888888' }));
  expect(body.RegistrantProfileId).toBe(id);
  expect(await profile(id)).toMatchObject({
    City: 'hang zhou shi',
    Telephone: '57188888888',
    CreateTime: '2026-02-03 04:05:06',
    UpdateTime: '2026-02-03 04:06:06',
  });
});

it('refuses to update a RegistrantProfileId that does not exist, naming it', async () => {
  const e = await refusal(client.saveRegistrantProfile({ RegistrantProfileId: 123, Telephone: '1' }));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('RegistrantProfileId');
});

it('filters profiles by RealNameStatus, RegistrantType and Email', async () => {
  const id = await create({ RegistrantType: '1' });
  const ids = async (input: Parameters<DomainClient['queryRegistrantProfiles']>[0]) =>
    valid('QueryRegistrantProfiles', await client.queryRegistrantProfiles(input)).RegistrantProfiles?.RegistrantProfile?.map(
      (p) => p.RegistrantProfileId,
    );
  expect(await ids({ RealNameStatus: 'NONAUDIT' })).toEqual([id]);
  expect(await ids({ RealNameStatus: 'SUCCEED' })).toEqual([DEFAULT_PROFILE]);
  expect(await ids({ RegistrantType: '2' })).toEqual([DEFAULT_PROFILE]);
  expect(await ids({ Email: 'WANGWU@example.org' })).toEqual([id]);
});

it('pages profiles by PageNum and PageSize', async () => {
  for (let i = 0; i < 4; i++) await create({ Email: `p${i}@example.org` });
  const body = valid('QueryRegistrantProfiles', await client.queryRegistrantProfiles({ PageNum: 2, PageSize: 2 }));
  expect(body).toMatchObject({ CurrentPageNum: 2, PageSize: 2, TotalItemNum: 5, TotalPageNum: 3, PrePage: true, NextPage: true });
  expect(body.RegistrantProfiles?.RegistrantProfile).toHaveLength(2);
});

it('lists every profile on one page when PageSize is not given', async () => {
  for (let i = 0; i < 12; i++) await create({ Email: `p${i}@example.org` });
  const body = await client.queryRegistrantProfiles({});
  expect(body.RegistrantProfiles?.RegistrantProfile).toHaveLength(13);
  expect(body.NextPage).toBe(false);
});

it('keeps one default profile: setting another clears the first', async () => {
  const id = await create();
  valid('SetDefaultRegistrantProfile', await client.setDefaultRegistrantProfile({ RegistrantProfileId: id }));
  const defaults = await client.queryRegistrantProfiles({ DefaultRegistrantProfile: true });
  expect(defaults.RegistrantProfiles?.RegistrantProfile?.map((p) => p.RegistrantProfileId)).toEqual([id]);
  expect((await profile(DEFAULT_PROFILE))?.DefaultRegistrantProfile).toBe(false);
});

it('makes a profile saved with DefaultRegistrantProfile true the only default', async () => {
  const id = await create({ DefaultRegistrantProfile: true });
  const defaults = await client.queryRegistrantProfiles({ DefaultRegistrantProfile: true });
  expect(defaults.RegistrantProfiles?.RegistrantProfile?.map((p) => p.RegistrantProfileId)).toEqual([id]);
});

it('deletes a profile at once', async () => {
  const id = await create();
  valid('DeleteRegistrantProfile', await client.deleteRegistrantProfile({ RegistrantProfileId: id }));
  expect(await profile(id)).toBeUndefined();
});

it('answers a repeated delete of the same profile with success, as an idempotent Action', async () => {
  const id = await create();
  await client.deleteRegistrantProfile({ RegistrantProfileId: id });
  valid('DeleteRegistrantProfile', await client.deleteRegistrantProfile({ RegistrantProfileId: id }));
  expect(await profile(id)).toBeUndefined();
});

it('refuses DeleteContactTemplates ids that are not numbers, naming RegistrantProfileIds', async () => {
  const e = await refusal(client.deleteContactTemplates({ RegistrantProfileIds: '12,abc' }));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('RegistrantProfileIds');
});

it('deletes the profiles DeleteContactTemplates lists, separated by commas', async () => {
  const a = await create({ Email: 'a@example.org' });
  const b = await create({ Email: 'b@example.org' });
  valid('DeleteContactTemplates', await client.deleteContactTemplates({ RegistrantProfileIds: `${a},${b}` }));
  const left = await client.queryRegistrantProfiles({});
  expect(left.RegistrantProfiles?.RegistrantProfile?.map((p) => p.RegistrantProfileId)).toEqual([DEFAULT_PROFILE]);
});

it('marks a profile AUDITING once SaveRegistrantProfileRealNameVerification submits it', async () => {
  const id = await create();
  const body = valid(
    'SaveRegistrantProfileRealNameVerification',
    await client.saveRegistrantProfileRealNameVerification({
      RegistrantProfileId: id,
      IdentityCredentialType: 'SFZ',
      IdentityCredentialNo: '110101199001011234',
      IdentityCredential: 'dGVzdA==',
    }),
  );
  expect(body.RegistrantProfileId).toBe(id);
  expect((await profile(id))?.RealNameStatus).toBe('AUDITING');
});

it('marks a profile AUDITING once RegistrantProfileRealNameVerification (POST) submits it', async () => {
  const id = await create();
  valid(
    'RegistrantProfileRealNameVerification',
    await client.registrantProfileRealNameVerification({
      RegistrantProfileID: id,
      IdentityCredentialType: 'SFZ',
      IdentityCredentialNo: '110101199001011234',
      IdentityCredential: 'dGVzdA==',
    }),
  );
  expect((await profile(id))?.RealNameStatus).toBe('AUDITING');
});
