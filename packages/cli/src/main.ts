// The command's entry: the first argument picks a built-in command (validate, batch, completion)
// or an Action; only that Action's modules are loaded.
import { readFileSync } from 'node:fs';
import { ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN } from '@alidomain/core';
// Imported statically, as one module with the rest of the command's runtime: module loads are
// most of the start-up; only the Actions (their commands and validators) are loaded on demand.
import { runBatch } from './batch/command.js';
import { runAction } from './call.js';
import { runComplete, runCompletion } from './completion.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { runValidate } from './validate.js';
import { topHelp } from './help.js';
import { actionNamed } from './lookup.js';
import { report } from './report.js';
import { Terminal } from './terminal.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function dispatch(argv: readonly string[], term: Terminal): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    term.warn(topHelp());
    return EXIT.usage;
  }
  switch (first) {
    case '-h':
    case '--help':
      term.print(topHelp());
      return EXIT.ok;
    case 'help':
      if (rest[0] === undefined) {
        term.print(topHelp());
        return EXIT.ok;
      }
      return dispatch([rest[0], '--help'], term);
    case '-V':
    case '--version':
      term.print(version());
      return EXIT.ok;
    case 'validate':
      return runValidate(rest, term);
    case 'batch':
      return runBatch(rest, term);
    case 'completion':
      return runCompletion(rest, term);
    case '__complete':
      return runComplete(rest, term);
  }
  if (first.startsWith('-'))
    throw new UsageError(
      `expected an Action (or validate, batch, completion) before ${first}; e.g. alidomain CheckDomain --DomainName example.com`,
    );
  const { command } = await actionNamed(first).load();
  return runAction(command, rest, term);
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], term = new Terminal()): Promise<ExitCode> {
  // The environment's secrets are hidden from the start, before any credential is looked up.
  term.hide(process.env[ENV_ACCESS_KEY_SECRET], process.env[ENV_SECURITY_TOKEN]);
  try {
    return await dispatch(argv, term);
  } catch (err) {
    return report(err, term);
  }
}
