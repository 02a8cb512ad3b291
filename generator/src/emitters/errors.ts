// Emits packages/client/src/generated/errors.ts: the error catalogue of the document (appendix
// 6.1, `x-alidomain-error-codes`) as the `CommonErrorCode` type, and `isErrorCode` typed with it.
import type { Model } from '../model.js';
import { header, literal } from '../print.js';

export function errorsFile(model: Model): string {
  const codes = model.errors.map(
    (e) =>
      `  /** ${[e.description, e.descriptionZh].filter(Boolean).join(' ').replaceAll('*/', '*\\/')}${e.httpStatus === undefined ? '' : ` (HTTP ${e.httpStatus})`} */\n  | ${literal(e.code)}`,
  );
  return `${header(model)}
import { isErrorCode as isCode, type DomainApiError } from '@alidomain/core';

/** The error codes of the document's catalogue (appendix 6.1). The API may return others. */
export type CommonErrorCode =
${codes.join('\n')};

/** \`e\` is an API error with exactly this code; the catalogue's codes complete, any other string is accepted. */
export const isErrorCode: <C extends CommonErrorCode | (string & {})>(e: unknown, code: C) => e is DomainApiError & { readonly code: C } = isCode;
`;
}
