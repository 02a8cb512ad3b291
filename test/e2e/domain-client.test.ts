// The generated client over real HTTP against the local mock server: typed methods, the
// generic call, JSON/XML parity, POST bodies, paginators, waitForTask and the retry rules.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DomainApiError,
  DomainClient,
  DomainTaskTimeoutError,
  DomainTransportError,
  isDomainValidationError,
  isErrorCode,
  paginateQueryDomainList,
  paginateQueryTaskInfoHistory,
  waitForTask,
} from '@alidomain/client';
import { dropConnection, serviceUnavailable, startMockServer, throttling, type MockServer } from '../server/mock-server.js';

let server: MockServer;
const client = (extra: ConstructorParameters<typeof DomainClient>[0] = {}) =>
  new DomainClient({
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    endpoint: server.url,
    retry: { sleep: async () => {} },
    ...extra,
  });

const domains = Array.from({ length: 5 }, (_, i) => ({ DomainName: `d${i + 1}.example.com`, InstanceId: `S${i + 1}` }));

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle('CheckDomain', (req) => ({
    data: { DomainName: req.params.DomainName, Avail: '1', Premium: 'false', Price: 1286, DynamicCheck: false },
  }));
  server.handle('QueryDomainList', (req) => {
    const page = Number(req.params.PageNum);
    const size = Number(req.params.PageSize);
    const items = domains.slice((page - 1) * size, page * size);
    return {
      data: {
        CurrentPageNum: page,
        PageSize: size,
        TotalItemNum: domains.length,
        TotalPageNum: Math.ceil(domains.length / size),
        NextPage: page * size < domains.length,
        PrePage: page > 1,
        Data: { Domain: items },
      },
    };
  });
});

describe('DomainClient', () => {
  it('calls an Action by its method and returns the typed body', async () => {
    const res = await client().checkDomain({ DomainName: 'example.com' });
    expect(res).toMatchObject({ DomainName: 'example.com', Avail: '1', Price: 1286 });
    expect(server.requests[0]).toMatchObject({ method: 'GET', action: 'CheckDomain', signatureValid: true });
  });

  it('gives the same result for JSON and XML responses', async () => {
    const json = await client({ format: 'JSON' }).queryDomainList({ PageNum: 1, PageSize: 1 });
    const xml = await client({ format: 'XML' }).queryDomainList({ PageNum: 1, PageSize: 1 });
    // The mock server gives every response a fresh RequestId; all else must match.
    expect({ ...xml, RequestId: undefined }).toEqual({ ...json, RequestId: undefined });
    expect(Array.isArray(xml.Data?.Domain)).toBe(true);
  });

  it('offers every Action through the generic call()', async () => {
    const res = await client().call('CheckDomain', { DomainName: 'example.org' });
    expect(res.DomainName).toBe('example.org');
  });

  it('POSTs Actions the document requires to POST, with Body parameters in the signed form body', async () => {
    server.handle('RegistrantProfileRealNameVerification', () => ({ data: {} }));
    await client().registrantProfileRealNameVerification({
      RegistrantProfileID: 1234567,
      IdentityCredentialType: 'SFZ',
      IdentityCredentialNo: '1101',
      IdentityCredential: 'dGVzdA==',
    });
    const req = server.requestsFor('RegistrantProfileRealNameVerification')[0]!;
    expect(req.method).toBe('POST');
    expect(req.bodyParams.IdentityCredential).toBe('dGVzdA==');
    expect(req.queryParams.IdentityCredential).toBeUndefined();
    expect(req.signatureValid).toBe(true);
  });

  it('serialises repeat lists as Name.1, Name.2, …', async () => {
    server.handle('SaveBatchTaskForModifyingDomainDns', () => ({ data: { TaskNo: 't-1' } }));
    await client().saveBatchTaskForModifyingDomainDns({ DomainName: ['a.com', 'b.com'], AliyunDns: true });
    const p = server.requestsFor('SaveBatchTaskForModifyingDomainDns')[0]!.params;
    expect([p['DomainName.1'], p['DomainName.2'], p.AliyunDns]).toEqual(['a.com', 'b.com', 'true']);
  });
});

describe('paginators', () => {
  it('iterate over the items of every page', async () => {
    const names: string[] = [];
    for await (const d of paginateQueryDomainList(client(), { PageSize: 2 })) names.push(String(d.DomainName));
    expect(names).toEqual(domains.map((d) => d.DomainName));
    expect(server.requestsFor('QueryDomainList').map((r) => r.params.PageNum)).toEqual(['1', '2', '3']);
  });

  it('follow NextPageCursor for cursor-paged Actions, in XML too', async () => {
    const tasks = ['t1', 't2', 't3'].map((TaskNo, i) => ({ TaskNo, CreateTimeLong: 1509528171000 + i, CreateTime: '2017-11-01 17:22:51' }));
    server.handle('QueryTaskInfoHistory', (req) => {
      const at = req.params.TaskNoCursor === undefined ? 0 : tasks.findIndex((t) => t.TaskNo === req.params.TaskNoCursor);
      const next = tasks[at + 1];
      return { data: { PageSize: 1, Objects: { TaskInfoHistory: [tasks[at]] }, ...(next ? { NextPageCursor: next } : {}) } };
    });
    for (const format of ['JSON', 'XML'] as const) {
      server.requests.length = 0;
      const seen: string[] = [];
      for await (const t of paginateQueryTaskInfoHistory(client({ format }), { PageSize: 1 })) seen.push(String(t.TaskNo));
      expect(seen).toEqual(['t1', 't2', 't3']);
      expect(server.requestsFor('QueryTaskInfoHistory').map((r) => [r.params.TaskNoCursor, r.params.CreateTimeCursor])).toEqual([
        [undefined, undefined],
        ['t2', '1509528171001'],
        ['t3', '1509528171002'],
      ]);
    }
  });
});

