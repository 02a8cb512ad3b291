import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import OpenApiUtil from '@alicloud/openapi-util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropConnection, expectedSignature, serviceUnavailable, startMockServer, throttling, type MockServer } from './mock-server.js';

type RpcSigner = { getRPCSignature(p: Record<string, string>, method: string, secret: string): string };
const Util = ((OpenApiUtil as unknown as { default?: RpcSigner }).default ?? OpenApiUtil) as unknown as RpcSigner;

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer();
});
afterEach(async () => {
  await server.close();
});

function commonParams(action: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Action: action,
    Version: '2018-01-29',
    Format: 'JSON',
    AccessKeyId: 'testid',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: new Date().toISOString().slice(0, 19) + 'Z',
    ...extra,
  };
}

/** Sends a request signed by @alicloud/openapi-util (independent of the server's signer). */
async function call(
  params: Record<string, string>,
  { method = 'GET', bodyKeys = [] as string[], secret = 'testsecret' } = {},
): Promise<{ status: number; body: string }> {
  const signature = Util.getRPCSignature(params, method, secret);
  const all = { ...params, Signature: signature };
  const query = new URLSearchParams(Object.entries(all).filter(([k]) => !bodyKeys.includes(k)));
  const body = new URLSearchParams(Object.entries(all).filter(([k]) => bodyKeys.includes(k))).toString();
  const res = await fetch(`${server.url}/?${query}`, {
    method,
    ...(method === 'POST' ? { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
  });
  return { status: res.status, body: await res.text() };
}

describe('mock Domain API server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('computes the document worked-example signature with its own implementation', () => {
    const params = {
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      Format: 'XML',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      SignatureVersion: '1.0',
      Timestamp: '2016-02-23T12:46:24Z',
      Version: '2014-05-26',
    };
    expect(expectedSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('accepts a correctly signed request and answers JSON', async () => {
    server.handle('CheckDomain', () => ({ data: { Avail: '1' } }));
    const res = await call(commonParams('CheckDomain', { DomainName: '阿里云.中国 *~' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ Avail: '1', RequestId: expect.any(String) });
    expect(server.requests[0]).toMatchObject({ action: 'CheckDomain', signatureValid: true, params: { DomainName: '阿里云.中国 *~' } });
  });

  it('answers XML wrapped in <ActionResponse> when Format=XML, repeating list elements', async () => {
    server.handle('QueryDomainList', () => ({ data: { Data: { Domain: [{ DomainName: 'a&b' }] } } }));
    const res = await call(commonParams('QueryDomainList', { Format: 'XML' }));
    expect(res.body).toMatch(/<QueryDomainListResponse><RequestId>.*<\/RequestId><Data><Domain><DomainName>a&amp;b<\/DomainName><\/Domain><\/Data><\/QueryDomainListResponse>$/);
  });

  it('rejects a wrong signature with 400 SignatureDoesNotMatch', async () => {
    const res = await call(commonParams('CheckDomain'), { secret: 'wrong' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ Code: 'SignatureDoesNotMatch', HostId: 'domain.aliyuncs.com' });
    expect(server.requests[0]!.signatureValid).toBe(false);
  });

  it('rejects a reused SignatureNonce', async () => {
    const params = commonParams('CheckDomain');
    expect((await call(params)).status).toBe(200);
    const again = await call(params);
    expect(again.status).toBe(400);
    expect(JSON.parse(again.body).Code).toBe('SignatureNonceUsed');
  });

  it('rejects an unknown AccessKeyId', async () => {
    const res = await call(commonParams('CheckDomain', { AccessKeyId: 'nobody' }));
    expect(JSON.parse(res.body).Code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('rejects a missing common parameter', async () => {
    const { Timestamp: _, ...params } = commonParams('CheckDomain');
    const res = await call(params);
    expect(JSON.parse(res.body)).toMatchObject({ Code: 'MissingParameter' });
  });

  it('verifies signatures over body parameters of a POST and records which were in the body', async () => {
    const res = await call(commonParams('SaveX', { IdentityCredential: 'a+b/c==' }), { method: 'POST', bodyKeys: ['IdentityCredential'] });
    expect(res.status).toBe(200);
    expect(server.requests[0]).toMatchObject({ method: 'POST', bodyParams: { IdentityCredential: 'a+b/c==' } });
    expect(server.requests[0]!.queryParams.IdentityCredential).toBeUndefined();
  });

  it('serves queued replies first, then the handler', async () => {
    server.enqueue('CheckDomain', throttling(), serviceUnavailable());
    server.handle('CheckDomain', () => ({ data: { Avail: '1' } }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(commonParams('CheckDomain'))).status);
    expect(statuses).toEqual([400, 503, 200]);
  });

  it('answers errors as <Error> XML when Format=XML', async () => {
    server.enqueue('CheckDomain', throttling());
    const res = await call(commonParams('CheckDomain', { Format: 'XML' }));
    expect(res.body).toMatch(/<Error><RequestId>.+<\/RequestId><HostId>domain\.aliyuncs\.com<\/HostId><Code>Throttling<\/Code>/);
  });

  it('delays a reply', async () => {
    server.enqueue('CheckDomain', { data: {}, delayMs: 150 });
    const started = Date.now();
    await call(commonParams('CheckDomain'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('drops the connection without answering', async () => {
    server.enqueue('CheckDomain', dropConnection());
    const params = commonParams('CheckDomain');
    const url = `${server.url}/?${new URLSearchParams({ ...params, Signature: Util.getRPCSignature(params, 'GET', 'testsecret') })}`;
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      request(url, { agent: false }, () => reject(new Error('got a response'))).on('error', resolve).end();
    });
    expect(error.code).toBe('ECONNRESET');
    expect(server.requestsFor('CheckDomain')).toHaveLength(1);
  });

  it('closes cleanly with a keep-alive connection open', async () => {
    await call(commonParams('CheckDomain'));
    await expect(server.close()).resolves.toBeUndefined();
    server = await startMockServer(); // for afterEach
  });
});
