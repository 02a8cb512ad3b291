// Registration and renewal: a submission answers a TaskNo, its details wait one step, execute one
// step, then end; a success registers (or renews) the domain. The injected clock moves time on
// exactly, so nothing waits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';
import { addYears } from '../src/state/store.js';

const STEP = 1000;
const VERIFIED = 10001;

let t: number;
let emulator: Emulator;
let client: DomainClient;

async function start(seed?: Seed): Promise<void> {
  t = Date.now();
  emulator = await startEmulator({ ...(seed === undefined ? {} : { seed }), clock: () => t, taskStepMs: STEP, rateLimits: false });
  client = clientOf(emulator);
}

afterEach(() => emulator.close());

async function details(TaskNo: string) {
  const body = valid('QueryTaskDetailList', await client.queryTaskDetailList({ TaskNo, PageNum: 1, PageSize: 50 }));
  return body.Data?.TaskDetail ?? [];
}

async function register(DomainName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const body = valid(
    'SaveSingleTaskForCreatingOrderActivate',
    await client.saveSingleTaskForCreatingOrderActivate({ DomainName, RegistrantProfileId: VERIFIED, ...extra }),
  );
  expect(body.TaskNo).toMatch(/\S/);
  return body.TaskNo!;
}

const finishTasks = () => {
  t += 2 * STEP;
};

