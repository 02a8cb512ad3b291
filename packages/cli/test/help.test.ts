// Help: every Action by group, and each Action's parameters and retry safety.
import { describe, expect, it } from 'vitest';
import { actions, groups } from '../src/generated/actions.js';
import { alidomain } from './support/cli.js';

describe('alidomain --help', () => {
  it('lists every Action under its group, with its English summary', async () => {
    const r = await alidomain(['--help']);
    expect(r.code).toBe(0);
    for (const g of groups) expect(r.stdout).toContain(g.description ?? g.name);
    for (const a of actions) expect(r.stdout).toContain(a.name);
    expect(r.stdout).toMatch(/CheckDomain +Check whether a domain name is available for registration/);
    const profiles = r.stdout.indexOf(groups[0]!.description!);
    expect(r.stdout.indexOf('SaveRegistrantProfile')).toBeGreaterThan(profiles);
  });

  it('states the exit codes', async () => {
    const r = await alidomain(['--help']);
    expect(r.stdout).toMatch(/2 +usage or validation error/);
    expect(r.stdout).toMatch(/4 +network, timeout or credentials error/);
  });

  it('prints the help on stderr and exits 2 when called with nothing', async () => {
    const r = await alidomain([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });
});

describe('alidomain <Action> --help', () => {
  it('shows the summary, the description and every parameter with type, required flag, allowed values, default and example', async () => {
    const r = await alidomain(['CheckDomain', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('CheckDomain: Check whether a domain name is available for registration');
    expect(r.stdout).toContain('调用CheckDomain检查域名是否可以注册');
    expect(r.stdout).toMatch(/--DomainName <string> +\(required\)/);
    expect(r.stdout).toMatch(/--FeePeriod <int32> +\(optional\)/);
    expect(r.stdout).toContain('Range: 1 to 10');
    expect(r.stdout).toMatch(/Allowed: create, renew, transfer, restore/);
    expect(r.stdout).toMatch(/Default: en/);
    expect(r.stdout).toMatch(/Example: example\.xin/);
  });

  it("gives each description in English, then the document's Chinese", async () => {
    const r = await alidomain(['CheckDomain', '--help']);
    const english = r.stdout.indexOf('You can call CheckDomain to check whether a domain can be registered.');
    const chinese = r.stdout.indexOf('调用CheckDomain检查域名是否可以注册。');
    expect(english).toBeGreaterThan(0);
    expect(chinese).toBeGreaterThan(english);
    expect(r.stdout).toMatch(/--DomainName <string> +\(required\)\n +The domain name\.\n +域名名称。/);
  });

  it('says a read-only Action is safe to retry', async () => {
    const r = await alidomain(['check-domain', '--help']);
    expect(r.stdout).toMatch(/Retry: safe to retry: read-only/);
  });

  it('says an order-creating Action is not safe to retry, and that --wait follows its task', async () => {
    const r = await alidomain(['SaveSingleTaskForCreatingOrderActivate', '--help']);
    expect(r.stdout).toMatch(/Retry: NOT safe to retry/);
    expect(r.stdout).toContain('--wait follows it');
  });

  it('documents an object list with the fields of an item', async () => {
    const r = await alidomain(['SaveBatchTaskForCreatingOrderActivate', '--help']);
    expect(r.stdout).toMatch(/--OrderActivateParam <json> +\(required; a JSON object per item/);
    expect(r.stdout).toMatch(/^ {6}DomainName <string>/m);
  });

  it('documents a repeat list as a repeated flag', async () => {
    const r = await alidomain(['SaveBatchTaskForUpdateProhibitionLock', '--help']);
    expect(r.stdout).toMatch(/--DomainName <string> +\(required; repeat the flag for each item \(sent as DomainName\.N\)\)/);
  });

  it('lists the call options', async () => {
    const r = await alidomain(['QueryDomainList', '--help']);
    for (const flag of ['--dry-run', '--output', '--all', '--endpoint', '--format', '--timeout', '--max-attempts', '--profile', '--input'])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('Paged: --all');
  });
});
