// The URL-length rule (src/url-length.ts): one rule decides both whether a GET stays a GET and
// whether a POST keeps its Action parameters in the query.
import { describe, expect, it } from 'vitest';
import { DomainClientCore, prepareRequest } from '../src/client.js';
import type { ActionMeta } from '../src/meta.js';
import { fitsInUrl, MAX_GET_URL_LENGTH } from '../src/url-length.js';

const ENDPOINT = 'https://domain.aliyuncs.com';
const credentials = { accessKeyId: 'AKID', accessKeySecret: 'secret' };
const meta = (method: 'GET' | 'POST'): ActionMeta => ({
  action: 'CheckDomain',
  method,
  version: '2018-01-29',
  retry: 'safe',
  params: [{ name: 'DomainName', style: 'scalar', in: 'query', type: 'string' }],
  response: 'any',
});
const core = new DomainClientCore({
  endpoint: ENDPOINT,
  credentials: () => credentials,
  transport: async () => ({ status: 200, headers: {}, body: '{}' }),
});
const prepare = (method: 'GET' | 'POST', value: string) =>
  prepareRequest(core, meta(method), { query: [['DomainName', value]], body: [] }, credentials);

// Lengths of DomainName around the point where the URL reaches the limit.
const lengths = Array.from({ length: 300 }, (_, i) => 7500 + i);

describe('fitsInUrl', () => {
  it('leaves room for "/?", "&Signature=" and the longest encoded signature', () => {
    const room = '/?'.length + '&Signature='.length + 28 * 3;
    expect(fitsInUrl(ENDPOINT, MAX_GET_URL_LENGTH - ENDPOINT.length - room)).toBe(true);
    expect(fitsInUrl(ENDPOINT, MAX_GET_URL_LENGTH - ENDPOINT.length - room + 1)).toBe(false);
  });
});

describe('requests near the URL limit', () => {
  it('never have a URL longer than MAX_GET_URL_LENGTH, GET or POST', async () => {
    for (const n of lengths) {
      for (const method of ['GET', 'POST'] as const) {
        expect((await prepare(method, 'x'.repeat(n))).url.length).toBeLessThanOrEqual(MAX_GET_URL_LENGTH);
      }
    }
  });

  it('keep the Action parameters in the URL for a POST exactly when a GET of them stays a GET', async () => {
    const sides = new Set<boolean>();
    for (const n of lengths) {
      const get = await prepare('GET', 'x'.repeat(n));
      const post = await prepare('POST', 'x'.repeat(n));
      const postKeepsQuery = post.body === '';
      sides.add(postKeepsQuery);
      expect({ n, postKeepsQuery }).toEqual({ n, postKeepsQuery: get.method === 'GET' });
    }
    // Both sides of the limit were seen.
    expect(sides).toEqual(new Set([true, false]));
  });
});
