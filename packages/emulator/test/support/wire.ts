// Requests written by hand, for tests that need to control every signing input (a stale
// Timestamp, a reused nonce, a tampered body). v1.0 requests are signed with the emulator's own
// signer: its correctness is pinned separately (the document's vector, pop-core). V3 requests are
// signed with @alicloud/openapi-util's getAuthorization, the official runtime's own code.
import { createHash, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { signatureV1 } from '../../src/auth/signature-v1.js';

const require = createRequire(import.meta.url);

interface OpenApiUtilStatics {
  getAuthorization(
    request: { method: string; pathname: string; query: Record<string, string>; headers: Record<string, string> },
    algorithm: string,
    payloadHash: string,
    accessKeyId: string,
    secret: string,
  ): string;
}
export const openApiUtil = (require('@alicloud/openapi-util') as { default: OpenApiUtilStatics }).default;

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The JSON body, when the answer is JSON. */
  readonly json: Record<string, unknown> | undefined;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  return {
    status: res.status,
    contentType,
    text,
    json: contentType.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

/** Service time format, to the second. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface V1Options {
  readonly accessKeyId?: string;
  readonly secret?: string;
  readonly method?: 'GET' | 'POST';
  /** Replace (or, with undefined, remove) common parameters before signing. */
  readonly common?: Readonly<Record<string, string | undefined>>;
}

/** The v1.0 common parameters for `action` at time `at`, merged with the Action's `params`. */
export function v1Params(
  action: string,
  params: Readonly<Record<string, string>>,
  at: number,
  opts: V1Options = {},
): Record<string, string> {
  const all: Record<string, string | undefined> = {
    Action: action,
    Version: '2018-01-29',
    Format: 'JSON',
    AccessKeyId: opts.accessKeyId ?? 'testid',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: timestamp(at),
    ...params,
    ...opts.common,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Signs `params` (v1.0) and sends them: in the query for GET, as a form body for POST. */
export async function sendV1(url: string, params: Readonly<Record<string, string>>, opts: V1Options = {}): Promise<Answer> {
  const method = opts.method ?? 'GET';
  const signed = { ...params, Signature: signatureV1(method, params, opts.secret ?? 'testsecret') };
  const text = new URLSearchParams(signed).toString();
  const res =
    method === 'GET'
      ? await fetch(`${url}/?${text}`)
      : await fetch(`${url}/`, { method, body: text, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return answer(res);
}

export interface V3Request {
  readonly action: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as a form body (POST). */
  readonly form?: Readonly<Record<string, string>>;
  readonly at: number;
  readonly accessKeyId?: string;
  readonly secret?: string;
  readonly nonce?: string;
  readonly version?: string;
}

/** The headers and body of a V3 request, signed by openapi-util, before it is sent. */
export function signV3(
  url: string,
  r: V3Request,
): { method: string; path: string; headers: Record<string, string>; body: string | undefined } {
  const method = r.form === undefined ? 'GET' : 'POST';
  const body = r.form === undefined ? undefined : new URLSearchParams(r.form).toString();
  const payloadHash = createHash('sha256')
    .update(body ?? '')
    .digest('hex');
  const headers: Record<string, string> = {
    host: new URL(url).host,
    'x-acs-action': r.action,
    'x-acs-version': r.version ?? '2018-01-29',
    'x-acs-date': timestamp(r.at),
    'x-acs-signature-nonce': r.nonce ?? randomUUID(),
    'x-acs-content-sha256': payloadHash,
    ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
  };
  const query = { ...r.query };
  headers.authorization = openApiUtil.getAuthorization(
    { method, pathname: '/', query, headers },
    'ACS3-HMAC-SHA256',
    payloadHash,
    r.accessKeyId ?? 'testid',
    r.secret ?? 'testsecret',
  );
  const search = new URLSearchParams(query).toString().replace(/\+/g, '%20');
  return { method, path: search === '' ? '/' : `/?${search}`, headers, body };
}

/** Sends a request as `signV3` prepared it, after `edit` (to tamper with it) when given. */
export async function sendV3(url: string, r: V3Request, edit?: (req: ReturnType<typeof signV3>) => void): Promise<Answer> {
  const req = signV3(url, r);
  edit?.(req);
  const { host: _host, ...headers } = req.headers; // fetch sets Host itself, to the same value
  return answer(await fetch(`${url}${req.path}`, { method: req.method, headers, body: req.body ?? null }));
}