describe('with the default state', () => {
  beforeEach(() => start());

  it('holds a real-name verified default profile that registers a name with no set-up', async () => {
    const profiles = valid('QueryRegistrantProfiles', await client.queryRegistrantProfiles({ DefaultRegistrantProfile: true }));
    const profile = profiles.RegistrantProfiles?.RegistrantProfile?.[0];
    expect(profile).toMatchObject({ RegistrantProfileId: VERIFIED, RealNameStatus: 'SUCCEED', DefaultRegistrantProfile: true });

    const TaskNo = await register('fresh-start.com');
    finishTasks();
    expect((await details(TaskNo)).map((d) => [d.DomainName, d.TaskStatus])).toEqual([['fresh-start.com', 'EXECUTE_SUCCESS']]);
  });

  it('moves a registration from WAITING_EXECUTE to EXECUTING to EXECUTE_SUCCESS as the clock steps', async () => {
    const TaskNo = await register('stepwise.com');
    const seen = [];
    for (let i = 0; i < 3; i++) {
      const [d] = await details(TaskNo);
      seen.push([d?.TaskStatus, d?.TaskStatusCode]);
      t += STEP;
    }
    expect(seen).toEqual([
      ['WAITING_EXECUTE', 0],
      ['EXECUTING', 1],
      ['EXECUTE_SUCCESS', 2],
    ]);
  });

  it('does not list a domain until its registration has succeeded', async () => {
    await register('not-yet.com');
    t += STEP;
    await expect(refusal(client.queryDomainByDomainName({ DomainName: 'not-yet.com' }))).resolves.toMatchObject({
      code: 'InvalidParameter',
    });
  });

  it('reports a free name available (Avail 1) and a name registered here taken (Avail 0, with a Reason)', async () => {
    const free = valid('CheckDomain', await client.checkDomain({ DomainName: 'nobody-has-this.com' }));
    expect(free).toMatchObject({ DomainName: 'nobody-has-this.com', Avail: '1', Reason: '' });
    await register('nobody-has-this.com');
    finishTasks();
    const taken = valid('CheckDomain', await client.checkDomain({ DomainName: 'nobody-has-this.com' }));
    expect(taken.Avail).toBe('0');
    expect(taken.Reason).not.toBe('');
  });

  it('reports a name registered elsewhere taken', async () => {
    expect(valid('CheckDomain', await client.checkDomain({ DomainName: 'example.com' })).Avail).toBe('0');
  });

  it('lists a registered domain in QueryDomainList with its expiry, SubscriptionDuration years on', async () => {
    await register('listed.com', { SubscriptionDuration: 2 });
    finishTasks();
    const registeredAt = t;
    const body = valid('QueryDomainList', await client.queryDomainList({ PageNum: 1, PageSize: 50, DomainName: 'listed.com' }));
    const row = body.Data?.Domain?.[0];
    expect(row).toMatchObject({
      DomainName: 'listed.com',
      ExpirationDateLong: addYears(registeredAt, 2),
      RegistrationDateLong: registeredAt,
    });
    expect(row?.ExpirationDate).toMatch(/^[A-Z][a-z]{2} \d{2},\d{4} \d{2}:\d{2}:\d{2}$/);
  });

  it('answers QueryDomainByDomainName for a registered domain, with the registration DNS and its holder', async () => {
    await register('by-name.com');
    finishTasks();
    const body = valid('QueryDomainByDomainName', await client.queryDomainByDomainName({ DomainName: 'by-name.com' }));
    expect(body).toMatchObject({
      DomainName: 'by-name.com',
      ExpirationDateLong: addYears(t, 1),
      DnsList: { Dns: ['dns1.hichina.com', 'dns2.hichina.com'] },
      RealNameStatus: 'SUCCEED',
      Email: 'domains@example.com',
    });
  });

  it('lists a registered domain in QueryAdvancedDomainList', async () => {
    await register('advanced-one.com');
    finishTasks();
    const body = valid(
      'QueryAdvancedDomainList',
      await client.queryAdvancedDomainList({ PageNum: 1, PageSize: 10, KeyWord: 'advanced-one' }),
    );
    expect(body.Data?.Domain?.map((d) => [d.DomainName, d.ExpirationDateLong])).toEqual([['advanced-one.com', addYears(t, 1)]]);
  });

  it('lists a registered domain in ScrollDomainList', async () => {
    await register('scrolled-one.com');
    finishTasks();
    const first = valid('ScrollDomainList', await client.scrollDomainList({ PageSize: 10, KeyWord: 'scrolled-one' }));
    const page = valid('ScrollDomainList', await client.scrollDomainList({ PageSize: 10, ScrollId: first.ScrollId! }));
    expect(page.Data?.Domain?.map((d) => [d.DomainName, d.ExpirationDateLong])).toEqual([['scrolled-one.com', addYears(t, 1)]]);
  });

  it('fails the detail of a name that is taken, and registers nothing', async () => {
    const TaskNo = await register('example.com');
    finishTasks();
    const [d] = await details(TaskNo);
    expect(d).toMatchObject({ TaskStatus: 'EXECUTE_FAILURE', TaskStatusCode: 3 });
    expect(d?.ErrorMsg).toMatch(/already registered/);
    expect(emulator.state.domain('example.com')).toBeUndefined();
  });

  it('fails the second registration of a name while the first is still running', async () => {
    await register('twice.com');
    const second = await register('twice.com');
    finishTasks();
    const [d] = await details(second);
    expect(d?.TaskStatus).toBe('EXECUTE_FAILURE');
    expect(d?.ErrorMsg).toMatch(/already being registered/);
  });

  it('refuses an unknown RegistrantProfileId with InvalidParameter naming it', async () => {
    const e = await refusal(client.saveSingleTaskForCreatingOrderActivate({ DomainName: 'who.com', RegistrantProfileId: 424242 }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('RegistrantProfileId');
  });

  it('fails the detail of a registration without a registrant profile', async () => {
    const { TaskNo } = await client.saveSingleTaskForCreatingOrderActivate({ DomainName: 'anonymous.com' });
    finishTasks();
    expect((await details(TaskNo!))[0]).toMatchObject({
      TaskStatus: 'EXECUTE_FAILURE',
      ErrorMsg: expect.stringMatching(/real-name verified/),
    });
  });

  it('fails the detail of a registration with a profile not yet real-name verified', async () => {
    const { RegistrantProfileId } = await client.saveRegistrantProfile({ RegistrantName: 'new holder', Email: 'new@example.org' });
    const TaskNo = await register('unverified.com', { RegistrantProfileId });
    finishTasks();
    const [d] = await details(TaskNo);
    expect(d?.TaskStatus).toBe('EXECUTE_FAILURE');
    expect(d?.ErrorMsg).toContain('NONAUDIT');
  });

  it('registers with Dns1 and Dns2 when AliyunDns is false', async () => {
    await register('own-dns.com', { AliyunDns: false, Dns1: 'ns1.own.example', Dns2: 'ns2.own.example' });
    finishTasks();
    const body = await client.queryDomainByDomainName({ DomainName: 'own-dns.com' });
    expect(body.DnsList?.Dns).toEqual(['ns1.own.example', 'ns2.own.example']);
  });

  it('refuses AliyunDns false without Dns1 with MissingParameter', async () => {
    const e = await refusal(
      client.saveSingleTaskForCreatingOrderActivate({ DomainName: 'half-dns.com', RegistrantProfileId: VERIFIED, AliyunDns: false }),
    );
    expect(e.code).toBe('MissingParameter');
    expect(e.message).toContain('Dns1');
  });

  it('makes one detail per domain of a batch registration, each ending on its own', async () => {
    const body = valid(
      'SaveBatchTaskForCreatingOrderActivate',
      await client.saveBatchTaskForCreatingOrderActivate({
        OrderActivateParam: [
          { DomainName: 'batch-a.com', RegistrantProfileId: VERIFIED },
          { DomainName: 'example.net', RegistrantProfileId: VERIFIED },
          { DomainName: 'batch-b.net', RegistrantProfileId: VERIFIED, SubscriptionDuration: 3 },
        ],
      }),
    );
    finishTasks();
    const rows = await details(body.TaskNo!);
    expect(rows.map((d) => [d.DomainName, d.TaskStatus])).toEqual([
      ['batch-a.com', 'EXECUTE_SUCCESS'],
      ['example.net', 'EXECUTE_FAILURE'],
      ['batch-b.net', 'EXECUTE_SUCCESS'],
    ]);
    expect(emulator.state.domain('batch-b.net')?.ExpirationDate).toBe(addYears(t, 3));
  });

  it('names the batch item of an unknown RegistrantProfileId', async () => {
    const e = await refusal(
      client.saveBatchTaskForCreatingOrderActivate({
        OrderActivateParam: [
          { DomainName: 'batch-c.com', RegistrantProfileId: VERIFIED },
          { DomainName: 'batch-d.com', RegistrantProfileId: 99 },
        ],
      }),
    );
    expect(e.message).toContain('OrderActivateParam.2.RegistrantProfileId');
  });
});

describe('renewal', () => {
  const expiry = Date.parse('2027-03-01T08:00:00Z');
  beforeEach(() =>
    start({ domains: [{ DomainName: 'renew-me.com', InstanceId: 'S1', ExpirationDate: expiry }, { DomainName: 'other.com' }] }),
  );

  it('extends the expiry by the years once the renewal has succeeded', async () => {
    const body = valid(
      'SaveSingleTaskForCreatingOrderRenew',
      await client.saveSingleTaskForCreatingOrderRenew({
        DomainName: 'renew-me.com',
        CurrentExpirationDate: expiry,
        SubscriptionDuration: 2,
      }),
    );
    t += STEP;
    expect((await client.queryDomainByDomainName({ DomainName: 'renew-me.com' })).ExpirationDateLong).toBe(expiry);
    t += STEP;
    expect((await details(body.TaskNo!))[0]?.TaskStatus).toBe('EXECUTE_SUCCESS');
    expect((await client.queryDomainByDomainName({ DomainName: 'renew-me.com' })).ExpirationDateLong).toBe(addYears(expiry, 2));
  });

  it('fails the detail of a renewal whose CurrentExpirationDate is not the current expiry, leaving the expiry', async () => {
    const { TaskNo } = await client.saveSingleTaskForCreatingOrderRenew({
      DomainName: 'renew-me.com',
      CurrentExpirationDate: addYears(expiry, -1),
      SubscriptionDuration: 1,
    });
    finishTasks();
    const [d] = await details(TaskNo!);
    expect(d?.TaskStatus).toBe('EXECUTE_FAILURE');
    expect(d?.ErrorMsg).toContain('CurrentExpirationDate');
    expect(emulator.state.domain('renew-me.com')?.ExpirationDate).toBe(expiry);
  });

  it('fails a second renewal submitted while the first is running, so a repeated request renews once', async () => {
    const input = { DomainName: 'renew-me.com', CurrentExpirationDate: expiry, SubscriptionDuration: 1 };
    await client.saveSingleTaskForCreatingOrderRenew(input);
    const { TaskNo } = await client.saveSingleTaskForCreatingOrderRenew(input);
    finishTasks();
    expect((await details(TaskNo!))[0]?.TaskStatus).toBe('EXECUTE_FAILURE');
    expect(emulator.state.domain('renew-me.com')?.ExpirationDate).toBe(addYears(expiry, 1));
  });

  it('refuses to renew a domain not in the account with InvalidParameter naming DomainName', async () => {
    const e = await refusal(
      client.saveSingleTaskForCreatingOrderRenew({ DomainName: 'not-mine.com', CurrentExpirationDate: expiry, SubscriptionDuration: 1 }),
    );
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('DomainName');
  });

  it('renews each domain of a batch by its own years', async () => {
    const before = emulator.state.domain('other.com')!.ExpirationDate;
    const body = valid(
      'SaveBatchTaskForCreatingOrderRenew',
      await client.saveBatchTaskForCreatingOrderRenew({
        OrderRenewParam: [
          { DomainName: 'renew-me.com', CurrentExpirationDate: expiry, SubscriptionDuration: 3 },
          { DomainName: 'other.com', CurrentExpirationDate: before, SubscriptionDuration: 1 },
        ],
      }),
    );
    finishTasks();
    expect((await details(body.TaskNo!)).map((d) => d.TaskStatus)).toEqual(['EXECUTE_SUCCESS', 'EXECUTE_SUCCESS']);
    expect(emulator.state.domain('renew-me.com')?.ExpirationDate).toBe(addYears(expiry, 3));
    expect(emulator.state.domain('other.com')?.ExpirationDate).toBe(addYears(before, 1));
  });

  it('renews a domain named twice in one batch once, failing the second detail', async () => {
    const body = valid(
      'SaveBatchTaskForCreatingOrderRenew',
      await client.saveBatchTaskForCreatingOrderRenew({
        OrderRenewParam: [
          { DomainName: 'renew-me.com', CurrentExpirationDate: expiry, SubscriptionDuration: 1 },
          { DomainName: 'renew-me.com', CurrentExpirationDate: expiry, SubscriptionDuration: 1 },
        ],
      }),
    );
    finishTasks();
    expect((await details(body.TaskNo!)).map((d) => d.TaskStatus).sort()).toEqual(['EXECUTE_FAILURE', 'EXECUTE_SUCCESS']);
    expect(emulator.state.domain('renew-me.com')?.ExpirationDate).toBe(addYears(expiry, 1));
  });

  // Sent by a client that does not check first, as any client of the real service might be.
  it.each([0, 11, -5, 2_000_000_000])(
    'refuses SubscriptionDuration %d with InvalidParameter naming it, and keeps the expiry',
    async (years) => {
      const unchecked = new DomainClient({
        endpoint: emulator.url,
        accessKeyId: 'testid',
        accessKeySecret: 'testsecret',
        maxAttempts: 1,
        validation: false,
      });
      const e = await refusal(
        unchecked.saveBatchTaskForCreatingOrderRenew({
          OrderRenewParam: [{ DomainName: 'renew-me.com', CurrentExpirationDate: expiry, SubscriptionDuration: years }],
        }),
      );
      expect(e.code).toBe('InvalidParameter');
      expect(e.message).toContain('OrderRenewParam.1.SubscriptionDuration');
      expect(emulator.state.domain('renew-me.com')?.ExpirationDate).toBe(expiry);
    },
  );

  it('refuses a registration of 11 years, which the spec does not bound, with InvalidParameter naming SubscriptionDuration', async () => {
    const unchecked = new DomainClient({
      endpoint: emulator.url,
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      maxAttempts: 1,
      validation: false,
    });
    const e = await refusal(
      unchecked.saveSingleTaskForCreatingOrderActivate({
        DomainName: 'eleven.com',
        SubscriptionDuration: 11,
      }),
    );
    expect(e.code).toBe('InvalidParameter');
    expect(e.message).toContain('SubscriptionDuration');
    expect(emulator.state.data.tasks).toHaveLength(0);
  });
});
