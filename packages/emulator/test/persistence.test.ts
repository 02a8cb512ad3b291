// stateFile (--state FILE): loaded at start (the default state when the file does not exist yet),
// written on close in the seed format, so a change made through the API survives a restart.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainClient } from '@alidomain/client';
import { validateResponse } from '@alidomain/validators';
import { checkSeed, SeedError, startEmulator, type Emulator } from '../src/index.js';

let dir: string;
let file: string;
const open: Emulator[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'alidomain-emulator-state-'));
  file = join(dir, 'state.json');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((e) => e.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(stateFile = file): Promise<{ emulator: Emulator; client: DomainClient }> {
  const emulator = await startEmulator({ stateFile, rateLimits: false });
  open.push(emulator);
  const client = new DomainClient({ endpoint: emulator.url, accessKeyId: 'testid', accessKeySecret: 'testsecret', maxAttempts: 1 });
  return { emulator, client };
}

async function groupNames(client: DomainClient): Promise<string[]> {
  const body = await client.queryDomainGroupList({});
  expect(validateResponse('QueryDomainGroupList', body)).toEqual([]);
  return (body.Data?.DomainGroup ?? []).map((g) => g.DomainGroupName ?? '');
}

describe('a state file', () => {
  it('that does not exist yet starts the emulator from the default state', async () => {
    const { client } = await start();
    const body = await client.queryRegistrantProfiles({});
    expect(body.RegistrantProfiles?.RegistrantProfile?.map((p) => p.RegistrantProfileId)).toEqual([10001]);
  });

  it('is written on close, as a seed', async () => {
    const { emulator } = await start();
    await emulator.close();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(() => checkSeed(saved)).not.toThrow();
    expect(saved).toMatchObject({
      version: 1,
      domains: expect.arrayContaining([expect.objectContaining({ DomainName: 'example-shop.com' })]),
    });
  });

  it('keeps a domain group saved through the API across a restart', async () => {
    const first = await start();
    await first.client.saveDomainGroup({ DomainGroupName: 'kept-across-restarts' });
    await first.emulator.close();
    const second = await start();
    expect(await groupNames(second.client)).toContain('kept-across-restarts');
  });

  it('keeps a registrant profile saved through the API across a restart', async () => {
    const first = await start();
    const saved = await first.client.saveRegistrantProfile({
      RegistrantType: '1',
      RegistrantName: 'Li Si',
      ZhRegistrantName: '李四',
      Country: 'CN',
      Province: 'Zhejiang',
      City: 'Hangzhou',
      Address: 'No. 2 Example Road',
      ZhProvince: '浙江省',
      ZhCity: '杭州市',
      ZhAddress: '示例路2号',
      PostalCode: '310000',
      TelArea: '86',
      Telephone: '57100000001',
      Email: 'lisi@example.com',
    });
    await first.emulator.close();
    const second = await start();
    const body = await second.client.queryRegistrantProfiles({ RegistrantProfileId: saved.RegistrantProfileId! });
    expect(body.RegistrantProfiles?.RegistrantProfile?.map((p) => p.ZhRegistrantName)).toEqual(['李四']);
  });

  it('starts the emulator from the portfolio it holds', async () => {
    copyFileSync(fileURLToPath(new URL('../examples/portfolio.json', import.meta.url)), file);
    const { client } = await start();
    const body = await client.queryDomainList({ PageNum: 1, PageSize: 50 });
    expect((body.Data?.Domain ?? []).map((d) => d.DomainName).sort()).toEqual(['acme-widgets.cn', 'acme-widgets.com', 'acme.shop']);
  });

  it('that is malformed stops the start with a SeedError naming the file and the field', async () => {
    writeFileSync(file, JSON.stringify({ domains: [{ DomainName: 'not a domain name' }] }));
    const e = await startEmulator({ stateFile: file }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(SeedError);
    expect((e as Error).message).toContain(`state ${file}: domains[0].DomainName: expected a domain name`);
  });

  it('in a directory that does not exist is refused at start, not on close', async () => {
    const missing = join(dir, 'no-such-dir', 'state.json');
    await expect(startEmulator({ stateFile: missing })).rejects.toThrow(/cannot save to .*no-such-dir.*is not a directory/);
    expect(existsSync(missing)).toBe(false);
  });
});
