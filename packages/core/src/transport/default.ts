import { createNodeHttpTransport } from './node-http.js';
import { createFetchTransport } from './on-demand.js';
import type { Transport } from './types.js';

/**
 * Requests the default Node transport sends over node:http before it loads undici. Importing
 * undici takes about as long as starting node itself (115–170 ms measured where a bare start takes
 * ~135 ms) and then saves roughly half of the per-request CPU, which repays the load after one to
 * two thousand requests: a CLI making a few calls never pays it, a busy service does once, early.
 */
export const UNDICI_AFTER_REQUESTS = 1000;

export interface DefaultTransportOptions {
  /** Requests sent over node:http before moving to undici (default UNDICI_AFTER_REQUESTS; 0 = at once). */
  readonly undiciAfter?: number;
}

/** Node itself: Bun and Deno also report `versions.node`, but not node:http's or undici's internals. */
function isNode(): boolean {
  const proc = (globalThis as { process?: { versions?: Record<string, string | undefined>; getBuiltinModule?: unknown } }).process;
  const versions = proc?.versions;
  return (
    typeof versions?.node === 'string' &&
    versions.bun === undefined &&
    versions.deno === undefined &&
    typeof proc?.getBuiltinModule === 'function'
  );
}

/**
 * The transport a client gets when it is given none. In Node: node:http(s) with keep-alive agents,
 * then undici's keep-alive pools once the client has sent `undiciAfter` requests (if undici can be
 * imported: a single-file bundle may have left it out). Elsewhere: the global fetch.
 */
export function createDefaultTransport(options: DefaultTransportOptions = {}): Transport {
  if (!isNode()) return createFetchTransport();
  const after = options.undiciAfter ?? UNDICI_AFTER_REQUESTS;
  const nodeHttp = createNodeHttpTransport();
  let undici: Transport | undefined;
  let sent = 0;
  const upgrade = (): void => {
    // Requests already in flight finish on node:http; its idle sockets close on their own.
    // The undici transport's module, then undici itself, load before any request moves to them.
    import('./undici.js')
      .then(async (m) => m.createUndiciTransport({ undici: await m.loadUndici() }))
      .then(
        (transport) => (undici = transport),
        // undici cannot be imported (a single-file bundle left it out): stay on node:http.
        () => undefined,
      );
  };
  if (after <= 0) upgrade();
  return (req) => {
    if (undici !== undefined) return undici(req);
    if (++sent === after) upgrade();
    return nodeHttp(req);
  };
}
