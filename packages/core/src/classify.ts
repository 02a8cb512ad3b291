// Which failures are transient: the one rule that parsing (DomainApiError.retryable) and the
// retry policy (shouldRetry) both read. Codes are the Domain API's (appendix 6.1 of the reference).
import { DomainApiError, DomainResponseError, DomainTransportError } from './errors.js';

/** The throttling code; the API also answers variants of it (`Throttling.User`, `Throttling.Api`, …). */
export const THROTTLING_CODE = 'Throttling';

/** Codes, besides throttling, that mean "the service failed this time; try again later". */
export const TRANSIENT_SERVER_CODES: ReadonlySet<string> = new Set(['ServiceUnavailable', 'InternalError']);

/** `Throttling` or one of its `Throttling.*` variants. */
export function isThrottlingCode(code: string): boolean {
  return code === THROTTLING_CODE || code.startsWith(THROTTLING_CODE + '.');
}

/** Codes that mean "try again later" on the server side: throttling, ServiceUnavailable, InternalError. */
export function isTransientCode(code: string): boolean {
  return isThrottlingCode(code) || TRANSIENT_SERVER_CODES.has(code);
}

/** HTTP statuses of a server-side failure (5xx): transient whatever the body says. */
export function isTransientStatus(status: number): boolean {
  return status >= 500;
}

/** Whether an API error answer (its code and HTTP status) is transient: what `DomainApiError.retryable` holds. */
export function isTransientApiAnswer(code: string, status: number): boolean {
  return isTransientCode(code) || isTransientStatus(status);
}

/** `Throttling` and its variants (`Throttling.User`, `Throttling.Api`, …). */
export function isThrottling(e: unknown): e is DomainApiError {
  return e instanceof DomainApiError && isThrottlingCode(e.code);
}

/** Whether the failure is transient: Throttling, ServiceUnavailable, InternalError, HTTP 5xx, network, timeout. */
export function isTransientFailure(err: unknown): boolean {
  if (err instanceof DomainTransportError) return true; // includes DomainTimeoutError
  if (err instanceof DomainApiError) return isTransientApiAnswer(err.code, err.statusCode);
  if (err instanceof DomainResponseError) return isTransientStatus(err.statusCode);
  return false;
}
