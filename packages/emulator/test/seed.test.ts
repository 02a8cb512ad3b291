// Seeds: the documented JSON a test starts the emulator from (examples/portfolio.json is the
// README's example), and the errors that name the field of a seed that is wrong.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { validateResponse } from '@alidomain/validators';
import { checkSeed, loadSeed, SeedError, startEmulator, type Emulator, type Seed } from '../src/index.js';
import defaultState from '../src/state/default-state.json' with { type: 'json' };

const PORTFOLIO = fileURLToPath(new URL('../examples/portfolio.json', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/seeds/${name}`, import.meta.url));

describe('the example portfolio (examples/portfolio.json)', () => {
  let emulator: Emulator;
  let client: DomainClient;
  const portfolio = JSON.parse(readFileSync(PORTFOLIO, 'utf8')) as Required<Seed>;

  beforeAll(async () => {
    emulator = await startEmulator({ seed: loadSeed(PORTFOLIO), rateLimits: false });
    client = new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', maxAttempts: 1 });
  });
  afterAll(() => emulator.close());

  it('lists its domains, and only them, in QueryDomainList', async () => {
    const body = await client.queryDomainList({ PageNum: 1, PageSize: 50 });
    expect(validateResponse('QueryDomainList', body)).toEqual([]);
    const names = (body.Data?.Domain ?? []).map((d) => d.DomainName).sort();
    expect(names).toEqual(portfolio.domains.map((d) => d.DomainName).sort());
  });

  it('gives each domain the expiry the seed states', async () => {
    const body = await client.queryDomainList({ PageNum: 1, PageSize: 50 });
    const expiry = Object.fromEntries((body.Data?.Domain ?? []).map((d) => [d.DomainName, d.ExpirationDateLong]));
    expect(expiry['acme-widgets.com']).toBe(Date.parse('2028-05-01T00:00:00Z'));
    expect(expiry['acme-widgets.cn']).toBe(Date.parse('2026-01-15T00:00:00Z'));
  });

  it('lists its registrant profile in QueryRegistrantProfiles', async () => {
    const body = await client.queryRegistrantProfiles({});
    expect(validateResponse('QueryRegistrantProfiles', body)).toEqual([]);
    expect((body.RegistrantProfiles?.RegistrantProfile ?? []).map((p) => p.RegistrantOrganization)).toEqual(['Acme Widgets Ltd.']);
  });

  it('reports its registeredElsewhere names taken in CheckDomain', async () => {
    const body = await client.checkDomain({ DomainName: 'acme.com' });
    expect(validateResponse('CheckDomain', body)).toEqual([]);
    expect(body.Avail).toBe('0');
  });
});

describe('checkSeed', () => {
  it('accepts the default state', () => {
    expect(() => checkSeed(defaultState)).not.toThrow();
  });

  it('accepts the example portfolio', () => {
    expect(() => loadSeed(PORTFOLIO)).not.toThrow();
  });

  it.each([
    ['bad-date.json', 'domains[0].ExpirationDate', /expected epoch milliseconds or an ISO 8601 date, received "next spring"/],
    ['unknown-field.json', 'domains[0].ExpiryDate', /expected a known field \(DomainName, InstanceId, RegistrationDate, ExpirationDate/],
    ['duplicate-domain.json', 'domains[1].DomainName', /not already in domains\[0\]/],
    ['profiles-not-a-list.json', 'profiles', /expected a list/],
    [
      'bad-real-name-status.json',
      'profiles[0].RealNameStatus',
      /expected one of "FAILED", "SUCCEED", "NONAUDIT", "AUDITING", received "VERIFIED"/,
    ],
    ['group-without-name.json', 'groups[0].DomainGroupName', /it is required/],
    ['misspelt-list.json', 'domain', /expected a known field \(version, profiles, domains/],
    ['version-2.json', 'version', /expected one of 1, received 2/],
    ['not-an-object.json', 'the seed', /expected a JSON object/],
  ])('names the field that is wrong in %s: %s', (file, field, expected) => {
    const e = (() => {
      try {
        loadSeed(fixture(file));
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(SeedError);
    expect((e as SeedError).message).toContain(`state ${fixture(file)}: ${field}: `);
    expect((e as SeedError).message).toMatch(expected);
  });

  it('says a state file that is not JSON is not JSON', () => {
    expect(() => loadSeed(fixture('not-json.txt'))).toThrow(SeedError);
    expect(() => loadSeed(fixture('not-json.txt'))).toThrow(/expected JSON/);
  });

  it('refuses a malformed seed given to startEmulator, naming the field', async () => {
    const seed = { domains: [{ DomainName: 'acme-widgets.com', Premium: 'yes' }] } as unknown as Seed;
    await expect(startEmulator({ seed })).rejects.toThrow(/domains\[0\]\.Premium: expected true or false, received "yes"/);
  });
});

describe('ids', () => {
  it('gives a new profile and a new group ids that no record of the seed has', async () => {
    const emulator = await startEmulator({
      seed: { profiles: [{ RegistrantProfileId: 1 }, { RegistrantProfileId: 2 }], groups: [{ DomainGroupId: '3', DomainGroupName: 'g' }] },
    });
    try {
      const client = new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', maxAttempts: 1 });
      const { RegistrantProfileId } = await client.saveRegistrantProfile({ RegistrantType: '1', RegistrantName: 'New One' });
      const { DomainGroupId } = await client.saveDomainGroup({ DomainGroupName: 'new group' });
      expect([1, 2, 3]).not.toContain(Number(RegistrantProfileId));
      expect([1, 2, 3, Number(RegistrantProfileId)]).not.toContain(Number(DomainGroupId));
      expect(emulator.state.data.profiles.filter((p) => p.RegistrantProfileId === Number(RegistrantProfileId))).toHaveLength(1);
    } finally {
      await emulator.close();
    }
  });
});
