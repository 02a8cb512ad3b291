// Paging facts (kind, the parameters the paginator drives, item path, flags) decided once.
import { describe, expect, it } from 'vitest';
import { fixture } from '../fixture.js';

const { action } = fixture('two-actions');

describe('paging', () => {
  it('finds page paging with its item path inside the list wrapper and its total field', () => {
    expect(action('ListThings').paging).toEqual({ kind: 'page', items: ['Data', 'Thing'], driven: ['PageNum'], total: 'TotalPageNum' });
  });

  it('gives an Action without a page list no paging', () => {
    expect(action('SubmitThing').paging).toBeUndefined();
  });
});
