// What every Action shares: the common parameters (3.2), the signature (3.5), the error body and
// responses (3.4), the error catalogue (6.1), the domain-name rules (6.2), the identity-credential
// types (6.3) and the name schemas. What the appendices list comes from the reader (appendix.mjs);
// what the document says in prose comes from spec/overrides/document.yaml.

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Appendix} Appendix */
/** @typedef {import('../types.js').DocumentData} DocumentData */

/**
 * `components` of the spec.
 * @param {Appendix} appendix
 * @param {DocumentData} data
 * @returns {Schema}
 */
export function components(appendix, data) {
  /** @param {number[]} statuses */
  const byStatus = (statuses) =>
    appendix.errors
      .filter((e) => e.httpStatus !== undefined && statuses.includes(e.httpStatus))
      .map((e) => `- \`${e.code}\` (${e.httpStatus}): ${e.message} ${e.description}`)
      .join('\n');
  /**
   * Examples of an error response: the section 3.4 example where it is of this kind, and one body
   * per appendix 6.1 code of the statuses (the catalogue's message; the example's RequestId and HostId).
   * @param {number[]} statuses
   * @param {boolean} withDocument
   */
  const errorExamples = (statuses, withDocument) => ({
    ...(withDocument
      ? { document: { summary: `The document's example (section 3.4): ${data.errorExample.Code}`, value: data.errorExample } }
      : {}),
    ...Object.fromEntries(
      appendix.errors
        .filter((e) => e.httpStatus !== undefined && statuses.includes(e.httpStatus))
        .map((e) => [
          e.code,
          {
            summary: `${e.code} (HTTP ${e.httpStatus})`,
            value: { RequestId: data.errorExample.RequestId, HostId: data.errorExample.HostId, Code: e.code, Message: e.message },
          },
        ]),
    ),
  });
  /** @param {{ description: string, statuses: number[], documentExample?: boolean }} response */
  const errorResponse = ({ description, statuses, documentExample }) => ({
    description: `${description}\n\nCommon codes (appendix 6.1):\n${byStatus(statuses)}`,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorResponse' },
        examples: errorExamples(statuses, documentExample === true),
      },
      'application/xml': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
    },
  });
  const errorBody = structuredClone(data.errorResponse);
  errorBody.properties.Code.examples = errorCodes(appendix, data).map((e) => e.code);
  /** @param {import('../types.js').CommonParameter} p */
  const parameter = ({ name, required, description, schema }) => ({ name, in: 'query', required, description, schema });
  const signing = data.commonParameters.filter((p) => p.signing);
  return {
    // The signing parameters belong to the scheme: what a client adds to every request when it signs.
    securitySchemes: Object.fromEntries(
      Object.entries(data.securitySchemes).map(([name, scheme]) => [name, { ...scheme, 'x-alidomain-parameters': signing.map(parameter) }]),
    ),
    parameters: Object.fromEntries(
      data.commonParameters.filter((p) => !p.signing).map((p) => [p.name, { ...parameter(p), 'x-alidomain-common': true }]),
    ),
    schemas: {
      ErrorResponse: errorBody,
      DomainName: {
        type: 'string',
        format: 'alidomain-domain-name',
        minLength: 1,
        description: `域名合法性（附录6.2）：\n${appendix.domainNameRules.map((r) => `- ${r}`).join('\n')}`,
        'x-alidomain-rules': data.domainNameRules,
      },
      IdentityCredentialType: {
        type: 'string',
        description: data.identityCredentialType.description,
        enum: appendix.credentialTypes.map((t) => t.code),
        'x-enumDescriptions': Object.fromEntries(appendix.credentialTypes.map((t) => [t.code, t.meaning])),
        'x-alidomain-holder': Object.fromEntries(appendix.credentialTypes.map((t) => [t.code, t.holder])),
      },
      ...data.nameSchemas,
    },
    responses: Object.fromEntries(Object.entries(data.errorResponses).map(([name, response]) => [name, errorResponse(response)])),
  };
}

/**
 * The error catalogue (x-alidomain-error-codes): appendix 6.1, then the codes document.yaml adds.
 * @param {Appendix} appendix
 * @param {DocumentData} data
 * @returns {import('../types.js').ErrorCode[]}
 */
export function errorCodes(appendix, data) {
  const added = data.errorCodes.map(({ reason, ...entry }) => {
    if (!reason) throw new Error(`overrides/document.yaml errorCodes ${entry.code}: a reason is required`);
    return entry;
  });
  return [...appendix.errors, ...added];
}
