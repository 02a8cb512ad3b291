// The json-schemas emitter writes the model's schemas as .json files, two per Action.
import { describe, expect, it } from 'vitest';
import { emitJsonSchemas } from '../../src/emitters/json-schemas.js';
import { fixture } from '../fixture.js';

const { model, action } = fixture('two-actions');
const files = emitJsonSchemas(model);

describe('emitJsonSchemas', () => {
  it('writes a request and a response file per Action, and nothing else', () => {
    expect(Object.keys(files).sort()).toEqual([
      'ListThings.request.json',
      'ListThings.response.json',
      'SubmitThing.request.json',
      'SubmitThing.response.json',
    ]);
  });

  it('writes the model’s schemas as they are, $schema and $id first', () => {
    const request = JSON.parse(files['SubmitThing.request.json']!) as Record<string, unknown>;
    expect(request).toEqual(action('SubmitThing').schemas.request);
    expect(Object.keys(request).slice(0, 2)).toEqual(['$schema', '$id']);
    expect(JSON.parse(files['ListThings.response.json']!)).toEqual(action('ListThings').schemas.response);
  });

  it('writes two-space JSON ending in a newline', () => {
    const text = files['ListThings.request.json']!;
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});
