// HMAC-SHA1 with WebCrypto, for runtimes without node:crypto (browsers, edge runtimes). A module
// of its own, imported on the first signature there: a Node bundle never carries it.
/** HMAC-SHA1 in base64 with WebCrypto (browsers, edge runtimes): the signer's path where node:crypto is missing. */
export async function webCryptoHmacSha1Base64(key: string, data: string): Promise<string> {
  const subtle = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto?.subtle;
  if (subtle === undefined) throw new Error('No HMAC-SHA1 implementation: neither node:crypto nor WebCrypto is available.');
  const enc = new TextEncoder();
  const cryptoKey = await subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await subtle.sign('HMAC', cryptoKey, enc.encode(data)));
  let bin = '';
  for (const byte of mac) bin += String.fromCharCode(byte);
  return btoa(bin);
}
