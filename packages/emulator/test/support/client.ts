// What the handler tests share: a client of an emulator, and checks of what it answers.
import { expect } from 'vitest';
import { DomainApiError, DomainClient } from '@alidomain/client';
import { validateResponse, type ActionName } from '@alidomain/validators';
import type { Emulator } from '../../src/index.js';

/** Our client for `emulator`, with its default key, trying each call once. */
export const clientOf = (emulator: Emulator): DomainClient =>
  new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', maxAttempts: 1 });

/** The body, once checked against the Action's response schema. */
export function valid<T>(action: ActionName, body: T): T {
  expect(validateResponse(action, body)).toEqual([]);
  return body;
}

/** The API error a call ends with (the test fails if it succeeds or fails otherwise). */
export async function refusal(call: Promise<unknown>): Promise<DomainApiError> {
  const e = await call.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainApiError);
  return e as DomainApiError;
}
