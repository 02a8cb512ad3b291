// @alidomain/client: the generated Actions and client, the paging and task helpers, and the parts
// of the runtime a caller needs with them (errors and their guards, credentials, transports,
// option and metadata types), re-exported name by name for one import. The rest of
// @alidomain/core is its own business; api/client.api.md records this surface.
export * from './generated/index.js';
export { ValidatingClient, validateInput, validateOutput, type DomainClientConfig } from './validation.js';
export { paginateCursor, paginatePages, paginateScroll, type CursorConfig, type PageConfig } from './paginate.js';
export {
  waitForTask,
  DomainTaskTimeoutError,
  FINAL_TASK_STATUSES,
  type WaitForTaskOptions,
  type TaskResult,
  type TaskDetail,
} from './tasks.js';
// The runtime client (for the function-per-Action style), its options and defaults.
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
} from '@alidomain/core';
// The metadata types the generated `…Meta` constants are declared with.
export type { ActionHead, ActionMeta, ActionWire, ParamMeta, ParamStyle, RetryClass, ScalarType, Shape } from '@alidomain/core';
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
} from '@alidomain/core';
// Errors and their guards. The error catalogue and `isErrorCode` typed with it are generated from the spec.
export { isErrorCode, type CommonErrorCode } from './generated/errors.js';
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
} from '@alidomain/core';
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
} from '@alidomain/core';
