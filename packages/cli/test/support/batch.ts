// Inputs and journals of batch runs, as files in a fresh directory.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Summary } from '../../src/batch/run.js';

export interface Files {
  readonly items: string;
  readonly journal: string;
}

/** A directory with ITEMS.jsonl holding `lines` (objects as JSON, strings as they are). */
export function batchFiles(lines: readonly (object | string)[]): Files {
  const dir = mkdtempSync(join(tmpdir(), 'alidomain-batch-'));
  const items = join(dir, 'items.jsonl');
  writeItems(items, lines);
  return { items, journal: join(dir, 'run.jsonl') };
}

export function writeItems(path: string, lines: readonly (object | string)[]): void {
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
}

export interface Entry {
  readonly line?: number;
  readonly state?: string;
  readonly journal?: string;
  readonly [key: string]: unknown;
}

/** The journal's records, in order (a last line cut short by a kill is left out). */
export function journalOf(path: string): Entry[] {
  const out: Entry[] = [];
  if (!existsSync(path)) return out; // not written yet
  for (const row of readFileSync(path, 'utf8').split('\n')) {
    if (row.trim() === '') continue;
    try {
      out.push(JSON.parse(row) as Entry);
    } catch {
      // cut short
    }
  }
  return out;
}

/** Each line's last state. */
export function lastStates(path: string): Map<number, string> {
  const states = new Map<number, string>();
  for (const e of journalOf(path)) if (e.line !== undefined && e.state !== undefined) states.set(e.line, e.state);
  return states;
}

/** The summary a batch prints on stdout: the run's Summary and its Action. */
export const summaryOf = (stdout: string): Summary & { action: string } => JSON.parse(stdout) as Summary & { action: string };
