// Input validation by default, response validation on request. Each Action's precompiled
// validator (@alidomain/validators/actions/<Action>) is imported on the Action's first call,
// so importing the client stays cheap and a bundle carries only the validators it uses.
import { DomainClientCore, DomainValidationError, type ActionMeta, type DomainClientOptions, type SendOptions } from '@alidomain/core';

type ValidatorModule = Record<string, (value: unknown) => string[]>;

const modules = new Map<string, Promise<ValidatorModule>>();
// Modules already imported: from the second call of an Action on, validation is synchronous.
const loaded = new Map<string, ValidatorModule>();

function validatorsOf(action: string): Promise<ValidatorModule> {
  let mod = modules.get(action);
  if (mod === undefined) {
    mod = (import(`@alidomain/validators/actions/${action}`) as Promise<ValidatorModule>).then((m) => {
      loaded.set(action, m);
      return m;
    });
    modules.set(action, mod);
  }
  return mod;
}

function check(action: string, kind: 'Request' | 'Response', value: unknown): string[] | Promise<string[]> {
  const run = (m: ValidatorModule): string[] => m[`validate${action}${kind}`]?.(value) ?? [];
  const mod = loaded.get(action);
  return mod !== undefined ? run(mod) : validatorsOf(action).then(run);
}

/** Checks a call's input against the spec: one line per problem, naming the wire parameter. */
export function validateInput(meta: ActionMeta, input: unknown): string[] | Promise<string[]> {
  return check(meta.action, 'Request', input);
}

/** Checks a parsed response against the spec (fields the spec does not list are allowed). */
export async function validateOutput(meta: ActionMeta, body: unknown): Promise<string[]> {
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

/** DomainClientCore with the spec's validators wired in; the generated DomainClient extends it. */
export class ValidatingClient extends DomainClientCore {
  readonly #responses: DomainClientConfig['validateResponses'];

  constructor(options: DomainClientConfig = {}) {
    super({ ...options, validate: options.validate ?? (options.validation === false ? undefined : validateInput) });
    this.#responses = options.validateResponses;
  }

  override send<I, O>(meta: ActionMeta, input: I, opts?: SendOptions): Promise<O> {
    const out = super.send<I, O>(meta, input, opts);
    return this.#responses ? out.then((body) => this.#checkResponse(meta, body)) : out;
  }

  async #checkResponse<O>(meta: ActionMeta, body: O): Promise<O> {
    const problems = await validateOutput(meta, body);
    if (problems.length > 0) {
      if (typeof this.#responses === 'function') this.#responses(meta.action, problems);
      else throw new DomainValidationError(meta.action, problems.map((message) => ({ param: '(response)', expected: '', got: '', message })));
    }
    return body;
  }
}
