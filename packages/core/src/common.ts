import type * as NodeCrypto from 'node:crypto';
import type { WireParam } from './canonical.js';
import { nodeBuiltin } from './node-builtins.js';

export type ResponseFormat = 'JSON' | 'XML';

/** ISO 8601 UTC without milliseconds, e.g. `2026-12-01T12:00:00Z`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().slice(0, 19) + 'Z';
}

let lastSecond = -1;
let lastTimestamp = '';

/** formatTimestamp of the current time, formatted once per second (this runs on every attempt). */
export function currentTimestamp(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== lastSecond) {
    lastTimestamp = formatTimestamp(new Date(second * 1000));
    lastSecond = second;
  }
  return lastTimestamp;
}

// In Node, node:crypto's own randomUUID (looked up on first use, as hmac.ts does): signing loads
// that module anyway, and globalThis.crypto would load all of WebCrypto besides (about 2 ms of a
// command-line start-up). Elsewhere, WebCrypto's.
let uuids: { randomUUID(): string } | undefined;

/** A fresh random nonce (UUID v4) for SignatureNonce. */
export function newNonce(): string {
  return (uuids ??= nodeBuiltin<typeof NodeCrypto>('node:crypto') ?? crypto).randomUUID();
}

export interface CommonParamsInput {
  readonly action: string;
  /** The API version (`Version`): the Action's, from its ActionMeta. */
  readonly version: string;
  readonly accessKeyId: string;
  readonly securityToken?: string | undefined;
  readonly format?: ResponseFormat;
  /** Defaults to the current time. */
  readonly now?: Date;
  /** Defaults to a fresh UUID. */
  readonly nonce?: string;
}

/** The common request parameters, without Signature. Call once per attempt (fresh Timestamp and nonce). */
export function commonParams(input: CommonParamsInput): WireParam[] {
  const params: WireParam[] = [
    ['Action', input.action],
    ['Version', input.version],
    ['Format', input.format ?? 'JSON'],
    ['AccessKeyId', input.accessKeyId],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', input.nonce ?? newNonce()],
    ['Timestamp', input.now === undefined ? currentTimestamp() : formatTimestamp(input.now)],
  ];
  if (input.securityToken !== undefined && input.securityToken !== '') {
    params.push(['SecurityToken', input.securityToken]);
  }
  return params;
}

export const COMMON_PARAM_NAMES: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'Signature',
]);
