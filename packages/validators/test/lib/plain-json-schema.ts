// The package's .json schemas as a validator that knows none of the custom formats sees them:
// @cfworker/json-schema (2020-12), an implementation independent of ajv, which ignores formats it
// does not know and checks `pattern` with the `u` flag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import { pkgDir } from '../helpers.js';

export type Side = 'request' | 'response';

export const jsonSchemaPath = (action: string, side: Side): string => join(pkgDir, 'json', `${action}.${side}.json`);

export const readJsonSchema = (action: string, side: Side): Record<string, unknown> =>
  JSON.parse(readFileSync(jsonSchemaPath(action, side), 'utf8')) as Record<string, unknown>;

const validators = new Map<string, Validator>();

/** Whether @cfworker/json-schema accepts `value` against the Action's .json schema. */
export function plainVerdict(action: string, value: unknown, side: Side = 'request'): boolean {
  const key = `${action}.${side}`;
  let validator = validators.get(key);
  if (!validator) {
    validator = new Validator(readJsonSchema(action, side), '2020-12', false);
    validators.set(key, validator);
  }
  return validator.validate(value).valid;
}

/** The `pattern` of a request parameter's schema (or of its items), as the .json schema has it. */
export function patternOf(action: string, param: string): string {
  const props = readJsonSchema(action, 'request').properties as Record<string, { pattern?: string; items?: { pattern?: string } }>;
  const s = props[param];
  const pattern = s?.pattern ?? s?.items?.pattern;
  if (pattern === undefined) throw new Error(`${action}.${param} has no pattern`);
  return pattern;
}

/** One request case of test/fixtures/json-schema-requests.json. */
export interface RequestCase {
  name: string;
  action: string;
  request: unknown;
  /** The verdict of @alidomain/validators. */
  valid: boolean;
  /** For a bad request: the rule it breaks. */
  rule?: string;
  /** The rule is checked by a custom format alone: a validator without the formats accepts the request. */
  onlyFormat?: true;
}
