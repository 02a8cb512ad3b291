// The spec names each operation's path `/#Action=<Action>`: an RPC API has one URL, and OpenAPI
// needs one path per operation. The fragment is never sent, so the Action is read from it here
// and travels as the `Action` query parameter instead.
import { DomainValidationError } from '@alidomain/core';

const ACTION_PATH = /^\/?#Action=([A-Za-z][A-Za-z0-9]*)$/;

/** The Action a spec path names (`/#Action=CheckDomain` → `CheckDomain`). */
export function actionOfPath(path: string): string {
  const m = ACTION_PATH.exec(path);
  if (m === null) {
    throw new DomainValidationError('(unknown Action)', [
      { param: 'Action', expected: 'a path of the alidomain spec, "/#Action=<Action>"', got: JSON.stringify(path) },
    ]);
  }
  return m[1]!;
}
