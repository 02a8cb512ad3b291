// The generated client over real HTTP against @alidomain/emulator: typed methods, the generic
// call, JSON/XML parity, repeat lists, paginators over the emulator's own lists, waitForTask on
// tasks the emulator runs, and its retry and error rules. Every answer is checked against the
// spec (validateResponses: true). What needs a scripted answer stays in ../domain-client.test.ts.
import { startEmulator, type Emulator, type EmulatorOptions } from '@alidomain/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DomainClient,
  DomainTaskTimeoutError,
  isDomainValidationError,
  isErrorCode,
  paginateQueryDomainList,
  paginateQueryTaskInfoHistory,
  waitForTask,
} from '@alidomain/client';

let emulator: Emulator | undefined;

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  emulator = await startEmulator(options);
  return emulator;
}
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const client = (e: Emulator, extra: ConstructorParameters<typeof DomainClient>[0] = {}) =>
  new DomainClient({
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    endpoint: e.url,
    retry: { sleep: async () => {} },
    validateResponses: true,
    ...extra,
  });

const requestsFor = (e: Emulator, action: string) => e.requests.filter((r) => r.action === action);

describe('DomainClient', () => {
  it('calls an Action by its method and returns the typed body', async () => {
    const e = await start();
    const res = await client(e).checkDomain({ DomainName: 'Brand-New-Name.com' });
    expect(res).toMatchObject({ DomainName: 'brand-new-name.com', Avail: '1' });
    expect(e.requests[0]).toMatchObject({ method: 'GET', action: 'CheckDomain', code: undefined });
  });

  it('gives the same result for JSON and XML responses', async () => {
    const e = await start();
    const json = await client(e, { format: 'JSON' }).queryDomainList({ PageNum: 1, PageSize: 2 });
    const xml = await client(e, { format: 'XML' }).queryDomainList({ PageNum: 1, PageSize: 2 });
    // Every answer has a fresh RequestId; all else must match.
    expect({ ...xml, RequestId: undefined }).toEqual({ ...json, RequestId: undefined });
    expect(xml.Data?.Domain).toHaveLength(2);
  });

  it('offers every Action through the generic call()', async () => {
    const e = await start();
    const res = await client(e).call('CheckDomain', { DomainName: 'example.org' });
    // example.org is registered elsewhere in the default state.
    expect(res).toMatchObject({ DomainName: 'example.org', Avail: '0' });
  });

  it('serialises repeat lists as Name.1, Name.2, …, which the server reads as one list', async () => {
    const e = await start();
    const { TaskNo } = await client(e).saveBatchTaskForModifyingDomainDns({
      DomainName: ['example-shop.com', 'example-shop.cn'],
      AliyunDns: true,
    });
    const p = requestsFor(e, 'SaveBatchTaskForModifyingDomainDns')[0]!.params;
    expect([p['DomainName.1'], p['DomainName.2'], p.AliyunDns]).toEqual(['example-shop.com', 'example-shop.cn', 'true']);
    const details = await client(e).queryTaskDetailList({ TaskNo: String(TaskNo), PageNum: 1, PageSize: 10 });
    expect(details.Data?.TaskDetail?.map((d) => d.DomainName)).toEqual(['example-shop.com', 'example-shop.cn']);
  });
});

describe('paginators', () => {
  it('iterate over the items of every page', async () => {
    const names = Array.from({ length: 5 }, (_, i) => `d${i + 1}.example.com`);
    const e = await start({ seed: { domains: names.map((DomainName) => ({ DomainName })) } });
    const seen: string[] = [];
    for await (const d of paginateQueryDomainList(client(e), { PageSize: 2 })) seen.push(String(d.DomainName));
    expect(seen).toEqual(names);
    expect(requestsFor(e, 'QueryDomainList').map((r) => r.params.PageNum)).toEqual(['1', '2', '3']);
  });

  for (const format of ['JSON', 'XML'] as const) {
    it(`follow NextPageCursor for cursor-paged Actions (${format})`, async () => {
      // Three tasks a second apart, so that their CreateTime cursors differ.
      let now = Date.now();
      const e = await start({ clock: () => now });
      const submitted: { TaskNo: string; at: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const { TaskNo } = await client(e).saveBatchTaskForModifyingDomainDns({ DomainName: ['example-shop.com'], AliyunDns: true });
        submitted.push({ TaskNo: String(TaskNo), at: now });
        now += 1000;
      }
      const seen: string[] = [];
      for await (const t of paginateQueryTaskInfoHistory(client(e, { format }), { PageSize: 1 })) seen.push(String(t.TaskNo));
      const [first, second, third] = submitted as [(typeof submitted)[0], (typeof submitted)[0], (typeof submitted)[0]];
      // Newest first; each page after the first starts at the cursor the page before gave.
      expect(seen).toEqual([third.TaskNo, second.TaskNo, first.TaskNo]);
      expect(requestsFor(e, 'QueryTaskInfoHistory').map((r) => [r.params.TaskNoCursor, r.params.CreateTimeCursor])).toEqual([
        [undefined, undefined],
        [second.TaskNo, String(second.at)],
        [first.TaskNo, String(first.at)],
      ]);
    });
  }
});

