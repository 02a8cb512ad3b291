import { readFileSync } from 'node:fs';
import type { Transport, TransportRequest, TransportResponse } from '../src/transport/types.js';

/** Reads a fixture file as text. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
}

export function fixtureJson<T>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}

/** A transport answering from a script of responses (or errors to throw), recording each request; the last step repeats. */
export function scripted(...steps: (TransportResponse | Error)[]): Transport & { calls: TransportRequest[] } {
  const calls: TransportRequest[] = [];
  const t = (async (req: TransportRequest) => {
    calls.push(req);
    const step = steps[Math.min(calls.length, steps.length) - 1]!;
    if (step instanceof Error) throw step;
    return step;
  }) as Transport & { calls: TransportRequest[] };
  t.calls = calls;
  return t;
}

/** An API error document as the service sends it. */
export const errorBody = (code: string, status = 400, headers: Record<string, string> = {}): TransportResponse => ({
  status,
  headers,
  body: JSON.stringify({ RequestId: 'req-1', HostId: 'domain.aliyuncs.com', Code: code, Message: `${code} happened` }),
});
