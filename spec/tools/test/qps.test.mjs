// Rate limits come from the Action's own description, so the emulator and docs need no table of them.
// Run: node --test spec/tools/test/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { qpsOf } from '../lib/build/operations.mjs';

test('a description stating per-user and total limits gives both', () => {
  assert.deepEqual(qpsOf('说明 调用CheckDomain接口时有频率限制，单用户限制为10QPS，接口总量限制为100QPS。'), { perUser: 10, total: 100 });
});

test('a description stating only a per-user limit gives only that', () => {
  assert.deepEqual(qpsOf('单用户限制为 5 QPS。'), { perUser: 5 });
});

test('a description without a limit gives none', () => {
  assert.equal(qpsOf('调用QueryDomainList分页查询域名列表。'), undefined);
});
