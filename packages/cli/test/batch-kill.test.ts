// A batch of an unsafe Action killed with SIGKILL mid-run, then run again with its journal: no
// line is lost, no line is sent twice, and the lines whose outcome is unknown are reported.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { alidomain, emulatorEnv, finished, start } from './support/cli.js';
import { batchFiles, lastStates, summaryOf } from './support/batch.js';

const ACTION = 'SaveSingleTaskForCreatingOrderActivate';
const NAMES = Array.from({ length: 12 }, (_, i) => `killed-run-${i + 1}.com`);

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, requestLog: 100_000, taskStepMs: 20 });
});
afterAll(() => emulator.close());

/** Resolves when `condition` holds (checked as the journal grows); fails the test after 30 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

const linesIn = (states: Map<number, string>, state: string) => [...states].filter(([, s]) => s === state).map(([l]) => l);

it('loses no line, sends none twice and reports the unknown ones', async () => {
  const files = batchFiles(NAMES.map((DomainName) => ({ DomainName, RegistrantProfileId: 10001 })));
  const args = ['batch', ACTION, '--from', files.items, '--journal', files.journal, '--concurrency', '2', '--rate', '1000/s'];
  const env = emulatorEnv(emulator);

  const child = start(args, { env });
  const exited = finished(child);
  await until(() => linesIn(lastStates(files.journal), 'done').length >= 4, 'four lines done');
  // From now on the emulator holds every request: the calls in flight when the kill comes never end.
  const hold = emulator.inject({ action: ACTION, latencyMs: 600_000 });
  // Held for good are the calls the emulator has not answered: once two lines are in flight and
  // every answer given is recorded, both workers wait on held calls.
  const answered = () => emulator.requests.filter((r) => r.action === ACTION).length;
  await until(() => {
    const states = lastStates(files.journal);
    return linesIn(states, 'sent').length === 2 && answered() === linesIn(states, 'done').length;
  }, 'two calls held by the emulator');
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  hold();

  const afterKill = lastStates(files.journal);
  const done = linesIn(afterKill, 'done');
  const inFlight = linesIn(afterKill, 'sent');
  expect(done.length).toBeGreaterThanOrEqual(4);
  expect(inFlight).toHaveLength(2);

  const resumedAt = emulator.requests.length;
  const resumed = await alidomain(args, { env });
  expect(resumed.code).toBe(3); // the unknown lines are for the user to check
  const summary = summaryOf(resumed.stdout);
  expect(summary).toMatchObject({
    lines: 12,
    done: 12 - inFlight.length,
    skipped: done.length,
    failed: 0,
    invalid: 0,
    unknown: inFlight.length,
  });
  expect(summary.unknownLines.map((u) => u.line)).toEqual(inFlight.sort((a, b) => a - b));
  expect(resumed.stderr).toContain('never sent again');

  // No line lost: each is done, or reported unknown.
  const final = lastStates(files.journal);
  expect([...final.keys()].sort((a, b) => a - b)).toEqual(NAMES.map((_, i) => i + 1));
  // No line sent twice: the resumed run sent exactly the lines never sent before.
  const resent = emulator.requests
    .slice(resumedAt)
    .filter((r) => r.action === ACTION)
    .map((r) => r.params.DomainName);
  const neverSent = NAMES.filter((_, i) => !done.includes(i + 1) && !inFlight.includes(i + 1));
  expect(resent.sort()).toEqual(neverSent.sort());
  const perName = new Map<string, number>();
  for (const r of emulator.requests)
    if (r.action === ACTION) perName.set(r.params.DomainName!, (perName.get(r.params.DomainName!) ?? 0) + 1);
  for (const name of NAMES) expect(perName.get(name) ?? 0).toBeLessThanOrEqual(1);
});
