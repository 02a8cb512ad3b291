// waitForTask polls with the runtime's abortableSleep: a long-lived signal passed to it collects
// no listeners, however many polls it takes.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DomainClientCore } from '@alidomain/core';
import { waitForTask } from '../src/tasks.js';

/** A client whose QueryTaskDetailList answers `pending` polls with a running detail, then a finished one. */
function client(pending: number): DomainClientCore {
  let polls = 0;
  const send = async () => {
    const status = polls++ < pending ? 'EXECUTING' : 'EXECUTE_SUCCESS';
    return { NextPage: false, Data: { TaskDetail: [{ TaskNo: 'T1', DomainName: 'a.com', TaskStatus: status }] } };
  };
  return { send } as unknown as DomainClientCore;
}

describe('waitForTask', () => {
  it('leaves no abort listener on the caller’s signal after polling', async () => {
    const ac = new AbortController();
    const result = await waitForTask(client(3), 'T1', { intervalMs: 1, signal: ac.signal });
    expect(result.succeeded).toHaveLength(1);
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('stops waiting when the signal aborts, with its reason', async () => {
    const ac = new AbortController();
    const waiting = waitForTask(client(Number.POSITIVE_INFINITY), 'T1', {
      intervalMs: 60_000,
      signal: ac.signal,
      onPoll: () => queueMicrotask(() => ac.abort(new Error('cancelled'))),
    });
    await expect(waiting).rejects.toThrow('cancelled');
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });
});
