// List wrappers come from x-alidomain-list, never from the shape of an object.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model.js';
import { edited, fixture } from '../fixture.js';

describe('list wrappers', () => {
  it('mark the object named by x-alidomain-list with its item field', () => {
    const data = fixture('two-actions')
      .action('ListThings')
      .response.fields.find((f) => f.name === 'Data')!;
    expect(data.type).toMatchObject({ kind: 'object', wrapper: 'Thing' });
  });

  it('leave an object whose only field is an array, without the mark, a plain object', () => {
    const doc = edited(
      'two-actions',
      (d: any) =>
        delete d.paths['/#Action=ListThings'].get.responses['200'].content['application/json'].schema.properties.Data['x-alidomain-list'],
    );
    const data = buildModel(doc).actions[0]!.response.fields.find((f) => f.name === 'Data')!;
    expect(data.type).not.toHaveProperty('wrapper');
  });

  it('reject a wrapper mark on an object with other fields', () => {
    const doc = edited(
      'two-actions',
      (d: any) =>
        (d.paths['/#Action=ListThings'].get.responses['200'].content['application/json'].schema.properties.Data.properties.Count = {
          type: 'integer',
        }),
    );
    expect(() => buildModel(doc)).toThrow(/list wrapper with the one array field Thing, got fields Thing, Count/);
  });
});
