/** HMAC-SHA1 → base64, with node:crypto when running in Node and WebCrypto elsewhere. */
import type * as NodeCrypto from 'node:crypto';
import { nodeBuiltin } from './node-builtins.js';

let cachedCrypto: typeof NodeCrypto | null | undefined;

function nodeCrypto(): typeof NodeCrypto | null {
  if (cachedCrypto !== undefined) return cachedCrypto;
  cachedCrypto = nodeBuiltin<typeof NodeCrypto>('node:crypto') ?? null;
  return cachedCrypto;
}

/** True when the synchronous (node:crypto) HMAC is available. */
export function hasSyncHmac(): boolean {
  return nodeCrypto() !== null;
}

// createHmac with a KeyObject is about twice as fast as with a string key, which it would turn
// into a key object on every call. A client signs with one secret, so one key is kept.
let lastKey: string | undefined;
let lastKeyObject: NodeCrypto.KeyObject | undefined;

/** Synchronous HMAC-SHA1 in base64; Node only. */
export function hmacSha1Base64Sync(key: string, data: string): string {
  const crypto = nodeCrypto();
  if (crypto === null) {
    throw new Error('Synchronous HMAC-SHA1 needs node:crypto; use WebCrypto outside Node.');
  }
  if (key !== lastKey || lastKeyObject === undefined) {
    lastKeyObject = crypto.createSecretKey(key, 'utf8');
    lastKey = key;
  }
  return crypto.createHmac('sha1', lastKeyObject).update(data, 'utf8').digest('base64');
}
