// The request side of the document: every Action's request example, assembled from the
// parameter examples of its table, passes the Action's request validator; bad inputs of every
// kind are rejected with one line per problem naming the wire parameter. (The validators
// package tests the same at greater length; these are the suite's own, readable checks.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateRequest, type ActionName } from '@alidomain/validators';
import { operations } from '../lib/spec.js';

// The document masks some examples (`test**.xin`): they are not valid values, by design.
const masked = (v: unknown) => JSON.stringify(v).includes('*');

interface BadCase {
  kind: string;
  action: ActionName;
  input: unknown;
  expected: string[];
}
const bad: BadCase[] = JSON.parse(
  readFileSync(new URL('../../packages/validators/test/fixtures/bad-requests.json', import.meta.url), 'utf8'),
).cases;

describe('request examples', () => {
  for (const op of operations) {
    const body = Object.entries(op.requestBody?.content['application/x-www-form-urlencoded']?.schema.properties ?? {}).map(
      ([name, schema]) => ({ name, example: schema.example, 'x-alidomain-errata': undefined }),
    );
    const all = [...op.parameters.filter((p) => p.name !== undefined && p.name !== 'Action' && !p.$ref), ...body];
    // Left out: masked examples, and examples the spec records as errata (they contradict the table).
    const left = new Set(all.filter((p) => p.example === undefined || masked(p.example) || p['x-alidomain-errata']).map((p) => p.name!));
    const used = all.filter((p) => !left.has(p.name!));
    it(`${op.operationId}: the table's examples form a valid request (${used.length} used, ${left.size} left out)`, () => {
      const input = Object.fromEntries(used.map((p) => [p.name!, p.example]));
      // A parameter left out may only be reported as missing.
      const problems = validateRequest(op.operationId as ActionName, input).filter(
        (m) => ![...left].some((n) => m.startsWith(`${n}: expected a value (it is required)`)),
      );
      expect(problems).toEqual([]);
    });
  }
});

describe('bad inputs', () => {
  for (const c of bad) {
    it(`${c.action}, ${c.kind}: rejected with the expected messages`, () => {
      expect(validateRequest(c.action, c.input)).toEqual(c.expected);
    });
  }

  it('reports every problem at once, by wire name with 1-based list indexes', () => {
    const problems = validateRequest('SaveBatchTaskForCreatingOrderActivate', {
      OrderActivateParam: [{ DomainName: 'ok.com' }, { DomainName: '-bad-.com', SubscriptionDuration: 'x' }],
      Surprise: 1,
    });
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/^OrderActivateParam\.2\.DomainName: /m);
    expect(problems.join('\n')).toMatch(/^OrderActivateParam\.2\.SubscriptionDuration: /m);
    expect(problems.join('\n')).toMatch(/Surprise/);
  });

  it('rejects punycode input and asks for the Chinese form', () => {
    expect(validateRequest('CheckDomain', { DomainName: 'xn--fiq228c.com' }).join('\n')).toMatch(/Chinese/);
  });
});
