// An Action the document lacks, added the supported way (a file in spec/additions/, merged by stage
// 2 of the extractor, no document needed), reaches every package: the client's method and
// metadata, the validators, the docs. The fixture is SetupDomainAutoRenew (POST, two body
// parameters, Operation ∈ open|close, response Result boolean).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchPackages, type ScratchPackages } from './helpers/scratch-packages.js';

const repo = join(import.meta.dirname, '../..');
const additions = join(repo, 'spec/tools/test/fixtures/additions');

interface Layers {
  applyLayers: (o: { base: unknown; additionsDir?: string; patchesDir?: string }) => unknown;
}

let scratch: ScratchPackages;
let workDir: string;
let server: Server;
let endpoint = '';
const received: { method: string | undefined; query: URLSearchParams; body: URLSearchParams }[] = [];

beforeAll(async () => {
  // Stage 2 on the committed stage-1 spec, with the fixture as the only addition.
  const { applyLayers } = (await import(pathToFileURL(join(repo, 'spec/tools/lib/layers/apply.mjs')).href)) as Layers;
  const base: unknown = YAML.parse(readFileSync(join(repo, 'spec/document.openapi.yaml'), 'utf8'));
  workDir = mkdtempSync(join(tmpdir(), 'alidomain-addition-'));
  const specPath = join(workDir, 'openapi.yaml');
  writeFileSync(specPath, YAML.stringify(applyLayers({ base, additionsDir: additions }), { lineWidth: 0, aliasDuplicateObjects: false }));
  scratch = await scratchPackages(specPath);

  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method, query: new URL(req.url ?? '/', 'http://x').searchParams, body: new URLSearchParams(body) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ RequestId: 'r', Result: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 300_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  scratch.remove();
  rmSync(workDir, { recursive: true, force: true });
});

describe('an Action added in spec/additions/', () => {
  it('becomes a client method that POSTs its body parameters and parses the typed result', async () => {
    const { DomainClient } = (await scratch.client()) as {
      DomainClient: new (o: object) => { setupDomainAutoRenew(input: object): Promise<Record<string, unknown>> };
    };
    const client = new DomainClient({ endpoint, accessKeyId: 'id', accessKeySecret: 'secret', maxAttempts: 1 });
    const res = await client.setupDomainAutoRenew({ InstanceId: 'S2018-1', Operation: 'open' });
    expect(res).toEqual({ RequestId: 'r', Result: true });
    const sent = received.at(-1)!;
    expect(sent.method).toBe('POST');
    expect(sent.query.get('Action')).toBe('SetupDomainAutoRenew');
    expect(Object.fromEntries(sent.body)).toEqual({ InstanceId: 'S2018-1', Operation: 'open' });
  });

  it('has metadata with its retry class and version', async () => {
    const { actionMetas } = (await scratch.client()) as { actionMetas: Record<string, { method: string; retry: string; version: string }> };
    expect(actionMetas.SetupDomainAutoRenew).toMatchObject({ method: 'POST', retry: 'idempotent', version: '2018-01-29' });
  });

  it('has validators that hold its enum and required parameters', async () => {
    const validators = (await import(join(scratch.dir, 'packages/validators/dist/index.js'))) as {
      validateRequest(action: string, input: unknown): string[];
    };
    expect(validators.validateRequest('SetupDomainAutoRenew', { InstanceId: 'S2018-1', Operation: 'open' })).toEqual([]);
    expect(validators.validateRequest('SetupDomainAutoRenew', { InstanceId: 'S2018-1', Operation: 'pause' })).toEqual([
      expect.stringMatching(/^Operation: expected one of "open", "close"/),
    ]);
    expect(validators.validateRequest('SetupDomainAutoRenew', { Operation: 'open' })).toEqual([expect.stringMatching(/^InstanceId: /)]);
  });

  it('has a docs page in Markdown and on the site, marked as an addition', () => {
    const page = scratch.outputs['packages/docs/markdown']?.['actions/SetupDomainAutoRenew.md'];
    expect(page).toContain('# SetupDomainAutoRenew');
    expect(page).toContain('InstanceId');
    expect(page).toContain('| Source | Addition (not in the document):');
    const html = scratch.outputs['packages/docs/site']?.['actions/SetupDomainAutoRenew.html'];
    expect(html).toContain('Turn automatic renewal');
    expect(html).toContain('<dt>Source</dt><dd>Addition (not in the document):');
  });
});
