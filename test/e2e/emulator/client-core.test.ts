// The client runtime over each transport against @alidomain/emulator: a server that checks the
// signature, the nonce and the input with its own code, answers from its state and errs with the
// document's catalogue. Answers a test must script (hangs, drops, raw bodies, bodies off the spec)
// stay on the hand-scripted mock, in ../client.e2e.test.ts.
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { validateResponse, type ActionName } from '@alidomain/validators';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFetchTransport,
  createUndiciTransport,
  DomainApiError,
  DomainClientCore,
  type ActionMeta,
  type DomainClientOptions,
  type Transport,
} from '../../../packages/core/src/index.js';
import {
  checkDomain,
  createGroup,
  createOrders,
  queryDomainByInstanceId,
  queryDomainList,
  queryGroups,
  queryTaskDetails,
  setDns,
} from '../actions.js';

let emulator: Emulator;

beforeEach(async () => {
  emulator = await startEmulator({ accessKeys: { testid: 'testsecret', stsid: 'stssecret' } });
});
afterEach(async () => {
  await emulator.close();
});

function client(options: DomainClientOptions = {}): DomainClientCore {
  return new DomainClientCore({
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    endpoint: emulator.url,
    retry: { sleep: async () => {} },
    ...transportOption(),
    ...options,
  });
}

