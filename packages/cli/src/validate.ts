// `alidomain validate <Action> <FILE.json|->`: the spec's checks of an input, offline. Every
// problem is listed by wire name; exit 0 when there are none, 2 otherwise.
import { EXIT, type ExitCode } from './exit-codes.js';
import { newCommand } from './flags.js';
import { readInputObject } from './input.js';
import { actionNamed } from './lookup.js';
import type { Terminal } from './terminal.js';
import { problemLine, problemsOf } from './validation.js';

export async function runValidate(argv: readonly string[], term: Terminal): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  await newCommand('alidomain validate', term)
    .description('Check an input (a JSON object of parameters) against the spec, offline: nothing is sent.')
    .argument('<Action>', 'the Action, e.g. CheckDomain or check-domain')
    .argument('<file>', 'a JSON file, or - for stdin')
    .action(async (name: string, file: string) => {
      const entry = actionNamed(name);
      const input = await readInputObject(file, 'input');
      const { command } = await entry.load();
      const problems = problemsOf(command, input);
      if (problems.length === 0) {
        term.warn(`${entry.name}: the input is valid`);
        return;
      }
      term.warn(`${entry.name}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
      for (const p of problems) term.print(problemLine(p));
      code = EXIT.usage;
    })
    .parseAsync([...argv], { from: 'user' });
  return code;
}
