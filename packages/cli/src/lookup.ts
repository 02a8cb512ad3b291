// Finds the Action a user named: as in the API (CheckDomain) or in kebab case (check-domain), in
// any case. A name that matches nothing gets the nearest names.
import { closestNames } from '@alidomain/core/internal';
import type { ActionEntry } from './command-types.js';
import { actions } from './generated/actions.js';
import { UsageError } from './exit-codes.js';

/** CheckDomain, check-domain, checkdomain and CHECK_DOMAIN all key as "checkdomain". */
const key = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

let index: Map<string, ActionEntry> | undefined;

export function findAction(name: string): ActionEntry | undefined {
  index ??= new Map(actions.map((a) => [key(a.name), a]));
  return index.get(key(name));
}

/** `CheckDomain` → `check-domain`. */
export const kebab = (name: string): string =>
  name
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

/** The Action named `name`, or a UsageError that suggests the nearest Action names. */
export function actionNamed(name: string): ActionEntry {
  const found = findAction(name);
  if (found) return found;
  const near = closestNames(
    name,
    actions.map((a) => a.name),
  );
  const hint = near.length ? ` Did you mean ${near.join(' or ')}?` : '';
  throw new UsageError(`"${name}" is not an Action of the API or a command of alidomain.${hint} (alidomain --help lists them.)`);
}
