// Every example offered as valid goes through the request validators, with no skip list: the
// spec's parameter examples (`example`, `examples`, on the parameter, its items and its list
// items' fields), the client's JSDoc `@example` values (packages/client/src/generated/actions) and
// the inputs of the docs' TypeScript snippets (packages/docs/markdown). An example the API would
// reject is not offered: the spec keeps it in `x-alidomain-document-example` (examples.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { actionNames, validateRequest, type ActionName } from '../src/index.js';
import { actionCount, operations, repoRoot } from './helpers.js';

type Input = Record<string, unknown>;
const actions = new Set<string>(actionNames);

/** One example in context: the Action, where it is offered, and the whole input it is checked in. */
interface Offered {
  action: ActionName;
  where: string;
  input: Input;
}

const problemsOf = (offered: Offered[]) => offered.flatMap((o) => validateRequest(o.action, o.input).map((m) => `${o.where}: ${m}`));

// ---- the spec -------------------------------------------------------------------------------

/** A request parameter or form-body field with its schema, as the spec writes it. */
function specParams(op: any): { name: string; example: unknown; schema: any; examples?: unknown[] }[] {
  const out = op.parameters
    .filter((p: any) => !p.$ref && p.name !== 'Action')
    .map((p: any) => ({
      name: p.name,
      example: p.example,
      examples: p.examples && Object.values(p.examples).map((e: any) => e.value),
      schema: p.schema,
    }));
  const form = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  for (const [name, s] of Object.entries<any>(form?.properties ?? {}))
    out.push({ name, example: s.example, examples: s.examples, schema: s });
  return out;
}

/** Each value a parameter's schema offers: its own, its items' (as a one-item list), its list items' fields' (as one assembled item). */
function schemaValues(schema: any): { at: string; value: unknown }[] {
  const out: { at: string; value: unknown }[] = [];
  const own = (s: any, at: string, wrap: (v: unknown) => unknown) => {
    if (s?.example !== undefined) out.push({ at: `${at}example`, value: wrap(s.example) });
    for (const [i, v] of (s?.examples ?? []).entries()) out.push({ at: `${at}examples[${i}]`, value: wrap(v) });
  };
  own(schema, 'schema.', (v) => v);
  own(schema.items, 'schema.items.', (v) => [v]);
  const fields = Object.entries<any>(schema.items?.properties ?? {});
  if (fields.length) {
    const item = Object.fromEntries(fields.filter(([, f]) => f.example !== undefined).map(([k, f]) => [k, f.example]));
    out.push({ at: 'schema.items.properties.*.example', value: [item] });
    for (const [k, f] of fields)
      for (const [i, v] of (f.examples ?? []).entries())
        out.push({ at: `schema.items.properties.${k}.examples[${i}]`, value: [{ ...item, [k]: v }] });
  }
  return out;
}

function specOffered(): Offered[] {
  const out: Offered[] = [];
  for (const op of operations()) {
    const params = specParams(op);
    const base: Input = Object.fromEntries(params.filter((p) => p.example !== undefined).map((p) => [p.name, p.example]));
    out.push({ action: op.operationId, where: `spec ${op.operationId} (every parameter's example)`, input: base });
    for (const p of params) {
      for (const [i, v] of (p.examples ?? []).entries())
        out.push({ action: op.operationId, where: `spec ${op.operationId}.${p.name}.examples[${i}]`, input: { ...base, [p.name]: v } });
      for (const { at, value } of schemaValues(p.schema))
        out.push({ action: op.operationId, where: `spec ${op.operationId}.${p.name} ${at}`, input: { ...base, [p.name]: value } });
    }
  }
  return out;
}

// ---- the client's JSDoc -----------------------------------------------------------------------

const clientActions = join(repoRoot, 'packages/client/src/generated/actions');

/** The `@example` of a declaration's JSDoc, parsed (the generator writes JSON). */
function jsDocExample(node: ts.Node, file: string): unknown {
  const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'example');
  if (!tag) return undefined;
  const text = ts.getTextOfJSDocComment(tag.comment)?.trim() ?? '';
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${file}: @example of ${node.getText().split('\n')[0]} is not JSON: ${text}`);
  }
}

function memberName(m: ts.TypeElement): string {
  return m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : '';
}

/** The object type of a list of objects (`Array<{ … }>`), if the property is one. */
function itemLiteral(type: ts.TypeNode | undefined): ts.TypeLiteralNode | undefined {
  if (type && ts.isTypeReferenceNode(type) && type.typeArguments?.length === 1 && ts.isTypeLiteralNode(type.typeArguments[0]!))
    return type.typeArguments[0];
  if (type && ts.isArrayTypeNode(type) && ts.isTypeLiteralNode(type.elementType)) return type.elementType;
  return undefined;
}

function jsDocOffered(): Offered[] {
  const out: Offered[] = [];
  for (const file of readdirSync(clientActions).filter((f) => f.endsWith('.ts'))) {
    const action = file.replace(/\.ts$/, '') as ActionName;
    const source = ts.createSourceFile(file, readFileSync(join(clientActions, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const request = source.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `${action}Request`,
    );
    if (!request) throw new Error(`${file}: no ${action}Request interface`);
    const input: Input = {};
    const lists: { name: string; item: Input }[] = [];
    for (const m of request.members) {
      const value = jsDocExample(m, file);
      if (value !== undefined) input[memberName(m)] = value;
      const literal = ts.isPropertySignature(m) ? itemLiteral(m.type) : undefined;
      if (literal) {
        const item: Input = {};
        for (const f of literal.members) {
          const v = jsDocExample(f, file);
          if (v !== undefined) item[memberName(f)] = v;
        }
        lists.push({ name: memberName(m), item });
      }
    }
    out.push({ action, where: `JSDoc ${file} (every property's @example)`, input });
    for (const l of lists)
      out.push({ action, where: `JSDoc ${file} ${l.name} (its fields' @example, as one item)`, input: { ...input, [l.name]: [l.item] } });
  }
  return out;
}

