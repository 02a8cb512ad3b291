// Every Action of the spec is answered, over both GET and POST and in JSON and XML, with a body
// valid against its response schema. Inputs are each Action's required parameters with the spec's examples
// (test/fixtures/every-action-inputs.json replaces the few the state cannot satisfy), and the
// emulator starts from a seed holding every domain, profile and group those inputs name.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { createNodeHttpTransport, type Transport } from '@alidomain/core';
import { validateRequest, validateResponse, type ActionName } from '@alidomain/validators';
import RPCClient from '@alicloud/pop-core';
import { startEmulator, type Emulator, type Seed } from '../src/index.js';
import { actions } from '../src/generated/actions.js';

type Input = Record<string, unknown>;

// Read at run time: @alidomain/spec's JSON is a build artefact (npm run generate), absent when the
// sources are type-checked on a fresh clone.
const spec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@alidomain/spec/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, any>>;
};
interface Schema {
  example?: unknown;
  items?: Schema;
  type?: string;
}
interface SpecParam {
  name?: string;
  required?: boolean;
  example?: unknown;
  schema?: Schema;
  $ref?: string;
}

const overrides = JSON.parse(readFileSync(new URL('./fixtures/every-action-inputs.json', import.meta.url), 'utf8')) as {
  inputs: Record<string, Input>;
};

/** The required parameters of `action` with their examples (a list's example item in a list). */
function exampleInput(action: string): Input {
  const op = Object.values(spec.paths)
    .flatMap((p) => Object.values(p))
    .find((o) => o.operationId === action);
  const form = op.requestBody?.content['application/x-www-form-urlencoded']?.schema;
  const params: SpecParam[] = [
    ...(op.parameters as SpecParam[]).filter((p) => p.name !== undefined && p.name !== 'Action' && !p.$ref),
    ...Object.entries((form?.properties ?? {}) as Record<string, Schema & { example?: unknown }>).map(([name, s]) => ({
      name,
      required: (form.required ?? []).includes(name),
      example: s.example,
      schema: s,
    })),
  ];
  const input: Input = {};
  for (const p of params) {
    if (!p.required) continue;
    const example = p.example ?? p.schema?.example ?? p.schema?.items?.example;
    input[p.name!] = p.schema?.type === 'array' && !Array.isArray(example) ? [example] : example;
  }
  return input;
}

const inputs: Record<string, Input> = Object.fromEntries(Object.keys(actions).map((a) => [a, overrides.inputs[a] ?? exampleInput(a)]));

/** A seed holding every domain name, instance, profile and group the inputs name. */
function seedFor(all: Input[]): Seed {
  const names = new Set<string>();
  const instances = new Set<string>();
  const tasks = new Set<string>();
  const profiles = new Set<number>();
  const groups = new Set<string>();
  const visit = (key: string, v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) visit(key, x);
      return;
    }
    if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) visit(k, x);
      return;
    }
    if (key === 'DomainName' && typeof v === 'string') v.split(',').forEach((n) => names.add(n.trim().toLowerCase()));
    if (/^RegistrantProfileI[dD]s?$/.test(key))
      String(v)
        .split(',')
        .forEach((n) => profiles.add(Number(n)));
    if (key === 'DomainGroupId') groups.add(String(v));
    if (/^InstanceIds?$/.test(key))
      String(v)
        .split(',')
        .forEach((n) => instances.add(n.trim()));
    if (key === 'TaskNo') tasks.add(String(v));
  };
  for (const input of all) visit('', input);
  return {
    profiles: [...profiles].filter(Number.isSafeInteger).map((id) => ({ RegistrantProfileId: id, RealNameStatus: 'SUCCEED' as const })),
    groups: [...groups].map((id) => ({ DomainGroupId: id, DomainGroupName: `group ${id}` })),
    // Tasks not yet started (so CancelTask can cancel them), a day from now.
    tasks: [...tasks].map((TaskNo) => ({
      TaskNo,
      TaskType: 'ORDER_RENEW' as const,
      CreateTime: Date.now(),
      Clientip: '127.0.0.1',
      details: [
        {
          TaskDetailNo: `${TaskNo}-1`,
          DomainName: 'example.com',
          InstanceId: 'S1',
          outcome: 'EXECUTE_SUCCESS' as const,
          ErrorMsg: '',
          TaskResult: '',
          startAt: Date.now() + 86_400_000,
          doneAt: Date.now() + 2 * 86_400_000,
          effect: { kind: 'none' as const },
          applied: false,
        },
      ],
    })),
    domains: [
      ...[...names].filter((n) => /^[a-z0-9.-]+\.[a-z]+$/.test(n)).map((DomainName) => ({ DomainName })),
      ...[...instances].map((InstanceId, i) => ({ DomainName: `instance-${i + 1}.com`, InstanceId })),
    ],
  };
}

