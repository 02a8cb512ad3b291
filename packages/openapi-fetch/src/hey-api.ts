// The same adapter as a request interceptor of @hey-api/openapi-ts's fetch client, which hands
// interceptors the built Request and the call's options (path template, query, body unserialised).
import { actionOfPath } from './action-path.js';
import { createAlidomainSigner, type AlidomainAdapterOptions } from './signer.js';

/** The part of a hey-api client's resolved request options the interceptor reads. */
export interface HeyApiRequestOptions {
  readonly url: string;
  /** hey-api types it `unknown` (a config may leave it out); the interceptor uses it when it is a string. */
  readonly baseUrl?: unknown;
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  readonly body?: unknown;
}

/** A request interceptor for a hey-api fetch client: `client.interceptors.request.use(alidomainInterceptor())`. */
export function alidomainInterceptor(
  options: AlidomainAdapterOptions = {},
): (request: Request, opts: HeyApiRequestOptions) => Promise<Request> {
  const sign = createAlidomainSigner(options);
  return (request, opts) =>
    sign({
      action: actionOfPath(opts.url),
      baseUrl: typeof opts.baseUrl === 'string' ? opts.baseUrl : undefined,
      query: opts.query,
      body: opts.body,
      headers: request.headers,
      signal: request.signal,
    });
}
