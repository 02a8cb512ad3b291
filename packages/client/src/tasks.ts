// Waits for a submitted task (SaveSingleTask…/SaveBatchTask… return a TaskNo) by polling
// QueryTaskDetailList until every detail has reached a final state.
import { DomainError, type DomainClientCore, type SendOptions } from '@alidomain/core';
import { abortableSleep } from '@alidomain/core/internal';
import { paginateQueryTaskDetailList } from './generated/paginators.js';
import type { QueryTaskDetailListResponse } from './generated/actions/QueryTaskDetailList.js';

export type TaskDetail = NonNullable<NonNullable<QueryTaskDetailListResponse['Data']>['TaskDetail']>[number];

/** TaskStatus values after which a detail no longer changes (文档：任务状态). */
export const FINAL_TASK_STATUSES: ReadonlySet<string> = new Set(['EXECUTE_SUCCESS', 'EXECUTE_FAILURE']);

/** The task had details still running when waitForTask's timeout passed. */
export class DomainTaskTimeoutError extends DomainError {
  override name = 'DomainTaskTimeoutError';
  constructor(
    readonly taskNo: string,
    readonly timeoutMs: number,
    /** The details as last seen. */
    readonly details: readonly TaskDetail[],
  ) {
    const pending = details.filter((d) => !FINAL_TASK_STATUSES.has(String(d.TaskStatus))).length;
    super(`Task ${taskNo} did not finish within ${timeoutMs} ms (${pending} of ${details.length} details not final)`);
  }
}

export interface WaitForTaskOptions extends SendOptions {
  /** Give up after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
  /** Pause between polls in milliseconds (default 5 seconds). */
  intervalMs?: number;
  /** Called after each poll with the details seen. */
  onPoll?: (details: TaskDetail[]) => void;
}

export interface TaskResult {
  taskNo: string;
  details: TaskDetail[];
  succeeded: TaskDetail[];
  failed: TaskDetail[];
}

/**
 * Polls the details of task `taskNo` until each is EXECUTE_SUCCESS or EXECUTE_FAILURE.
 * Throws DomainTaskTimeoutError when `timeoutMs` passes first. Polling is read-only, so it is
 * safe to call again after a failure.
 */
export async function waitForTask(client: DomainClientCore, taskNo: string, options: WaitForTaskOptions = {}): Promise<TaskResult> {
  const { timeoutMs = 600_000, intervalMs = 5_000, onPoll, ...request } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const details: TaskDetail[] = [];
    for await (const d of paginateQueryTaskDetailList(client, { TaskNo: taskNo, PageSize: 100 }, request)) details.push(d);
    onPoll?.(details);
    if (details.length > 0 && details.every((d) => FINAL_TASK_STATUSES.has(String(d.TaskStatus)))) {
      return {
        taskNo,
        details,
        succeeded: details.filter((d) => d.TaskStatus === 'EXECUTE_SUCCESS'),
        failed: details.filter((d) => d.TaskStatus === 'EXECUTE_FAILURE'),
      };
    }
    if (Date.now() + intervalMs > deadline) throw new DomainTaskTimeoutError(taskNo, timeoutMs, details);
    await abortableSleep(intervalMs, request.signal);
  }
}
