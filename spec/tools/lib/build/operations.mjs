// One Action as an OpenAPI operation: method, description, parameters, body, responses, the wire
// facts (x-alidomain-wire), retry class and the errata that belong to no single item.
import { requestParams, requestBody } from './parameters.mjs';
import { responses } from './responses.mjs';
import { errataNote, stripUndefined } from './util.mjs';

/** @typedef {import('../types.js').Schema} Schema */
/** @typedef {import('../types.js').Action} Action */
/** @typedef {import('../types.js').ActionOverride} ActionOverride */
/** @typedef {import('../types.js').Overrides} Overrides */
/** @typedef {import('../types.js').Erratum} Erratum */
/** @typedef {import('../text.mjs').Repairer} Repairer */

/**
 * POST when an override says so (with its evidence) or a row sits in `Body`; GET otherwise.
 * @param {Action} a
 * @param {ActionOverride} o
 * @returns {'GET' | 'POST'}
 */
export function methodOf(a, o) {
  if (o.method) return o.method;
  return a.request.some((r) => r.location === 'Body') ? 'POST' : 'GET';
}

/**
 * @param {Action} a
 * @param {ActionOverride} o the Action's override (`{}` for none)
 * @param {Overrides} overrides
 * @param {Repairer} repair
 * @param {Erratum[]} errata the Action's errata, found and reviewed
 * @param {Schema} components
 * @param {string} tag the Action's tag (overrides/tags.yaml)
 * @returns {Schema}
 */
export function operation(a, o, overrides, repair, errata, components, tag) {
  const method = methodOf(a, o);
  const description = describeSection(a, repair);
  const params = requestParams(a, o, repair, errata);
  const query = params.filter((p) => p.in !== 'body');
  const body = params.filter((p) => p.in === 'body');
  /** @type {Schema} */
  const op = {
    operationId: a.name,
    summary: overrides.summaries?.[a.name] ?? a.name,
    description,
    tags: [tag],
    parameters: [
      {
        name: 'Action',
        in: 'query',
        required: true,
        description: `系统规定参数，取值：${a.name}。`,
        schema: { type: 'string', const: a.name },
        example: a.name,
      },
      ...query.map((p) => p.parameter),
    ],
  };
  if (body.length) op.requestBody = requestBody(body);
  op.responses = responses(a, o, repair, errata, components);
  op['x-alidomain-wire'] = {
    methods: method === 'POST' ? ['POST'] : ['GET', 'POST'],
    ...(o.methodEvidence ? { methodEvidence: o.methodEvidence } : {}),
    requestExample: a.requestExample.text || undefined,
    section: a.number,
    lines: [a.lines[0]?.n, a.lines.at(-1)?.n],
  };
  op['x-alidomain-retry'] = retryOf(a.name, o, overrides);
  if (o.retryReason) op['x-alidomain-retry-reason'] = o.retryReason;
  const qps = qpsOf(description);
  if (qps) op['x-alidomain-qps'] = qps;
  const paramNames = new Set(a.request.flatMap((r) => [r.name, r.name.replace(/\.N(\.\w+)?$/, '')]));
  const opErrata = errata.filter((e) => !e.field && !(e.param && paramNames.has(e.param)));
  if (opErrata.length) op['x-alidomain-errata'] = opErrata.map(errataNote);
  return stripUndefined(op);
}

/**
 * The Action's override, else the first name rule that matches, else `unsafe`: an Action nobody
 * classified is never retried blindly.
 * @param {string} name
 * @param {ActionOverride} o
 * @param {Overrides} overrides
 * @returns {import('../types.js').RetryClass}
 */
export function retryOf(name, o, overrides) {
  if (o.retry) return o.retry;
  for (const rule of overrides.retryRules ?? []) if (new RegExp(rule.pattern).test(name)) return rule.retry;
  return 'unsafe';
}

/**
 * The request rate limits the description states ("单用户限制为10QPS，接口总量限制为100QPS"):
 * per user (AccessKey owner) and for the Action as a whole, in requests per second.
 * @param {string} description
 * @returns {{ perUser?: number, total?: number } | undefined}
 */
export function qpsOf(description) {
  const perUser = /单用户限制为\s*(\d+)\s*QPS/.exec(description)?.[1];
  const total = /(?:接口)?总量限制为\s*(\d+)\s*QPS/.exec(description)?.[1];
  if (perUser === undefined && total === undefined) return undefined;
  return { ...(perUser ? { perUser: Number(perUser) } : {}), ...(total ? { total: Number(total) } : {}) };
}

/**
 * The section's prose before its tables: the "调用…" sentence and the API描述 notes.
 * @param {Action} a
 * @param {Repairer} repair
 */
function describeSection(a, repair) {
  const skip = /^(API描述|调试|您可以在OpenAPI Explorer中直接运行该接口.*)$/;
  /** @type {string[][]} */
  const paras = [];
  /** @type {string[]} */
  let cur = [];
  for (const l of a.parts.description) {
    if (l.text === '' || skip.test(l.text)) {
      if (cur.length) paras.push(cur);
      cur = [];
      continue;
    }
    cur.push(l.text);
  }
  if (cur.length) paras.push(cur);
  return paras.map((p) => repair.paragraph(p)).join('\n\n');
}
