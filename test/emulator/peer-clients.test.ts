// The emulator proven with clients no one here wrote: one scripted flow (check → register → wait
// for the task → list → renew → wait → list) run with @alicloud/pop-core, @alicloud/openapi-client
// in its default V3 mode and in its v1.0 mode, and this project's DomainClient. Every answer must
// pass the response schema, and a wrong secret must get SignatureDoesNotMatch from each.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { validateResponse, type ActionName } from '@alidomain/validators';

const require = createRequire(import.meta.url);
const DAY = 86_400_000;
const TASK_STEP_MS = 50;
type Params = Record<string, string | number>;
type Body = Record<string, unknown>;

/** One way of calling the API: `call` returns the response body or throws an error carrying `code`. */
interface Peer {
  readonly name: string;
  /** Names this peer's domain: flow-<slug>.com. */
  readonly slug: string;
  /** The signature it sends: v1.0 parameters, or a V3 Authorization header. */
  readonly signature: 'v1' | 'v3';
  call(emulator: Emulator, secret: string, action: ActionName, params: Params): Promise<Body>;
}

const popCore: Peer = {
  name: '@alicloud/pop-core',
  slug: 'pop-core',
  signature: 'v1',
  call(emulator, secret, action, params) {
    const RPCClient = require('@alicloud/pop-core') as new (c: Record<string, string>) => {
      request(action: string, params: Params, opts?: object): Promise<Body>;
    };
    return new RPCClient({ accessKeyId: 'testid', accessKeySecret: secret, endpoint: emulator.url, apiVersion: '2018-01-29' }).request(
      action,
      params,
      { method: 'GET' },
    );
  },
};

function openapiClient(signatureAlgorithm: 'v2' | undefined): Peer {
  return {
    name: `@alicloud/openapi-client (${signatureAlgorithm === undefined ? 'default, V3 ACS3-HMAC-SHA256' : "signatureAlgorithm 'v2', v1.0 HMAC-SHA1"})`,
    slug: signatureAlgorithm === undefined ? 'openapi-client-v3' : 'openapi-client-v1',
    signature: signatureAlgorithm === undefined ? 'v3' : 'v1',
    async call(emulator, secret, action, params) {
      const OpenApi = require('@alicloud/openapi-client') as {
        default: new (config: unknown) => { callApi(p: unknown, r: unknown, o: unknown): Promise<{ statusCode: number; body: Body }> };
        Config: new (c: object) => unknown;
        Params: new (p: object) => unknown;
        OpenApiRequest: new (r: object) => unknown;
      };
      const OpenApiUtil = (require('@alicloud/openapi-util') as { default: { query(p: object): Record<string, string> } }).default;
      const { RuntimeOptions } = require('@alicloud/tea-util') as { RuntimeOptions: new (o: object) => unknown };
      const config = {
        accessKeyId: 'testid',
        accessKeySecret: secret,
        endpoint: `${emulator.host}:${emulator.port}`,
        protocol: 'http',
        signatureAlgorithm,
      };
      const res = await new OpenApi.default(new OpenApi.Config(config)).callApi(
        new OpenApi.Params({
          action,
          version: '2018-01-29',
          protocol: 'HTTP',
          pathname: '/',
          method: 'POST',
          authType: 'AK',
          style: 'RPC',
          reqBodyType: 'formData',
          bodyType: 'json',
        }),
        new OpenApi.OpenApiRequest({ query: OpenApiUtil.query(params) }),
        new RuntimeOptions({}),
      );
      return res.body;
    },
  };
}

const domainClient: Peer = {
  name: '@alidomain/client DomainClient',
  slug: 'domain-client',
  signature: 'v1',
  call(emulator, secret, action, params) {
    const client = new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: secret, maxAttempts: 1 });
    return client.call(action, params) as Promise<Body>;
  },
};

const peers = [popCore, openapiClient(undefined), openapiClient('v2'), domainClient];

let emulator: Emulator;
beforeAll(async () => {
  // The flows read the log by index: it keeps them all.
  emulator = await startEmulator({ taskStepMs: TASK_STEP_MS, requestLog: 1000 });
});
afterAll(() => emulator.close());

/** Calls `action` and checks the body against the Action's response schema. */
async function step(peer: Peer, action: ActionName, params: Params): Promise<Body> {
  const body = await peer.call(emulator, 'testsecret', action, params);
  expect(validateResponse(action, body), `${peer.name}: ${action}`).toEqual([]);
  return body;
}

const list = (b: Body, ...path: string[]) => path.reduce<unknown>((v, k) => (v as Body | undefined)?.[k], b) as Body[];

