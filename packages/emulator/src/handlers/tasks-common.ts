// Submitting a task: what every task-creating Action (registration, renewal, DNS, locks…) does.
// Each detail waits `taskStepMs`, executes `taskStepMs`, then ends as decided at submission;
// EmulatorState.advance applies its effect on the first request after that.
import { randomUUID } from 'node:crypto';
import type { Effect, Task, TaskDetail, TaskType } from '../state/records.js';
import { instanceId } from '../state/store.js';
import type { Call } from './context.js';

export interface DetailPlan {
  readonly domainName: string;
  /** The detail fails with this message when given (e.g. the name is taken). */
  readonly failure?: string;
  readonly effect: Effect;
  readonly instanceId?: string;
}

/** Records a task with one detail per plan and returns its TaskNo. */
export function submitTask(call: Call, type: TaskType, plans: readonly DetailPlan[]): string {
  const TaskNo = randomUUID();
  const startAt = call.now + call.taskStepMs;
  const doneAt = startAt + call.taskStepMs;
  const details: TaskDetail[] = plans.map((p) => ({
    TaskDetailNo: randomUUID(),
    DomainName: p.domainName.toLowerCase(),
    InstanceId: p.instanceId ?? call.state.domain(p.domainName)?.InstanceId ?? instanceId(call.state.nextId()),
    outcome: p.failure === undefined ? 'EXECUTE_SUCCESS' : 'EXECUTE_FAILURE',
    ErrorMsg: p.failure ?? '',
    TaskResult: '',
    startAt,
    doneAt,
    effect: p.effect,
    applied: false,
  }));
  const task: Task = { TaskNo, TaskType: type, CreateTime: call.now, Clientip: call.clientIp, details };
  call.state.data.tasks.push(task);
  return TaskNo;
}