const seed = seedFor(Object.values(inputs));

it('has an input for every Action, valid against its request schema', () => {
  const invalid = Object.entries(inputs).flatMap(([a, input]) => validateRequest(a as ActionName, input).map((m) => `${a}: ${m}`));
  expect(invalid).toEqual([]);
});

// Each transport gets an emulator of its own: a delete over GET must not leave POST nothing to delete.
describe('every Action over GET', () => {
  let emulator: Emulator;
  let client: DomainClient;
  const bodies: string[] = [];
  const base = createNodeHttpTransport();
  const capture: Transport = async (req) => {
    const res = await base(req);
    bodies.push(res.body);
    return res;
  };
  beforeAll(async () => {
    emulator = await startEmulator({ seed, rateLimits: false });
    client = new DomainClient({
      endpoint: emulator.url,
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      transport: capture,
      maxAttempts: 1,
    });
  });
  afterAll(async () => {
    base.destroy?.();
    await emulator.close();
  });

  for (const action of Object.keys(actions)) {
    it(`${action}: answered over GET with a body valid against its response schema`, async () => {
      bodies.length = 0;
      await client.call(action as ActionName, inputs[action] as never);
      const body = JSON.parse(bodies.at(-1)!) as unknown;
      expect(validateResponse(action as ActionName, body, { unknownFields: 'report' })).toEqual([]);
    });
  }
});

// XML, the document's default format: the client reads each body into the same typed form a JSON
// body gives, and that must be valid too (an element the emulator wrote wrongly would not be).
describe('every Action in XML', () => {
  let emulator: Emulator;
  let client: DomainClient;
  beforeAll(async () => {
    emulator = await startEmulator({ seed, rateLimits: false });
    client = new DomainClient({
      endpoint: emulator.url,
      accessKeyId: 'testid',
      accessKeySecret: 'testsecret',
      format: 'XML',
      maxAttempts: 1,
    });
  });
  afterAll(() => emulator.close());

  for (const action of Object.keys(actions)) {
    it(`${action}: answered in XML with a body valid against its response schema once read`, async () => {
      const body: unknown = await client.call(action as ActionName, inputs[action] as never);
      expect(validateResponse(action as ActionName, body, { unknownFields: 'report' })).toEqual([]);
    });
  }
});

describe('every Action over POST', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ seed, rateLimits: false });
  });
  afterAll(() => emulator.close());

  // pop-core sends POST with every parameter in the form body; it flattens lists itself, and
  // JSON-text parameters are given as text.
  for (const action of Object.keys(actions)) {
    it(`${action}: answered over POST (form body, @alicloud/pop-core) with a body valid against its response schema`, async () => {
      const pop = new RPCClient({ endpoint: emulator.url, apiVersion: '2018-01-29', accessKeyId: 'testid', accessKeySecret: 'testsecret' });
      const params: Input = {};
      for (const p of actions[action]!.params) {
        const v = inputs[action]![p.name];
        if (v !== undefined) params[p.name] = p.style === 'json' && typeof v !== 'string' ? JSON.stringify(v) : v;
      }
      // pop-core takes any body with a Code for an error; CheckTransferInFeasibility's success has one.
      const body: unknown = await pop.request(action, params, { method: 'POST', formatParams: false }).catch((e: unknown) => {
        const data = (e as { data?: unknown }).data;
        if (data === undefined || !('Code' in actions[action]!.sample)) throw e;
        return data;
      });
      expect(validateResponse(action as ActionName, body, { unknownFields: 'report' })).toEqual([]);
    });
  }
});
