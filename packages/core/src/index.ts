export { wireOf, type ActionHead, type ActionMeta, type ActionWire, type ParamMeta, type ParamStyle, type RetryClass, type ScalarType, type Shape } from './meta.js';
export {
  CLIENT_OPTION_CHECKS,
  DomainClientCore,
  DEFAULT_ENDPOINT,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
  MAX_GET_URL_LENGTH,
  type DomainClientOptions,
  type PreparedRequest,
  type RetryOptions,
  type SendOptions,
} from './client.js';
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
export { percentEncode } from './encode.js';
export { canonicalQuery, formEncode, type WireParam } from './canonical.js';
export { signParams, signParamsAsync, signString, stringToSign, type HttpMethod, type SignedQuery } from './sign.js';
export { serializeInput, type SerializedInput } from './serialize.js';
export { API_VERSION, commonParams, formatTimestamp, type CommonParamsInput, type ResponseFormat } from './common.js';
export { backoffDelay, isTransientFailure, retryDelay, shouldRetry, type BackoffOptions } from './retry.js';
export { applyShape } from './parse/shape.js';
export { BigIntLiteral, parseJsonLossless } from './parse/json.js';
export { decodeXmlEntities, loadXmlSupport, parseXmlDocument } from './parse/xml.js';
export { looksLikeXml, parseError, parseSuccess } from './parse/response.js';
export { checkObject as checkOptions, normalizeEndpoint } from './options.js';
export { closestNames, didYouMean } from './suggest.js';
export { MAX_JSON_DEPTH } from './serialize.js';
export { retryAfterMs } from './parse/response.js';
export { DEFAULT_MAX_RESPONSE_BYTES, type Transport, type TransportRequest, type TransportResponse } from './transport/types.js';
export { createNodeHttpTransport, type NodeHttpTransport, type NodeHttpTransportOptions } from './transport/node-http.js';
export { createFetchTransport } from './transport/fetch.js';
export { createUndiciTransport, type Undici, type UndiciTransport, type UndiciTransportOptions } from './transport/undici.js';
export { createDefaultTransport, UNDICI_AFTER_REQUESTS, type DefaultTransportOptions } from './transport/default.js';
