// --dry-run: the request exactly as the client would send it, signed, captured at the transport
// instead of being sent. The terminal scrubs the SecurityToken (and the secret, which is never in a
// request) from what is printed.
import type { ActionMeta, DomainClientCore, Transport, TransportRequest } from '@alidomain/core';
import type { Terminal } from './terminal.js';

/** Thrown by the capturing transport: it is not a failure the client could retry. */
class Captured extends Error {}

export interface DryRun {
  readonly transport: Transport;
  /** Runs the call up to the transport and returns what it was handed. */
  capture(client: DomainClientCore, meta: ActionMeta, input: unknown): Promise<TransportRequest>;
}

export function dryRun(): DryRun {
  let seen: TransportRequest | undefined;
  return {
    transport: (request) => {
      seen = request;
      return Promise.reject(new Captured());
    },
    async capture(client, meta, input) {
      try {
        await client.send(meta, input);
      } catch (err) {
        if (err instanceof Captured && seen !== undefined) return seen;
        throw err;
      }
      throw new Error('dry run: the request was sent');
    },
  };
}

/** The printed form: method, URL, headers, form body, and every signed parameter decoded. */
export function describeRequest(request: TransportRequest, term: Terminal): Record<string, unknown> {
  const url = new URL(request.url);
  const params: Record<string, string> = {};
  for (const [k, v] of url.searchParams) params[k] = v;
  if (request.body !== undefined) for (const [k, v] of new URLSearchParams(request.body)) params[k] = v;
  const sorted = Object.fromEntries(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.parse(
    term.scrub(
      JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body ?? null, params: sorted }),
    ),
  ) as Record<string, unknown>;
}
