// Shell completion. The scripts are thin: each asks `alidomain __complete <words>` for the
// candidates, so completion always matches the installed version (every Action, its flags and
// their allowed values) without regenerating anything.
import type { Command } from 'commander';
import { wireOf } from '@alidomain/core/internal';
import { batchCommand } from './batch/command.js';
import { EXIT, UsageError, type ExitCode } from './exit-codes.js';
import { addCallOptions, newCommand } from './flags.js';
import { actions } from './generated/actions.js';
import { findAction, kebab } from './lookup.js';
import { Terminal } from './terminal.js';

const SCRIPTS = {
  bash: `# alidomain completion for bash: eval "$(alidomain completion bash)", e.g. in ~/.bashrc
_alidomain() {
  local IFS=$'\\n'
  COMPREPLY=($(alidomain __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _alidomain alidomain
`,
  zsh: `#compdef alidomain
# alidomain completion for zsh: eval "$(alidomain completion zsh)", e.g. in ~/.zshrc (after compinit)
_alidomain() {
  local -a candidates
  candidates=("\${(@f)$(alidomain __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ -n "\${candidates[1]}" ]]; then compadd -- "\${candidates[@]}"; else _files; fi
}
compdef _alidomain alidomain
`,
  fish: `# alidomain completion for fish: alidomain completion fish > ~/.config/fish/completions/alidomain.fish
function __alidomain_complete
    set -l words (commandline -opc) (commandline -ct)
    alidomain __complete $words[2..-1] 2>/dev/null
end
complete -c alidomain -a '(__alidomain_complete)'
`,
} as const;

export function runCompletion(argv: readonly string[], term: Terminal): ExitCode {
  const shell = argv[0];
  if (argv.length !== 1 || !(shell === 'bash' || shell === 'zsh' || shell === 'fish'))
    throw new UsageError(
      `completion: expected one of bash, zsh or fish, e.g. alidomain completion bash${shell ? `; received ${argv.join(' ')}` : ''}`,
    );
  term.raw(SCRIPTS[shell]);
  return EXIT.ok;
}

const BUILTINS = ['validate', 'batch', 'completion', 'help'];
const VALUES: Record<string, readonly string[]> = { '--output': ['json', 'table'], '--format': ['json', 'xml'] };

/** The long flags of a command as commander declares them (the one list of them). */
const longFlags = (cmd: Command) => [...cmd.options.map((o) => o.long!), '--help'];

const startsWith = (prefix: string) => (c: string) => c.toLowerCase().startsWith(prefix.toLowerCase());

function actionNames(current: string): string[] {
  // A lower-case start asks for the kebab spelling (check-domain), anything else for the API's.
  const names = /^[a-z]/.test(current) ? actions.map((a) => kebab(a.name)) : actions.map((a) => a.name);
  return names.filter(startsWith(current));
}

/** The candidates for the last word of `words` (the words after `alidomain`, the last one being completed). */
export async function candidates(words: readonly string[]): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const previous = words.at(-2);
  if (words.length <= 1) return [...BUILTINS.filter(startsWith(current)), ...actionNames(current)];
  const [first] = words;
  if (first === 'completion') return words.length === 2 ? ['bash', 'zsh', 'fish'].filter(startsWith(current)) : [];
  if (first === 'help') return words.length === 2 ? actionNames(current) : [];
  if (first === 'validate' || first === 'batch') {
    if (words.length === 2) return actionNames(current);
    if (first === 'validate') return [];
    if (previous && VALUES[previous]) return VALUES[previous].filter(startsWith(current));
    return current.startsWith('-') ? longFlags(batchCommand(new Terminal())).filter(startsWith(current)) : [];
  }
  const entry = findAction(first!);
  if (entry === undefined) return [];
  const { command } = await entry.load();
  if (previous !== undefined && VALUES[previous]) return VALUES[previous].filter(startsWith(current));
  const param = previous?.startsWith('--') ? command.params.find((p) => `--${p.name}` === previous) : undefined;
  if (param?.values) return param.values.map((v) => String(v.value)).filter(startsWith(current));
  if (!current.startsWith('-')) return [];
  const flags = [...wireOf(command.meta).params.map((p) => `--${p.name}`), ...longFlags(addCallOptions(newCommand('', new Terminal())))];
  return flags.filter(startsWith(current));
}

export async function runComplete(argv: readonly string[], term: Terminal): Promise<ExitCode> {
  for (const c of await candidates(argv)) term.print(c);
  return EXIT.ok;
}
