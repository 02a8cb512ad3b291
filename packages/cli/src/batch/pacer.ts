// Pacing of a batch: calls start at most `rate` per second, spaced evenly. A Throttling answer
// halves the pace, at most once a second (the answers to calls started at the old pace arrive
// together, and are one signal); each success adds 1/pace, so the pace grows by about one call per
// second each second, up to the rate asked for (additive increase, multiplicative decrease, as
// TCP does with congestion).
const MIN_RATE = 0.2; // one call every five seconds at the slowest
const DECREASE_EVERY_MS = 1000;

import { abortableSleep } from '@alidomain/core/internal';

export interface PacerClock {
  now(): number;
  /** Rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: PacerClock = { now: () => performance.now(), sleep: abortableSleep };

/** take() was stopped by the run's signal (Ctrl-C): the call was not started. */
export class Stopped extends Error {
  override name = 'Stopped';
}

export class Pacer {
  #rate: number;
  #next = 0;
  #decreasedAt = -Infinity;
  readonly #target: number;
  readonly #clock: PacerClock;
  readonly #signal: AbortSignal | undefined;
  // Start times of the last second, to know the pace of an unpaced run when it is first throttled.
  readonly #recent: number[] = [];

  /** `rate`: calls per second; Infinity for no pacing until the API throttles. `signal` stops every wait. */
  constructor(rate: number, options: { signal?: AbortSignal; clock?: PacerClock } = {}) {
    this.#target = rate;
    this.#rate = rate;
    this.#clock = options.clock ?? realClock;
    this.#signal = options.signal;
  }

  /** The pace now, in calls per second. */
  get rate(): number {
    return this.#rate;
  }

  /** Waits for the next start slot; throws Stopped when the signal aborts first. */
  async take(): Promise<void> {
    if (this.#signal?.aborted) throw new Stopped();
    const now = this.#clock.now();
    const at = Math.max(now, this.#next);
    if (Number.isFinite(this.#rate)) this.#next = at + 1000 / this.#rate;
    // A timer can fire early by the age of the event loop's cached clock: sleep until it is time.
    try {
      for (let left = at - now; left > 0; left = at - this.#clock.now()) await this.#clock.sleep(left, this.#signal);
    } catch (err) {
      if (this.#signal?.aborted) throw new Stopped();
      throw err;
    }
    const started = this.#clock.now();
    this.#recent.push(started);
    while (this.#recent.length > 0 && this.#recent[0]! < started - 1000) this.#recent.shift();
  }

  /** The API answered Throttling: halve the pace (once a second at most). */
  throttled(): void {
    const now = this.#clock.now();
    if (now - this.#decreasedAt < DECREASE_EVERY_MS) return;
    this.#decreasedAt = now;
    const current = Number.isFinite(this.#rate) ? this.#rate : Math.max(1, this.#recent.length);
    this.#rate = Math.max(MIN_RATE, current / 2);
  }

  /** A call succeeded: a step back toward the rate asked for. */
  succeeded(): void {
    if (this.#rate < this.#target) this.#rate = Math.min(this.#target, this.#rate + 1 / this.#rate);
  }
}
