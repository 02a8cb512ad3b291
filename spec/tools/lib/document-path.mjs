// Where the reference document is: ALIDOMAIN_DOCUMENT, else ../shared/seed/ beside the repository.
// A public clone has no document; the checks that read it then step aside with a notice.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const DOCUMENT_VARIABLE = 'ALIDOMAIN_DOCUMENT';
export const DOCUMENT = process.env[DOCUMENT_VARIABLE] ?? resolve(repository, '../shared/seed/000_c3dabf40bed88ec2.txt');

export const hasDocument = () => existsSync(DOCUMENT);

/**
 * One line: what was skipped and how to provide the document.
 * @param {string} what
 */
export function missingDocumentNotice(what) {
  return `${what} skipped: no reference document at ${DOCUMENT} (set ${DOCUMENT_VARIABLE} to its path; the default is ../shared/seed/ beside the repository)`;
}
