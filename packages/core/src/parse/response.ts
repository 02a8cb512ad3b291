import type { ResponseFormat } from '../common.js';
import { DomainApiError, DomainResponseError, isTransientCode } from '../errors.js';
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

/** Parses a 2xx body into the typed result per the Action's response shape. */
export function parseSuccess(meta: ActionMeta, status: number, body: string, format: ResponseFormat): unknown {
  let tree: unknown;
  try {
    tree = parseBody(body, format).tree;
  } catch (e) {
    throw new DomainResponseError(meta.action, status, body, `cannot parse the body: ${(e as Error).message}`, { cause: e });
  }
  return applyShape(tree, wireOf(meta).response);
}

/** Maps a non-2xx response to DomainApiError (or DomainResponseError when the body is not an error document). */
export function parseError(meta: ActionMeta, status: number, body: string, format: ResponseFormat): DomainApiError | DomainResponseError {
  let tree: unknown;
  try {
    tree = parseBody(body, format).tree;
  } catch (e) {
    return new DomainResponseError(meta.action, status, body, `cannot parse the error body: ${(e as Error).message}`, { cause: e });
  }
  const fields = (tree !== null && typeof tree === 'object' ? tree : {}) as ErrorFields;
  const code = str(fields.Code);
  if (code === undefined) {
    return new DomainResponseError(meta.action, status, body, 'the error body has no Code');
  }
  return new DomainApiError({
    code,
    message: str(fields.Message) ?? '',
    statusCode: status,
    action: meta.action,
    requestId: str(fields.RequestId),
    hostId: str(fields.HostId),
    recommend: str(fields.Recommend),
    retryable: isTransientCode(code) || status >= 500,
  });
}
