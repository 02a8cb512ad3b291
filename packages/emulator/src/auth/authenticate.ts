// Who sent a request, and whether it may be trusted: the two signatures the API's clients send.
//   v1.0: Signature/SignatureMethod/SignatureVersion/SignatureNonce/Timestamp/AccessKeyId parameters
//         (the document's method, and what @alicloud/pop-core and this project's client send);
//   V3:   an `Authorization: ACS3-HMAC-SHA256 …` header with the Action and Version in
//         x-acs-action/x-acs-version (what @alicloud/openapi-client sends by default).
import { apiError } from '../errors.js';
import type { NonceLog } from './nonces.js';
import { sameSignature, signatureV1 } from './signature-v1.js';
import { isV3, verifyV3 } from './signature-v3.js';

/** A request as the server read it. */
export interface WireRequest {
  readonly method: string;
  /** The path and query as sent (`/?Action=…`). */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query: Readonly<Record<string, string>>;
  readonly form: Readonly<Record<string, string>>;
  /** Query and form merged (the form wins). */
  readonly params: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface Caller {
  readonly accessKeyId: string;
  readonly action: string;
  readonly version: string;
  /** The Action's parameters, query and form merged (signing parameters included for v1.0). */
  readonly params: Readonly<Record<string, string>>;
  readonly signature: 'v1' | 'v3';
}

export interface AuthContext {
  readonly keys: ReadonlyMap<string, string>;
  readonly nonces: NonceLog;
  readonly now: number;
  readonly skewMs: number;
}

/** Service time format: `2018-01-29T12:00:00Z`. */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

export function authenticate(req: WireRequest, ctx: AuthContext): Caller {
  return isV3(req) ? verifiedV3(req, ctx) : verifiedV1(req, ctx);
}

function verifiedV1(req: WireRequest, ctx: AuthContext): Caller {
  const params = req.params;
  for (const name of [
    'Action',
    'Version',
    'AccessKeyId',
    'Signature',
    'SignatureMethod',
    'SignatureVersion',
    'SignatureNonce',
    'Timestamp',
  ])
    if (params[name] === undefined || params[name] === '') throw apiError('MissingParameter', name);
  if (params.SignatureMethod !== 'HMAC-SHA1') throw apiError('InvalidParameter', 'SignatureMethod', 'Expected HMAC-SHA1.');
  if (params.SignatureVersion !== '1.0') throw apiError('InvalidParameter', 'SignatureVersion', 'Expected 1.0.');
  checkTimestamp(params.Timestamp!, ctx);
  const secret = ctx.keys.get(params.AccessKeyId!);
  if (secret === undefined) throw apiError('InvalidAccessKeyId.NotFound');
  if (!sameSignature(signatureV1(req.method, params, secret), params.Signature!)) throw apiError('SignatureDoesNotMatch');
  if (!ctx.nonces.add(params.SignatureNonce!, ctx.now)) throw apiError('SignatureNonceUsed');
  return { accessKeyId: params.AccessKeyId!, action: params.Action!, version: params.Version!, params, signature: 'v1' };
}

function verifiedV3(req: WireRequest, ctx: AuthContext): Caller {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  for (const name of ['x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256'])
    if (!header(name)) throw apiError('MissingParameter', name);
  checkTimestamp(header('x-acs-date')!, ctx);
  const accessKeyId = verifyV3(req, ctx.keys);
  if (!ctx.nonces.add(header('x-acs-signature-nonce')!, ctx.now)) throw apiError('SignatureNonceUsed');
  const params = req.params;
  return { accessKeyId, action: header('x-acs-action')!, version: header('x-acs-version')!, params, signature: 'v3' };
}

function checkTimestamp(value: string, ctx: AuthContext): void {
  const m = TIMESTAMP.exec(value);
  const at = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
  // Date.UTC rolls over (February 31st, 24:61): a real time formats back to the text sent.
  if (!Number.isFinite(at) || new Date(at).toISOString().slice(0, 19) + 'Z' !== value) throw apiError('InvalidTimeStamp.Format');
  if (Math.abs(ctx.now - at) > ctx.skewMs) throw apiError('InvalidTimeStamp.Expired');
}
