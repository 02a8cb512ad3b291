// When a request's parameters may ride in the URL. One rule for both of the client's questions:
// "may this GET stay a GET?" and "may this POST keep its Action parameters in the query?".

/** A GET whose URL could exceed this length is sent as POST with the parameters in the body. */
export const MAX_GET_URL_LENGTH = 8000;

/** `/?` between the endpoint and the query. */
const PATH_ROOM = '/?'.length;
/** `&Signature=` and the longest encoded signature (28 base64 characters, each up to `%XY`). */
const SIGNATURE_ROOM = '&Signature='.length + 28 * 3;

/**
 * Whether `endpoint/?<query>&Signature=<signature>` stays within MAX_GET_URL_LENGTH, for a
 * canonical query of `queryLength` characters, whatever the signature turns out to be.
 */
export function fitsInUrl(endpoint: string, queryLength: number): boolean {
  return endpoint.length + PATH_ROOM + queryLength + SIGNATURE_ROOM <= MAX_GET_URL_LENGTH;
}
