import { DomainValidationError, type ActionMeta } from '@alidomain/core';
import { didYouMean } from '@alidomain/core/internal';

/**
 * The metadata of the Action named `action`, or a DomainValidationError naming it and the nearest
 * Action names (for JavaScript callers, and TypeScript callers with a name from elsewhere).
 */
export function actionMetaOf(metas: Readonly<Record<string, ActionMeta>>, action: unknown): ActionMeta {
  if (typeof action === 'string' && Object.hasOwn(metas, action)) return metas[action]!;
  const names = Object.keys(metas);
  const got = typeof action === 'string' ? JSON.stringify(action) : action == null ? String(action) : `a ${typeof action}`;
  const expected = `the name of one of the ${names.length} Actions, such as ${JSON.stringify(names[0])}`;
  const hint = typeof action === 'string' ? didYouMean(action, names) : '';
  throw new DomainValidationError(typeof action === 'string' ? action : '(unknown Action)', [
    { param: 'Action', expected, got, message: `Action: expected ${expected}, received ${got}${hint}` },
  ]);
}
