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

/** HMAC-SHA1 in base64 with WebCrypto (browsers, edge runtimes): the signer's path where node:crypto is missing. */
export async function webCryptoHmacSha1Base64(key: string, data: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) throw new Error('No HMAC-SHA1 implementation: neither node:crypto nor WebCrypto is available.');
  const enc = new TextEncoder();
  const cryptoKey = await subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', cryptoKey, enc.encode(data)));
  let bin = '';
  for (let i = 0; i < mac.length; i++) bin += String.fromCharCode(mac[i]!);
  return btoa(bin);
}
