// openapi-typescript types every operation's `Action` and `Version` as required query parameters,
// as the spec lists them. The adapter writes both (and `Format`), so callers need not: these types
// make them optional, and the whole `query` optional when nothing else is required.

/** The parameters every operation has, which the adapter fills in. */
type Fixed = 'Action' | 'Version' | 'Format';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type LooseQuery<Q> = Omit<Q, Fixed> & { [K in Fixed & keyof Q]?: Q[K] };

type LooseParameters<P> = P extends { query: infer Q } | { query?: infer Q }
  ? Omit<P, 'query'> & ([RequiredKeys<LooseQuery<Q>>] extends [never] ? { query?: LooseQuery<Q> } : { query: LooseQuery<Q> })
  : P;

type LooseOperation<O> = O extends { parameters: infer P } ? Omit<O, 'parameters'> & { parameters: LooseParameters<P> } : O;

/**
 * openapi-typescript's `paths` for the alidomain spec, with `Action`, `Version` and `Format`
 * optional: `createClient<AlidomainPaths<paths>>(…)`.
 */
export type AlidomainPaths<Paths> = {
  [Path in keyof Paths]: {
    [Method in keyof Paths[Path]]: Method extends 'parameters' ? LooseParameters<Paths[Path][Method]> : LooseOperation<Paths[Path][Method]>;
  };
};
