// The spec's checks of an input, from @alidomain/validators: each Action's precompiled validator,
// which comes with the Action's command module (the command loads no other Action's code).
import type { ValidationProblem } from '@alidomain/core';
import type { ActionCommand } from './command-types.js';

/** Every problem of `input` as a call of the Action, naming wire parameters (`OrderActivateParam.2.DomainName`). */
export function problemsOf(command: ActionCommand, input: unknown): ValidationProblem[] {
  return command.validator.problems(input).map((p) => ({ param: p.param, expected: p.expected, got: p.received, message: p.message }));
}

/** A problem as one line: `DomainName: expected …, received …`. */
export const problemLine = (p: ValidationProblem): string => p.message ?? `${p.param}: expected ${p.expected}, received ${p.got}`;
