// Bad inputs generated for every parameter of every Action from its schema: wrong type, value
// outside the enum, bad domain name, missing required, unknown key. Each must be reported with
// the parameter's wire name.
import { describe, expect, it } from 'vitest';
import { actionNames, schemas, validateRequest } from '../src/index.js';

type S = Record<string, any>;

function wrongValue(s: S): { value: unknown; expect: RegExp } {
  const types = ([] as string[]).concat(s.type);
  if (types.includes('string') && types.includes('object')) return { value: 42, expect: /expected JSON text/ };
  if (types.includes('integer') && types.includes('string')) return { value: true, expect: /expected an integer \(a number, a bigint/ };
  switch (types[0]) {
    case 'string':
      return { value: 42, expect: /expected a string, received the number 42/ };
    case 'integer':
      return { value: 'x', expect: /expected an integer, received the string "x"/ };
    case 'boolean':
      return { value: 'x', expect: /expected a boolean/ };
    case 'array':
      return { value: 'x', expect: /expected a list \(array\)/ };
    default:
      return { value: 'x', expect: /expected an object/ };
  }
}

describe.each(actionNames.map((n) => [n]))('%s request', (action) => {
  const schema = schemas[action].request as S;
  const props = Object.entries<S>(schema.properties);
  const required: string[] = schema.required ?? [];

  it('reports every missing required parameter, and an unknown key', () => {
    const problems = validateRequest(action, { NotAParameter: 1 });
    expect(problems).toContain(`NotAParameter: expected no such parameter (${action} does not take it), received 1`);
    for (const r of required) expect(problems).toContain(`${r}: expected a value (it is required), received nothing`);
    expect(problems).toHaveLength(required.length + 1);
  });

  it.each(props.map(([n, s]) => [n, s]))('%s: wrong type, enum, domain name, list items', (name, s) => {
    const { value, expect: pattern } = wrongValue(s);
    const problems = validateRequest(action, { [name]: value });
    const mine = problems.filter((m) => m.startsWith(`${name}:`));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatch(pattern);
    if (s.enum)
      expect(
        validateRequest(action, { [name]: typeof s.enum[0] === 'number' ? -999 : '__nope__' }).find((m) => m.startsWith(`${name}:`)),
      ).toMatch(/expected one of /);
    if (s.format === 'alidomain-domain-name')
      expect(validateRequest(action, { [name]: 'xn--fiq228c.com' }).find((m) => m.startsWith(`${name}:`))).toMatch(/pass the Chinese form/);
    if (s.type === 'array') {
      const item = s.items as S;
      const bad = wrongValue(item);
      const listProblems = validateRequest(action, { [name]: [bad.value] }).filter((m) => m.startsWith(`${name}.`));
      expect(listProblems[0]).toMatch(new RegExp(`^${name}\\.1: `));
      expect(listProblems[0]).toMatch(bad.expect);
      if (item.type === 'object') {
        const fields = Object.entries<S>(item.properties);
        const first = fields[0]!;
        const fieldBad = wrongValue(first[1]);
        const fieldProblems = validateRequest(action, { [name]: [{}, { [first[0]]: fieldBad.value, Unknown: 1 }] });
        expect(fieldProblems).toContain(`${name}.2.Unknown: expected no such field (${name} items do not take it), received 1`);
        expect(fieldProblems.find((m) => m.startsWith(`${name}.2.${first[0]}:`))).toMatch(fieldBad.expect);
      }
    }
  });
});

describe('list limits', () => {
  it('the spec gives no maxItems for any list parameter (nothing to enforce; documented)', () => {
    const withMax = actionNames.filter((a) => JSON.stringify(schemas[a].request).includes('maxItems'));
    expect(withMax).toEqual([]);
  });
});
