// The task queries: a task's status as its details move on, the detail list and its filters, the
// two cursor-paged histories, PollTaskResult with AcknowledgeTaskResult, and CancelTask.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type DomainClient, paginateQueryTaskDetailHistory, paginateQueryTaskInfoHistory } from '@alidomain/client';
import { clientOf, refusal, valid } from './support/client.js';
import { startEmulator, type Emulator } from '../src/index.js';

const STEP = 1000;
const PROFILE = 10001;

let t: number;
let emulator: Emulator;
let client: DomainClient;

beforeEach(async () => {
  t = Date.now();
  emulator = await startEmulator({ clock: () => t, taskStepMs: STEP, rateLimits: false });
  client = clientOf(emulator);
});
afterEach(() => emulator.close());

/** Submits one registration task of `names` (a taken name's detail fails) and moves the clock by 1 ms. */
async function submit(...names: string[]): Promise<string> {
  const { TaskNo } = await client.saveBatchTaskForCreatingOrderActivate({
    OrderActivateParam: names.map((DomainName) => ({ DomainName, RegistrantProfileId: PROFILE })),
  });
  t += 1;
  return TaskNo!;
}

async function taskInfo(TaskNo: string) {
  const body = valid('QueryTaskList', await client.queryTaskList({ PageNum: 1, PageSize: 50 }));
  return body.Data?.TaskInfo?.find((x) => x.TaskNo === TaskNo);
}

it('reports a task WAITING_EXECUTE (1), then EXECUTING (2), then COMPLETE (3), with its TaskNum', async () => {
  const TaskNo = await submit('task-a.com', 'task-b.com');
  const seen = [];
  for (let i = 0; i < 3; i++) {
    const info = await taskInfo(TaskNo);
    seen.push([info?.TaskStatus, info?.TaskStatusCode, info?.TaskNum]);
    t += STEP;
  }
  expect(seen).toEqual([
    ['WAITING_EXECUTE', 1, 2],
    ['EXECUTING', 2, 2],
    ['COMPLETE', 3, 2],
  ]);
});

it('lists tasks newest first, with the type and CreateTime as the sample gives them', async () => {
  const older = await submit('older.com');
  const newer = await submit('newer.com');
  const body = valid('QueryTaskList', await client.queryTaskList({ PageNum: 1, PageSize: 10 }));
  expect(body.Data?.TaskInfo?.map((x) => x.TaskNo)).toEqual([newer, older]);
  expect(body.Data?.TaskInfo?.[0]).toMatchObject({ TaskType: 'ORDER_ACTIVATE', TaskCancelStatus: 'INIT', TaskCancelStatusCode: 0 });
  expect(body.Data?.TaskInfo?.[0]?.CreateTime).toMatch(/^[A-Z][a-z]{2} \d{2},\d{4} \d{2}:\d{2}:\d{2}$/);
});

it("filters a task's details by TaskStatus", async () => {
  const TaskNo = await submit('fine.com', 'example.com', 'also-fine.com');
  t += 2 * STEP;
  const failed = valid('QueryTaskDetailList', await client.queryTaskDetailList({ TaskNo, PageNum: 1, PageSize: 10, TaskStatus: 3 }));
  expect(failed.Data?.TaskDetail?.map((d) => [d.DomainName, d.TaskStatus, d.TaskStatusCode])).toEqual([
    ['example.com', 'EXECUTE_FAILURE', 3],
  ]);
  expect(failed.TotalItemNum).toBe(1);
});

it("pages a task's details", async () => {
  const TaskNo = await submit('d1.com', 'd2.com', 'd3.com');
  const body = valid('QueryTaskDetailList', await client.queryTaskDetailList({ TaskNo, PageNum: 2, PageSize: 2 }));
  expect(body).toMatchObject({ CurrentPageNum: 2, TotalItemNum: 3, TotalPageNum: 2, PrePage: true, NextPage: false });
  expect(body.Data?.TaskDetail?.map((d) => d.DomainName)).toEqual(['d3.com']);
});

