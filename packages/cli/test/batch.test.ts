// `alidomain batch`: one call per line, each outcome journaled, resumable without re-sending.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '@alidomain/emulator';
import { setTimeout as sleep } from 'node:timers/promises';
import { alidomain, alidomainInTerminal, emulatorEnv, finished, start } from './support/cli.js';
import { batchFiles, journalOf, lastStates, summaryOf, writeItems, type Files } from './support/batch.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ rateLimits: false, requestLog: 100_000, taskStepMs: 20 });
});
afterAll(() => emulator.close());

const batch = (action: string, files: Files, ...extra: string[]) =>
  alidomain(['batch', action, '--from', files.items, '--journal', files.journal, ...extra], { env: emulatorEnv(emulator) });

/** Requests of `action` the emulator saw for each DomainName since `since` (an index in its log). */
function sentByName(action: string, since = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of emulator.requests.slice(since))
    if (r.action === action && r.params.DomainName) counts.set(r.params.DomainName, (counts.get(r.params.DomainName) ?? 0) + 1);
  return counts;
}

const checks = (names: string[]) => names.map((DomainName) => ({ DomainName }));
const registration = (DomainName: string) => ({ DomainName, RegistrantProfileId: 10001 });

describe('a run', () => {
  it('calls once per line and records each outcome', async () => {
    const files = batchFiles(checks(['a-1.com', 'a-2.com', 'a-3.com', 'a-4.com']));
    const since = emulator.requests.length;
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(0);
    expect(summaryOf(r.stdout)).toMatchObject({ lines: 4, done: 4, failed: 0, unknown: 0, invalid: 0 });
    expect([...sentByName('CheckDomain', since).values()]).toEqual([1, 1, 1, 1]);
    const done = journalOf(files.journal).filter((e) => e.state === 'done');
    expect(done.map((e) => e.line).sort()).toEqual([1, 2, 3, 4]);
    expect(done[0]).toHaveProperty('requestId');
    expect(done[0]).toHaveProperty('response.Avail');
  });

  it('records a line as sent before its outcome', async () => {
    const files = batchFiles(checks(['order-1.com']));
    await batch('CheckDomain', files);
    expect(
      journalOf(files.journal)
        .filter((e) => e.line === 1)
        .map((e) => e.state),
    ).toEqual(['sent', 'done']);
  });

  it('sends nothing for an invalid line, names the problem, and exits 2', async () => {
    const files = batchFiles([{ DomainName: 'fine.com' }, { DomainName: '-bad-.com' }, 'not json']);
    const since = emulator.requests.length;
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(2);
    const s = summaryOf(r.stdout);
    expect(s).toMatchObject({ done: 1, invalid: 2 });
    expect(s.invalidLines[0]).toMatchObject({ line: 2, problems: [expect.stringMatching(/^DomainName: expected a domain name/)] });
    expect([...sentByName('CheckDomain', since).keys()]).toEqual(['fine.com']);
    expect(r.stderr).toMatch(/line 3: \(line\): expected a JSON object/);
  });

  it('keeps at most --concurrency calls in flight', async () => {
    const remove = emulator.inject({ action: 'CheckDomain', latencyMs: 200 });
    try {
      const files = batchFiles(checks(Array.from({ length: 12 }, (_, i) => `conc-${i}.com`)));
      const r = await batch('CheckDomain', files, '--concurrency', '3', '--rate', '1000/s');
      expect(r.code).toBe(0);
      let open = 0;
      let most = 0;
      for (const e of journalOf(files.journal)) {
        if (e.state === 'sent') most = Math.max(most, ++open);
        else if (e.state === 'done') open--;
      }
      expect(most).toBe(3);
    } finally {
      remove();
    }
  });

  it('starts calls no faster than --rate', async () => {
    const files = batchFiles(checks(Array.from({ length: 6 }, (_, i) => `rate-${i}.com`)));
    const r = await batch('CheckDomain', files, '--rate', '20/s', '--concurrency', '6');
    expect(r.code).toBe(0);
    const sent = journalOf(files.journal)
      .filter((e) => e.state === 'sent')
      .map((e) => Date.parse(e.at as string));
    // Six starts at 20/s span five intervals of 50 ms; unpaced, six workers would start within a
    // few ms. The journal's times are wall-clock and the pacer's monotonic: a tenth is left for
    // the two clocks to disagree on a loaded VM (measured: 241 ms for 250 under two busy loops).
    expect(Math.max(...sent) - Math.min(...sent)).toBeGreaterThanOrEqual(5 * 50 * 0.9);
  });

  it('shows a progress bar on a terminal', async () => {
    const files = batchFiles(checks(['bar-1.com', 'bar-2.com']));
    const r = await alidomainInTerminal(['batch', 'CheckDomain', '--from', files.items, '--journal', files.journal], emulatorEnv(emulator));
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/\[#+-*\] \d\/2 {2}done \d/);
  });

  it('prints no progress into a pipe, only the summary', async () => {
    const files = batchFiles(checks(['pipe-1.com']));
    const r = await batch('CheckDomain', files);
    expect(r.stderr.trim().split('\n')).toEqual(['batch CheckDomain: 1 line: 1 done, 0 failed, 0 unknown, 0 invalid']);
  });
});

describe('against the rate limits', () => {
  it('slows down on Throttling and still finishes every line', async () => {
    // CheckDomain: 10 requests/s per user, as the document says; asked for 50/s.
    const limited = await startEmulator({ requestLog: 100_000 });
    try {
      const files = batchFiles(checks(Array.from({ length: 30 }, (_, i) => `throttled-${i}.com`)));
      const r = await alidomain(['batch', 'CheckDomain', '--from', files.items, '--journal', files.journal, '--rate', '50/s'], {
        env: emulatorEnv(limited),
      });
      expect(r.code).toBe(0);
      expect(summaryOf(r.stdout)).toMatchObject({ done: 30, failed: 0 });
      expect(limited.requests.some((q) => q.code?.startsWith('Throttling'))).toBe(true);
    } finally {
      await limited.close();
    }
  });
});

describe('Ctrl-C', () => {
  it('stops at once when no call is in flight, the lines not started counted', async () => {
    const files = batchFiles(checks(['ctrl-c-1.com', 'ctrl-c-2.com', 'ctrl-c-3.com']));
    // One call a minute: after the first, the others wait a long time for their slots.
    const child = start(['batch', 'CheckDomain', '--from', files.items, '--journal', files.journal, '--rate', '1/min'], {
      env: emulatorEnv(emulator),
    });
    const exited = finished(child);
    while (![...lastStates(files.journal).values()].includes('done')) await sleep(10);
    child.kill('SIGINT');
    const r = await exited;
    expect(r.code).toBe(130);
    expect(summaryOf(r.stdout)).toMatchObject({ done: 1, notStarted: 2 });
    expect(r.stderr).toContain('stopping');
  });
});

describe('a run again with the same journal', () => {
  it('skips the lines that are done and sends nothing for them', async () => {
    const files = batchFiles(checks(['again-1.com', 'again-2.com']));
    await batch('CheckDomain', files);
    const since = emulator.requests.length;
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(0);
    expect(summaryOf(r.stdout)).toMatchObject({ done: 2, skipped: 2 });
    expect(sentByName('CheckDomain', since).size).toBe(0);
  });

  it('sends an invalid line once it is fixed', async () => {
    const files = batchFiles([{ DomainName: 'fixed-1.com' }, { DomainName: 'bad_.com' }]);
    expect((await batch('CheckDomain', files)).code).toBe(2);
    writeItems(files.items, [{ DomainName: 'fixed-1.com' }, { DomainName: 'fixed-2.com' }]);
    const since = emulator.requests.length;
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(0);
    expect([...sentByName('CheckDomain', since).keys()]).toEqual(['fixed-2.com']);
  });

  it('refuses, sending nothing, when a line it recorded as done has changed', async () => {
    const files = batchFiles(checks(['stable-1.com', 'stable-2.com']));
    await batch('CheckDomain', files);
    writeItems(files.items, checks(['stable-1.com', 'changed-2.com']));
    const since = emulator.requests.length;
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2 changed since the journal recorded it');
    expect(sentByName('CheckDomain', since).size).toBe(0);
  });

  it('refuses a journal of another Action', async () => {
    const files = batchFiles(checks(['other-1.com']));
    await batch('CheckDomain', files);
    const r = await batch('QueryDomainByDomainName', files);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('records a batch of CheckDomain, not QueryDomainByDomainName');
  });

  it('sends a safe Action again for a line whose outcome was unknown', async () => {
    const files = batchFiles(checks(['retry-safe.com']));
    const remove = emulator.inject({ action: 'CheckDomain', error: 'ServiceUnavailable', count: 3 });
    const first = await batch('CheckDomain', files);
    remove();
    expect(first.code).toBe(3);
    expect(summaryOf(first.stdout).unknown).toBe(1);
    const r = await batch('CheckDomain', files);
    expect(r.code).toBe(0);
    expect(summaryOf(r.stdout)).toMatchObject({ done: 1, skipped: 0 });
  });
});

describe('an unsafe Action', () => {
  it('is never sent again for a line whose outcome is unknown, even with --retry-failed', async () => {
    const files = batchFiles([registration('unsafe-ok.com'), registration('unsafe-unknown.com')]);
    const since = emulator.requests.length;
    // The second request gets a server failure: it may have been acted on.
    const remove = emulator.inject({ action: 'SaveSingleTaskForCreatingOrderActivate', error: 'InternalError', count: 1 });
    const first = await batch('SaveSingleTaskForCreatingOrderActivate', files, '--concurrency', '1');
    remove();
    expect(first.code).toBe(3);
    const unknownLine = summaryOf(first.stdout).unknownLines[0]!.line;
    for (const extra of [[], ['--retry-failed']]) {
      const r = await batch('SaveSingleTaskForCreatingOrderActivate', files, ...extra);
      expect(r.code).toBe(3);
      expect(summaryOf(r.stdout)).toMatchObject({ done: 1, unknown: 1, unknownLines: [{ line: unknownLine }] });
      expect(r.stderr).toContain('never sent again');
    }
    expect([...sentByName('SaveSingleTaskForCreatingOrderActivate', since).values()]).toEqual([1, 1]);
  });

  it('sends a refused line again only with --retry-failed', async () => {
    const files = batchFiles([registration('refused-once.com')]);
    const since = emulator.requests.length;
    const remove = emulator.inject({ action: 'SaveSingleTaskForCreatingOrderActivate', error: 'InvalidParameter', count: 1 });
    const first = await batch('SaveSingleTaskForCreatingOrderActivate', files);
    remove();
    expect(summaryOf(first.stdout)).toMatchObject({ failed: 1, failedLines: [{ line: 1, code: 'InvalidParameter' }] });
    const again = await batch('SaveSingleTaskForCreatingOrderActivate', files);
    expect(summaryOf(again.stdout)).toMatchObject({ failed: 1, done: 0 });
    expect(sentByName('SaveSingleTaskForCreatingOrderActivate', since).get('refused-once.com')).toBe(1);
    const retried = await batch('SaveSingleTaskForCreatingOrderActivate', files, '--retry-failed');
    expect(retried.code).toBe(0);
    expect(sentByName('SaveSingleTaskForCreatingOrderActivate', since).get('refused-once.com')).toBe(2);
    expect(lastStates(files.journal).get(1)).toBe('done');
  });

  it('refuses to run when a line it sent has changed', async () => {
    const files = batchFiles([registration('sent-then-changed.com')]);
    const remove = emulator.inject({ action: 'SaveSingleTaskForCreatingOrderActivate', error: 'InvalidParameter', count: 1 });
    await batch('SaveSingleTaskForCreatingOrderActivate', files);
    remove();
    writeItems(files.items, [registration('something-else.com')]);
    const r = await batch('SaveSingleTaskForCreatingOrderActivate', files, '--retry-failed');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('changed since the journal recorded it as sent');
  });
});
