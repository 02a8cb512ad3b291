// Type-level cross-check: for every Action, the generated request type and the one
// openapi-typescript derives from the same spec have the same keys, the same required keys,
// and every value openapi-typescript allows is accepted by ours. A drift fails tsc.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import openapiTS, { astToString } from 'openapi-typescript';
import { generate } from '../src/cli.js';

const root = resolve(import.meta.dirname, '../..');

it('generated request types agree with openapi-typescript for every Action', async () => {
  const { model } = generate();
  const dir = mkdtempSync(join(tmpdir(), 'alidomain-agree-'));
  writeFileSync(join(dir, 'schema.d.ts'), astToString(await openapiTS(new URL(`file://${join(root, 'spec/openapi.yaml')}`))));
  const checks = model.actions.map((a) => {
    const theirs = `Theirs<operations['${a.name}']>`;
    return [
      `type ${a.name}Keys = Assert<Equal<keyof ${theirs}, keyof ${a.name}Request>>;`,
      `type ${a.name}Required = Assert<Equal<RequiredKeys<${theirs}>, RequiredKeys<${a.name}Request>>>;`,
      `type ${a.name}Accepts = Assert<${theirs} extends ${a.name}Request ? true : false>;`,
    ].join('\n');
  });
  writeFileSync(
    join(dir, 'agree.ts'),
    [
      `import type { operations } from './schema.js';`,
      `import type { ${model.actions.map((a) => `${a.name}Request`).join(', ')} } from '${join(root, 'packages/client/src/generated/index.js')}';`,
      `type Common = 'Action' | ${model.common.map((p) => `'${p.name}'`).join(' | ')};`,
      `type Query<Op> = Op extends { parameters: { query: infer Q } } ? Omit<Q, Common> : {};`,
      `type Body<Op> = Op extends { requestBody: { content: { 'application/x-www-form-urlencoded': infer B } } } ? B : {};`,
      `type Theirs<Op> = { [K in keyof (Query<Op> & Body<Op>)]: (Query<Op> & Body<Op>)[K] };`,
      `type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];`,
      `type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;`,
      `type Assert<T extends true> = T;`,
      ...checks,
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        skipLibCheck: true,
        noUnusedLocals: false,
        types: [],
      },
      files: ['agree.ts'],
    }),
  );
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  } catch (e) {
    output = (e as { stdout: string }).stdout;
  }
  expect(output).toBe('');
});
