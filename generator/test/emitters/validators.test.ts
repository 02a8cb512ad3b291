// The validators emitter compiles the model's schemas; it reads no OpenAPI.
import { describe, expect, it } from 'vitest';
import { emitValidators } from '../../src/emitters/validators.js';
import { fixture } from '../fixture.js';

const { model, action } = fixture('two-actions');
const files = emitValidators(model);

describe('emitValidators', () => {
  it('writes a schema module, a validator module per Action and the index', () => {
    expect(Object.keys(files).sort()).toEqual([
      'actions/ListThings.ts',
      'actions/SubmitThing.ts',
      'index.ts',
      'schemas/ListThings.ts',
      'schemas/SubmitThing.ts',
    ]);
  });

  it('writes the model’s request schema as is', () => {
    expect(files['schemas/SubmitThing.ts']).toContain(
      `export const request: JsonSchema = ${JSON.stringify(action('SubmitThing').schemas.request, null, 2)};`,
    );
  });

  it('compiles no format pattern and no $id into the precompiled validators', () => {
    const pattern = action('ListThings').schemas.request.properties as Record<string, { items: { pattern: string } }>;
    expect(pattern.DomainName!.items.pattern).toBeTruthy();
    for (const name of ['actions/ListThings.ts', 'actions/SubmitThing.ts']) {
      expect(files[name]).not.toContain('u212a');
      expect(files[name]).not.toContain('urn:alidomain');
    }
  });

  it('types the Action names once, in the index', () => {
    expect(files['index.ts']).toContain("export type ActionName =\n  | 'ListThings'\n  | 'SubmitThing';");
  });
});
