// The V3 request signature (ACS3-HMAC-SHA256), as Alibaba Cloud's "V3 request structure and
// signature" describes it, written here independently of @alidomain/core and of the official SDK:
//   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n
//                      SignedHeaders \n HashedRequestPayload
//   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA256(CanonicalRequest))
//   Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
//   Authorization:     ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<a;b;c>,Signature=<hex>
import { createHash, createHmac } from 'node:crypto';
import { apiError } from '../errors.js';
import type { WireRequest } from './authenticate.js';
import { percentEncode, sameSignature } from './signature-v1.js';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';

/** Headers a V3 request must sign: without them a signature could be replayed for another Action or body. */
export const REQUIRED_SIGNED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version',
] as const;

export function isV3(req: WireRequest): boolean {
  const auth = req.headers.authorization;
  return typeof auth === 'string' && auth.startsWith('ACS3-');
}

export interface V3Authorization {
  readonly accessKeyId: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Reads the Authorization header; IncompleteSignature when it is not the V3 shape. */
export function parseAuthorization(value: string): V3Authorization {
  const space = value.indexOf(' ');
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== V3_ALGORITHM) throw apiError('IncompleteSignature', undefined, `The signature algorithm must be ${V3_ALGORITHM}.`);
  const fields = new Map<string, string>();
  for (const part of value.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  for (const [name, v] of [
    ['Credential', accessKeyId],
    ['SignedHeaders', signed],
    ['Signature', signature],
  ] as const)
    if (!v) throw apiError('IncompleteSignature', undefined, `The Authorization header has no ${name}.`);
  return { accessKeyId: accessKeyId!, signedHeaders: signed!.split(';'), signature: signature! };
}

/** The canonical request of `req` for the headers `signed` (lower case, in the order the client listed them), its body hashed as `payloadHash`. */
export function canonicalRequestV3(req: WireRequest, signed: readonly string[], payloadHash: string): string {
  const q = req.url.indexOf('?');
  const path = q < 0 ? req.url : req.url.slice(0, q);
  const query = Object.keys(req.query)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => `${percentEncode(k)}=${percentEncode(req.query[k]!)}`)
    .join('&');
  const headers = signed.map((name) => `${name}:${headerValue(req, name)?.trim() ?? ''}\n`).join('');
  return [req.method, path === '' ? '/' : path, query, headers, signed.join(';'), payloadHash].join('\n');
}

export function stringToSignV3(canonicalRequest: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

export function signatureV3(stringToSign: string, secret: string): string {
  return createHmac('sha256', secret).update(stringToSign, 'utf8').digest('hex');
}

/** Verifies the V3 signature of `req`; returns the AccessKeyId that signed it. */
export function verifyV3(req: WireRequest, keys: ReadonlyMap<string, string>): string {
  const auth = parseAuthorization(headerValue(req, 'authorization') ?? '');
  const signed = auth.signedHeaders;
  for (const name of signed)
    if (name === '' || name !== name.toLowerCase())
      throw apiError('IncompleteSignature', undefined, `SignedHeaders must be lower-case header names (got “${name}”).`);
  for (const name of REQUIRED_SIGNED_HEADERS)
    if (!signed.includes(name)) throw apiError('IncompleteSignature', undefined, `SignedHeaders must include ${name}.`);
  // The description: every x-acs-* header sent (Authorization aside) takes part in the signature.
  for (const name of Object.keys(req.headers))
    if (name.toLowerCase().startsWith('x-acs-') && !signed.includes(name.toLowerCase()))
      throw apiError('IncompleteSignature', undefined, `SignedHeaders must include ${name.toLowerCase()}.`);
  // With a body, its type decides whether the form is read: an unsigned one could be changed in transit.
  if (req.body.length > 0 && !signed.includes('content-type'))
    throw apiError('IncompleteSignature', undefined, 'SignedHeaders must include content-type when the request has a body.');
  for (const name of signed) if (headerValue(req, name) === undefined) throw apiError('MissingParameter', name);

  const secret = keys.get(auth.accessKeyId);
  if (secret === undefined) throw apiError('InvalidAccessKeyId.NotFound');

  // The body is signed as sent: its hash must be the one the client declared.
  const payloadHash = sha256Hex(req.body);
  if (headerValue(req, 'x-acs-content-sha256')!.toLowerCase() !== payloadHash)
    throw apiError('SignatureDoesNotMatch', undefined, 'x-acs-content-sha256 is not the SHA-256 of the request body.');

  const expected = signatureV3(stringToSignV3(canonicalRequestV3(req, signed, payloadHash)), secret);
  if (!sameSignature(expected, auth.signature.toLowerCase())) throw apiError('SignatureDoesNotMatch');
  return auth.accessKeyId;
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function headerValue(req: WireRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
