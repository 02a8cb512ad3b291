import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DomainOptionsError, DomainValidationError } from '@alidomain/core';
import { createAlidomainSigner } from '../src/signer.js';

const KEYS = { accessKeyId: 'unit-id', accessKeySecret: 'unit-secret' };
const query = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);

describe('createAlidomainSigner', () => {
  it('writes the Action, the common parameters and a signature into the query', async () => {
    const request = await createAlidomainSigner(KEYS)({
      action: 'CheckDomain',
      baseUrl: 'http://127.0.0.1:9',
      query: { DomainName: 'a.com' },
    });
    expect(request.method).toBe('GET');
    expect(new URL(request.url).origin).toBe('http://127.0.0.1:9');
    expect(new URL(request.url).hash).toBe('');
    expect(query(request)).toMatchObject({
      Action: 'CheckDomain',
      Version: '2018-01-29',
      Format: 'JSON',
      AccessKeyId: 'unit-id',
      DomainName: 'a.com',
    });
    expect(query(request).Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(query(request).SignatureNonce).toEqual(expect.any(String));
  });

  it('sends to https://domain.aliyuncs.com when the client has no base URL', async () => {
    const request = await createAlidomainSigner(KEYS)({ action: 'CheckDomain', query: { DomainName: 'a.com' } });
    expect(new URL(request.url).origin).toBe('https://domain.aliyuncs.com');
  });

  it('accepts Action, Version and Format when they agree, and asks for XML when Format says so', async () => {
    const request = await createAlidomainSigner(KEYS)({
      action: 'CheckDomain',
      query: { Action: 'CheckDomain', Version: '2018-01-29', Format: 'XML', DomainName: 'a.com' },
    });
    expect(query(request).Format).toBe('XML');
    expect(request.headers.get('accept')).toBe('application/xml');
  });

  it('refuses a Version or Format the API does not have, naming each', async () => {
    const call = createAlidomainSigner(KEYS)({
      action: 'CheckDomain',
      query: { Version: '2014-05-26', Format: 'YAML', DomainName: 'a.com' },
    });
    await expect(call).rejects.toThrow(DomainValidationError);
    await expect(call).rejects.toThrow(
      /Version: expected "2018-01-29", received "2014-05-26"[\s\S]*Format: expected "JSON" or "XML", received "YAML"/,
    );
  });

  it('refuses an Action the spec does not have, suggesting the nearest', async () => {
    await expect(createAlidomainSigner(KEYS)({ action: 'CheckDomian', query: {} })).rejects.toThrow(
      /Action: expected one of the 111 Actions[^\n]*CheckDomain/,
    );
  });

  it('validates against the request schema first: nothing is built for invalid input', async () => {
    const call = createAlidomainSigner(KEYS)({ action: 'CheckDomain', query: { DomainName: '-bad-.com', FeePeriod: 11 } });
    await expect(call).rejects.toThrow(/DomainName: expected a domain name[\s\S]*FeePeriod: expected/);
  });

  it('with validate: false, still refuses what cannot be serialised', async () => {
    const sign = createAlidomainSigner({ ...KEYS, validate: false });
    expect(query(await sign({ action: 'CheckDomain', query: { DomainName: '-bad-.com' } })).DomainName).toBe('-bad-.com');
    await expect(sign({ action: 'CheckDomain', query: { DomainName: 'a.com', FeePeriod: 'one' } })).rejects.toThrow(/FeePeriod/);
  });

  it('refuses a parameter given both in the query and in the body', async () => {
    const call = createAlidomainSigner(KEYS)({
      action: 'RegistrantProfileRealNameVerification',
      query: { RegistrantProfileID: 1, IdentityCredentialType: 'SFZ', IdentityCredentialNo: '1', IdentityCredential: 'a' },
      body: { IdentityCredential: 'b' },
    });
    await expect(call).rejects.toThrow('IdentityCredential: expected in the query or in the body, not both, received both');
  });

  it('puts body parameters in a form body and keeps the caller’s other headers', async () => {
    const request = await createAlidomainSigner(KEYS)({
      action: 'RegistrantProfileRealNameVerification',
      query: { RegistrantProfileID: 1, IdentityCredentialType: 'SFZ', IdentityCredentialNo: '1' },
      body: { IdentityCredential: 'dGVzdA==' },
      headers: new Headers({ 'content-type': 'application/json', 'x-trace-id': 't-1' }),
    });
    expect(request.method).toBe('POST');
    expect(request.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.headers.get('x-trace-id')).toBe('t-1');
    expect(await request.text()).toBe('IdentityCredential=dGVzdA%3D%3D');
    expect(query(request)).not.toHaveProperty('IdentityCredential');
  });

  it('carries the caller’s abort signal', async () => {
    const controller = new AbortController();
    const request = await createAlidomainSigner(KEYS)({ action: 'CheckDomain', query: { DomainName: 'a.com' }, signal: controller.signal });
    controller.abort();
    expect(request.signal.aborted).toBe(true);
  });

  it('names an unknown or unusable option', () => {
    expect(() => createAlidomainSigner({ accessKeySecrt: 'x' } as never)).toThrow(DomainOptionsError);
    expect(() => createAlidomainSigner({ accessKeySecrt: 'x' } as never)).toThrow(/accessKeySecrt[^\n]*accessKeySecret/);
    expect(() => createAlidomainSigner({ validate: 'yes' } as never)).toThrow(/validate: expected true or false/);
  });

  it('shows no secret when logged', () => {
    const sign = createAlidomainSigner({ ...KEYS, securityToken: 'unit-token' });
    const shown = inspect(sign, { showHidden: true, depth: 10 });
    expect(shown).not.toContain('unit-secret');
    expect(shown).not.toContain('unit-token');
  });
});
