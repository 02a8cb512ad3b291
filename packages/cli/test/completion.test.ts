// Shell completion: the scripts, and the candidates they ask the command for.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alidomain, BIN } from './support/cli.js';

const complete = async (...words: string[]) => (await alidomain(['__complete', ...words])).stdout.trimEnd().split('\n').filter(Boolean);

describe('candidates', () => {
  it('completes Action names and commands', async () => {
    expect(await complete('CheckD')).toEqual(['CheckDomain', 'CheckDomainSunriseClaim']);
    expect(await complete('val')).toEqual(['validate']);
  });

  it('completes the kebab spelling from a lower-case start', async () => {
    expect(await complete('check-domain-s')).toEqual(['check-domain-sunrise-claim']);
  });

  it("completes an Action's flags and the call options", async () => {
    const flags = await complete('CheckDomain', '--Fee');
    expect(flags).toEqual(['--FeeCommand', '--FeeCurrency', '--FeePeriod']);
    expect(await complete('CheckDomain', '--dr')).toEqual(['--dry-run']);
  });

  it('completes the allowed values of a flag', async () => {
    expect(await complete('CheckDomain', '--FeeCommand', '')).toEqual(['create', 'renew', 'transfer', 'restore']);
    expect(await complete('CheckDomain', '--output', 't')).toEqual(['table']);
  });

  it('completes the batch flags', async () => {
    expect(await complete('batch', 'CheckDomain', '--jo')).toEqual(['--journal']);
  });
});

describe('alidomain completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script that asks alidomain __complete', async (shell) => {
    const r = await alidomain(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alidomain __complete');
  });

  it('exits 2 for another shell', async () => {
    const r = await alidomain(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one of bash, zsh or fish');
  });

  it('completes in a real bash', async () => {
    const script = (await alidomain(['completion', 'bash'])).stdout;
    const bin = mkdtempSync(join(tmpdir(), 'alidomain-bin-'));
    symlinkSync(BIN, join(bin, 'alidomain'));
    const run = spawnSync(
      'bash',
      [
        '--norc',
        '-c',
        `${script}\nCOMP_WORDS=(alidomain CheckDomain --FeeCur); COMP_CWORD=2; _alidomain; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } },
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('--FeeCurrency');
  });
});