/** Sends and checks the answer against the Action's response schema, as a user's validateResponses would. */
async function send<T = Record<string, unknown>>(c: DomainClientCore, meta: ActionMeta, input: object): Promise<T> {
  const body = await c.send<object, T>(meta, input);
  expect(validateResponse(meta.action as ActionName, body)).toEqual([]);
  return body;
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

// The default transport starts on node:http; undici and fetch are the others (see ../client.e2e.test.ts).
const TRANSPORTS: readonly (readonly [string, () => Transport | undefined])[] = [
  ['the default transport (node:http at first)', () => undefined],
  ['undici', () => createUndiciTransport()],
  ['fetch', () => createFetchTransport()],
];
let transportOption: () => { transport?: Transport } = () => ({});

describe.each(TRANSPORTS)('against the emulator, over %s', (_name, make) => {
  beforeEach(() => {
    transportOption = () => {
      const transport = make();
      return transport === undefined ? {} : { transport };
    };
  });

  describe('signing', () => {
    it('is accepted for a GET with awkward characters, which the server keeps as sent', async () => {
      const name = '阿里云 a b*c~d+e/f=g&h';
      await send(client(), createGroup, { DomainGroupName: name });
      const groups = await send<{ Data: { DomainGroup: { DomainGroupName: string }[] } }>(client(), queryGroups, {});
      expect(groups.Data.DomainGroup.map((g) => g.DomainGroupName)).toContain(name);
      expect(emulator.requests[0]).toMatchObject({ method: 'GET', code: undefined, params: { DomainGroupName: name } });
    });

    it('is accepted with list and object-list parameters (.10 after .1)', async () => {
      const servers = Array.from({ length: 12 }, (_, i) => `ns${i + 1}.example.net`);
      await send(client(), setDns, { DomainName: ['example-shop.com'], AliyunDns: false, DomainNameServer: servers });
      const names = Array.from({ length: 11 }, (_, i) => `new-name-${i + 1}.com`);
      const { TaskNo } = await send<{ TaskNo: string }>(client(), createOrders, {
        OrderActivateParam: names.map((DomainName) => ({ DomainName, RegistrantProfileId: 10001 })),
      });
      expect(emulator.requests.map((r) => r.code)).toEqual([undefined, undefined]);
      expect(emulator.requests[0]!.params).toMatchObject({ 'DomainNameServer.10': 'ns10.example.net' });
      expect(emulator.requests[1]!.params).toMatchObject({ 'OrderActivateParam.10.DomainName': 'new-name-10.com' });
      // The server read the items back in their order: .10 and .11 after .9, not after .1.
      const details = await send<{ Data: { TaskDetail: { DomainName: string }[] } }>(client(), queryTaskDetails, {
        TaskNo,
        PageNum: 1,
        PageSize: 20,
      });
      expect(details.Data.TaskDetail.map((d) => d.DomainName)).toEqual(names);
    });

    // The emulator's log redacts the token; the signature, which covers it, shows it went as signed.
    it('sends the STS token as SecurityToken, signed, and is accepted', async () => {
      await send(client({ accessKeyId: 'stsid', accessKeySecret: 'stssecret', securityToken: 'CAIS+token/==' }), checkDomain, {
        DomainName: 'a.com',
      });
      expect(emulator.requests[0]).toMatchObject({ code: undefined, params: { SecurityToken: '(redacted)', AccessKeyId: 'stsid' } });
    });

    it('is rejected with a wrong secret, surfacing SignatureDoesNotMatch once', async () => {
      const e = await rejection(client({ accessKeySecret: 'wrong' }).send(checkDomain, { DomainName: 'a.com' }));
      expect(e).toBeInstanceOf(DomainApiError);
      // 403: the document's catalogue status for SignatureDoesNotMatch.
      expect(e).toMatchObject({ code: 'SignatureDoesNotMatch', statusCode: 403 });
      expect(emulator.requests).toHaveLength(1);
    });
  });

  describe('responses', () => {
    it('give a one-element XML list as an array, as in JSON', async () => {
      const input = { PageNum: 1, PageSize: 10, DomainName: 'blog' };
      const xml = await send<{ RequestId: string; Data: { Domain: unknown[] } }>(client({ format: 'XML' }), queryDomainList, input);
      const json = await send<{ RequestId: string; Data: { Domain: unknown[] } }>(client({ format: 'JSON' }), queryDomainList, input);
      expect(xml.Data.Domain).toHaveLength(1);
      expect({ ...xml, RequestId: '' }).toEqual({ ...json, RequestId: '' });
    });

    it('give an empty XML list as an empty list', async () => {
      const r = await send<{ Data: unknown }>(client({ format: 'XML' }), queryDomainList, {
        PageNum: 1,
        PageSize: 10,
        DomainName: 'no-such-name',
      });
      expect(r.Data).toEqual({ Domain: [] });
    });
  });

  describe('errors', () => {
    for (const format of ['JSON', 'XML'] as const) {
      it(`map a catalogue error to DomainApiError with code, requestId, hostId, statusCode and action (${format})`, async () => {
        const e = await rejection(client({ format }).send(queryDomainByInstanceId, { InstanceId: 'S00000000000000' }));
        expect(e).toBeInstanceOf(DomainApiError);
        expect(e).toMatchObject({
          code: 'InvalidParameter',
          requestId: expect.stringMatching(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/),
          hostId: 'domain.aliyuncs.com',
          statusCode: 400,
          action: 'QueryDomainByInstanceId',
          apiMessage: expect.stringContaining('“InstanceId”'),
        });
        expect(emulator.requests.map((r) => r.code)).toEqual(['InvalidParameter']);
      });
    }
  });

  describe('retries', () => {
    it('retry Throttling on a safe Action and succeed, with a nonce the server has not seen', async () => {
      emulator.inject({ action: 'CheckDomain', error: 'Throttling', count: 2 });
      await expect(send(client(), checkDomain, { DomainName: 'a.com' })).resolves.toMatchObject({ Avail: '1' });
      const reqs = emulator.requests.filter((r) => r.action === 'CheckDomain');
      // The emulator refuses a nonce it has seen (SignatureNonceUsed): the last attempt got through with a fresh one.
      expect(reqs.map((r) => r.code)).toEqual(['Throttling', 'Throttling', undefined]);
      expect(new Set(reqs.map((r) => r.params.SignatureNonce)).size).toBe(3);
    });
  });
});
