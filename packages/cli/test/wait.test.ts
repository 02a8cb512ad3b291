// --wait: follows the submitted task until every detail has finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { alidomain, alidomainInTerminal, emulatorEnv } from './support/cli.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ taskStepMs: 20, rateLimits: false });
});
afterAll(() => emulator.close());

const register = (name: string) => [
  'SaveSingleTaskForCreatingOrderActivate',
  '--DomainName',
  name,
  '--RegistrantProfileId',
  '10001',
  '--wait',
  '--poll-interval',
  '20',
];

interface Waited {
  TaskNo: string;
  TaskDetails: { DomainName: string; TaskStatus: string }[];
}

describe('--wait', () => {
  it('exits 0 when every detail succeeded, printing the details', async () => {
    const r = await alidomain(register('waited-for.com'), { env: emulatorEnv(emulator) });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Waited;
    expect(out.TaskNo).toMatch(/\S/);
    expect(out.TaskDetails).toEqual([expect.objectContaining({ DomainName: 'waited-for.com', TaskStatus: 'EXECUTE_SUCCESS' })]);
    expect(r.stderr).toContain(`task ${out.TaskNo} submitted`);
    expect(r.stderr).toMatch(/1 of 1 detail finished/);
  });

  it('exits 3 listing the failed details', async () => {
    // example-shop.com is registered in the emulator's default state: the detail fails.
    const r = await alidomain(register('example-shop.com'), { env: emulatorEnv(emulator) });
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as Waited).TaskDetails[0]!.TaskStatus).toBe('EXECUTE_FAILURE');
    expect(r.stderr).toMatch(/1 of 1 task detail\(s\) failed:\n {2}example-shop\.com: EXECUTE_FAILURE/);
  });

  it('shows the progress in place on a terminal', async () => {
    const r = await alidomainInTerminal(register('on-a-terminal.com'), emulatorEnv(emulator));
    expect(r.code).toBe(0);
    expect(r.output).toContain('\r\u001b[2K');
  });

  it('exits 4 when the task does not finish within --wait-timeout', async () => {
    const slow = await startEmulator({ taskStepMs: 60_000, rateLimits: false });
    try {
      const r = await alidomain([...register('slow-task.com'), '--wait-timeout', '200'], { env: emulatorEnv(slow) });
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/did not finish within 200 ms/);
    } finally {
      await slow.close();
    }
  });

  it('refuses --wait for an Action that submits no task', async () => {
    const r = await alidomain(['CheckDomain', '--DomainName', 'example.org', '--wait'], { env: emulatorEnv(emulator) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--wait: CheckDomain does not submit a task');
  });
});
