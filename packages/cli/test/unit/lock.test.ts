import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockJournal } from '../../src/batch/lock.js';

const journal = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'run.jsonl');

/** A pid no process has (the kernel's pid_max is below it). */
const DEAD_PID = 2 ** 22 + 1;

describe('lockJournal', () => {
  it('holds a lock file with its pid while held, and removes it when released', () => {
    const j = journal();
    const release = lockJournal(j);
    expect(readFileSync(`${j}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} [0-9a-f]+\\n$`));
    release();
    expect(existsSync(`${j}.lock`)).toBe(false);
  });

  it('refuses a journal whose lock a live process holds', () => {
    const j = journal();
    writeFileSync(`${j}.lock`, `${process.ppid} 00\n`);
    expect(() => lockJournal(j)).toThrow(/another batch run \(pid \d+\) is using it/);
  });

  it('takes over a lock left by a process that is gone', () => {
    const j = journal();
    writeFileSync(`${j}.lock`, `${DEAD_PID} 00\n`);
    const release = lockJournal(j);
    expect(readFileSync(`${j}.lock`, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    release();
  });

  it('leaves alone, when released, a lock that is no longer its own', () => {
    const j = journal();
    const release = lockJournal(j);
    writeFileSync(`${j}.lock`, `${DEAD_PID} ff\n`);
    release();
    expect(readFileSync(`${j}.lock`, 'utf8')).toBe(`${DEAD_PID} ff\n`);
  });
});
