// @alidomain/validators: precompiled validators for every Action of the spec they were generated from.
//
//   validateRequest('CheckDomain', { DomainName: 'example.com' })   // → [] (valid)
//   validateRequest('CheckDomain', { DomainName: 'xn--fiq228c.com' }) // → ['DomainName: expected a domain name …']
//
// For one Action only (smallest bundle): import { validateCheckDomainRequest } from '@alidomain/validators/actions/CheckDomain'.
import { actionNames, requestValidators, responseValidators, type ActionName } from './generated/index.js';

export * from './generated/index.js';
export type { Validator, ValidateOptions } from './check.js';
export type { Problem } from './messages.js';
import type { ValidateOptions } from './check.js';
export type { JsonSchema } from './types.js';
export {
  domainNameListProblem,
  domainNameProblem,
  hostLabelProblem,
  hostNameProblem,
  isDomainName,
  punycodeEncode,
  toAsciiLabel,
} from './domain-name.js';
export { formats, isInt64String } from './formats.js';

const isAction = (action: string): action is ActionName => Object.prototype.hasOwnProperty.call(requestValidators, action);

function unknownAction(action: string): string[] {
  // The example is the name that differs only in case, when there is one (`checkDomain`).
  const like = actionNames.find((n) => n.toLowerCase() === action.toLowerCase()) ?? actionNames[0];
  return [`Action: expected one of the ${actionNames.length} Actions (such as ${like}), received ${JSON.stringify(action)}`];
}

/**
 * Checks the parameters of a call to `action` (the object the client takes: wire base names as
 * keys, lists as arrays, int64 values as number, bigint or decimal string). Returns one line per
 * problem, naming the parameter as on the wire (`OrderActivateParam.2.DomainName`); empty when valid.
 */
export function validateRequest(action: ActionName, input: unknown): string[] {
  return isAction(action) ? requestValidators[action](input) : unknownAction(action);
}

/**
 * Checks a JSON response body of `action` (HTTP 200) against the spec. Fields the spec does not
 * list are allowed (the API may add some) unless `options.unknownFields` is `'report'`.
 * Returns one line per problem, naming fields by their path (`Data.Domain[0].DomainName`); empty when valid.
 */
export function validateResponse(action: ActionName, body: unknown, options?: ValidateOptions): string[] {
  return isAction(action) ? responseValidators[action](body, options) : unknownAction(action);
}
