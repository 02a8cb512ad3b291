// Handlers of the task queries: QueryTaskList, QueryTaskDetailList, QueryTaskInfoHistory and
// QueryTaskDetailHistory (cursor paging), PollTaskResult / AcknowledgeTaskResult, and CancelTask.
import { apiError } from '../errors.js';
import type { Task, TaskDetail } from '../state/records.js';
import { DAY, detailStatus } from '../state/store.js';
import { dateTime, itemTemplate, listDate, paged, shaped, withItems, type Call, type Handlers } from './context.js';

type Row = Record<string, unknown>;

/** TaskTypeDescription by Lang: the spec's descriptions (zh), and English ones (the default, en). */
const TYPE_DESCRIPTIONS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  CHG_HOLDER: ['修改所有者信息', 'Registrant Change'],
  CHG_DNS: ['修改DNS', 'DNS Modification'],
  SET_WHOIS_PROTECT: ['设置隐私保护', 'WHOIS Privacy Setting'],
  UPDATE_ADMIN_CONTACT: ['修改管理者信息', 'Administrative Contact Change'],
  UPDATE_BILLING_CONTACT: ['修改付费者信息', 'Billing Contact Change'],
  UPDATE_TECH_CONTACT: ['修改技术者信息', 'Technical Contact Change'],
  SET_UPDATE_PROHIBITED: ['设置域名安全锁', 'Update Prohibition Lock Setting'],
  SET_TRANSFER_PROHIBITED: ['设置域名转移锁', 'Transfer Prohibition Lock Setting'],
  ORDER_ACTIVATE: ['创建注册订单', 'Registration Order'],
  ORDER_RENEW: ['创建续费订单', 'Renewal Order'],
  ORDER_REDEEM: ['创建赎回订单', 'Redemption Order'],
  CREATE_DNSHOST: ['创建DNS host', 'DNS Host Creation'],
  UPDATE_DNSHOST: ['更新DNS host', 'DNS Host Update'],
  SYNC_DNSHOST: ['同步DNS host', 'DNS Host Synchronization'],
};

const describe = (call: Call, type: string) => TYPE_DESCRIPTIONS[type]?.[call.input.Lang === 'zh' ? 0 : 1] ?? type;

/** A detail's TaskStatusCode: 0 等待执行, 1 执行中, 2 执行成功, 3 执行失败. */
const DETAIL_CODES = { WAITING_EXECUTE: 0, EXECUTING: 1, EXECUTE_SUCCESS: 2, EXECUTE_FAILURE: 3 } as const;

/** A task's status: waiting until a detail starts, complete once every detail has ended. */
export function taskStatus(
  task: Task,
  now: number,
): { TaskStatus: 'WAITING_EXECUTE' | 'EXECUTING' | 'COMPLETE'; TaskStatusCode: 1 | 2 | 3 } {
  const states = task.details.map((d) => detailStatus(d, now));
  if (states.length > 0 && states.every((s) => s === 'WAITING_EXECUTE')) return { TaskStatus: 'WAITING_EXECUTE', TaskStatusCode: 1 };
  if (states.every((s) => s === 'EXECUTE_SUCCESS' || s === 'EXECUTE_FAILURE')) return { TaskStatus: 'COMPLETE', TaskStatusCode: 3 };
  return { TaskStatus: 'EXECUTING', TaskStatusCode: 2 };
}

const ended = (d: TaskDetail, now: number) => {
  const s = detailStatus(d, now);
  return s === 'EXECUTE_SUCCESS' || s === 'EXECUTE_FAILURE';
};

function taskRow(call: Call, task: Task, createTime: (ms: number) => string): Row {
  const cancelled = task.details.some((d) => d.cancelled);
  return {
    Clientip: task.Clientip,
    CreateTime: createTime(task.CreateTime),
    CreateTimeLong: task.CreateTime,
    TaskNo: task.TaskNo,
    TaskNum: task.details.length,
    ...taskStatus(task, call.now),
    TaskType: task.TaskType,
    TaskTypeDescription: describe(call, task.TaskType),
    TaskCancelStatus: cancelled ? 'COMPLETE' : 'INIT',
    TaskCancelStatusCode: cancelled ? 2 : 0,
  };
}

