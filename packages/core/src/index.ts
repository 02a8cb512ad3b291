// @alidomain/core: the public API of the runtime, listed name by name so that a change of
// surface is a visible change of this file (and of api/core.api.md). Signing, serialisation,
// parsing and the retry policy are reachable for tools and tests at @alidomain/core/internal.
// Everything is re-exported from ./internal.js, which the build bundles into one module.
export type { ActionHead, ActionMeta, ActionWire, ParamMeta, ParamStyle, RetryClass, ScalarType, Shape } from './internal.js';
// The client, its options and defaults.
export {
  DomainClientCore,
  DEFAULT_ENDPOINT,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_TIMEOUT_MS,
  MAX_GET_URL_LENGTH,
  type BackoffOptions,
  type DomainClientOptions,
  type ResponseFormat,
  type RetryOptions,
  type SendOptions,
} from './internal.js';
// Credentials.
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
} from './internal.js';
// Errors and their guards.
export {
  DomainError,
  DomainCallError,
  DomainApiError,
  DomainResponseError,
  DomainTransportError,
  DomainTimeoutError,
  DomainCredentialsError,
  DomainValidationError,
  DomainOptionsError,
  responseTooLarge,
  isDomainError,
  isDomainApiError,
  isDomainTransportError,
  isDomainTimeoutError,
  isDomainValidationError,
  isDomainCredentialsError,
  isErrorCode,
  isThrottling,
  isServiceUnavailable,
  isInternalError,
  isInvalidAccessKeyIdNotFound,
  isSignatureDoesNotMatch,
  isSignatureNonceUsed,
  isMissingParameter,
  isInvalidParameter,
  isForbiddenRam,
  isWhoisInfoNotExist,
  isTransientCode,
  isTransientFailure,
  type DomainApiErrorInit,
  type ValidationProblem,
} from './internal.js';
// Transports.
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  UNDICI_AFTER_REQUESTS,
  createDefaultTransport,
  createFetchTransport,
  createNodeHttpTransport,
  createUndiciTransport,
  type DefaultTransportOptions,
  type NodeHttpTransport,
  type NodeHttpTransportOptions,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  type Undici,
  type UndiciTransport,
  type UndiciTransportOptions,
} from './internal.js';