it('walks QueryTaskInfoHistory by its cursors, NextPageCursor naming the next page and absent on the last', async () => {
  const tasks = [];
  for (let i = 0; i < 5; i++) tasks.push(await submit(`history-${i}.com`));
  const first = valid('QueryTaskInfoHistory', await client.queryTaskInfoHistory({ PageSize: 2 }));
  expect(first.Objects?.TaskInfoHistory?.map((x) => x.TaskNo)).toEqual([tasks[4], tasks[3]]);
  expect(first.NextPageCursor?.TaskNo).toBe(tasks[2]);
  expect(first.PrePageCursor).toBeUndefined();

  const second = valid(
    'QueryTaskInfoHistory',
    await client.queryTaskInfoHistory({
      PageSize: 2,
      TaskNoCursor: first.NextPageCursor!.TaskNo!,
      CreateTimeCursor: first.NextPageCursor!.CreateTimeLong!,
    }),
  );
  expect(second.Objects?.TaskInfoHistory?.map((x) => x.TaskNo)).toEqual([tasks[2], tasks[1]]);
  expect(second.PrePageCursor?.TaskNo).toBe(tasks[4]);
  expect(second.CurrentPageCursor?.TaskNo).toBe(tasks[2]);

  const last = valid(
    'QueryTaskInfoHistory',
    await client.queryTaskInfoHistory({ PageSize: 2, TaskNoCursor: second.NextPageCursor!.TaskNo! }),
  );
  expect(last.Objects?.TaskInfoHistory?.map((x) => x.TaskNo)).toEqual([tasks[0]]);
  expect(last.NextPageCursor).toBeUndefined();
});

it("lets the client's cursor paginator walk every task once", async () => {
  const tasks = [];
  for (let i = 0; i < 5; i++) tasks.push(await submit(`walk-${i}.com`));
  const seen = [];
  for await (const x of paginateQueryTaskInfoHistory(client, { PageSize: 2 })) seen.push(x.TaskNo);
  expect(seen).toEqual([...tasks].reverse());
});

it("walks a task's details with QueryTaskDetailHistory's cursors, in domain name order", async () => {
  const TaskNo = await submit('c.com', 'a.com', 'e.com', 'b.com', 'd.com');
  const names = [];
  for await (const d of paginateQueryTaskDetailHistory(client, { TaskNo, PageSize: 2 })) names.push(d.DomainName);
  expect(names).toEqual(['a.com', 'b.com', 'c.com', 'd.com', 'e.com']);
  const page = valid('QueryTaskDetailHistory', await client.queryTaskDetailHistory({ TaskNo, PageSize: 2, DomainNameCursor: 'c.com' }));
  expect(page.Objects?.TaskDetailHistory?.map((d) => d.DomainName)).toEqual(['c.com', 'd.com']);
  expect(page.NextPageCursor?.DomainName).toBe('e.com');
});

it('polls the details that have ended until they are acknowledged', async () => {
  const TaskNo = await submit('poll-ok.com', 'example.org');
  const early = valid('PollTaskResult', await client.pollTaskResult({ PageNum: 1, PageSize: 10 }));
  expect(early.TotalItemNum).toBe(0);
  t += 2 * STEP;
  const done = valid('PollTaskResult', await client.pollTaskResult({ PageNum: 1, PageSize: 10, TaskNo }));
  expect(done.Data?.TaskDetail?.map((d) => [d.DomainName, d.TaskStatusCode])).toEqual([
    ['poll-ok.com', 2],
    ['example.org', 3],
  ]);
  const failures = await client.pollTaskResult({ PageNum: 1, PageSize: 10, TaskResultStatus: 3 });
  expect(failures.Data?.TaskDetail?.map((d) => d.DomainName)).toEqual(['example.org']);

  const ack = valid(
    'AcknowledgeTaskResult',
    await client.acknowledgeTaskResult({ TaskDetailNo: [done.Data!.TaskDetail![0]!.TaskDetailNo!] }),
  );
  expect(ack.Result).toBe(1);
  const after = await client.pollTaskResult({ PageNum: 1, PageSize: 10 });
  expect(after.Data?.TaskDetail?.map((d) => d.DomainName)).toEqual(['example.org']);
});

it('cancels a task that has not started: its details fail and register nothing', async () => {
  const TaskNo = await submit('cancel-me.com');
  valid('CancelTask', await client.cancelTask({ TaskNo }));
  t += 2 * STEP;
  const [d] = (await client.queryTaskDetailList({ TaskNo, PageNum: 1, PageSize: 10 })).Data?.TaskDetail ?? [];
  expect(d?.TaskStatus).toBe('EXECUTE_FAILURE');
  expect(emulator.state.domain('cancel-me.com')).toBeUndefined();
  expect(await taskInfo(TaskNo)).toMatchObject({ TaskStatus: 'COMPLETE', TaskCancelStatus: 'COMPLETE', TaskCancelStatusCode: 2 });
});

it('lets a task that is already executing run on when cancelled', async () => {
  const TaskNo = await submit('too-late.com');
  t += STEP;
  await client.cancelTask({ TaskNo });
  t += STEP;
  expect(await taskInfo(TaskNo)).toMatchObject({ TaskStatus: 'COMPLETE', TaskCancelStatus: 'INIT' });
  expect(emulator.state.domain('too-late.com')).toBeDefined();
});

it('refuses to cancel a TaskNo it does not know, naming TaskNo', async () => {
  const e = await refusal(client.cancelTask({ TaskNo: 'no-such-task' }));
  expect(e.code).toBe('InvalidParameter');
  expect(e.message).toContain('TaskNo');
});
