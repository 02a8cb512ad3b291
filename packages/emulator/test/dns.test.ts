// DNS changes and DNS hosts: each change is a task whose detail waits one step, executes one step,
// then applies; the injected clock moves time on without waiting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainClient } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';

const STEP = 1000;
const seed: Seed = {
  domains: [
    { DomainName: 'open.example', InstanceId: 'S1', Dns: ['ns1.old.example', 'ns2.old.example'] },
    { DomainName: 'locked.example', InstanceId: 'S2', Dns: ['ns1.old.example', 'ns2.old.example'], UpdateProhibitionLock: 'OPEN' },
    { DomainName: 'hosts.example', InstanceId: 'S3', DnsHosts: [{ DnsName: 'ns9', Ip: ['192.0.2.9'] }] },
  ],
};

let t: number;
let emulator: Emulator;
let client: DomainClient;

beforeEach(async () => {
  t = Date.now();
  emulator = await startEmulator({ seed, clock: () => t, taskStepMs: STEP, rateLimits: false });
  client = clientOf(emulator);
});
afterEach(() => emulator.close());

/** Moves the clock past the task's wait and execution. */
const finishTasks = () => {
  t += 2 * STEP;
};

async function detailOf(TaskNo: string) {
  const body = valid('QueryTaskDetailList', await client.queryTaskDetailList({ TaskNo, PageNum: 1, PageSize: 10 }));
  return body.Data?.TaskDetail?.[0];
}

async function dnsOf(DomainName: string) {
  return valid('QueryDomainByDomainName', await client.queryDomainByDomainName({ DomainName })).DnsList?.Dns;
}

async function hostsOf(InstanceId: string) {
  return valid('QueryDnsHost', await client.queryDnsHost({ InstanceId })).DnsHostList?.DnsHost;
}

describe('SaveBatchTaskForModifyingDomainDns', () => {
  it('submits a CHG_DNS task whose success changes the DnsList QueryDomainByDomainName shows', async () => {
    const { TaskNo } = valid(
      'SaveBatchTaskForModifyingDomainDns',
      await client.saveBatchTaskForModifyingDomainDns({
        DomainName: ['open.example'],
        AliyunDns: false,
        DomainNameServer: ['ns1.new.example', 'ns2.new.example'],
      }),
    );
    expect(await dnsOf('open.example')).toEqual(['ns1.old.example', 'ns2.old.example']);
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'CHG_DNS', TaskStatus: 'EXECUTE_SUCCESS', DomainName: 'open.example' });
    expect(await dnsOf('open.example')).toEqual(['ns1.new.example', 'ns2.new.example']);
  });

  it("sets Alibaba Cloud's name servers when AliyunDns is true", async () => {
    await client.saveBatchTaskForModifyingDomainDns({ DomainName: ['open.example'], AliyunDns: true });
    finishTasks();
    expect(await dnsOf('open.example')).toEqual(['dns1.hichina.com', 'dns2.hichina.com']);
  });

  it('fails the detail of a domain whose update lock is open, with the document’s message, and keeps its DnsList', async () => {
    const { TaskNo } = await client.saveBatchTaskForModifyingDomainDns({
      DomainName: ['locked.example'],
      AliyunDns: false,
      DomainNameServer: ['ns1.new.example'],
    });
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskStatus: 'EXECUTE_FAILURE', ErrorMsg: '域名有禁止更新锁' });
    expect(await dnsOf('locked.example')).toEqual(['ns1.old.example', 'ns2.old.example']);
  });

  it('refuses a domain name the account does not hold with InvalidParameter naming DomainName', async () => {
    const e = await refusal(
      client.saveBatchTaskForModifyingDomainDns({ DomainName: ['open.example', 'elsewhere.example'], AliyunDns: true }),
    );
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“DomainName”');
    expect(emulator.state.data.tasks).toEqual([]);
  });

  it('refuses AliyunDns=false without DomainNameServer with MissingParameter', async () => {
    const e = await refusal(client.saveBatchTaskForModifyingDomainDns({ DomainName: ['open.example'], AliyunDns: false }));
    expect(e.code).toBe('MissingParameter');
    expect(e.apiMessage).toContain('“DomainNameServer”');
  });
});

describe('DNS hosts', () => {
  it('QueryDnsHost lists the hosts of the domain with the instance id', async () => {
    expect(await hostsOf('S3')).toEqual([{ DnsName: 'ns9', IpList: { ip: ['192.0.2.9'] } }]);
  });

  it('a host created and then given addresses shows in QueryDnsHost once both tasks succeed', async () => {
    valid('SaveSingleTaskForCreatingDnsHost', await client.saveSingleTaskForCreatingDnsHost({ InstanceId: 'S1', DnsName: 'ns1' }));
    finishTasks();
    expect(await hostsOf('S1')).toEqual([{ DnsName: 'ns1', IpList: { ip: [] } }]);
    const { TaskNo } = valid(
      'SaveSingleTaskForModifyingDnsHost',
      await client.saveSingleTaskForModifyingDnsHost({ InstanceId: 'S1', DnsName: 'ns1', Ip: ['192.0.2.1'] }),
    );
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'UPDATE_DNSHOST', TaskStatus: 'EXECUTE_SUCCESS' });
    expect(await hostsOf('S1')).toEqual([{ DnsName: 'ns1', IpList: { ip: ['192.0.2.1'] } }]);
  });

  it('a deleted host leaves QueryDnsHost once the task succeeds', async () => {
    valid('SaveSingleTaskForDeletingDnsHost', await client.saveSingleTaskForDeletingDnsHost({ InstanceId: 'S3', DnsName: 'ns9' }));
    finishTasks();
    expect(await hostsOf('S3')).toEqual([]);
  });

  it('synchronising submits a SYNC_DNSHOST task that changes no host', async () => {
    const { TaskNo } = valid(
      'SaveSingleTaskForSynchronizingDnsHost',
      await client.saveSingleTaskForSynchronizingDnsHost({ InstanceId: 'S3' }),
    );
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'SYNC_DNSHOST', TaskStatus: 'EXECUTE_SUCCESS' });
    expect(await hostsOf('S3')).toEqual([{ DnsName: 'ns9', IpList: { ip: ['192.0.2.9'] } }]);
  });

  it('a task creating a host the domain has fails, and the host keeps its addresses', async () => {
    const { TaskNo } = await client.saveSingleTaskForCreatingDnsHost({ InstanceId: 'S3', DnsName: 'ns9' });
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'CREATE_DNSHOST', TaskStatus: 'EXECUTE_FAILURE' });
    expect(await hostsOf('S3')).toEqual([{ DnsName: 'ns9', IpList: { ip: ['192.0.2.9'] } }]);
  });

  it('refuses an instance id the account does not hold with InvalidParameter naming InstanceId', async () => {
    const e = await refusal(client.queryDnsHost({ InstanceId: 'S404' }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“InstanceId”');
  });
});
