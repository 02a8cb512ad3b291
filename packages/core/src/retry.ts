import { isTransientFailure } from './classify.js';
import { DomainApiError, DomainResponseError, DomainTransportError } from './errors.js';
import type { RetryClass } from './meta.js';

const BASE_MS = 100;
const CAP_MS = 5000;

export interface BackoffOptions {
  /** First backoff ceiling in ms (default 100). */
  readonly baseMs?: number;
  /** Largest backoff ceiling in ms (default 5000). */
  readonly capMs?: number;
  /** Uniform random in [0, 1) (default Math.random). */
  readonly random?: () => number;
}

/** "Full jitter": uniform in [0, min(cap, base · 2^(retry-1))). `retry` counts from 1. */
export function backoffDelay(retry: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? BASE_MS;
  const cap = options.capMs ?? CAP_MS;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, retry - 1));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}

/**
 * The wait before retry number `retry`: what the server asked for with `Retry-After`, bounded by
 * the backoff cap, or else the full-jitter backoff.
 */
export function retryDelay(retry: number, err: unknown, options: BackoffOptions = {}): number {
  const asked = err instanceof DomainApiError || err instanceof DomainResponseError ? err.retryAfterMs : undefined;
  return asked === undefined ? backoffDelay(retry, options) : Math.min(asked, options.capMs ?? CAP_MS);
}

/**
 * Whether the client may send the request again on its own.
 * - A failure that provably never reached the server: always (nothing can have happened).
 * - `unsafe` Actions: never otherwise — a repeat could create a second order.
 * - `safe`/`idempotent`: when the failure is transient.
 */
export function shouldRetry(err: unknown, retry: RetryClass): boolean {
  if (err instanceof DomainTransportError && !err.reachedServer) return true;
  if (retry === 'unsafe') return false;
  return isTransientFailure(err);
}

/** Sleeps `ms`, rejecting early with the signal's reason when aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- an aborted wait rejects with the signal's own reason, as fetch and node:timers do.
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as above: the signal's own reason.
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
