// Handlers of the lock Actions: the transfer and update prohibition locks, set by a task
// (Status true: OPEN, false: CLOSE) that lands when its detail succeeds. The server locks
// (QueryServerLock, ListServerLock) are a separate paid product: they answer their samples.
import type { TaskType } from '../state/records.js';
import type { Call, Handler, Handlers } from './context.js';
import { domainNamed, shaped } from './context.js';
import { distinct, text } from './dns.js';
import { submitTask } from './tasks-common.js';

type Lock = 'TransferProhibitionLock' | 'UpdateProhibitionLock';

function setLock(lock: Lock, type: TaskType, names: (call: Call) => string[]): Handler {
  return (call) => {
    const domains = distinct(names(call)).map((n) => domainNamed(call, n, 'DomainName'));
    const status = call.input.Status === true ? 'OPEN' : 'CLOSE';
    const TaskNo = submitTask(
      call,
      type,
      domains.map((d) => ({ domainName: d.DomainName, effect: { kind: 'lock', lock, status } })),
    );
    return shaped(call.meta.sample, { TaskNo });
  };
}

const one = (call: Call) => [text(call.input.DomainName)];
const many = (call: Call) => call.input.DomainName as string[];

export const locksHandlers: Handlers = {
  SaveSingleTaskForTransferProhibitionLock: setLock('TransferProhibitionLock', 'SET_TRANSFER_PROHIBITED', one),
  SaveBatchTaskForTransferProhibitionLock: setLock('TransferProhibitionLock', 'SET_TRANSFER_PROHIBITED', many),
  SaveSingleTaskForUpdateProhibitionLock: setLock('UpdateProhibitionLock', 'SET_UPDATE_PROHIBITED', one),
  SaveBatchTaskForUpdateProhibitionLock: setLock('UpdateProhibitionLock', 'SET_UPDATE_PROHIBITED', many),
};
