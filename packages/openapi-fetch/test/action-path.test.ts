import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '@alidomain/core';
import { actionOfPath } from '../src/action-path.js';

describe('actionOfPath', () => {
  it.each([
    ['/#Action=CheckDomain', 'CheckDomain'],
    ['#Action=QueryDomainList', 'QueryDomainList'],
  ])('reads the Action of %s', (path, action) => {
    expect(actionOfPath(path)).toBe(action);
  });

  it.each(['/', '/#Action=', '/?Action=CheckDomain', '/#Action=Check Domain', '/pets/{id}'])(
    'refuses %j, naming the Action parameter',
    (path) => {
      expect(() => actionOfPath(path)).toThrow(DomainValidationError);
      expect(() => actionOfPath(path)).toThrow(
        `Action: expected a path of the alidomain spec, "/#Action=<Action>", received ${JSON.stringify(path)}`,
      );
    },
  );
});
