// Turns the document's reading into the OpenAPI 3.1 document. Facts come from the reader
// (read.mjs: tables, prose, examples); curated corrections and the data the document states only
// in prose come from spec/overrides/*.yaml. Each stage is one module of build/:
//   components.mjs  shared parameters, schemas, error responses, the error catalogue
//   operations.mjs  one Action as an operation (method, wire facts, retry class)
//   parameters.mjs  the request table as parameters and form body (wire style decided here)
//   schemas.mjs     one scalar's schema (type, enum, default, limits, example)
//   responses.mjs   the response table as a nested schema, with the examples checked
import { readActions } from './read.mjs';
import { findErrata } from './errata.mjs';
import { readAppendix } from './appendix.mjs';
import { components as buildComponents, errorCodes } from './build/components.mjs';
import { methodOf, operation } from './build/operations.mjs';
import { buildTags } from './build/tags.mjs';
import { checkOverrideTargets } from './overrides.mjs';

export { readActions };

/**
 * @param {import('./types.js').Document} doc
 * @param {import('./types.js').Overrides} overrides
 * @returns {import('./types.js').Schema}
 */
export function buildSpec(doc, overrides) {
  const { actions, repair } = readActions(doc, overrides.vocabulary);
  // Every Action, row and field an override names must exist: a misspelt one is an error, not a no-op.
  checkOverrideTargets(overrides, actions);
  const appendix = readAppendix(doc, repair);
  const components = buildComponents(appendix, overrides.document);
  /** @type {import('./types.js').Schema} */
  const paths = {};
  const { tags, groups, tagOf } = buildTags(actions, overrides.tags, overrides.document.chapters);
  for (const a of actions) {
    const o = overrides.actions?.[a.name] ?? {};
    const found = findErrata(a).concat((overrides.errata?.[a.name] ?? []).map((e) => ({ ...e, source: /** @type {const} */ ('review') })));
    paths[`/#Action=${a.name}`] = {
      [methodOf(a, o).toLowerCase()]: operation(a, o, overrides, repair, found, components, tagOf(a.name)),
      // Every Action takes the common parameters (3.2).
      parameters: Object.keys(components.parameters).map((name) => ({ $ref: `#/components/parameters/${name}` })),
    };
  }
  return {
    openapi: '3.1.0',
    info: info(doc.edition),
    servers: overrides.document.servers,
    security: [{ AliyunSignatureV1: [] }],
    tags,
    'x-tagGroups': groups,
    paths,
    components,
    // What the generator names after the product: the client class, the docs' titles.
    'x-alidomain-product': { name: 'Domain', client: 'DomainClient' },
    'x-alidomain-error-codes': errorCodes(appendix, overrides.document),
    'x-alidomain-source': { document: overrides.document.source.document, version: doc.edition },
  };
}

/** @param {string} edition the document's 文档版本 */
function info(edition) {
  return {
    title: 'Alibaba Cloud Domain API',
    version: '2018-01-29',
    summary:
      'Registrant profiles, registration, renewal and transfer tasks, DNS hosts, DS records, locks, groups and audits of Alibaba Cloud domains.',
    description:
      'Machine-readable description of the Alibaba Cloud Domain API, version 2018-01-29, derived from the Chinese API reference ' +
      `(文档版本 ${edition}). RPC style: every Action is a GET or POST to the endpoint with \`Action\`, the common parameters and an ` +
      'HMAC-SHA1 signature. Each path key `/#Action=<Name>` stands for that Action; see `x-alidomain-wire` on each operation ' +
      'and spec/README.md for the conventions.',
    // Who answers for this description: its maintainers, not Alibaba Cloud (whose API it describes).
    contact: { name: 'alidomain (the spec, not the API)', url: 'https://github.com/alidomain/alidomain/issues' },
    license: { name: 'MIT', identifier: 'MIT' },
  };
}
