// The generator has no product of its own: a spec of another Alibaba Cloud RPC product, in the
// same conventions (a hand-written three-Action Alidns 2015-01-09 fixture), generates a client
// that compiles, names itself after that product and signs requests a server accepts.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { signParams } from '@alidomain/core/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchPackages, type ScratchPackages } from './helpers/scratch-packages.js';

const SECRET = 'scratch-secret';

interface Seen {
  params: Record<string, string>;
  signatureValid: boolean;
}

/** A server that checks each request's signature as the API does, and answers per Action. */
function alidnsServer(seen: Seen[]): Server {
  return createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = Object.fromEntries(url.searchParams);
    const { Signature, ...signed } = params;
    const expected = signParams(req.method === 'POST' ? 'POST' : 'GET', Object.entries(signed), SECRET).signature;
    seen.push({ params, signatureValid: Signature === expected });
    res.setHeader('content-type', 'application/json');
    if (Signature !== expected) {
      res.statusCode = 400;
      res.end(JSON.stringify({ RequestId: 'r', Code: 'SignatureDoesNotMatch', Message: 'bad signature' }));
      return;
    }
    const body =
      params.Action === 'DescribeDomainRecords'
        ? {
            RequestId: 'r1',
            TotalCount: 1,
            DomainRecords: { Record: [{ RecordId: '9999985', RR: 'www', Type: 'A', Value: '192.0.2.1', TTL: 600 }] },
          }
        : { RequestId: 'r2', RecordId: '9999985' };
    res.end(JSON.stringify(body));
  });
}

let scratch: ScratchPackages;
let client: Record<string, unknown>;
let server: Server;
const seen: Seen[] = [];
let endpoint = '';

beforeAll(async () => {
  scratch = await scratchPackages(join(import.meta.dirname, 'fixtures/alidns/openapi.yaml'));
  client = await scratch.client();
  server = alidnsServer(seen);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  scratch.remove();
});

type Client = Record<string, (input?: unknown) => Promise<Record<string, unknown>>>;
const newClient = (): Client => {
  const AlidnsClient = client.AlidnsClient as new (options: object) => Client;
  return new AlidnsClient({ endpoint, accessKeyId: 'scratch-id', accessKeySecret: SECRET, maxAttempts: 1 });
};

describe('a client generated from another product’s spec (Alidns 2015-01-09)', () => {
  it('takes its class name, API version and endpoint from the spec', () => {
    expect(typeof client.AlidnsClient).toBe('function');
    expect(client.DomainClient).toBeUndefined();
    expect(client.API_VERSION).toBe('2015-01-09');
    expect(client.API_ENDPOINT).toBe('https://alidns.aliyuncs.com');
  });

  it('carries the version in every Action’s metadata', () => {
    const metas = client.actionMetas as Record<string, { version: string }>;
    expect(Object.keys(metas).sort()).toEqual(['AddDomainRecord', 'DeleteDomainRecord', 'DescribeDomainRecords']);
    expect(new Set(Object.values(metas).map((m) => m.version))).toEqual(new Set(['2015-01-09']));
  });

  it('sends signed requests with the product’s Version, which the server accepts', async () => {
    const res = await newClient().describeDomainRecords!({ DomainName: 'example.com', PageSize: 50 });
    const request = seen.at(-1)!;
    expect(request.signatureValid).toBe(true);
    expect(request.params).toMatchObject({
      Action: 'DescribeDomainRecords',
      Version: '2015-01-09',
      DomainName: 'example.com',
      PageSize: '50',
    });
    expect(res).toMatchObject({ TotalCount: 1, DomainRecords: { Record: [{ RR: 'www', TTL: 600 }] } });
  });

  it('checks input against the product’s own validators before sending', async () => {
    const before = seen.length;
    await expect(newClient().addDomainRecord!({ DomainName: 'example.com', RR: 'www', Type: 'SRV', Value: 'x' })).rejects.toMatchObject({
      name: 'DomainValidationError',
      problems: [expect.objectContaining({ param: 'Type' })],
    });
    expect(seen.length).toBe(before);
  });
});
