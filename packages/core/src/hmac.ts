/** HMAC-SHA1 → base64, with node:crypto when running in Node and WebCrypto elsewhere. */
import type * as NodeCrypto from 'node:crypto';
import { nodeBuiltin } from './node-builtins.js';

type Hmac = (key: string, data: string) => string;

function nodeHmac(crypto: typeof NodeCrypto): Hmac {
  // createHmac with a KeyObject is about twice as fast as with a string key, which it would turn
  // into a key object on every call. A client signs with one secret, so one key is kept.
  let lastKey: string | undefined;
  let lastKeyObject: NodeCrypto.KeyObject | undefined;
  return (key, data) => {
    if (key !== lastKey || lastKeyObject === undefined) {
      lastKeyObject = crypto.createSecretKey(key, 'utf8');
      lastKey = key;
    }
    return crypto.createHmac('sha1', lastKeyObject).update(data, 'utf8').digest('base64');
  };
}

let syncHmac: Hmac | null | undefined;

/** Synchronous HMAC-SHA1 in base64 (`key`, `data` → signature); undefined outside Node (no node:crypto). */
export function syncHmacSha1(): Hmac | undefined {
  if (syncHmac === undefined) {
    const crypto = nodeBuiltin<typeof NodeCrypto>('node:crypto');
    syncHmac = crypto === undefined ? null : nodeHmac(crypto);
  }
  return syncHmac ?? undefined;
}
