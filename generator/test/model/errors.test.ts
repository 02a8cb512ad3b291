// The error catalogue is the spec's x-alidomain-error-codes, in document order.
import { expect, it } from 'vitest';
import { fixture } from '../fixture.js';

it('carries the error catalogue of the spec', () => {
  expect(fixture('two-actions').model.errors.map((e) => [e.code, e.httpStatus])).toEqual([
    ['MissingParameter', 400],
    ['Throttling', 400],
  ]);
});
