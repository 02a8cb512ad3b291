import { DomainTimeoutError, DomainTransportError } from '../errors.js';
import { NOT_CONNECTED_CODES, type Transport } from './types.js';

/**
 * Transport over the global fetch (browsers, edge runtimes, Deno, Bun).
 * fetch does not say whether a failed request reached the server: only system codes that mean
 * "never connected" (undici exposes them as `cause.code`) count as not reached.
 */
export function createFetchTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return async (req) => {
    if (req.signal?.aborted) throw req.signal.reason;
    const controller = new AbortController();
    let timedOut = false;
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
      const body = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k.toLowerCase()] = v;
      });
      return { status: res.status, headers, body };
    } catch (err) {
      if (timedOut) throw new DomainTimeoutError(req.timeoutMs, { reachedServer: true });
      if (req.signal?.aborted) throw req.signal.reason;
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : undefined;
      throw new DomainTransportError(`Network error: ${code ?? (err as Error).message}`, {
        reachedServer: !(code !== undefined && NOT_CONNECTED_CODES.has(code)),
        code,
        cause: err,
      });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  };
}
