// The generated client against the hand-scripted mock server, for what needs a scripted answer:
// which parameters went in a POST body, failures of an order-creating Action, and a response off
// the spec. Everything else runs against the emulator, in emulator/domain-client.test.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainApiError, DomainClient, DomainTransportError } from '@alidomain/client';
import { dropConnection, serviceUnavailable, startMockServer, throttling, type MockServer } from '../server/mock-server.js';

let server: MockServer;
const client = (extra: ConstructorParameters<typeof DomainClient>[0] = {}) =>
  new DomainClient({
    accessKeyId: 'testid',
    accessKeySecret: 'testsecret',
    endpoint: server.url,
    retry: { sleep: async () => {} },
    ...extra,
  });

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('DomainClient', () => {
  it('POSTs Actions the document requires to POST, with Body parameters in the signed form body', async () => {
    server.handle('RegistrantProfileRealNameVerification', () => ({ data: {} }));
    await client().registrantProfileRealNameVerification({
      RegistrantProfileID: 1234567,
      IdentityCredentialType: 'SFZ',
      IdentityCredentialNo: '1101',
      IdentityCredential: 'dGVzdA==',
    });
    const req = server.requestsFor('RegistrantProfileRealNameVerification')[0]!;
    expect(req.method).toBe('POST');
    expect(req.bodyParams.IdentityCredential).toBe('dGVzdA==');
    expect(req.queryParams.IdentityCredential).toBeUndefined();
    expect(req.signatureValid).toBe(true);
  });
});

describe('retries through the generated client', () => {
  it('never sends an order-creating Action twice on its own, whatever the failure', async () => {
    // A dropped connection may have reached the server: that is why it is not sent again.
    for (const [failure, type, fields] of [
      [serviceUnavailable(), DomainApiError, { code: 'ServiceUnavailable' }],
      [throttling(), DomainApiError, { code: 'Throttling' }],
      [dropConnection(), DomainTransportError, { reachedServer: true }],
    ] as const) {
      server.requests.length = 0;
      server.enqueue('SaveSingleTaskForCreatingOrderActivate', failure);
      const e: unknown = await client()
        .saveSingleTaskForCreatingOrderActivate({ DomainName: 'new.com', SubscriptionDuration: 1 })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(type);
      expect(e).toMatchObject(fields);
      expect(server.requestsFor('SaveSingleTaskForCreatingOrderActivate')).toHaveLength(1);
    }
  });
});

describe('validation', () => {
  it('reports a response that does not match the spec when asked to', async () => {
    server.handle('CheckDomain', () => ({ data: { Avail: 7, Premium: 'maybe' } }));
    const seen: string[] = [];
    await client({ validateResponses: (_action, problems) => seen.push(...problems) }).checkDomain({ DomainName: 'example.com' });
    expect(seen.join('\n')).toMatch(/Premium/);
    await expect(client({ validateResponses: true }).checkDomain({ DomainName: 'example.com' })).rejects.toThrow(/Premium/);
  });
});
