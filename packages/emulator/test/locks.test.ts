// The transfer and update prohibition locks: Status true opens, false closes, through a task that
// applies once its detail succeeds; the injected clock moves time on without waiting.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainApiError, type DomainClient } from '@alidomain/client';
import { clientOf, valid } from './support/client.js';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';

const STEP = 1000;
const seed: Seed = {
  domains: [
    { DomainName: 'one.example', InstanceId: 'S1' },
    { DomainName: 'two.example', InstanceId: 'S2', TransferProhibitionLock: 'OPEN', UpdateProhibitionLock: 'OPEN' },
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

const finishTasks = () => {
  t += 2 * STEP;
};

async function locksOf(DomainName: string) {
  const d = valid('QueryDomainByDomainName', await client.queryDomainByDomainName({ DomainName }));
  return { transfer: d.TransferProhibitionLock, update: d.UpdateProhibitionLock };
}

async function detailOf(TaskNo: string) {
  const body = valid('QueryTaskDetailList', await client.queryTaskDetailList({ TaskNo, PageNum: 1, PageSize: 10 }));
  return body.Data?.TaskDetail?.[0];
}

describe('prohibition locks', () => {
  it('Status=true opens the transfer lock through a SET_TRANSFER_PROHIBITED task', async () => {
    const { TaskNo } = valid(
      'SaveSingleTaskForTransferProhibitionLock',
      await client.saveSingleTaskForTransferProhibitionLock({ DomainName: 'one.example', Status: true }),
    );
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'SET_TRANSFER_PROHIBITED', TaskStatus: 'EXECUTE_SUCCESS' });
    expect((await locksOf('one.example')).transfer).toBe('OPEN');
  });

  it('Status=false closes the update lock through a SET_UPDATE_PROHIBITED task', async () => {
    const { TaskNo } = valid(
      'SaveSingleTaskForUpdateProhibitionLock',
      await client.saveSingleTaskForUpdateProhibitionLock({ DomainName: 'two.example', Status: false }),
    );
    finishTasks();
    expect(await detailOf(TaskNo!)).toMatchObject({ TaskType: 'SET_UPDATE_PROHIBITED', TaskStatus: 'EXECUTE_SUCCESS' });
    expect(await locksOf('two.example')).toEqual({ transfer: 'OPEN', update: 'CLOSE' });
  });

  it('a lock stays as it was until its task has executed', async () => {
    await client.saveSingleTaskForUpdateProhibitionLock({ DomainName: 'one.example', Status: true });
    t += STEP;
    expect((await locksOf('one.example')).update).toBe('NONE_SETTING');
  });

  it('the batch Actions set the lock of every domain named', async () => {
    valid(
      'SaveBatchTaskForUpdateProhibitionLock',
      await client.saveBatchTaskForUpdateProhibitionLock({ DomainName: ['one.example', 'two.example'], Status: true }),
    );
    valid(
      'SaveBatchTaskForTransferProhibitionLock',
      await client.saveBatchTaskForTransferProhibitionLock({ DomainName: ['one.example', 'two.example'], Status: false }),
    );
    finishTasks();
    expect(await locksOf('one.example')).toEqual({ transfer: 'CLOSE', update: 'OPEN' });
    expect(await locksOf('two.example')).toEqual({ transfer: 'CLOSE', update: 'OPEN' });
  });

  it('refuses a domain name the account does not hold with InvalidParameter naming DomainName', async () => {
    const e = await client.saveSingleTaskForTransferProhibitionLock({ DomainName: 'elsewhere.example', Status: true }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DomainApiError);
    expect((e as DomainApiError).code).toBe('InvalidParameter');
    expect((e as DomainApiError).apiMessage).toContain('“DomainName”');
  });
});
