// Errors as the API returns them: a code, an HTTP status and a message. Codes of the document's
// catalogue take its status and message; `“parameter name”` in a message becomes the parameter.
import { errorCatalogue } from './generated/errors.js';

/** Codes the catalogue lacks that the API's gateway returns for requests it refuses. */
const GATEWAY: Readonly<Record<string, { status: number; message: string }>> = {
  SignatureNonceUsed: { status: 400, message: 'Specified signature nonce was used already.' },
  'InvalidTimeStamp.Format': { status: 400, message: 'Specified time stamp or date value is not well formatted.' },
  'InvalidTimeStamp.Expired': { status: 400, message: 'Specified time stamp or date value is expired.' },
  IncompleteSignature: { status: 400, message: 'The request signature does not conform to Aliyun standards.' },
  UnsupportedHTTPMethod: { status: 400, message: 'This http method is not supported.' },
};

const catalogue = new Map(errorCatalogue.map((e) => [e.code, e]));

export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error `code`, with the catalogue's status and message (`param` fills in the parameter's name). */
export function apiError(code: string, param?: string, detail?: string): ApiError {
  const known = catalogue.get(code) ?? GATEWAY[code];
  const base = known?.message ?? code;
  const named = param === undefined ? base : base.replace(/“parameter name”|"parameter name"/, `“${param}”`);
  return new ApiError(code, known?.status ?? 400, detail === undefined ? named : `${named} ${detail}`);
}

/** An error of the Action's own, outside the catalogue (a domain that is taken, a group that does not exist). */
export function actionError(code: string, message: string, status = 400): ApiError {
  return new ApiError(code, status, message);
}
