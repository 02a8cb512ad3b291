// The release flow against a real npm registry: a Verdaccio of the test's own on 127.0.0.1 gets
// every public package from the project's release command (`npm run release`, run in a scratch
// clone and pointed at the registry through npm's environment); a project outside the workspace
// with only that registry configured installs @alidomain/client by name, type-checks and runs a
// first checkDomain against the mock server; then a changeset, `npm run version-packages` and a
// second release publish the next version, which `npm install @alidomain/client@latest` gets.
// Nothing reaches the network: the clone installs from the npm cache (--offline), and the third-
// party packages the published ones need are put into the registry from that cache too.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server/mock-server.js';
import {
  childEnv,
  cloneWorkingTree,
  packument,
  run,
  seedFromCache,
  startRegistry,
  thirdPartyRuntimeDependencies,
  type PackageEntry,
  type Registry,
} from './helpers.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');
// The issue's decisions: these eight are published; all but core move in lockstep.
const PUBLIC = [
  '@alidomain/cli',
  '@alidomain/client',
  '@alidomain/core',
  '@alidomain/docs',
  '@alidomain/emulator',
  '@alidomain/openapi-fetch',
  '@alidomain/spec',
  '@alidomain/validators',
];
const FIXED = [
  '@alidomain/cli',
  '@alidomain/client',
  '@alidomain/docs',
  '@alidomain/emulator',
  '@alidomain/openapi-fetch',
  '@alidomain/spec',
  '@alidomain/validators',
];

const work = mkdtempSync(join(tmpdir(), 'alidomain-registry-'));
const repo = join(work, 'repo');
const project = join(work, 'project');
let registry: Registry;
let server: MockServer;
let thirdParty: PackageEntry[];
let firstVersions: Record<string, string>;

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
}
const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** The clone's workspace packages: lockfile location → manifest. */
function workspacePackages(): Map<string, Manifest> {
  const { workspaces } = readJson<{ workspaces: string[] }>(join(repo, 'package.json'));
  return new Map(workspaces.map((dir) => [dir, readJson<Manifest>(join(repo, dir, 'package.json'))]));
}

const versionsInClone = (): Record<string, string> =>
  Object.fromEntries([...workspacePackages().values()].filter((m) => !m.private).map((m) => [m.name, m.version]));

/** The release command, pointed at the test's registry the way CI points it at npmjs.org. */
const release = () => run('npm', ['run', 'release'], { cwd: repo, env: childEnv(registry.userConfig(join(work, 'publisher.npmrc'))) });

/** npm in the scratch project: its own user config and cache, so the project's .npmrc is all it knows. */
const npmInProject = (args: string[], cwd = project) =>
  run('npm', args, {
    cwd,
    env: childEnv({ npm_config_userconfig: join(work, 'user.npmrc'), npm_config_cache: join(work, 'project-cache') }),
  });

const installed = (name: string) => readJson<Manifest>(join(project, 'node_modules', name, 'package.json'));

beforeAll(async () => {
  registry = await startRegistry(join(work, 'registry'));
  server = await startMockServer({
    accessKeys: { 'env-key-id': 'env-key-secret' },
    handlers: { CheckDomain: (req) => ({ data: { DomainName: req.params.DomainName, Avail: '1', Premium: 'false', Price: 1286 } }) },
  });
  await cloneWorkingTree(root, repo);
  // --offline: every package comes from the npm cache that the workspace's own `npm ci` filled;
  // one missing fails here instead of being downloaded.
  await run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: repo });
  const publicLocations = [...workspacePackages()].filter(([, m]) => !m.private).map(([dir]) => dir);
  thirdParty = thirdPartyRuntimeDependencies(join(repo, 'package-lock.json'), publicLocations);
  await seedFromCache(registry, thirdParty, join(work, 'seed'));
  console.log(`from the npm cache: ${thirdParty.map((p) => `${p.name}@${p.version}`).join(' ')}`);
  await release();
  firstVersions = versionsInClone();
  console.log(`first release: ${JSON.stringify(firstVersions)}`);
}, 1_500_000);

