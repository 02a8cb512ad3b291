// The one place a generic client's call becomes a Domain API request: the spec's parameters are
// checked and serialised as @alidomain/client does (Name.N lists, Name.N.Field object lists, JSON
// text), the common parameters added and the whole signed by @alidomain/core. The openapi-fetch
// middleware and the hey-api interceptor only gather a call's parts and hand them here.
import { actionMetas, validateInput } from '@alidomain/client';
import {
  DEFAULT_ENDPOINT,
  DomainClientCore,
  DomainOptionsError,
  DomainValidationError,
  type ActionMeta,
  type CredentialsProvider,
  type ResponseFormat,
  type ValidationProblem,
} from '@alidomain/core';
import {
  CLIENT_OPTION_CHECKS,
  checkOptions,
  defaultCredentialsProvider,
  didYouMean,
  normalizeEndpoint,
  prepareRequest,
  serializeInput,
} from '@alidomain/core/internal';

export interface AlidomainAdapterOptions {
  /** Where credentials come from; default: the options below, then the environment and the Alibaba Cloud CLI config. */
  readonly credentials?: CredentialsProvider;
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly securityToken?: string;
  /** Alibaba Cloud CLI profile name. */
  readonly profile?: string;
  /** Path of the Alibaba Cloud CLI config; default `~/.aliyun/config.json`. */
  readonly configPath?: string;
  /**
   * Check each call against the Action's request schema before sending (default true): a problem
   * rejects the call with DomainValidationError, naming the wire parameter, and nothing is sent.
   */
  readonly validate?: boolean;
  readonly userAgent?: string;
}

/** One call of a generic client, as its middleware or interceptor sees it. */
export interface AlidomainCall {
  /** The Action, as the operation's path `/#Action=<Action>` names it. */
  readonly action: string;
  /** The client's base URL; default https://domain.aliyuncs.com. */
  readonly baseUrl?: string | undefined;
  /** The operation's parameters, by wire base name (`DomainName`, `OrderRenewParam`). */
  readonly query?: Readonly<Record<string, unknown>> | undefined;
  /** The request body's parameters (the form fields of the two POST Actions). */
  readonly body?: unknown;
  /** Headers of the client's request to keep (the adapter sets accept, content-type and user-agent). */
  readonly headers?: Headers | undefined;
  readonly signal?: AbortSignal | null | undefined;
}

/** Builds the signed request of one call; rejects with DomainValidationError (nothing to send) or DomainCredentialsError. */
export type AlidomainSigner = (call: AlidomainCall) => Promise<Request>;

const validateOption = (value: unknown, option: string): void => {
  if (typeof value !== 'boolean') throw new DomainOptionsError(option, `expected true or false, received ${typeof value}`);
};

const OPTION_CHECKS = {
  credentials: CLIENT_OPTION_CHECKS.credentials,
  accessKeyId: CLIENT_OPTION_CHECKS.accessKeyId,
  accessKeySecret: CLIENT_OPTION_CHECKS.accessKeySecret,
  securityToken: CLIENT_OPTION_CHECKS.securityToken,
  profile: CLIENT_OPTION_CHECKS.profile,
  configPath: CLIENT_OPTION_CHECKS.configPath,
  userAgent: CLIENT_OPTION_CHECKS.userAgent,
  validate: validateOption,
} as const satisfies Record<keyof AlidomainAdapterOptions, (value: unknown, option: string) => unknown>;

/** Parameters every operation has, which the adapter writes itself. */
const FIXED = new Set(['Action', 'Version', 'Format']);

// No `message`: DomainValidationError writes the line from the three parts.
const problem = (param: string, expected: string, got: string): ValidationProblem => ({ param, expected, got });

