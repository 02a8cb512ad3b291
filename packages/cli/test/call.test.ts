// `alidomain <Action> ...`: the real binary against an emulator, for each outcome a script sees.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { alidomain, alidomainInTerminal, BIN, cleanEnv, emulatorEnv, finished } from './support/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, requestLog: 10_000 });
});
afterAll(() => emulator.close());

const sentSince = (before: number) => emulator.requests.slice(before);

describe('exit codes', () => {
  it('exits 0 and prints the body on success', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'brand-new-name.com'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ DomainName: 'brand-new-name.com', Avail: '1' });
  });

  it('exits 2, naming the wire parameter, and sends nothing for invalid input', async () => {
    const before = emulator.requests.length;
    const r = await alidomain(['CheckDomain', '--DomainName', '-bad-.com'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DomainName: expected a domain name');
    expect(r.stderr).toContain('nothing was sent');
    expect(sentSince(before)).toEqual([]);
  });

  it('exits 3 with Code, Message and RequestId on stderr for an API error', async () => {
    const remove = emulator.inject({ action: 'CheckDomain', error: 'InternalError', count: 3 });
    try {
      const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--max-attempts', '1'], { env: emulatorEnv(emulator) });
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Code: +InternalError/);
      expect(r.stderr).toMatch(/Message: +\S/);
      expect(r.stderr).toMatch(/RequestId: +[0-9A-F-]{36}/);
    } finally {
      remove();
    }
  });

  it('exits 4 when the endpoint cannot be reached', async () => {
    const port = await closedPort();
    const r = await alidomain(
      ['CheckDomain', '--DomainName', 'example.org', '--endpoint', `http://127.0.0.1:${port}`, '--max-attempts', '1'],
      {
        env: emulatorEnv(emulator),
      },
    );
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/ECONNREFUSED|connect/i);
  });

  it('exits 4 naming where it looked when there are no credentials', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org'], { env: cleanEnv({ ALIDOMAIN_ENDPOINT: emulator.url }) });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });

  it('exits 4 when the API does not answer within --timeout', async () => {
    const remove = emulator.inject({ action: 'CheckDomain', latencyMs: 30_000, count: 1 });
    try {
      const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--timeout', '200', '--max-attempts', '1'], {
        env: emulatorEnv(emulator),
      });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/time/i);
    } finally {
      remove();
    }
  });
});

describe('credentials', () => {
  /** An environment whose HOME holds fixtures/aliyun-config.json as ~/.aliyun/config.json, and no keys. */
  function withConfigFile() {
    const env = cleanEnv({ ALIDOMAIN_ENDPOINT: emulator.url });
    mkdirSync(join(env.HOME!, '.aliyun'));
    copyFileSync(fixture('aliyun-config.json'), join(env.HOME!, '.aliyun', 'config.json'));
    return env;
  }

  it('uses the profile named with --profile from ~/.aliyun/config.json', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--profile', 'work'], { env: withConfigFile() });
    expect(r.code).toBe(0);
  });

  it("uses the file's current profile without --profile", async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org'], { env: withConfigFile() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Code: +InvalidAccessKeyId/);
  });

  it('exits 4 for a profile the file does not have', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--profile', 'nope'], { env: withConfigFile() });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('"nope"');
  });
});

