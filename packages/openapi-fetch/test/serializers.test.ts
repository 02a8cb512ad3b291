import { describe, expect, it } from 'vitest';
import { bodySerializer, querySerializer } from '../src/serializers.js';

describe('serializers', () => {
  it('the query serialiser leaves the URL alone: the adapter writes the query', () => {
    expect(querySerializer()).toBe('');
  });

  it('the body serialiser writes a bigint as its digits, exactly', () => {
    expect(JSON.parse(bodySerializer({ Id: 9007199254740993n, Name: 'a' }))).toEqual({ Id: '9007199254740993', Name: 'a' });
  });
});