function metaOf(action: string): ActionMeta {
  if (Object.hasOwn(actionMetas, action)) return actionMetas[action as keyof typeof actionMetas];
  const names = Object.keys(actionMetas);
  throw new DomainValidationError(action, [
    {
      ...problem('Action', `one of the ${names.length} Actions of the spec`, JSON.stringify(action)),
      message: `Action: expected one of the ${names.length} Actions of the spec, received ${JSON.stringify(action)}${didYouMean(action, names)}`,
    },
  ]);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Action's input (query and body merged) and the response format, or every problem with them. */
function inputOf(meta: ActionMeta, call: AlidomainCall): { input: Record<string, unknown>; format: ResponseFormat } {
  const problems: ValidationProblem[] = [];
  const input: Record<string, unknown> = {};
  const query = call.query ?? {};
  const { Action, Version, Format } = query;
  if (Action !== undefined && Action !== meta.action)
    problems.push(
      problem('Action', `${JSON.stringify(meta.action)}, the Action of the path "/#Action=${meta.action}"`, JSON.stringify(Action)),
    );
  if (Version !== undefined && Version !== meta.version)
    problems.push(problem('Version', JSON.stringify(meta.version), JSON.stringify(Version)));
  if (Format !== undefined && Format !== 'JSON' && Format !== 'XML')
    problems.push(problem('Format', '"JSON" or "XML"', JSON.stringify(Format)));
  for (const [name, value] of Object.entries(query)) if (!FIXED.has(name)) input[name] = value;
  if (call.body !== undefined && call.body !== null) {
    if (!isRecord(call.body))
      problems.push(problem('(body)', 'an object of form parameters', Array.isArray(call.body) ? 'an array' : typeof call.body));
    else
      for (const [name, value] of Object.entries(call.body)) {
        if (Object.hasOwn(input, name)) problems.push(problem(name, 'in the query or in the body, not both', 'both'));
        else input[name] = value;
      }
  }
  if (problems.length > 0) throw new DomainValidationError(meta.action, problems);
  return { input, format: Format === 'XML' ? 'XML' : 'JSON' };
}

// prepareRequest only signs; a transport is never asked for.
const noTransport = (): never => {
  throw new Error('@alidomain/openapi-fetch sends through the generic client, not a transport');
};

/** A signer with its own credentials and settings; the middleware and interceptor each make one. */
export function createAlidomainSigner(options: AlidomainAdapterOptions = {}): AlidomainSigner {
  checkOptions(options as Record<string, unknown>, OPTION_CHECKS);
  const { credentials, validate = true, userAgent, ...keys } = options;
  const provider = credentials ?? defaultCredentialsProvider(keys);
  // One runtime per endpoint and format: it holds the headers and the URL it signs for.
  const cores = new Map<string, DomainClientCore>();
  const coreOf = (endpoint: string, format: ResponseFormat): DomainClientCore => {
    const key = `${format} ${endpoint}`;
    let core = cores.get(key);
    if (core === undefined) {
      core = new DomainClientCore({
        endpoint,
        format,
        credentials: provider,
        transport: noTransport,
        ...(userAgent === undefined ? {} : { userAgent }),
      });
      cores.set(key, core);
    }
    return core;
  };

  return async (call) => {
    const meta = metaOf(call.action);
    const { input, format } = inputOf(meta, call);
    if (validate) {
      const problems = await validateInput(meta, input);
      if (problems.length > 0) throw new DomainValidationError(meta.action, problems);
    }
    const wire = serializeInput(meta, input);
    const core = coreOf(normalizeEndpoint(call.baseUrl || DEFAULT_ENDPOINT), format);
    const prepared = await prepareRequest(core, meta, wire, await provider());
    const headers = new Headers(call.headers);
    headers.delete('content-type');
    headers.delete('content-length');
    for (const [name, value] of Object.entries(prepared.headers)) headers.set(name, value);
    return new Request(prepared.url, {
      method: prepared.method,
      headers,
      body: prepared.body ?? null,
      ...(call.signal ? { signal: call.signal } : {}),
    });
  };
}
