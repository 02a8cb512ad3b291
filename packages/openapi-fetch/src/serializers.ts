// What the generic clients must not do themselves. Their query serialisers append the query after
// the path, that is after `#Action=…`, where no server sees it, and cannot write `Name.N` or
// `Name.N.Field` lists; their JSON body serialiser cannot write a bigint. The adapter builds the
// whole URL and body itself, so the client's part is only to hand the values over intact.

/** A query serialiser that writes nothing: the adapter serialises the query from the parameters. */
export const querySerializer = (): string => '';

/**
 * JSON text of a request body, with a bigint written as its decimal digits (int64 parameters take
 * them), so the adapter can read the values back exactly.
 */
export const bodySerializer = (body: unknown): string =>
  JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

/** The client options that leave the URL and body to the adapter: spread them into `createClient`. */
export const alidomainSerializers: { readonly querySerializer: typeof querySerializer; readonly bodySerializer: typeof bodySerializer } =
  Object.freeze({ querySerializer, bodySerializer });