describe('waitForTask', () => {
  it('polls the task details until every one is final', async () => {
    // Each request moves the emulator's clock on by 20 ms: the task (two 50 ms steps) ends after
    // a few polls however slowly this machine runs them.
    let now = Date.now();
    const e = await start({ taskStepMs: 50, clock: () => (now += 20) });
    const { TaskNo } = await client(e).saveBatchTaskForCreatingOrderActivate({
      OrderActivateParam: [
        { DomainName: 'brand-new-name.com', RegistrantProfileId: 10001 },
        // Registered elsewhere in the default state: its detail fails.
        { DomainName: 'example.com', RegistrantProfileId: 10001 },
      ],
    });
    const result = await waitForTask(client(e), String(TaskNo), { intervalMs: 1, timeoutMs: 10_000 });
    expect(requestsFor(e, 'QueryTaskDetailList').length).toBeGreaterThan(1);
    expect(result.succeeded.map((d) => d.DomainName)).toEqual(['brand-new-name.com']);
    expect(result.failed.map((d) => d.DomainName)).toEqual(['example.com']);
  });

  it('gives up with DomainTaskTimeoutError when the task does not finish in time', async () => {
    // The emulator's clock stands still: the task never starts.
    const now = Date.now();
    const e = await start({ clock: () => now });
    const { TaskNo } = await client(e).saveBatchTaskForModifyingDomainDns({ DomainName: ['example-shop.com'], AliyunDns: true });
    await expect(waitForTask(client(e), String(TaskNo), { intervalMs: 5, timeoutMs: 30 })).rejects.toBeInstanceOf(DomainTaskTimeoutError);
  });
});

describe('retries through the generated client', () => {
  it('retries a read-only Action after Throttling', async () => {
    const e = await start();
    e.inject({ action: 'CheckDomain', error: 'Throttling', count: 1 });
    const res = await client(e).checkDomain({ DomainName: 'brand-new-name.com' });
    expect(res.Avail).toBe('1');
    expect(requestsFor(e, 'CheckDomain').map((r) => r.code)).toEqual(['Throttling', undefined]);
  });

  it('maps an API error to its code', async () => {
    const e = await start();
    const error = await client(e)
      .queryDomainByDomainName({ DomainName: 'not-in-this-account.com' })
      .catch((err: unknown) => err);
    expect(isErrorCode(error, 'InvalidParameter')).toBe(true);
  });
});

describe('validation', () => {
  it('rejects invalid input with every problem named by wire parameter, and sends nothing', async () => {
    const e = await start();
    const error = await client(e)
      .saveBatchTaskForCreatingOrderActivate({
        OrderActivateParam: [{ DomainName: 'ok.com' }, { DomainName: 'xn--fiq228c.com', SubscriptionDuration: 'two' as never }],
      })
      .catch((err: unknown) => err);
    expect(isDomainValidationError(error)).toBe(true);
    const { message } = error as Error;
    expect(message).toMatch(/OrderActivateParam\.2\.DomainName/);
    expect(message).toMatch(/OrderActivateParam\.2\.SubscriptionDuration/);
    expect(e.requests).toHaveLength(0);
  });

  it('sends unchecked input when validation is turned off, which the server then refuses', async () => {
    const e = await start();
    const error = await client(e, { validation: false })
      .checkDomain({ DomainName: 'not a domain' })
      .catch((err: unknown) => err);
    expect(isErrorCode(error, 'InvalidParameter')).toBe(true);
    expect(requestsFor(e, 'CheckDomain').map((r) => [r.params.DomainName, r.code])).toEqual([['not a domain', 'InvalidParameter']]);
  });
});
