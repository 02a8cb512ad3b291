// Input validation by default, response validation on request. Each Action's precompiled
// validator (@alidomain/validators/actions/<Action>) is imported on the Action's first call,
// so importing the client stays cheap and a bundle carries only the validators it uses.
import {
  DomainClientCore,
  DomainOptionsError,
  DomainValidationError,
  type ActionMeta,
  type DomainClientOptions,
  type SendOptions,
  type ValidationProblem,
} from '@alidomain/core';
import { CLIENT_OPTION_CHECKS, checkOptions } from '@alidomain/core/internal';

interface Problem {
  param: string;
  expected: string;
  received: string;
  message: string;
}
type ValidatorModule = Record<string, { problems(value: unknown): Problem[] }>;

const modules = new Map<string, Promise<ValidatorModule>>();
// Modules already imported: from the second call of an Action on, validation is synchronous.
const loaded = new Map<string, ValidatorModule>();

function validatorsOf(action: string): Promise<ValidatorModule> {
  let mod = modules.get(action);
  if (mod === undefined) {
    mod = (import(`@alidomain/validators/actions/${action}`) as Promise<ValidatorModule>).then(
      (m) => {
        loaded.set(action, m);
        return m;
      },
      (e: unknown) => {
        // A failed import (a file being rebuilt, a network blip in a browser) must not fail the Action for good.
        modules.delete(action);
        throw e;
      },
    );
    modules.set(action, mod);
  }
  return mod;
}

function check(action: string, kind: 'Request' | 'Response', value: unknown): ValidationProblem[] | Promise<ValidationProblem[]> {
  const run = (m: ValidatorModule): ValidationProblem[] =>
    (m[`validate${action}${kind}`]?.problems(value) ?? []).map((p) => ({
      param: p.param,
      expected: p.expected,
      got: p.received,
      message: p.message,
    }));
  const mod = loaded.get(action);
  return mod !== undefined ? run(mod) : validatorsOf(action).then(run);
}

/** Checks a call's input against the spec: one problem per broken rule, naming the wire parameter. */
export function validateInput(meta: ActionMeta, input: unknown): ValidationProblem[] | Promise<ValidationProblem[]> {
  return check(meta.action, 'Request', input);
}

/** Checks a parsed response against the spec (fields the spec does not list are allowed). */
export async function validateOutput(meta: ActionMeta, body: unknown): Promise<ValidationProblem[]> {
  return check(meta.action, 'Response', body);
}

export interface DomainClientConfig extends DomainClientOptions {
  /** Check every input against the spec before sending (default true); invalid input is never sent. */
  readonly validation?: boolean;
  /**
   * Debugging aid: check every response against the spec. `true` rejects the call with
   * DomainValidationError when the body does not match; a function receives the problems instead.
   */
  readonly validateResponses?: boolean | ((action: string, problems: string[]) => void);
}

// Built on first use: as a module-level object spread it would stay in every bundle that imports
// the package, since a bundler cannot prove the spread free of side effects.
const validatingOptionChecks = () => ({
  ...CLIENT_OPTION_CHECKS,
  validation: (v: unknown, o: string) => {
    if (typeof v !== 'boolean') throw new DomainOptionsError(o, `expected true or false, received a ${typeof v}`);
  },
  validateResponses: (v: unknown, o: string) => {
    if (typeof v !== 'boolean' && typeof v !== 'function')
      throw new DomainOptionsError(o, `expected true, false or a function, received a ${typeof v}`);
  },
});

/** DomainClientCore with the spec's validators wired in; the generated DomainClient extends it. */
export class ValidatingClient extends DomainClientCore {
  readonly #responses: DomainClientConfig['validateResponses'];

  constructor(options: DomainClientConfig = {}) {
    checkOptions(options as Record<string, unknown>, validatingOptionChecks());
    const { validation, validateResponses, ...core } = options;
    const validate = core.validate ?? (validation === false ? undefined : validateInput);
    super(validate === undefined ? core : { ...core, validate });
    this.#responses = validateResponses;
  }

  override send<I, O>(meta: ActionMeta, input: I, opts?: SendOptions): Promise<O> {
    const out = super.send<I, O>(meta, input, opts);
    return this.#responses ? out.then((body) => this.#checkResponse(meta, body)) : out;
  }

  async #checkResponse<O>(meta: ActionMeta, body: O): Promise<O> {
    const problems = await validateOutput(meta, body);
    if (problems.length > 0) {
      if (typeof this.#responses === 'function')
        this.#responses(
          meta.action,
          problems.map((p) => p.message ?? p.param),
        );
      else throw new DomainValidationError(meta.action, problems);
    }
    return body;
  }
}
