// The public constructors of the undici and fetch transports. Each implementation is a module of
// its own, imported on the transport's first request: a program that uses neither (the default
// transport in Node, for its first 1,000 requests) carries neither in its bundle or at start-up.
import type { Transport } from './types.js';
import type { UndiciTransport, UndiciTransportOptions } from './undici.js';

/** A transport made on its first request, from a module imported then. */
export function onDemand<T extends Transport>(make: () => Promise<T>): Transport & { readonly made: () => T | undefined } {
  let making: Promise<T> | undefined;
  let ready: T | undefined;
  const transport: Transport = (req) => {
    if (ready !== undefined) return ready(req);
    making ??= make().then((t) => (ready = t));
    return making.then((t) => t(req));
  };
  return Object.assign(transport, { made: () => ready });
}

/** undici's keep-alive connection pools, one per origin (see transport/undici.ts). */
export function createUndiciTransport(options: UndiciTransportOptions = {}): UndiciTransport {
  const t = onDemand(() => import('./undici.js').then((m) => m.createUndiciTransport(options)));
  return Object.assign(t, { destroy: () => t.made()?.destroy() });
}

/** The global fetch (browsers, edge runtimes, Deno, Bun; see transport/fetch.ts). */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return onDemand(() => import('./fetch.js').then((m) => m.createFetchTransport(fetchImpl)));
}