/** Polls QueryTaskDetailList until every detail of `taskNo` has finished; returns the details. */
async function finished(peer: Peer, taskNo: string): Promise<Body[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const details = list(await step(peer, 'QueryTaskDetailList', { TaskNo: taskNo, PageNum: 1, PageSize: 50 }), 'Data', 'TaskDetail');
    if (details.length > 0 && details.every((d) => d.TaskStatus === 'EXECUTE_SUCCESS' || d.TaskStatus === 'EXECUTE_FAILURE'))
      return details;
    if (Date.now() > deadline) throw new Error(`${peer.name}: task ${taskNo} still unfinished: ${JSON.stringify(details)}`);
    // The poll interval of a client waiting on a task (a task step is TASK_STEP_MS).
    await new Promise((r) => setTimeout(r, TASK_STEP_MS / 2));
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe.each(peers)('$name', (peer) => {
  const log = (line: string) => console.log(`[${peer.name}] ${line}`);

  it('checks, registers, waits, lists, renews, waits and lists: every answer schema-valid', async () => {
    const name = `flow-${peer.slug}.com`;
    const firstRequest = emulator.requests.length;
    const profile = emulator.state.data.profiles.find((p) => p.DefaultRegistrantProfile) ?? emulator.state.data.profiles[0]!;

    const check = await step(peer, 'CheckDomain', { DomainName: name });
    log(`CheckDomain ${name} → Avail=${String(check.Avail)}`);
    expect(String(check.Avail)).toBe('1');

    const registration = await step(peer, 'SaveSingleTaskForCreatingOrderActivate', {
      DomainName: name,
      RegistrantProfileId: profile.RegistrantProfileId,
      SubscriptionDuration: 1,
    });
    log(
      `SaveSingleTaskForCreatingOrderActivate ${name} RegistrantProfileId=${profile.RegistrantProfileId} → TaskNo=${String(registration.TaskNo)}`,
    );

    const registered = await finished(peer, String(registration.TaskNo));
    log(
      `QueryTaskDetailList TaskNo=${String(registration.TaskNo)} → ${registered.map((d) => `${String(d.DomainName)} ${String(d.TaskStatus)}`).join(', ')}`,
    );
    expect(registered.map((d) => d.TaskStatus)).toEqual(['EXECUTE_SUCCESS']);

    const listed = await step(peer, 'QueryDomainList', { PageNum: 1, PageSize: 100 });
    const row = list(listed, 'Data', 'Domain').find((d) => d.DomainName === name);
    log(`QueryDomainList → TotalItemNum=${String(listed.TotalItemNum)}, ${name} expires ${String(row?.ExpirationDate)}`);
    expect(row).toBeDefined();

    const before = await step(peer, 'QueryDomainByDomainName', { DomainName: name });
    const expiry = Number(before.ExpirationDateLong);
    log(`QueryDomainByDomainName ${name} → ExpirationDateLong=${expiry} (${day(expiry)})`);

    const renewal = await step(peer, 'SaveSingleTaskForCreatingOrderRenew', {
      DomainName: name,
      CurrentExpirationDate: expiry,
      SubscriptionDuration: 1,
    });
    log(
      `SaveSingleTaskForCreatingOrderRenew ${name} CurrentExpirationDate=${expiry} SubscriptionDuration=1 → TaskNo=${String(renewal.TaskNo)}`,
    );

    const renewed = await finished(peer, String(renewal.TaskNo));
    log(
      `QueryTaskDetailList TaskNo=${String(renewal.TaskNo)} → ${renewed.map((d) => `${String(d.DomainName)} ${String(d.TaskStatus)}`).join(', ')}`,
    );
    expect(renewed.map((d) => d.TaskStatus)).toEqual(['EXECUTE_SUCCESS']);

    const relisted = await step(peer, 'QueryDomainList', { PageNum: 1, PageSize: 100, DomainName: name });
    const after = list(relisted, 'Data', 'Domain').find((d) => d.DomainName === name);
    const newExpiry = Number(after?.ExpirationDateLong);
    log(
      `QueryDomainList DomainName=${name} → expires ${String(after?.ExpirationDate)} (was ${day(expiry)}, +${(newExpiry - expiry) / DAY} days)`,
    );
    expect(newExpiry - expiry).toBeGreaterThanOrEqual(365 * DAY);
    expect(newExpiry - expiry).toBeLessThanOrEqual(366 * DAY);

    // Every request of the flow was signed the way this peer is known to sign, and answered.
    const sent = emulator.requests.slice(firstRequest);
    const signedAs = (r: (typeof sent)[number]) =>
      String(r.headers.authorization).startsWith('ACS3-HMAC-SHA256 ') ? 'v3' : r.params.Signature ? 'v1' : 'none';
    expect(new Set(sent.map(signedAs))).toEqual(new Set([peer.signature]));
    expect(sent.filter((r) => r.code !== undefined)).toEqual([]);
    log(`${sent.length} requests, all signed ${peer.signature === 'v3' ? 'V3 (ACS3-HMAC-SHA256)' : 'v1.0 (HMAC-SHA1)'} and answered`);
  });

  it('gets SignatureDoesNotMatch with a wrong secret', async () => {
    const refused = peer.call(emulator, 'not-the-secret', 'CheckDomain', { DomainName: 'example.com' });
    await expect(refused).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
    log('CheckDomain with a wrong secret → SignatureDoesNotMatch');
  });
});