// ---- the docs' TypeScript snippets ------------------------------------------------------------

const docsDir = join(repoRoot, 'packages/docs/markdown');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The Action and literal input of every client call in a snippet: `client.x({…})`, `client.call('X', {…})`, `paginateX(client, {…})`. */
function snippetCalls(code: string, where: string): Offered[] {
  const out: Offered[] = [];
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      let action: string | undefined;
      let arg: ts.Expression | undefined;
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && callee.expression.getText() === 'client') {
        if (callee.name.text === 'call' && node.arguments[0] && ts.isStringLiteral(node.arguments[0]))
          [action, arg] = [node.arguments[0].text, node.arguments[1]];
        else [action, arg] = [upperFirst(callee.name.text), node.arguments[0]];
      } else if (ts.isIdentifier(callee) && callee.text.startsWith('paginate'))
        [action, arg] = [callee.text.slice('paginate'.length), node.arguments[1]];
      if (action && actions.has(action)) {
        // Literals only: a snippet shows values, and evaluating its object literal yields them.
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluates the docs' own object literal, to get its values.
        const input = arg ? (new Function(`return (${arg.getText()});`)() as Input) : {};
        out.push({ action: action as ActionName, where, input: paged(action as ActionName, callee, input) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** What a paginator sends on its first call: the input plus the page it starts from. */
function paged(action: ActionName, callee: ts.Expression, input: Input): Input {
  if (!ts.isIdentifier(callee)) return input;
  const op = operations().find((o) => o.operationId === action);
  const pageNum = op.parameters.some((p: any) => p.name === 'PageNum');
  return pageNum && input.PageNum === undefined ? { ...input, PageNum: 1 } : input;
}

function docsOffered(): Offered[] {
  const out: Offered[] = [];
  for (const file of markdownFiles(docsDir)) {
    const text = readFileSync(file, 'utf8');
    const blocks = [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    blocks.forEach((code, i) => out.push(...snippetCalls(code, `docs ${file.slice(docsDir.length + 1)} snippet ${i + 1}`)));
  }
  return out;
}

// ---- the checks -------------------------------------------------------------------------------

describe('examples offered as valid pass the request validators', () => {
  it("the spec's request parameter examples, on parameters, items and list fields", () => {
    const offered = specOffered();
    expect(new Set(offered.map((o) => o.action)).size).toBe(actionCount());
    expect(problemsOf(offered)).toEqual([]);
  });

  it("the client's JSDoc @example values, assembled per Action and per list item", () => {
    const offered = jsDocOffered();
    expect(new Set(offered.map((o) => o.action)).size).toBe(actionCount());
    expect(problemsOf(offered)).toEqual([]);
  });

  it("the inputs of the docs' TypeScript snippets", () => {
    const offered = docsOffered();
    // One call snippet per Action page, plus the paginator snippets of paged Actions.
    expect(new Set(offered.map((o) => o.action)).size).toBe(actionCount());
    expect(offered.length).toBeGreaterThan(actionCount());
    expect(problemsOf(offered)).toEqual([]);
  });

  it("shows the replaced examples, not the document's: example.xin for CheckDomain, one domain per DomainName.N item", () => {
    const jsDoc = jsDocOffered();
    const docs = docsOffered();
    const checkDomain = (o: Offered[]) => o.find((x) => x.action === 'CheckDomain')!.input.DomainName;
    expect(checkDomain(jsDoc)).toBe('example.xin');
    expect(checkDomain(docs)).toBe('example.xin');
    const byCredential = (o: Offered[]) =>
      o.find((x) => x.action === 'SaveTaskForSubmittingDomainRealNameVerificationByIdentityCredential')!.input.DomainName;
    expect(byCredential(jsDoc)).toEqual(['aliyun.com', 'alibabacloud.com']);
    expect(byCredential(docs)).toEqual(['aliyun.com', 'alibabacloud.com']);
  });
});
