// The packages as users get them: `npm pack` each, install the tarballs into a scratch project
// outside the workspace, type-check a call there, and run it — a newcomer's first call, with
// credentials from the environment, against the local mock server. What each tarball holds is
// tarballs.test.ts's part.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../server/mock-server.js';

const root = resolve(import.meta.dirname, '../..');
const PACKAGES = ['core', 'validators', 'client'];
const work = mkdtempSync(join(tmpdir(), 'alidomain-pack-'));
const project = join(work, 'project');
const tarballs: Record<string, string> = {};
let server: MockServer;

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

beforeAll(async () => {
  for (const name of PACKAGES) {
    const out = npm(['pack', '--json', '--pack-destination', work], join(root, 'packages', name));
    tarballs[name] = join(work, JSON.parse(out)[0].filename);
  }
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...PACKAGES.map((n) => tarballs[n]!)], project);
  server = await startMockServer({
    accessKeys: { 'env-key-id': 'env-key-secret' },
    handlers: { CheckDomain: (req) => ({ data: { DomainName: req.params.DomainName, Avail: '1', Premium: 'false', Price: 1286 } }) },
  });
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe('npm pack', () => {
  it('installs into a project outside the workspace with only its declared dependencies', () => {
    const installed = readdirSync(join(project, 'node_modules', '@alidomain')).sort();
    expect(installed).toEqual(['client', 'core', 'validators']);
  });

  it('type-checks a call in that project, and rejects a call missing a required parameter', () => {
    writeFileSync(
      join(project, 'call.ts'),
      [
        "import { DomainClient, type CheckDomainResponse } from '@alidomain/client';",
        'const client = new DomainClient();',
        "const ok: Promise<CheckDomainResponse> = client.checkDomain({ DomainName: 'example.com', FeePeriod: 1 });",
        '// @ts-expect-error DomainName is required',
        'client.checkDomain({ FeePeriod: 1 });',
        '// @ts-expect-error FeeCurrency allows CNY or USD only',
        "client.checkDomain({ DomainName: 'example.com', FeeCurrency: 'EUR' });",
        'void ok;',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          skipLibCheck: true,
          types: [],
        },
        files: ['call.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
  });

  it('calls checkDomain against the local server with credentials from the environment', async () => {
    writeFileSync(
      join(project, 'first-call.mjs'),
      "import { DomainClient } from '@alidomain/client';\nconst client = new DomainClient({ endpoint: process.env.DOMAIN_ENDPOINT });\nconsole.log(JSON.stringify(await client.checkDomain({ DomainName: 'example.com' })));\n",
    );
    // Asynchronously: the mock server answers from this process's event loop.
    const run = await promisify(execFile)(process.execPath, ['first-call.mjs'], {
      cwd: project,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        HOME: work,
        DOMAIN_ENDPOINT: server.url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-key-id',
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-key-secret',
      },
    });
    expect(run.stderr, run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ DomainName: 'example.com', Avail: '1', Price: 1286 });
    expect(server.requestsFor('CheckDomain').at(-1)?.signatureValid).toBe(true);
  });
});
