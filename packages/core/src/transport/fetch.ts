import { DomainTimeoutError, DomainTransportError, responseTooLarge, type DomainResponseError } from '../errors.js';
import { reachedServer } from './reached.js';
import { DEFAULT_MAX_RESPONSE_BYTES, type Transport } from './types.js';

/**
 * Transport over the global fetch (browsers, edge runtimes, Deno, Bun).
 * fetch does not show the connection, so a failed request counts as not reached only when its
 * system code (undici exposes it as `cause.code`) says no connection was made (reached.ts).
 */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return async (req) => {
    if (req.signal?.aborted) throw req.signal.reason;
    const controller = new AbortController();
    let timedOut = false;
    let tooLarge: DomainResponseError | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, req.timeoutMs);
    const onAbort = (): void => controller.abort(req.signal!.reason);
    req.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const res = await fetchImpl(req.url, {
        method: req.method,
        headers: req.headers,
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: controller.signal,
      });
      const limit = req.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const body = await readText(res, limit, () => {
        tooLarge = responseTooLarge(res.status, limit);
        controller.abort();
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      return { status: res.status, headers, body };
    } catch (err) {
      if (tooLarge !== undefined) throw tooLarge;
      // fetch shows no connection: a timeout may have come after the request was written.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the timer's callback, which TypeScript's narrowing does not see.
      if (timedOut) throw new DomainTimeoutError(req.timeoutMs, { reachedServer: reachedServer('unseen') });
      if (req.signal?.aborted) throw req.signal.reason;
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : undefined;
      throw new DomainTransportError(`Network error: ${code ?? (err as Error).message}`, {
        reachedServer: reachedServer('unseen', code),
        code,
        cause: err,
      });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  };
}

/**
 * The body as UTF-8 text, read chunk by chunk so that a body over `limit` bytes is never held:
 * `overLimit` is called (it aborts the request, which cancels the stream) and the read rejects.
 */
async function readText(res: Response, limit: number, overLimit: () => void): Promise<string> {
  if (res.body === null) return '';
  if (Number(res.headers.get('content-length')) > limit) {
    overLimit();
    throw new Error('response too large');
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      overLimit();
      throw new Error('response too large');
    }
    text += decoder.decode(value, { stream: true });
  }
}
