// How the spec lays out its Actions: one path item per Action under the key `/#Action=<Name>`,
// holding exactly one operation, `get` or `post` (POST when the document requires it). The one
// place that knows this convention; everything else works from `SpecOperation`s.
import type { Document, Operation, Parameter, Schema } from '../openapi.js';

export interface SpecOperation {
  name: string;
  httpMethod: 'GET' | 'POST';
  operation: Operation;
}

const PREFIX = '/#Action=';

/** Every Action's operation, in spec order. */
export function operations(doc: Document): SpecOperation[] {
  return Object.entries(doc.paths).map(([path, item]) => {
    const operation = item.post ?? item.get;
    if (!path.startsWith(PREFIX) || operation === undefined || (item.get !== undefined && item.post !== undefined)) {
      throw new Error(
        `spec: expected one get or post operation under a "${PREFIX}<Name>" key, got ${JSON.stringify(Object.keys(item))} at #/paths/${path}`,
      );
    }
    const name = path.slice(PREFIX.length);
    if (operation.operationId !== name)
      throw new Error(`spec: expected operationId ${name}, got ${operation.operationId} at #/paths/${path}`);
    return { name, httpMethod: item.post ? 'POST' : 'GET', operation };
  });
}

/** An Action's own parameter, query or form body, as one record (form-body properties carry their fields on the schema). */
export interface SpecParameter {
  parameter: Parameter;
  /** The form-body property schema, for body parameters. */
  bodySchema?: Schema;
}

/**
 * The Action's own parameters: the query parameters, then the form-body properties. The common
 * parameters (`$ref`s to components) and the `Action` parameter (the path key's job) are left out.
 */
export function ownParameters(op: Operation): SpecParameter[] {
  const out: SpecParameter[] = [];
  for (const p of op.parameters) {
    if ('$ref' in p || p.name === 'Action') continue;
    out.push({ parameter: p });
  }
  const form = op.requestBody?.content['application/x-www-form-urlencoded'].schema;
  for (const [name, schema] of Object.entries(form?.properties ?? {})) {
    const parameter: Parameter = {
      name,
      in: 'body',
      required: form?.required?.includes(name) ?? false,
      ...(schema.description === undefined ? {} : { description: schema.description }),
      schema,
      ...(schema['x-alidomain-style'] === undefined ? {} : { 'x-alidomain-style': schema['x-alidomain-style'] }),
      ...(schema['x-alidomain-wire-name'] === undefined ? {} : { 'x-alidomain-wire-name': schema['x-alidomain-wire-name'] }),
      ...(schema['x-alidomain-errata'] === undefined ? {} : { 'x-alidomain-errata': schema['x-alidomain-errata'] }),
    };
    out.push({ parameter, bodySchema: schema });
  }
  return out;
}

/** The operation's 200 response bodies. */
export function okResponse(op: Operation, name: string) {
  const content = op.responses['200']?.content;
  const json = content?.['application/json'];
  if (!json) throw new Error(`spec: expected an application/json 200 response at #/paths/${PREFIX}${name}`);
  return { json, xml: content['application/xml'] };
}
