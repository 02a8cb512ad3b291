// `alidomain <Action> [--Param value]... [options]`: parses the flags, builds the input, and makes
// the call, or with --dry-run shows it, with --all follows its pages, with --wait follows its task.
import type { DomainClientCore } from '@alidomain/core';
import { wireOf } from '@alidomain/core/internal';
import type { ActionCommand } from './command-types.js';
import { createClient, type ClientFlags } from './client.js';
import { describeRequest, dryRun } from './dry-run.js';
import { EXIT, Exit, UsageError, type ExitCode } from './exit-codes.js';
import { addCallOptions, checkedArguments, newCommand, paramOption } from './flags.js';
import { actionHelp } from './help.js';
import { readInputObject } from './input.js';
import { hasList, listIn, renderTable } from './table.js';
import { toJson, type Terminal } from './terminal.js';

interface CallFlags extends ClientFlags {
  readonly input?: string;
  readonly dryRun?: boolean;
  readonly output?: 'json' | 'table';
  readonly all?: boolean;
  readonly wait?: boolean;
  readonly waitTimeout?: number;
  readonly pollInterval?: number;
}

export async function runAction(command: ActionCommand, argv: readonly string[], term: Terminal): Promise<ExitCode> {
  const params = wireOf(command.meta).params;
  const cmd = addCallOptions(newCommand(`alidomain ${command.name}`, term));
  for (const p of params) cmd.addOption(paramOption(p));
  const isParam = new Set(params.map((p) => `--${p.name}`));
  cmd.configureHelp({
    formatHelp: (c, helper) =>
      actionHelp(
        command,
        helper.visibleOptions(c).filter((o) => !isParam.has(o.long ?? '')),
      ),
  });
  cmd.parse(
    checkedArguments(
      argv,
      cmd,
      params.map((p) => p.name),
    ),
    { from: 'user' },
  );

  const all = cmd.opts<Record<string, unknown>>();
  const flags = all as CallFlags;
  checkCombination(command, flags);
  const input: Record<string, unknown> = flags.input !== undefined ? await readInputObject(flags.input, '--input') : {};
  for (const p of params) if (all[p.name] !== undefined) input[p.name] = all[p.name];

  if (flags.dryRun) {
    const capture = dryRun();
    const client = createClient(flags, term, command, { transport: capture.transport });
    term.json(describeRequest(await capture.capture(client, command.meta, input), term));
    return EXIT.ok;
  }
  const client = createClient(flags, term, command);
  if (flags.all) return followPages(client, command, input, flags, term);
  const result = await client.send<unknown, Record<string, unknown>>(command.meta, input);
  if (flags.wait) return followTask(client, command, result, flags, term);
  printResult(result, command, flags, term);
  return EXIT.ok;
}

function checkCombination(command: ActionCommand, flags: CallFlags): void {
  if (flags.all && !command.paging) throw new UsageError(`--all: ${command.name} is not paged (alidomain --help lists the Actions)`);
  if (flags.wait && !command.submitsTask) throw new UsageError(`--wait: ${command.name} does not submit a task`);
  if ((flags.waitTimeout !== undefined || flags.pollInterval !== undefined) && !flags.wait)
    throw new UsageError('--wait-timeout and --poll-interval go with --wait');
  if (flags.dryRun && (flags.all || flags.wait))
    throw new UsageError(`--dry-run shows one request; it does not go with ${flags.all ? '--all' : '--wait'}`);
  if (flags.output === 'table' && flags.wait) throw new UsageError('--output table does not go with --wait');
  // Decided before sending: an answer that cannot be shown must not cost a call.
  if (flags.output === 'table' && !command.paging && !hasList(wireOf(command.meta).response))
    throw new UsageError(`--output table: the answer of ${command.name} holds no list (use --output json)`);
}

function printResult(result: unknown, command: ActionCommand, flags: CallFlags, term: Terminal): void {
  if (flags.output !== 'table') {
    term.json(result);
    return;
  }
  const items = listIn(result, command.paging?.items);
  if (items !== undefined) {
    term.print(renderTable(items));
    return;
  }
  // The call was made: its answer is printed whatever it holds.
  term.json(result);
  term.warn(`alidomain: the answer of ${command.name} holds no single list to show as a table; printed as JSON`);
}

type Paginator = (client: DomainClientCore, input: unknown) => AsyncIterable<unknown>;

async function followPages(
  client: DomainClientCore,
  command: ActionCommand,
  input: Record<string, unknown>,
  flags: CallFlags,
  term: Terminal,
): Promise<ExitCode> {
  const paginators = (await import('@alidomain/client')) as unknown as Record<string, Paginator | undefined>;
  const paginate = paginators[`paginate${command.name}`];
  if (paginate === undefined) throw new Error(`@alidomain/client has no paginator for ${command.name}`);
  const table: unknown[] = [];
  let count = 0;
  for await (const item of paginate(client, input)) {
    // Nobody reads on (`| head`): no more pages.
    if (term.stdoutClosed) break;
    count++;
    if (flags.output === 'table') table.push(item);
    else term.print(toJson(item));
    term.progress(`${command.name}: ${count} item${count === 1 ? '' : 's'}…`);
  }
  term.clearProgress();
  if (flags.output === 'table') term.print(renderTable(table));
  return EXIT.ok;
}

async function followTask(
  client: DomainClientCore,
  command: ActionCommand,
  result: Record<string, unknown>,
  flags: CallFlags,
  term: Terminal,
): Promise<ExitCode> {
  const taskNo = result.TaskNo;
  if (typeof taskNo !== 'string' || taskNo === '') {
    term.json(result);
    term.warn(`alidomain: ${command.name} answered without a TaskNo; there is no task to wait for`);
    throw new Exit(EXIT.api);
  }
  term.warn(`${command.name}: task ${taskNo} submitted; waiting for it (Ctrl-C stops waiting, not the task)`);
  const { waitForTask } = await import('@alidomain/client');
  let last = '';
  const task = await waitForTask(client, taskNo, {
    ...(flags.waitTimeout !== undefined ? { timeoutMs: flags.waitTimeout } : {}),
    ...(flags.pollInterval !== undefined ? { intervalMs: flags.pollInterval } : {}),
    onPoll: (details) => {
      const done = details.filter((d) => d.TaskStatus === 'EXECUTE_SUCCESS' || d.TaskStatus === 'EXECUTE_FAILURE').length;
      const line = `task ${taskNo}: ${done} of ${details.length} detail${details.length === 1 ? '' : 's'} finished`;
      if (term.stderrIsTTY) term.progress(line);
      else if (line !== last) term.warn(line);
      last = line;
    },
  });
  term.clearProgress();
  term.json({ ...result, TaskDetails: task.details });
  const failed = task.failed;
  if (failed.length === 0) return EXIT.ok;
  term.warn(`alidomain: ${failed.length} of ${task.details.length} task detail(s) failed:`);
  for (const d of failed)
    term.warn(`  ${d.DomainName ?? d.TaskDetailNo ?? '(detail)'}: ${d.TaskStatus}${d.ErrorMsg ? `: ${d.ErrorMsg}` : ''}`);
  return EXIT.api;
}
