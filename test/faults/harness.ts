// What the fault matrix measures around one call: settle time, unhandled rejections, retained
// memory after a forced GC, and whether a secret shows anywhere in an error.
import { performance } from 'node:perf_hooks';
import { inspect } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
// A fresh context created after the flag gets `gc`; the flag alone does not reach this one.
const gc = runInNewContext('gc') as () => void;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Heap plus ArrayBuffers (Buffers live outside the heap) after full collections. A closed
 * socket lets go of its buffers in native callbacks a turn later, and external memory is
 * released after the collection that found it dead: collect, let a turn pass, collect again.
 */
export async function retainedBytes(): Promise<number> {
  gc();
  await turn();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

export type Settled =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown } | { readonly ok: 'pending' };

/** Awaits `p`, but gives up at `deadlineMs` so that a call that never settles fails its case quickly. */
export async function settle(p: Promise<unknown>, deadlineMs: number): Promise<{ settled: Settled; elapsedMs: number }> {
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ ok: 'pending' }), deadlineMs);
  });
  const settled = await Promise.race([
    p.then(
      (value): Settled => ({ ok: true, value }),
      (error: unknown): Settled => ({ ok: false, error }),
    ),
    deadline,
  ]);
  clearTimeout(timer);
  return { settled, elapsedMs: performance.now() - started };
}

/** Collects unhandled rejections until the returned stop() is called. */
export function watchUnhandledRejections(): () => Promise<unknown[]> {
  const seen: unknown[] = [];
  const on = (reason: unknown): void => void seen.push(reason);
  process.on('unhandledRejection', on);
  return async () => {
    // Node reports an unhandled rejection once the microtask queue drains: one macrotask turn is enough.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', on);
    return seen;
  };
}

const bigintSafe = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? `${v}n` : v);

/** The four renderings of an error a program may log: message, stack, util.inspect, JSON. */
export function renderings(err: unknown): Record<'message' | 'stack' | 'inspect' | 'json', string> {
  const e = err as { message?: unknown; stack?: unknown };
  let json: string;
  try {
    json = JSON.stringify(err, bigintSafe) ?? '';
  } catch (x) {
    json = `JSON.stringify threw: ${(x as Error).message}`;
  }
  // Whatever was thrown, printed as it is: the point is to see what a hostile input makes of it.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return { message: String(e?.message ?? ''), stack: String(e?.stack ?? ''), inspect: inspect(err, { depth: 5 }), json };
}

/** Which renderings contain any of the secrets (empty when none does). */
export function leaks(err: unknown, secrets: readonly string[]): string[] {
  return Object.entries(renderings(err))
    .filter(([, text]) => secrets.some((s) => text.includes(s)))
    .map(([where]) => where);
}
