// The paginators take their facts from the model's paging.
import { expect, it } from 'vitest';
import { emitClient } from '../../src/emitters/client.js';
import { fixture } from '../fixture.js';

it('passes the item path and the total field to paginatePages, driving PageNum', () => {
  const text = emitClient(fixture('two-actions').model)['paginators.ts']!;
  expect(text).toContain(`input: Omit<ListThingsRequest, 'PageNum'> & { PageNum?: number }`);
  expect(text).toContain(`{ items: ["Data","Thing"], total: 'TotalPageNum' }`);
});
