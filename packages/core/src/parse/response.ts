import type { ResponseFormat } from '../common.js';
import { isTransientApiAnswer } from '../classify.js';
import { DomainApiError, DomainResponseError } from '../errors.js';
import { wireOf, type ActionMeta } from '../meta.js';
import { parseJsonLossless } from './json.js';
import { applyShape } from './shape.js';
import { parseXmlDocument } from './xml.js';

/** Whether a body is XML (by content: gateways answer errors in their own format). */
export function looksLikeXml(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
    return c === 60; // '<'
  }
  return false;
}

/** Parses a body to a plain tree; XML is unwrapped from its root element. */
function parseBody(body: string, format: ResponseFormat): { tree: unknown; rootName?: string } {
  // Trust the content over the requested Format: gateways answer errors in their own format.
  if (looksLikeXml(body) || (format === 'XML' && body.trim() === '')) {
    const { rootName, root } = parseXmlDocument(body);
    return { tree: root, rootName };
  }
  return { tree: parseJsonLossless(body) };
}

interface ErrorFields {
  Code?: unknown;
  Message?: unknown;
  RequestId?: unknown;
  HostId?: unknown;
  Recommend?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * `Retry-After` in ms: delay-seconds, or an HTTP date (a date already past means no wait).
 * Anything else is ignored.
 */
export function retryAfterMs(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Whether the Action's own success body declares a `Code` field (CheckTransferInFeasibility does). */
function declaresCode(meta: ActionMeta): boolean {
  const shape = wireOf(meta).response;
  return typeof shape === 'object' && shape.kind === 'object' && Object.hasOwn(shape.fields, 'Code');
}

/**
 * Parses a 2xx body into the typed result per the Action's response shape. A 2xx body that is an
 * error document (`Code` and `Message`, for an Action whose success body has no `Code`) is an
 * error: resolving it would hand the caller a result without the TaskNo or data it asked for.
 */
export function parseSuccess(
  meta: ActionMeta,
  status: number,
  body: string,
  format: ResponseFormat,
  headers?: Readonly<Record<string, string>>,
): unknown {
  let parsed: { tree: unknown; rootName?: string };
  try {
    parsed = parseBody(body, format);
  } catch (e) {
    throw new DomainResponseError(meta.action, status, body, `cannot parse the body: ${(e as Error).message}`, { cause: e });
  }
  const { tree, rootName } = parsed;
  // A proxy's or a captive portal's page, sent with 200: not an answer of the API.
  if (rootName?.toLowerCase() === 'html')
    throw new DomainResponseError(meta.action, status, body, 'the body is an HTML page, not an API response');
  if (rootName === undefined && (tree === null || typeof tree !== 'object' || Array.isArray(tree))) {
    throw new DomainResponseError(meta.action, status, body, 'the body is not a JSON object');
  }
  if (tree !== null && typeof tree === 'object') {
    const fields = tree as ErrorFields;
    if (str(fields.Code) !== undefined && str(fields.Message) !== undefined && !declaresCode(meta))
      throw apiError(meta, status, fields, headers);
  }
  return applyShape(tree, wireOf(meta).response);
}

/** Maps a non-2xx response to DomainApiError (or DomainResponseError when the body is not an error document). */
export function parseError(
  meta: ActionMeta,
  status: number,
  body: string,
  format: ResponseFormat,
  headers?: Readonly<Record<string, string>>,
): DomainApiError | DomainResponseError {
  const wait = retryAfterMs(headers?.['retry-after']);
  let tree: unknown;
  try {
    tree = parseBody(body, format).tree;
  } catch (e) {
    return new DomainResponseError(meta.action, status, body, `cannot parse the error body: ${(e as Error).message}`, {
      cause: e,
      retryAfterMs: wait,
    });
  }
  const fields = (tree !== null && typeof tree === 'object' ? tree : {}) as ErrorFields;
  if (str(fields.Code) === undefined) {
    return new DomainResponseError(meta.action, status, body, 'the error body has no Code', { retryAfterMs: wait });
  }
  return apiError(meta, status, fields, headers);
}

function apiError(
  meta: ActionMeta,
  status: number,
  fields: ErrorFields,
  headers: Readonly<Record<string, string>> | undefined,
): DomainApiError {
  const code = str(fields.Code)!;
  return new DomainApiError({
    code,
    message: str(fields.Message) ?? '',
    statusCode: status,
    action: meta.action,
    requestId: str(fields.RequestId),
    hostId: str(fields.HostId),
    recommend: str(fields.Recommend),
    retryable: isTransientApiAnswer(code, status),
    retryAfterMs: retryAfterMs(headers?.['retry-after']),
  });
}
