// --dry-run: the signed request, printed, not sent, and never a secret in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentEncode } from '@alidomain/core/internal';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { alidomain, alidomainInTerminal, emulatorEnv } from './support/cli.js';

const SECRET = 'sk-Very+Secret/Value=5678';
const TOKEN = 'STS.token+With/Odd=Chars-1234';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ accessKeys: { 'sts-id': SECRET } });
});
afterAll(() => emulator.close());

const stsEnv = () =>
  emulatorEnv(emulator, {
    ALIBABA_CLOUD_ACCESS_KEY_ID: 'sts-id',
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
    ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
  });

/** Every form in which a value could leak: raw, and percent-encoded once or twice. */
const forms = (v: string) => [v, percentEncode(v), percentEncode(percentEncode(v))];

describe('--dry-run', () => {
  it('prints method, URL, body and the signed parameters, and sends nothing', async () => {
    const before = emulator.requests.length;
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--dry-run'], { env: stsEnv() });
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout) as { method: string; url: string; body: string | null; params: Record<string, string> };
    expect(shown.method).toBe('GET');
    expect(shown.url.startsWith(`${emulator.url}/?`)).toBe(true);
    expect(shown.body).toBeNull();
    expect(shown.params).toMatchObject({ Action: 'CheckDomain', DomainName: 'example.org', Version: '2018-01-29', AccessKeyId: 'sts-id' });
    expect(shown.params.Signature).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(emulator.requests.length).toBe(before);
  });

  it('never prints the AccessKeySecret or the SecurityToken, in any encoding', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--dry-run'], { env: stsEnv() });
    expect(r.code).toBe(0);
    for (const f of [...forms(SECRET), ...forms(TOKEN)]) {
      expect(r.stdout).not.toContain(f);
      expect(r.stderr).not.toContain(f);
    }
    expect((JSON.parse(r.stdout) as { params: Record<string, string> }).params.SecurityToken).toBe('***');
  });

  it('keeps the secret out of an error even where it was typed into a parameter', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', SECRET], { env: stsEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DomainName: expected a domain name');
    for (const f of forms(SECRET)) expect(r.stderr).not.toContain(f);
  });

  it('keeps them out of what a terminal shows too', async () => {
    const r = await alidomainInTerminal(['CheckDomain', '--DomainName', 'example.org', '--dry-run'], stsEnv());
    expect(r.code).toBe(0);
    for (const f of [...forms(SECRET), ...forms(TOKEN)]) expect(r.output).not.toContain(f);
  });

  it('shows a POST Action with its form body', async () => {
    const r = await alidomain(
      [
        'RegistrantProfileRealNameVerification',
        '--RegistrantProfileID',
        '10001',
        '--IdentityCredentialType',
        'SFZ',
        '--IdentityCredentialNo',
        '110101199001011234',
        '--IdentityCredential',
        'aGVsbG8=',
        '--dry-run',
      ],
      { env: stsEnv() },
    );
    expect(r.code).toBe(0);
    const shown = JSON.parse(r.stdout) as { method: string; body: string };
    expect(shown.method).toBe('POST');
    expect(new URLSearchParams(shown.body).get('IdentityCredential')).toBe('aGVsbG8=');
  });

  it('validates first: invalid input exits 2 and prints no request', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'not a domain', '--dry-run'], { env: stsEnv() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('prints a request the API accepts: sent as shown, the emulator answers it', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--dry-run'], {
      env: emulatorEnv(emulator, { ALIBABA_CLOUD_ACCESS_KEY_ID: 'sts-id', ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET }),
    });
    const { url } = JSON.parse(r.stdout) as { url: string };
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ DomainName: 'example.org' });
  });
});
