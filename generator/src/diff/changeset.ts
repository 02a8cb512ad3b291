// `spec:diff --changeset`: a spec change as a changeset for the generated packages.
// The packages named are .changeset/config.json's fixed group that holds the client (the one
// place that says which packages share the spec); the bump is spec:diff's, mapped for 0.x.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Change, Diff } from './compare.js';
import { CLASSES, type Bump } from './rules.js';

export type ReleaseType = 'major' | 'minor' | 'patch';

/** The package whose fixed group is the generated packages, and whose version the group shares. */
export const CLIENT = '@alidomain/client';
const CLIENT_MANIFEST = 'packages/client/package.json';

/**
 * The changeset release type for spec:diff's bump at `version`, or undefined for `none`.
 * A changeset `major` takes 0.x.y to 1.0.0, so while the group is 0.x semver's 0.x rule applies:
 * breaking → the next minor, anything else → the next patch.
 */
export function releaseType(bump: Bump, version: string): ReleaseType | undefined {
  if (bump === 'none') return undefined;
  if (!version.startsWith('0.')) return bump;
  return bump === 'major' ? 'minor' : 'patch';
}

/** Names changes alike for alike content, so running the same diff twice rewrites one file. */
export function changesHash(changes: readonly Change[]): string {
  return createHash('sha256').update(JSON.stringify(changes)).digest('hex').slice(0, 8);
}

export interface Workspace {
  root: string;
  /** The fixed group holding the client, sorted. */
  packages: string[];
  /** The client's version, which the whole group shares. */
  version: string;
}

/** The nearest directory from `start` up with a .changeset/config.json, and what the changeset needs from it. */
export function findWorkspace(start: string): Workspace {
  let root = start;
  while (!existsSync(join(root, '.changeset/config.json'))) {
    const up = dirname(root);
    if (up === root) throw new Error(`no .changeset/config.json in ${start} or above`);
    root = up;
  }
  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')) as { fixed?: string[][] };
  const group = config.fixed?.find((g) => g.includes(CLIENT));
  if (!group) throw new Error(`.changeset/config.json: no fixed group with ${CLIENT}`);
  const manifest = join(root, CLIENT_MANIFEST);
  if (!existsSync(manifest)) throw new Error(`${CLIENT_MANIFEST}: no such file`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`${CLIENT_MANIFEST}: no version`);
  return { root, packages: [...group].sort(), version };
}

const TITLES = { breaking: 'Breaking', 'non-breaking': 'Non-breaking', docs: 'Docs' } as const;

/** The changeset's text: front matter naming each package with its type, then the summary that goes to the changelogs. */
export function changesetText(diff: Diff, packages: readonly string[], type: ReleaseType): string {
  const counts = CLASSES.map((cls) => [cls, diff.changes.filter((c) => c.class === cls).length] as const).filter(([, n]) => n);
  const mapped = type === diff.bump ? '' : `, released as ${type} while the packages are 0.x`;
  const lines = [
    '---',
    ...packages.map((name) => `'${name}': ${type}`),
    '---',
    '',
    `Spec update: ${plural(diff.changes.length)} (${counts.map(([cls, n]) => `${n} ${cls}`).join(', ')}); spec:diff suggests ${diff.bump}${mapped}.`,
  ];
  for (const cls of CLASSES) {
    const group = diff.changes.filter((c) => c.class === cls);
    if (group.length) lines.push('', `${TITLES[cls]}:`, '', ...group.map(item));
  }
  return lines.join('\n') + '\n';
}

const plural = (n: number) => `${n} change${n === 1 ? '' : 's'}`;

const item = (c: Change) => {
  const where = [c.action, c.target].filter(Boolean).map(code).join(' ') || 'the spec';
  return `- ${where}: ${escape(c.detail)} (${c.kind})`;
};

const code = (s: string) => `\`${s}\``;

// Details quote spec values (enum values, defaults) that may hold Markdown syntax.
const escape = (s: string) => s.replace(/[\\`*_[\]<>#|]/g, (ch) => `\\${ch}`);