describe('waitForTask', () => {
  it('polls the task details until every one is final', async () => {
    let polls = 0;
    server.handle('QueryTaskDetailList', () => {
      polls++;
      const status = polls < 3 ? 'EXECUTING' : 'EXECUTE_SUCCESS';
      return {
        data: {
          CurrentPageNum: 1,
          TotalPageNum: 1,
          NextPage: false,
          Data: {
            TaskDetail: [
              { TaskNo: 't-1', DomainName: 'a.com', TaskStatus: status },
              { TaskNo: 't-1', DomainName: 'b.com', TaskStatus: 'EXECUTE_FAILURE' },
            ],
          },
        },
      };
    });
    const result = await waitForTask(client(), 't-1', { intervalMs: 1, timeoutMs: 10_000 });
    expect(polls).toBe(3);
    expect(result.succeeded.map((d) => d.DomainName)).toEqual(['a.com']);
    expect(result.failed.map((d) => d.DomainName)).toEqual(['b.com']);
  });

  it('gives up with DomainTaskTimeoutError when the task does not finish in time', async () => {
    server.handle('QueryTaskDetailList', () => ({
      data: { TotalPageNum: 1, NextPage: false, Data: { TaskDetail: [{ TaskNo: 't-2', TaskStatus: 'EXECUTING' }] } },
    }));
    await expect(waitForTask(client(), 't-2', { intervalMs: 5, timeoutMs: 30 })).rejects.toBeInstanceOf(DomainTaskTimeoutError);
  });
});

describe('retries through the generated client', () => {
  it('retries a read-only Action after Throttling', async () => {
    server.enqueue('CheckDomain', throttling());
    const res = await client().checkDomain({ DomainName: 'example.com' });
    expect(res.Avail).toBe('1');
    expect(server.requestsFor('CheckDomain')).toHaveLength(2);
  });

  it('never sends an order-creating Action twice on its own, whatever the failure', async () => {
    // A dropped connection may have reached the server: that is why it is not sent again.
    for (const [failure, type, fields] of [
      [serviceUnavailable(), DomainApiError, { code: 'ServiceUnavailable' }],
      [throttling(), DomainApiError, { code: 'Throttling' }],
      [dropConnection(), DomainTransportError, { reachedServer: true }],
    ] as const) {
      server.requests.length = 0;
      server.enqueue('SaveSingleTaskForCreatingOrderActivate', failure);
      const e: unknown = await client()
        .saveSingleTaskForCreatingOrderActivate({ DomainName: 'new.com', SubscriptionDuration: 1 })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(type);
      expect(e).toMatchObject(fields);
      expect(server.requestsFor('SaveSingleTaskForCreatingOrderActivate')).toHaveLength(1);
    }
  });

  it('maps an API error to its code', async () => {
    server.enqueue('CheckDomain', { status: 400, error: { code: 'InvalidParameter', message: 'bad' } });
    const error = await client()
      .checkDomain({ DomainName: 'example.com' })
      .catch((e: unknown) => e);
    expect(isErrorCode(error, 'InvalidParameter')).toBe(true);
  });
});

describe('validation', () => {
  it('rejects invalid input with every problem named by wire parameter, and sends nothing', async () => {
    const error = await client()
      .saveBatchTaskForCreatingOrderActivate({
        OrderActivateParam: [{ DomainName: 'ok.com' }, { DomainName: 'xn--fiq228c.com', SubscriptionDuration: 'two' as never }],
      })
      .catch((e: unknown) => e);
    expect(isDomainValidationError(error)).toBe(true);
    const { message } = error as Error;
    expect(message).toMatch(/OrderActivateParam\.2\.DomainName/);
    expect(message).toMatch(/OrderActivateParam\.2\.SubscriptionDuration/);
    expect(server.requests).toHaveLength(0);
  });

  it('sends unchecked input when validation is turned off', async () => {
    server.handle('CheckDomain', () => ({ data: { Avail: '1' } }));
    await client({ validation: false }).checkDomain({ DomainName: 'not a domain' });
    expect(server.requestsFor('CheckDomain')).toHaveLength(1);
  });

  it('reports a response that does not match the spec when asked to', async () => {
    server.handle('CheckDomain', () => ({ data: { Avail: 7, Premium: 'maybe' } }));
    const seen: string[] = [];
    await client({ validateResponses: (_action, problems) => seen.push(...problems) }).checkDomain({ DomainName: 'example.com' });
    expect(seen.join('\n')).toMatch(/Premium/);
    await expect(client({ validateResponses: true }).checkDomain({ DomainName: 'example.com' })).rejects.toThrow(/Premium/);
  });
});