describe('naming the Action and its flags', () => {
  it.each([['check-domain'], ['checkdomain'], ['CHECKDOMAIN']])('takes %s for CheckDomain', async (name) => {
    const r = await alidomain([name, '--DomainName', 'example.org'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('Avail');
  });

  it('suggests the nearest Action for a misspelt one, and exits 2', async () => {
    const r = await alidomain(['CheckDomian', '--DomainName', 'example.org'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Did you mean CheckDomain');
  });

  it('suggests the nearest flag for a typo, and exits 2', async () => {
    const r = await alidomain(['CheckDomain', '--DomainNme', 'example.org'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--DomainNme');
    expect(r.stderr).toContain('--DomainName');
  });

  it('refuses a flag where a value is expected, sending nothing', async () => {
    const before = emulator.requests.length;
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--Lang', '--dry-run'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--Lang: expected a value, received the flag --dry-run (write --Lang=--dry-run if that is the value)');
    expect(sentSince(before)).toEqual([]);
  });

  it('takes a value that starts with -- when written --Flag=value', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName=--x.com', '--dry-run'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2); // not a domain name, but read as the value
    expect(r.stderr).toContain('"--x.com"');
  });

  it('does not rewrite a value that looks like a flag', async () => {
    const r = await alidomain(['CheckDomain', '--input', '-', '--DomainName', 'example.org', '--dry-run'], {
      env: emulatorEnv(emulator),
      stdin: '{"Lang":"en"}',
    });
    expect(r.code).toBe(0);
  });

  it('takes a parameter flag in kebab case', async () => {
    const r = await alidomain(['CheckDomain', '--domain-name', 'example.org'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
  });

  it('names the flag and what was expected when a value cannot be coerced', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--FeePeriod', 'two'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--FeePeriod');
    expect(r.stderr).toContain('expected an integer');
  });
});

describe('parameter values', () => {
  it('sends a repeated flag as a repeat list (Name.1, Name.2)', async () => {
    const before = emulator.requests.length;
    const list = await alidomain(
      [
        'SaveBatchTaskForUpdateProhibitionLock',
        '--DomainName',
        'example-shop.com',
        '--DomainName',
        'example-shop.cn',
        '--Status',
        'true',
        '--dry-run',
      ],
      { env: emulatorEnv(emulator) },
    );
    expect(list.code).toBe(0);
    const { params } = JSON.parse(list.stdout) as { params: Record<string, string> };
    expect(params).toMatchObject({ 'DomainName.1': 'example-shop.com', 'DomainName.2': 'example-shop.cn', Status: 'true' });
    expect(sentSince(before)).toEqual([]);
  });

  it('sends a JSON object list as Name.N.Field', async () => {
    const r = await alidomain(
      [
        'SaveBatchTaskForCreatingOrderActivate',
        '--OrderActivateParam',
        '{"DomainName":"first-new.com","RegistrantProfileId":10001}',
        '--OrderActivateParam',
        '[{"DomainName":"second-new.com","RegistrantProfileId":10001}]',
        '--dry-run',
      ],
      { env: emulatorEnv(emulator) },
    );
    expect(r.code).toBe(0);
    const { params } = JSON.parse(r.stdout) as { params: Record<string, string> };
    expect(params).toMatchObject({
      'OrderActivateParam.1.DomainName': 'first-new.com',
      'OrderActivateParam.1.RegistrantProfileId': '10001',
      'OrderActivateParam.2.DomainName': 'second-new.com',
    });
  });

  it('reads the input from --input FILE, flags overriding its keys', async () => {
    const r = await alidomain(['CheckDomain', '--input', fixture('check-domain.json'), '--DomainName', 'override.org', '--dry-run'], {
      env: emulatorEnv(emulator),
    });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { params: object }).params).toMatchObject({ DomainName: 'override.org', FeeCommand: 'create' });
  });

  it('reads the input from stdin with --input -', async () => {
    const r = await alidomain(['CheckDomain', '--input', '-'], { env: emulatorEnv(emulator), stdin: '{"DomainName":"from-stdin.org"}' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ DomainName: 'from-stdin.org' });
  });

  it('refuses an --input that is not a JSON object, naming the flag', async () => {
    const r = await alidomain(['CheckDomain', '--input', '-'], { env: emulatorEnv(emulator), stdin: '[1, 2]' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--input -: expected a JSON object');
  });
});

describe('output', () => {
  it('prints one line of JSON into a pipe', async () => {
    const r = await alidomain(['QueryDomainList', '--PageNum', '1', '--PageSize', '10'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('indents the JSON on a terminal', async () => {
    const r = await alidomainInTerminal(['QueryDomainList', '--PageNum', '1', '--PageSize', '10'], emulatorEnv(emulator));
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/^\{\n {2}"/);
    expect(JSON.parse(r.output)).toHaveProperty('Data');
  });

  it('prints a list result as a table with --output table', async () => {
    const r = await alidomain(['QueryDomainList', '--PageNum', '1', '--PageSize', '10', '--output', 'table'], {
      env: emulatorEnv(emulator),
    });
    expect(r.code).toBe(0);
    const [head, rule, ...rows] = r.stdout.trimEnd().split('\n');
    expect(head).toMatch(/DomainName/);
    expect(rule).toMatch(/^-+( +-+)+$/);
    expect(rows.some((row) => row.includes('example-shop.com'))).toBe(true);
  });

  it('follows every page with --all, one item per line', async () => {
    const r = await alidomain(['QueryDomainList', '--all', '--PageSize', '1'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    const names = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { DomainName: string }).DomainName);
    const first = await alidomain(['QueryDomainList', '--PageNum', '1', '--PageSize', '100'], { env: emulatorEnv(emulator) });
    const total = (JSON.parse(first.stdout) as { TotalItemNum: number }).TotalItemNum;
    expect(total).toBeGreaterThan(1);
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
    expect(r.stderr).toBe(''); // progress only on a terminal
  });

  it('shows --all progress on a terminal only, on stderr', async () => {
    const r = await alidomainInTerminal(['QueryDomainList', '--all', '--PageSize', '1'], emulatorEnv(emulator));
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/QueryDomainList: \d+ items?…/);
  });

  it('stops quietly when the reader of its output goes away (| head -1)', async () => {
    // Not spawnSync: the emulator answers from this process's event loop.
    const script = `"${process.execPath}" "${BIN}" QueryDomainList --all --PageSize 1 | head -1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const run = await finished(spawn('bash', ['-c', script], { env: emulatorEnv(emulator) }));
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toBe('exit 0');
  });

  it('asks for XML with --format xml and still prints JSON', async () => {
    const before = emulator.requests.length;
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--format', 'xml'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ DomainName: 'example.org' });
    expect(sentSince(before).map((q) => q.params.Format)).toEqual(['XML']);
  });

  it('refuses --output table before sending when the answer holds no list', async () => {
    const before = emulator.requests.length;
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--output', 'table'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output table: the answer of CheckDomain holds no list');
    expect(sentSince(before)).toEqual([]);
  });

  it('keeps its exit code when the reader of its output goes away', async () => {
    // 2,000 invalid lines: a summary far larger than a pipe holds, so the write meets the closed pipe.
    const dir = mkdtempSync(join(tmpdir(), 'alidomain-epipe-'));
    writeFileSync(join(dir, 'items.jsonl'), Array.from({ length: 2000 }, (_, i) => `{"DomainName":"bad_${i}.com"}`).join('\n'));
    const script = `"${process.execPath}" "${BIN}" batch CheckDomain --from items.jsonl --journal run.jsonl | true; echo "exit \${PIPESTATUS[0]}" >&2`;
    const run = await finished(spawn('bash', ['-c', script], { env: emulatorEnv(emulator), cwd: dir }));
    expect(run.stderr.trim().split('\n').at(-1)).toBe('exit 2');
    expect(run.stderr).not.toContain('EPIPE');
  });

  it('refuses --all for an Action that is not paged', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--all'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--all: CheckDomain is not paged');
  });
});

/** A port nothing listens on: one the system just handed out and took back. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
