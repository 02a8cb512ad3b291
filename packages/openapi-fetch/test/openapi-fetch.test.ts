import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { alidomainMiddleware } from '../src/openapi-fetch.js';
import { alidomainSerializers } from '../src/serializers.js';

const KEYS = { accessKeyId: 'unit-id', accessKeySecret: 'unit-secret' };

/** An openapi-fetch client with the adapter, whose fetch records each request and answers `{}`. */
function recordingClient() {
  const sent: Request[] = [];
  const fetch = async (request: Request) => {
    sent.push(request);
    return new Response('{"RequestId":"r"}', { headers: { 'content-type': 'application/json' } });
  };
  const client = createClient<Record<string, never>>({ baseUrl: 'http://127.0.0.1:9', fetch, ...alidomainSerializers });
  client.use(alidomainMiddleware(KEYS));
  const call = (method: 'GET' | 'POST', path: string, init: object) =>
    (client as unknown as Record<string, (p: string, i: object) => Promise<{ data?: unknown; error?: unknown }>>)[method]!(path, init);
  return { sent, call };
}

describe('alidomainMiddleware', () => {
  it('replaces openapi-fetch’s request: no fragment, the parameters in the query', async () => {
    const { sent, call } = recordingClient();
    const { data } = await call('GET', '/#Action=SaveBatchTaskForTransferProhibitionLock', {
      params: { query: { DomainName: ['a.com', 'b.com'], Status: false } },
    });
    expect(data).toEqual({ RequestId: 'r' });
    const url = new URL(sent[0]!.url);
    expect(url.hash).toBe('');
    expect(url.searchParams.get('Action')).toBe('SaveBatchTaskForTransferProhibitionLock');
    expect(url.searchParams.getAll('DomainName.1')).toEqual(['a.com']);
    expect(url.searchParams.get('DomainName.2')).toBe('b.com');
    expect(url.searchParams.get('Status')).toBe('false');
  });

  it('reads the body the adapter’s serialiser wrote, bigint included', async () => {
    const { sent, call } = recordingClient();
    await call('POST', '/#Action=RegistrantProfileRealNameVerification', {
      params: { query: { RegistrantProfileID: 9007199254740993n, IdentityCredentialType: 'SFZ', IdentityCredentialNo: '1' } },
      body: { IdentityCredential: 'dGVzdA==' },
    });
    expect(new URL(sent[0]!.url).searchParams.get('RegistrantProfileID')).toBe('9007199254740993');
    expect(await sent[0]!.text()).toBe('IdentityCredential=dGVzdA%3D%3D');
  });

  it('reads a form body openapi-fetch wrote itself', async () => {
    const { sent, call } = recordingClient();
    await call('POST', '/#Action=RegistrantProfileRealNameVerification', {
      params: { query: { RegistrantProfileID: 1, IdentityCredentialType: 'SFZ', IdentityCredentialNo: '1' } },
      body: { IdentityCredential: 'abc' },
      bodySerializer: (b: Record<string, string>) => new URLSearchParams(b).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(await sent[0]!.text()).toBe('IdentityCredential=abc');
  });

  it('rejects invalid input before fetch is called', async () => {
    const { sent, call } = recordingClient();
    await expect(call('GET', '/#Action=CheckDomain', { params: { query: { DomainName: 'a..com' } } })).rejects.toThrow(
      /DomainName: expected a domain name/,
    );
    expect(sent).toHaveLength(0);
  });
});
