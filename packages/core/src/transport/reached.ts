// "Did the request reach the server?", decided once for every transport. The answer decides
// whether an unsafe Action (one that creates an order) may be sent again after a failure, so a
// transport says only what it saw, and this rule turns that into `reachedServer`.

/**
 * What a transport saw of the connection when an attempt failed:
 * - `used`: the request was handed to an open connection, so its bytes may be on the server;
 * - `unused`: the request was provably never handed to a connection;
 * - `unseen`: the transport cannot see the connection (fetch), or did not see it open.
 */
export type ConnectionUse = 'used' | 'unused' | 'unseen';

/** System error codes meaning the connection was never established. */
export const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
]);

/**
 * `false` only when the request provably never reached the server: it was never handed to a
 * connection, or the transport could not see and the error code says no connection was made.
 * Anything else may have reached it.
 */
export function reachedServer(use: ConnectionUse, code?: string): boolean {
  if (use === 'used') return true;
  if (use === 'unused') return false;
  return code === undefined || !NOT_CONNECTED_CODES.has(code);
}
