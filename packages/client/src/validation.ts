// Input validation by default, response validation on request. Each Action's precompiled
// validator (@alidomain/validators/actions/<Action>) is imported on the Action's first call,
// so importing the client stays cheap and a bundle carries only the validators it uses.
import { DomainClientCore, DomainValidationError, type ActionMeta, type DomainClientOptions, type SendOptions } from '@alidomain/core';

type ValidatorModule = Record<string, (value: unknown) => string[]>;

const modules = new Map<string, Promise<ValidatorModule>>();

function validatorsOf(action: string): Promise<ValidatorModule> {
  let mod = modules.get(action);
  if (mod === undefined) {
    mod = import(`@alidomain/validators/actions/${action}`) as Promise<ValidatorModule>;
    modules.set(action, mod);
  }
  return mod;
}

/** Checks a call's input against the spec: one line per problem, naming the wire parameter. */
export async function validateInput(meta: ActionMeta, input: unknown): Promise<string[]> {
  const validate = (await validatorsOf(meta.action))[`validate${meta.action}Request`];
  return validate ? validate(input) : [];
}

/** Checks a parsed response against the spec (fields the spec does not list are allowed). */
export async function validateOutput(meta: ActionMeta, body: unknown): Promise<string[]> {
  const validate = (await validatorsOf(meta.action))[`validate${meta.action}Response`];
  return validate ? validate(body) : [];
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

/** DomainClientCore with the spec's validators wired in; the generated DomainClient extends it. */
export class ValidatingClient extends DomainClientCore {
  readonly #responses: DomainClientConfig['validateResponses'];

  constructor(options: DomainClientConfig = {}) {
    super({ ...options, validate: options.validate ?? (options.validation === false ? undefined : validateInput) });
    this.#responses = options.validateResponses;
  }

  override async send<I, O>(meta: ActionMeta, input: I, opts?: SendOptions): Promise<O> {
    const out = await super.send<I, O>(meta, input, opts);
    if (this.#responses) {
      const problems = await validateOutput(meta, out);
      if (problems.length > 0) {
        if (typeof this.#responses === 'function') this.#responses(meta.action, problems);
        else throw new DomainValidationError(meta.action, problems.map((message) => ({ param: '(response)', expected: '', got: '', message })));
      }
    }
    return out;
  }
}
