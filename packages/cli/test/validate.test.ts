// `alidomain validate <Action> <FILE|->`: offline checks, every problem by wire name.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alidomain } from './support/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('alidomain validate', () => {
  it('exits 0 for a valid input', async () => {
    const r = await alidomain(['validate', 'CheckDomain', fixture('check-domain.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('valid');
  });

  it('lists every problem by wire name and exits 2', async () => {
    const r = await alidomain(['validate', 'check-domain', fixture('check-domain-invalid.json')]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['DomainName', 'FeeCommand', 'FeePeriod']);
  });

  it('names object-list problems with their index and field', async () => {
    const input = JSON.stringify({ OrderActivateParam: [{ DomainName: 'good.com', RegistrantProfileId: 1 }, { DomainName: 'bad_.com' }] });
    const r = await alidomain(['validate', 'SaveBatchTaskForCreatingOrderActivate', '-'], { stdin: input });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^OrderActivateParam\.2\.DomainName: /m);
  });

  it('reports a missing required parameter', async () => {
    const r = await alidomain(['validate', 'CheckDomain', '-'], { stdin: '{}' });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^DomainName: /m);
  });

  it('exits 2 naming the file when it does not exist', async () => {
    const r = await alidomain(['validate', 'CheckDomain', 'no-such-file.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-file.json: no such file');
  });

  it('needs no credentials and no network', async () => {
    const r = await alidomain(['validate', 'CheckDomain', fixture('check-domain.json')], {});
    expect(r.code).toBe(0);
  });
});
