// Domain groups (create, rename, delete, membership) and remarks: these act at once, no task.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DomainClient } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';

const seed: Seed = {
  groups: [{ DomainGroupId: '501', DomainGroupName: 'shop' }],
  domains: [
    { DomainName: 'a.example', InstanceId: 'S1', DomainGroupId: '501' },
    { DomainName: 'b.example', InstanceId: 'S2' },
    { DomainName: 'c.example', InstanceId: 'S3' },
  ],
};

let emulator: Emulator;
let client: DomainClient;

beforeEach(async () => {
  emulator = await startEmulator({ seed, rateLimits: false });
  client = clientOf(emulator);
});
afterEach(() => emulator.close());

async function groups(DomainGroupName?: string) {
  const body = valid('QueryDomainGroupList', await client.queryDomainGroupList(DomainGroupName === undefined ? {} : { DomainGroupName }));
  return body.Data?.DomainGroup ?? [];
}

/** Group name → TotalNumber, as QueryDomainGroupList lists them. */
async function counts() {
  return Object.fromEntries((await groups()).map((g) => [g.DomainGroupName, g.TotalNumber]));
}

const DATE_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;

describe('domain groups', () => {
  it('QueryDomainGroupList lists the ungrouped domains as group -1 (未分组) and each group with its domain count', async () => {
    const list = await groups();
    expect(list.map((g) => [g.DomainGroupId, g.DomainGroupName, g.TotalNumber])).toEqual([
      ['-1', '未分组', 2],
      ['501', 'shop', 1],
    ]);
    expect(list[1]).toMatchObject({ BeingDeleted: false, DomainGroupStatus: 'COMPLETE' });
    expect(list[1]!.CreationDate).toMatch(DATE_TIME);
    expect(list[1]!.ModificationDate).toMatch(DATE_TIME);
  });

  it('SaveDomainGroup without DomainGroupId creates an empty group that QueryDomainGroupList lists', async () => {
    const created = valid('SaveDomainGroup', await client.saveDomainGroup({ DomainGroupName: 'blog' }));
    expect(created).toMatchObject({ DomainGroupName: 'blog', TotalNumber: 0, BeingDeleted: false, DomainGroupStatus: 'COMPLETE' });
    expect(typeof created.DomainGroupId).toBe('number');
    expect(await groups('blog')).toMatchObject([{ DomainGroupId: String(created.DomainGroupId), DomainGroupName: 'blog', TotalNumber: 0 }]);
  });

  it('SaveDomainGroup with DomainGroupId renames the group', async () => {
    valid('SaveDomainGroup', await client.saveDomainGroup({ DomainGroupId: 501, DomainGroupName: 'store' }));
    expect(await counts()).toEqual({ 未分组: 2, store: 1 });
  });

  it('SaveDomainGroup refuses a name another group has with InvalidParameter naming DomainGroupName', async () => {
    const e = await refusal(client.saveDomainGroup({ DomainGroupName: 'shop' }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“DomainGroupName”');
  });

  it('QueryDomainGroupList with DomainGroupName lists the groups whose names contain it', async () => {
    await client.saveDomainGroup({ DomainGroupName: 'shop-eu' });
    await client.saveDomainGroup({ DomainGroupName: 'blog' });
    expect((await groups('shop')).map((g) => g.DomainGroupName)).toEqual(['shop', 'shop-eu']);
  });

  it('UpdateDomainToDomainGroup with Replace=false adds the domains to the group', async () => {
    valid(
      'UpdateDomainToDomainGroup',
      await client.updateDomainToDomainGroup({ DataSource: 1, DomainGroupId: 501, Replace: false, DomainName: ['b.example'] }),
    );
    expect(await counts()).toEqual({ 未分组: 1, shop: 2 });
  });

  it('UpdateDomainToDomainGroup with Replace=true makes the named domains the whole group', async () => {
    await client.updateDomainToDomainGroup({ DataSource: 1, DomainGroupId: 501, Replace: true, DomainName: ['b.example', 'c.example'] });
    expect(await counts()).toEqual({ 未分组: 1, shop: 2 });
    expect(emulator.state.domain('a.example')?.DomainGroupId).toBeUndefined();
  });

  it('UpdateDomainToDomainGroup reads the names of an uploaded file (DataSource=2), one a line', async () => {
    const FileToUpload = Buffer.from('b.example\nc.example\n').toString('base64');
    await client.updateDomainToDomainGroup({ DataSource: 2, DomainGroupId: 501, Replace: false, FileToUpload });
    expect(await counts()).toEqual({ 未分组: 0, shop: 3 });
  });

  it('UpdateDomainToDomainGroup refuses an unknown group with InvalidParameter naming DomainGroupId', async () => {
    const e = await refusal(
      client.updateDomainToDomainGroup({ DataSource: 1, DomainGroupId: 999, Replace: false, DomainName: ['b.example'] }),
    );
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“DomainGroupId”');
  });

  it('DeleteDomainGroup removes the group and leaves its domains ungrouped', async () => {
    valid('DeleteDomainGroup', await client.deleteDomainGroup({ DomainGroupId: 501 }));
    expect(await counts()).toEqual({ 未分组: 3 });
  });

  it('DeleteDomainGroup refuses an unknown group with InvalidParameter naming DomainGroupId', async () => {
    const e = await refusal(client.deleteDomainGroup({ DomainGroupId: 999 }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“DomainGroupId”');
  });
});

describe('SaveBatchDomainRemark', () => {
  it('sets the remark of every instance in the comma-separated InstanceIds, which QueryDomainList shows', async () => {
    valid('SaveBatchDomainRemark', await client.saveBatchDomainRemark({ InstanceIds: 'S1,S2', Remark: 'renew by hand' }));
    const body = valid('QueryDomainList', await client.queryDomainList({ PageNum: 1, PageSize: 10 }));
    const remarks = Object.fromEntries((body.Data?.Domain ?? []).map((d) => [d.DomainName, d.Remark]));
    expect(remarks).toEqual({ 'a.example': 'renew by hand', 'b.example': 'renew by hand', 'c.example': '' });
  });

  it('refuses an instance id the account does not hold with InvalidParameter naming InstanceIds', async () => {
    const e = await refusal(client.saveBatchDomainRemark({ InstanceIds: 'S1,S404', Remark: 'x' }));
    expect(e.code).toBe('InvalidParameter');
    expect(e.apiMessage).toContain('“InstanceIds”');
    expect(emulator.state.domain('a.example')?.Remark).toBe('');
  });
});