afterAll(async () => {
  await registry?.stop();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run release, pointed at a local registry', () => {
  it('publishes every public package at its version, and no private one', async () => {
    expect(Object.keys(firstVersions).sort()).toEqual(PUBLIC);
    for (const name of PUBLIC) {
      expect((await packument(registry, name))?.['dist-tags'].latest, name).toBe(firstVersions[name]);
    }
    const rootManifest = readJson<Manifest>(join(repo, 'package.json'));
    for (const manifest of [rootManifest, ...workspacePackages().values()]) {
      if (manifest.private) expect(await packument(registry, manifest.name), manifest.name).toBeUndefined();
    }
  });
});

describe('a project outside the workspace, with only that registry configured', () => {
  beforeAll(async () => {
    writeFileSync(join(work, 'user.npmrc'), '');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }, null, 2));
    writeFileSync(join(project, '.npmrc'), `registry=${registry.url}\n`);
    await npmInProject(['install', '@alidomain/client']);
  }, 600_000);

  it('installs @alidomain/client by name, with its dependencies, all from that registry', () => {
    expect(readJson<Manifest>(join(project, 'package.json')).dependencies).toEqual({
      '@alidomain/client': `^${firstVersions['@alidomain/client']}`,
    });
    const lock = readJson<{ packages: Record<string, { version?: string; resolved?: string; link?: boolean }> }>(
      join(project, 'package-lock.json'),
    );
    const entries = Object.entries(lock.packages).filter(([key]) => key !== '');
    expect(entries.filter(([, e]) => e.link === true || !e.resolved?.startsWith(registry.url))).toEqual([]);
    const names = entries.map(([key]) => key.replace(/^.*node_modules\//, '')).sort();
    // The client's runtime closure: core and validators, and core's own dependencies.
    const clientThirdParty = thirdPartyRuntimeDependencies(join(repo, 'package-lock.json'), ['packages/client']);
    expect(names).toEqual(['@alidomain/client', '@alidomain/core', '@alidomain/validators', ...clientThirdParty.map((p) => p.name)].sort());
    expect(installed('@alidomain/core').version).toBe(firstVersions['@alidomain/core']);
    expect(installed('@alidomain/validators').version).toBe(firstVersions['@alidomain/validators']);
  });

  it('type-checks a first checkDomain, and rejects one without DomainName', async () => {
    copyFileSync(join(fixtures, 'first-call.ts'), join(project, 'first-call.ts'));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          // The program reads process.argv; a user's project would install @types/node itself.
          typeRoots: [join(root, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['first-call.ts'],
      }),
    );
    const tsc = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: project });
    expect(tsc.stdout).toBe('');
  });

  it('runs that checkDomain against the mock server with credentials from the environment', async () => {
    const { stdout, stderr } = await run(process.execPath, ['first-call.js', server.url], {
      cwd: project,
      env: {
        PATH: process.env.PATH,
        HOME: work,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-key-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-key-secret',
      },
    });
    console.log(`scratch program: ${stdout.trim()}`);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ DomainName: 'example.com', Avail: '1', Price: 1286 });
    expect(server.requestsFor('CheckDomain').at(-1)?.signatureValid).toBe(true);
  });

  it('installs @alidomain/cli alone (it is bundled) and calls CheckDomain with its alidomain binary', async () => {
    await npmInProject(['install', '@alidomain/cli']);
    expect(installed('@alidomain/cli').version).toBe(firstVersions['@alidomain/cli']);
    expect(readJson<{ dependencies?: object }>(join(project, 'node_modules/@alidomain/cli/package.json')).dependencies).toBeUndefined();
    const { stdout } = await run(
      join(project, 'node_modules/.bin/alidomain'),
      ['CheckDomain', '--DomainName', 'example.com', '--endpoint', server.url],
      {
        cwd: project,
        env: {
          PATH: process.env.PATH,
          HOME: work,
          ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-key-id',
          ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-key-secret',
        },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ DomainName: 'example.com', Avail: '1' });
    expect(server.requestsFor('CheckDomain').at(-1)?.signatureValid).toBe(true);
  });

  it('installs @alidomain/openapi-fetch with openapi-fetch in a project of their own and calls CheckDomain through them', async () => {
    const adapterProject = join(work, 'adapter-project');
    mkdirSync(adapterProject);
    writeFileSync(
      join(adapterProject, 'package.json'),
      JSON.stringify({ name: 'scratch-adapter', private: true, type: 'module' }, null, 2),
    );
    writeFileSync(join(adapterProject, '.npmrc'), `registry=${registry.url}\n`);
    await npmInProject(['install', '@alidomain/openapi-fetch', 'openapi-fetch'], adapterProject);
    const adapter = readJson<Manifest>(join(adapterProject, 'node_modules/@alidomain/openapi-fetch/package.json'));
    expect(adapter.version).toBe(firstVersions['@alidomain/openapi-fetch']);
    copyFileSync(join(fixtures, 'openapi-fetch-call.mjs'), join(adapterProject, 'openapi-fetch-call.mjs'));
    const { stdout, stderr } = await run(process.execPath, ['openapi-fetch-call.mjs', server.url], {
      cwd: adapterProject,
      env: {
        PATH: process.env.PATH,
        HOME: work,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-key-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-key-secret',
      },
    });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ DomainName: 'example.com', Avail: '1' });
    expect(server.requestsFor('CheckDomain').at(-1)?.signatureValid).toBe(true);
  });

  describe('after a changeset, npm run version-packages and a second release', () => {
    let secondVersions: Record<string, string>;

    beforeAll(async () => {
      // Only the test's own changeset: changes pending in the working tree (a core fix, say) would
      // move other packages than the ones this release is about.
      for (const name of readdirSync(join(repo, '.changeset')))
        if (name.endsWith('.md') && name !== 'README.md') rmSync(join(repo, '.changeset', name));
      copyFileSync(join(fixtures, 'second-release.md'), join(repo, '.changeset', 'registry-test-second-release.md'));
      // Offline: whatever keeps the lockfile in step resolves from the cache.
      await run('npm', ['run', 'version-packages'], { cwd: repo, env: childEnv({ npm_config_offline: 'true' }) });
      secondVersions = versionsInClone();
      await release();
      console.log(`second release: ${JSON.stringify(secondVersions)}`);
      await npmInProject(['install', '@alidomain/client@latest', '--prefer-online']);
    }, 1_500_000);

    it('moves the fixed group to one new version and leaves core where it was', () => {
      const next = secondVersions['@alidomain/client']!;
      expect(next).not.toBe(firstVersions['@alidomain/client']);
      expect(FIXED.map((name) => secondVersions[name])).toEqual(FIXED.map(() => next));
      expect(secondVersions['@alidomain/core']).toBe(firstVersions['@alidomain/core']);
    });

    it('publishes the new versions as latest, and republishes nothing else', async () => {
      for (const name of FIXED) {
        const doc = await packument(registry, name);
        expect(doc?.['dist-tags'].latest, name).toBe(secondVersions[name]);
        expect(Object.keys(doc?.versions ?? {}).sort(), name).toEqual([firstVersions[name], secondVersions[name]].sort());
      }
      expect(Object.keys((await packument(registry, '@alidomain/core'))?.versions ?? {})).toEqual([firstVersions['@alidomain/core']]);
    });

    it('installs the new version with npm install @alidomain/client@latest, its changelog included', () => {
      expect(installed('@alidomain/client').version).toBe(secondVersions['@alidomain/client']);
      expect(installed('@alidomain/validators').version).toBe(secondVersions['@alidomain/validators']);
      expect(readFileSync(join(project, 'node_modules/@alidomain/client/CHANGELOG.md'), 'utf8')).toContain(
        'A second release, recorded by the registry test',
      );
    });
  });
});
