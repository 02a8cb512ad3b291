// @alidomain/openapi-fetch: the Domain API through generic OpenAPI clients. One signer
// (signer.ts), and the two shapes clients take it in: openapi-fetch middleware and a hey-api
// request interceptor.
export { alidomainMiddleware, type AlidomainMiddleware, type OpenapiFetchRequestParams } from './openapi-fetch.js';
export { alidomainInterceptor, type HeyApiRequestOptions } from './hey-api.js';
export { createAlidomainSigner, type AlidomainAdapterOptions, type AlidomainCall, type AlidomainSigner } from './signer.js';
export { alidomainSerializers, bodySerializer, querySerializer } from './serializers.js';
export { actionOfPath } from './action-path.js';
export type { AlidomainPaths } from './paths.js';