function detailRow(call: Call, task: Task, d: TaskDetail): Row {
  const status = detailStatus(d, call.now);
  const success = status === 'EXECUTE_SUCCESS';
  const updated = d.cancelled || status === 'WAITING_EXECUTE' ? task.CreateTime : status === 'EXECUTING' ? d.startAt : d.doneAt;
  return {
    CreateTime: dateTime(task.CreateTime),
    DomainName: d.DomainName,
    ErrorMsg:
      success && d.ErrorMsg === ''
        ? call.input.Lang === 'zh'
          ? '执行成功'
          : 'The operation is successful.'
        : status === 'EXECUTE_FAILURE'
          ? d.ErrorMsg
          : '',
    InstanceId: d.InstanceId,
    TaskDetailNo: d.TaskDetailNo,
    TaskNo: task.TaskNo,
    TaskResult: d.TaskResult,
    TaskStatus: status,
    TaskStatusCode: DETAIL_CODES[status],
    TaskType: task.TaskType,
    TaskTypeDescription: describe(call, task.TaskType),
    TryCount: 0,
    UpdateTime: dateTime(updated),
  };
}

/** `[begin, end]` by whole UTC days ("目前只支持按天查询"). */
function createdWithin(ms: number, begin: unknown, end: unknown): boolean {
  if (typeof begin === 'number' && ms < Math.floor(begin / DAY) * DAY) return false;
  if (typeof end === 'number' && ms > Math.floor(end / DAY) * DAY + DAY - 1) return false;
  return true;
}

/** Tasks newest first (in submission order among those created in the same millisecond). */
function newestFirst(tasks: readonly Task[]): Task[] {
  return tasks
    .map((t, i) => [t, i] as const)
    .sort(([a, i], [b, j]) => b.CreateTime - a.CreateTime || j - i)
    .map(([t]) => t);
}

function taskOf(call: Call): Task | undefined {
  return call.state.data.tasks.find((t) => t.TaskNo === call.input.TaskNo);
}

/** The details of the task named by TaskNo that pass the TaskStatus, DomainName and InstanceId filters. */
function detailsOf(call: Call, task: Task | undefined): { task: Task; d: TaskDetail }[] {
  if (task === undefined) return [];
  const q = call.input;
  return task.details
    .filter(
      (d) =>
        (q.TaskStatus === undefined || DETAIL_CODES[detailStatus(d, call.now)] === q.TaskStatus) &&
        (typeof q.DomainName !== 'string' || d.DomainName === q.DomainName.toLowerCase()) &&
        (typeof q.InstanceId !== 'string' || d.InstanceId === q.InstanceId),
    )
    .map((d) => ({ task, d }));
}

/**
 * Cursor paging as QueryTaskInfoHistory / QueryTaskDetailHistory page: a page starts at the row
 * the request's cursors name (the response's NextPageCursor of the page before); the response
 * carries the cursor rows of this page, the next and the previous one. No NextPageCursor: last page.
 */
function cursorPage<T>(call: Call, rows: readonly T[], start: number, row: (t: T) => Row): Row {
  const meta = call.meta;
  const path = meta.paging?.items ?? [];
  const size = Math.max(1, Number(call.input.PageSize ?? 10));
  const page = rows.slice(start, start + size);
  const template = itemTemplate(meta.sample, path);
  const body = withItems(
    meta.sample,
    path,
    page.map((t) => shaped(template, row(t))),
  );
  const cursor = (at: number) => shaped(meta.sample.NextPageCursor, row(rows[at]!));
  const { CurrentPageCursor: _c, NextPageCursor: _n, PrePageCursor: _p, ...out } = shaped(body, { PageSize: size });
  const at = {
    CurrentPageCursor: page.length > 0 ? start : undefined,
    NextPageCursor: start + size < rows.length ? start + size : undefined,
    PrePageCursor: start > 0 && rows.length > 0 ? Math.max(0, Math.min(start, rows.length) - size) : undefined,
  };
  for (const [key, index] of Object.entries(at)) if (index !== undefined) out[key] = cursor(index);
  return out;
}

