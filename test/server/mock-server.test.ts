import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import OpenApiUtil from '@alicloud/openapi-util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dropConnection,
  expectedSignature,
  hang,
  serviceUnavailable,
  startMockServer,
  throttling,
  type MockServer,
} from './mock-server.js';

interface RpcSigner {
  getRPCSignature(p: Record<string, string>, method: string, secret: string): string;
}
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

/** The URL of a GET signed by @alicloud/openapi-util. */
function signedUrl(params: Record<string, string>): string {
  return `${server.url}/?${new URLSearchParams({ ...params, Signature: Util.getRPCSignature(params, 'GET', 'testsecret') })}`;
}

/** A signed GET on a connection of its own, closed after the answer (unlike fetch's keep-alive). */
function getOnce(params: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(signedUrl(params), { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });
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
    expect(res.body).toMatch(
      /<QueryDomainListResponse><RequestId>.*<\/RequestId><Data><Domain><DomainName>a&amp;b<\/DomainName><\/Domain><\/Data><\/QueryDomainListResponse>$/,
    );
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

  it('holds a reply back until its `until` promise settles', async () => {
    let release!: () => void;
    server.enqueue('CheckDomain', { data: { Avail: '1' }, until: new Promise<void>((resolve) => (release = resolve)) });
    const order: string[] = [];
    const held = call(commonParams('CheckDomain')).then((res) => (order.push('held'), res));
    await server.waitForRequests(1);
    // A whole round trip that starts after the held request arrived: an answer the server did
    // not hold back would be back first.
    expect(await getOnce(commonParams('QueryDomainList'))).toBe(200);
    order.push('other');
    release();
    expect(JSON.parse((await held).body)).toMatchObject({ Avail: '1' });
    expect(order).toEqual(['other', 'held']);
  });

  it('never answers a hung request, and reports its connection closed when the client gives up', async () => {
    server.enqueue('CheckDomain', hang());
    const req = request(signedUrl(commonParams('CheckDomain')), { agent: false });
    const outcome = new Promise<string>((resolve) => {
      req.on('response', () => resolve('answered')).on('error', (e) => resolve(`closed: ${e.message}`));
    });
    req.end();
    await server.waitForRequests(1);
    expect(server.openConnections).toBe(1);
    // The server goes on answering other requests meanwhile, and the hung one stays unanswered.
    expect(await getOnce(commonParams('QueryDomainList'))).toBe(200);
    req.destroy(new Error('gave up'));
    expect(await outcome).toBe('closed: gave up');
    await server.connectionsClosed();
    expect(server.openConnections).toBe(0);
  });

  it('resolves waitForRequests once that many requests for the Action have arrived, at once if they have', async () => {
    let done = false;
    const waiting = server.waitForRequests(2, 'CheckDomain').then((reqs) => ((done = true), reqs));
    await call(commonParams('CheckDomain'));
    await call(commonParams('QueryDomainList'));
    expect(done).toBe(false);
    await call(commonParams('CheckDomain'));
    expect((await waiting).map((r) => r.action)).toEqual(['CheckDomain', 'CheckDomain']);
    await expect(server.waitForRequests(1, 'QueryDomainList')).resolves.toHaveLength(1);
    await expect(server.waitForRequests(3)).resolves.toHaveLength(3);
  });

  it('drops the connection without answering', async () => {
    server.enqueue('CheckDomain', dropConnection());
    const url = signedUrl(commonParams('CheckDomain'));
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      request(url, { agent: false }, () => reject(new Error('got a response')))
        .on('error', resolve)
        .end();
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
