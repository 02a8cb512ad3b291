// @alidomain/core/internal: every export of the runtime, the public API (./index.ts) and the
// seams its own packages and tests use (signing, serialisation, parsing, retry policy). Not a
// public API: anything here that is not also in index.ts may change in any release.
export {
  wireOf,
  type ActionHead,
  type ActionMeta,
  type ActionWire,
  type ParamMeta,
  type ParamStyle,
  type RetryClass,
  type ScalarType,
  type Shape,
} from './meta.js';
export {
  CLIENT_OPTION_CHECKS,
  DomainClientCore,
  DEFAULT_ENDPOINT,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
  prepareRequest,
  type DomainClientOptions,
  type PreparedRequest,
  type RetryOptions,
  type SendOptions,
} from './client.js';
export { fitsInUrl, MAX_GET_URL_LENGTH } from './url-length.js';
export {
  defaultCredentialsProvider,
  resolveCredentials,
  ENV_ACCESS_KEY_ID,
  ENV_ACCESS_KEY_SECRET,
  ENV_PROFILE,
  ENV_SECURITY_TOKEN,
  type CredentialChainOptions,
  type Credentials,
  type CredentialsProvider,
} from './credentials.js';
export * from './errors.js';
export {
  isThrottling,
  isThrottlingCode,
  isTransientApiAnswer,
  isTransientCode,
  isTransientFailure,
  isTransientStatus,
  THROTTLING_CODE,
  TRANSIENT_SERVER_CODES,
} from './classify.js';
export { percentEncode } from './encode.js';
export { canonicalize, canonicalQuery, compareNames, formEncode, type Canonical, type WireParam } from './canonical.js';
export { sign, signCanonical, signParams, signParamsAsync, type HttpMethod, type SignedQuery } from './sign.js';
export { MAX_JSON_DEPTH, serializeInput, type SerializedInput } from './serialize.js';
export { COMMON_PARAM_NAMES, commonParams, formatTimestamp, type CommonParamsInput, type ResponseFormat } from './common.js';
export { abortableSleep, backoffDelay, retryDelay, shouldRetry, type BackoffOptions } from './retry.js';
export { applyShape } from './parse/shape.js';
export { BigIntLiteral, parseJsonLossless } from './parse/json.js';
export { loadXmlSupport, parseXmlDocument } from './parse/xml.js';
export { looksLikeXml, parseError, parseSuccess, retryAfterMs } from './parse/response.js';
export { checkObject as checkOptions, normalizeEndpoint } from './options.js';
export { closestNames, didYouMean } from './suggest.js';
export { DEFAULT_MAX_RESPONSE_BYTES, type Transport, type TransportRequest, type TransportResponse } from './transport/types.js';
export { NOT_CONNECTED_CODES, reachedServer, type ConnectionUse } from './transport/reached.js';
export { createNodeHttpTransport, type NodeHttpTransport, type NodeHttpTransportOptions } from './transport/node-http.js';
export { createFetchTransport, createUndiciTransport } from './transport/on-demand.js';
export type { Undici, UndiciTransport, UndiciTransportOptions } from './transport/undici.js';
export { createDefaultTransport, UNDICI_AFTER_REQUESTS, type DefaultTransportOptions } from './transport/default.js';
