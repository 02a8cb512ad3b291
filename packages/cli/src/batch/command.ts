// `alidomain batch <Action> --from ITEMS.jsonl --journal RUN.jsonl [--concurrency 8] [--rate N/s]`:
// the command line, the progress bar and the summary around runBatch().
import { readFileSync } from 'node:fs';
import { createDefaultTransport } from '@alidomain/core';
import { InvalidArgumentError, Option } from 'commander';
import type { ActionCommand } from '../command-types.js';
import { createClient, credentialsFor, type ClientFlags } from '../client.js';
import { EXIT, UsageError, type ExitCode } from '../exit-codes.js';
import { addClientOptions, checkedArguments, newCommand } from '../flags.js';
import { actionNamed } from '../lookup.js';
import type { Terminal } from '../terminal.js';
import { Journal } from './journal.js';
import { lockJournal } from './lock.js';
import { Pacer } from './pacer.js';
import { checkUnchanged, executeBatch, type InputLine, type Summary } from './run.js';

interface BatchFlags extends ClientFlags {
  readonly from: string;
  readonly journal: string;
  readonly concurrency: number;
  readonly rate?: number;
  readonly retryFailed?: boolean;
}

/** `5`, `5/s`, `0.5/s` or `300/min`: calls per second. */
export function parseRate(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(?:\/(s|sec|second|m|min|minute))?$/.exec(text.trim());
  const n = m ? Number(m[1]) / (m[2]?.startsWith('m') ? 60 : 1) : NaN;
  if (!(n > 0 && Number.isFinite(n))) throw new InvalidArgumentError('expected calls per second, such as 5, 5/s, 0.5/s or 300/min');
  return n;
}

function parseConcurrency(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 64)) throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

export function batchCommand(term: Terminal) {
  return addClientOptions(
    newCommand('alidomain batch', term)
      .description('One call of <Action> per line of a JSON Lines file, resumable: the journal records each outcome.')
      .argument('<Action>', 'the Action, e.g. CheckDomain or check-domain')
      .addOption(new Option('--from <file>', 'the inputs: one JSON object of parameters per line').makeOptionMandatory())
      .addOption(
        new Option('--journal <file>', 'where outcomes are recorded; run again with the same journal to resume').makeOptionMandatory(),
      )
      .addOption(new Option('--concurrency <n>', 'calls in flight at once (1 to 64)').default(8).argParser(parseConcurrency))
      .addOption(
        new Option('--rate <n/s>', "calls started per second (default: the document's per-user limit, else unpaced)").argParser(parseRate),
      )
      .addOption(
        new Option(
          '--retry-failed',
          'also send again the lines of an unsafe Action whose earlier call was refused (never those whose outcome is unknown)',
        ),
      ),
  );
}

function readLines(path: string): InputLine[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UsageError(`--from ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  return text
    .split('\n')
    .map((row, i) => ({ line: i + 1, text: row.replace(/\r$/, '') }))
    .filter((l) => l.text.trim() !== '');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function bar(s: Summary, rate: number): string {
  const finished = s.done + s.failed + s.unknown + s.invalid;
  const width = 24;
  const filled = s.lines === 0 ? width : Math.round((finished / s.lines) * width);
  const pace = Number.isFinite(rate) ? `  ${rate.toFixed(rate < 10 ? 1 : 0)}/s` : '';
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${finished}/${s.lines}  done ${s.done}  failed ${s.failed}  unknown ${s.unknown}  invalid ${s.invalid}${pace}`;
}

function reportSummary(command: ActionCommand, s: Summary, term: Terminal, unsafe: boolean): void {
  term.warn(
    `batch ${command.name}: ${plural(s.lines, 'line')}: ${s.done} done${s.skipped ? ` (${s.skipped} by an earlier run)` : ''}, ${s.failed} failed, ${s.unknown} unknown, ${s.invalid} invalid${s.notStarted ? `, ${s.notStarted} not started (stopped)` : ''}`,
  );
  const show = <T>(list: readonly T[], line: (x: T) => string) => {
    for (const x of list.slice(0, 20)) term.warn(`  ${line(x)}`);
    if (list.length > 20) term.warn(`  … and ${list.length - 20} more (the journal and the JSON summary on stdout list them all)`);
  };
  if (s.unknownLines.length) {
    term.warn(
      unsafe
        ? 'Unknown: sent, but whether they took effect is not known. They are never sent again; check them (e.g. with QueryTaskList) and make a new input for any that did not happen:'
        : 'Unknown: sent, outcome not known; a run with the same journal sends them again:',
    );
    show(s.unknownLines, (u) => `line ${u.line}${u.message ? `: ${u.message}` : ''}`);
  }
  if (s.failedLines.length) {
    term.warn(
      unsafe ? 'Failed (refused, no effect; --retry-failed sends them again):' : 'Failed (a run with the same journal sends them again):',
    );
    show(s.failedLines, (f) => `line ${f.line}: ${[f.code, f.message].filter(Boolean).join(': ')}`);
  }
  if (s.invalidLines.length) {
    term.warn('Invalid (nothing sent; fix the line and run again):');
    show(s.invalidLines, (i) => `line ${i.line}: ${i.problems.join('; ')}`);
  }
}

export async function runBatch(argv: readonly string[], term: Terminal): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const cmd = batchCommand(term).action(async (name: string, flags: BatchFlags) => {
    code = await batch(name, flags, term);
  });
  await cmd.parseAsync(checkedArguments(argv, cmd, []), { from: 'user' });
  return code;
}

async function batch(name: string, flags: BatchFlags, term: Terminal): Promise<ExitCode> {
  const { command } = await actionNamed(name).load();
  const unsafe = command.meta.retry === 'unsafe';
  const items = readLines(flags.from);
  const credentials = credentialsFor(flags, term);
  // Credentials first: without them no line could be sent, and no line should be marked as tried.
  await credentials();
  const release = lockJournal(flags.journal);
  let journal: Journal;
  try {
    journal = Journal.open(flags.journal, command.name, flags.from, unsafe, (t) => term.scrub(t));
  } catch (err) {
    release();
    throw err;
  }
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(EXIT.interrupted);
    stop.abort();
    term.warn(
      'alidomain: stopping: no new calls; waiting for the calls in flight (Ctrl-C again to quit now; the journal stays consistent)',
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    checkUnchanged(items, journal, unsafe, flags.from);
    const pacer = new Pacer(flags.rate ?? command.qps?.perUser ?? Infinity, { signal: stop.signal });
    const transport = createDefaultTransport();
    const summary = await executeBatch({
      command,
      items,
      journal,
      concurrency: flags.concurrency,
      pacer,
      retryFailed: flags.retryFailed === true,
      transport,
      clientWith: (t) => createClient(flags, term, command, { transport: t, credentials }),
      stop: stop.signal,
      onProgress: (s) => term.progress(bar(s, pacer.rate)),
    });
    term.clearProgress();
    journal.note({ finished: new Date().toISOString(), summary: { ...summary } });
    reportSummary(command, summary, term, unsafe);
    term.json({ action: command.name, ...summary });
    if (stop.signal.aborted) return EXIT.interrupted;
    if (summary.failed || summary.unknown) return EXIT.api;
    return summary.invalid ? EXIT.usage : EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    journal.close();
    release();
  }
}
