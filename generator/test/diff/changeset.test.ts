// The release type a changeset gets for spec:diff's bump: semver's 0.x rule while the group is
// 0.x (a changeset `major` would take it to 1.0.0), the bump itself from 1.0.0 on.
import { describe, expect, it } from 'vitest';
import { releaseType } from '../../src/diff/changeset.js';
import type { Bump } from '../../src/diff/rules.js';

describe('releaseType', () => {
  const cases: [Bump, string, string | undefined][] = [
    ['major', '0.4.2', 'minor'],
    ['minor', '0.4.2', 'patch'],
    ['patch', '0.4.2', 'patch'],
    ['none', '0.4.2', undefined],
    ['major', '1.2.3', 'major'],
    ['minor', '1.2.3', 'minor'],
    ['patch', '1.2.3', 'patch'],
    ['none', '1.2.3', undefined],
  ];
  it.each(cases)('maps spec:diff bump %s at %s to %s', (bump, version, want) => {
    expect(releaseType(bump, version)).toBe(want);
  });
});
