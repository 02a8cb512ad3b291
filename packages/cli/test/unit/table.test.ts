import { describe, expect, it } from 'vitest';
import { listIn, renderTable } from '../../src/table.js';

describe('listIn', () => {
  it('follows the paging path', () => {
    expect(listIn({ Data: { Domain: [{ a: 1 }] } }, ['Data', 'Domain'])).toEqual([{ a: 1 }]);
  });

  it('finds the one list of objects of an unpaged answer', () => {
    expect(listIn({ RequestId: 'r', Hosts: { Host: [{ n: 1 }] } })).toEqual([{ n: 1 }]);
  });

  it('finds nothing in an answer without a list', () => {
    expect(listIn({ Avail: '1' })).toBeUndefined();
  });
});

describe('renderTable', () => {
  it('aligns the columns of every key, in first-seen order', () => {
    expect(
      renderTable([
        { Name: 'a.com', N: 1 },
        { Name: 'bb.com', Extra: { x: 1 } },
      ]).split('\n'),
    ).toEqual(['Name    N  Extra', '------  -  -------', 'a.com   1', 'bb.com     {"x":1}']);
  });

  it('counts wide characters as two columns', () => {
    const [head, , row] = renderTable([{ Group: '未分组', N: 1 }]).split('\n');
    expect(head).toBe('Group   N');
    expect(row).toBe('未分组  1');
  });
});
