// The openapi-fetch middleware. openapi-fetch builds a Request from the spec's path and its own
// serialisers before any middleware runs; this one replaces it with the signed request built from
// the call's parameters (`params.query`) and body, so what the client serialised is not used.
import { DomainValidationError } from '@alidomain/core';
import { actionOfPath } from './action-path.js';
import { createAlidomainSigner, type AlidomainAdapterOptions } from './signer.js';

/** The part of openapi-fetch's middleware parameters the adapter reads. */
export interface OpenapiFetchRequestParams {
  readonly request: Request;
  readonly schemaPath: string;
  readonly params: { readonly query?: Readonly<Record<string, unknown>> | undefined };
  readonly options: { readonly baseUrl: string };
}

/** An openapi-fetch middleware (`client.use(...)` takes it). */
export interface AlidomainMiddleware {
  onRequest(params: OpenapiFetchRequestParams): Promise<Request>;
}

/** The body's parameters: JSON text (the adapter's bodySerializer, or openapi-fetch's own) or a form. */
async function bodyOf(request: Request, action: string): Promise<unknown> {
  if (request.body === null) return undefined;
  const text = await request.text();
  if ((request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainValidationError(action, [
      { param: '(body)', expected: 'JSON text or a form (set bodySerializer from alidomainSerializers)', got: 'other text' },
    ]);
  }
}

/**
 * Middleware that makes an openapi-fetch client (typed by openapi-typescript from @alidomain/spec)
 * call the Domain API: the Action from the path, the parameters serialised per the spec, the
 * common parameters, a fresh signature. Invalid input rejects the call, naming the parameter,
 * before anything is sent.
 */
export function alidomainMiddleware(options: AlidomainAdapterOptions = {}): AlidomainMiddleware {
  const sign = createAlidomainSigner(options);
  return {
    async onRequest({ request, schemaPath, params, options: client }) {
      const action = actionOfPath(schemaPath);
      return sign({
        action,
        baseUrl: client.baseUrl,
        query: params.query,
        body: await bodyOf(request, action),
        headers: request.headers,
        signal: request.signal,
      });
    },
  };
}
