// abortableSleep (src/retry.ts), the one timer every wait of the runtime and the client uses:
// it must leave no listener on the caller's signal, which may live as long as the process.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { abortableSleep } from '../src/retry.js';

describe('abortableSleep', () => {
  it('removes its abort listener once the time has passed', async () => {
    const ac = new AbortController();
    const sleeping = abortableSleep(1, ac.signal);
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    await sleeping;
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the signal’s reason when aborted, and keeps no listener', async () => {
    const ac = new AbortController();
    const sleeping = abortableSleep(60_000, ac.signal);
    ac.abort(new Error('stop'));
    await expect(sleeping).rejects.toThrow('stop');
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once for a signal already aborted', async () => {
    const ac = new AbortController();
    ac.abort(new Error('already'));
    await expect(abortableSleep(60_000, ac.signal)).rejects.toThrow('already');
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });
});
