import { describe, expect, it } from 'vitest';
import { Pacer, Stopped, type PacerClock } from '../../src/batch/pacer.js';

/** A clock that moves only when slept on, recording each start. */
function fakeClock(): PacerClock & { starts: number[] } {
  let now = 0;
  const clock = {
    starts: [] as number[],
    now: () => now,
    sleep: (ms: number) => {
      now += ms;
      return Promise.resolve();
    },
  };
  return clock;
}

async function startTimes(pacer: Pacer, clock: ReturnType<typeof fakeClock>, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await pacer.take();
    out.push(clock.now());
  }
  return out;
}

describe('Pacer', () => {
  it('spaces starts evenly at the rate', async () => {
    const clock = fakeClock();
    expect(await startTimes(new Pacer(4, { clock }), clock, 4)).toEqual([0, 250, 500, 750]);
  });

  it('does not wait when unpaced', async () => {
    const clock = fakeClock();
    expect(await startTimes(new Pacer(Infinity, { clock }), clock, 3)).toEqual([0, 0, 0]);
  });

  it('halves the pace on Throttling and wins it back with successes', () => {
    const pacer = new Pacer(10, { clock: fakeClock() });
    pacer.throttled();
    expect(pacer.rate).toBe(5);
    pacer.succeeded();
    expect(pacer.rate).toBeCloseTo(5.2);
    for (let i = 0; i < 1000; i++) pacer.succeeded();
    expect(pacer.rate).toBe(10);
  });

  it('halves the pace at most once a second', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(16, { clock });
    pacer.throttled();
    pacer.throttled();
    expect(pacer.rate).toBe(8);
    await clock.sleep(1000);
    pacer.throttled();
    expect(pacer.rate).toBe(4);
  });

  it('starts pacing an unpaced run at half the pace it had when throttled', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(Infinity, { clock });
    await startTimes(pacer, clock, 8);
    pacer.throttled();
    expect(pacer.rate).toBe(4);
  });

  it('stops waiting when its signal aborts', async () => {
    const stop = new AbortController();
    const pacer = new Pacer(0.5, { signal: stop.signal });
    await pacer.take();
    const waiting = pacer.take();
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(Stopped);
  });

  it('never slows below one call every five seconds', async () => {
    const clock = fakeClock();
    const pacer = new Pacer(1, { clock });
    for (let i = 0; i < 20; i++) {
      pacer.throttled();
      await clock.sleep(1000);
    }
    expect(pacer.rate).toBe(0.2);
  });
});