function queryTaskInfoHistory(call: Call): Row {
  const q = call.input;
  const rows = newestFirst(call.state.data.tasks.filter((t) => createdWithin(t.CreateTime, q.BeginCreateTime, q.EndCreateTime)));
  let start = 0;
  if (q.TaskNoCursor !== undefined || q.CreateTimeCursor !== undefined) {
    // The task the cursor names; if it is gone, the first task no newer than the time cursor.
    start = rows.findIndex((t) => t.TaskNo === q.TaskNoCursor);
    if (start < 0 && typeof q.CreateTimeCursor === 'number') start = rows.findIndex((t) => t.CreateTime <= (q.CreateTimeCursor as number));
    if (start < 0) start = rows.length;
  }
  return cursorPage(call, rows, start, (t) => taskRow(call, t, dateTime));
}

function queryTaskDetailHistory(call: Call): Row {
  const q = call.input;
  // Ordered by domain name, the DomainNameCursor's field.
  const rows = detailsOf(call, taskOf(call)).sort(
    (a, b) => a.d.DomainName.localeCompare(b.d.DomainName) || a.d.TaskDetailNo.localeCompare(b.d.TaskDetailNo),
  );
  let start = 0;
  if (q.TaskDetailNoCursor !== undefined || q.DomainNameCursor !== undefined) {
    start = rows.findIndex((r) => r.d.TaskDetailNo === q.TaskDetailNoCursor);
    if (start < 0 && typeof q.DomainNameCursor === 'string') {
      const name = q.DomainNameCursor.toLowerCase();
      start = rows.findIndex((r) => r.d.DomainName.localeCompare(name) >= 0);
    }
    if (start < 0) start = rows.length;
  }
  return cursorPage(call, rows, start, (r) => detailRow(call, r.task, r.d));
}

export const tasksHandlers: Handlers = {
  QueryTaskList: (call) => {
    const q = call.input;
    const tasks = newestFirst(call.state.data.tasks.filter((t) => createdWithin(t.CreateTime, q.BeginCreateTime, q.EndCreateTime)));
    // The sample gives CreateTime as `Dec 26,2017 11:00:54`.
    return paged(
      call,
      tasks.map((t) => taskRow(call, t, listDate)),
    );
  },

  QueryTaskDetailList: (call) =>
    paged(
      call,
      detailsOf(call, taskOf(call)).map(({ task, d }) => detailRow(call, task, d)),
    ),

  QueryTaskInfoHistory: queryTaskInfoHistory,
  QueryTaskDetailHistory: queryTaskDetailHistory,

  // The details that have ended and are not yet acknowledged ("确认后，将无法从PollTaskResult接口中查询到").
  PollTaskResult: (call) => {
    const q = call.input;
    const rows: Row[] = [];
    for (const task of call.state.data.tasks) {
      if (typeof q.TaskNo === 'string' && task.TaskNo !== q.TaskNo) continue;
      for (const d of task.details) {
        if (d.acknowledged || !ended(d, call.now)) continue;
        const row = detailRow(call, task, d);
        if (q.TaskResultStatus !== undefined && row.TaskStatusCode !== q.TaskResultStatus) continue;
        if (typeof q.DomainName === 'string' && d.DomainName !== q.DomainName.toLowerCase()) continue;
        if (typeof q.InstanceId === 'string' && d.InstanceId !== q.InstanceId) continue;
        rows.push(row);
      }
    }
    return paged(call, rows);
  },

  // Result: how many of the named details were acknowledged (ended ones; others are left alone).
  AcknowledgeTaskResult: (call) => {
    const wanted = new Set((call.input.TaskDetailNo as unknown[] | undefined)?.map(String) ?? []);
    let count = 0;
    for (const task of call.state.data.tasks)
      for (const d of task.details)
        if (wanted.has(d.TaskDetailNo) && ended(d, call.now)) {
          d.acknowledged = true;
          count++;
        }
    return shaped(call.meta.sample, { Result: count });
  },

  // Details that have not started are cancelled (they end as failures and change nothing);
  // details already executing or done go on.
  CancelTask: (call) => {
    const task = taskOf(call);
    if (task === undefined) throw apiError('InvalidParameter', 'TaskNo', `No task ${String(call.input.TaskNo)} in this account.`);
    for (const d of task.details)
      if (!d.cancelled && detailStatus(d, call.now) === 'WAITING_EXECUTE') {
        d.cancelled = true;
        d.ErrorMsg = 'The task was cancelled.';
      }
    return shaped(call.meta.sample, {});
  },
};
