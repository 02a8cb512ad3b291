// The command line of an Action call, on commander: the call's own options (lower case, kebab)
// and one flag per parameter of the Action, named as on the wire (`--DomainName`).
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ParamMeta } from '@alidomain/core';
import { addFlagValue, CoercionError, valueLabel } from './coerce.js';
import { UsageError } from './exit-codes.js';
import type { Terminal } from './terminal.js';

/** A commander command that reports through the terminal and throws instead of exiting. */
export function newCommand(name: string, term: Terminal): Command {
  return new Command(name)
    .exitOverride()
    .showSuggestionAfterError()
    .allowExcessArguments(false)
    .helpOption('-h, --help', 'show this help')
    .configureOutput({
      writeOut: (s) => term.raw(s),
      writeErr: (s) => term.rawError(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'alidomain: ')),
    });
}

/** The exit code of commander's own outcome: 0 after help, else 2 (it has printed the usage error). */
export const commanderExit = (err: CommanderError): 0 | 2 => (err.exitCode === 0 ? 0 : 2);

function integerIn(min: number, max: number, what: string) {
  return (text: string): number => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(Number.isSafeInteger(n) && n >= min && n <= max)) throw new InvalidArgumentError(`expected ${what} from ${min} to ${max}`);
    return n;
  };
}

export const milliseconds = integerIn(1, 2_147_483_647, 'a whole number of milliseconds');

function lowerChoice(choices: readonly string[]) {
  return (text: string): string => {
    const lower = text.toLowerCase();
    if (!choices.includes(lower)) throw new InvalidArgumentError(`expected ${choices.join(' or ')}`);
    return lower;
  };
}

/** --endpoint, --format, --timeout, --max-attempts, --profile: how the client calls. */
export function addClientOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--endpoint <url>', 'API endpoint (default https://domain.aliyuncs.com, or ALIDOMAIN_ENDPOINT)'))
    .addOption(
      new Option('--format <format>', 'response format the API is asked for: json or xml (the output is JSON either way)').argParser((t) =>
        lowerChoice(['json', 'xml'])(t).toUpperCase(),
      ),
    )
    .addOption(new Option('--timeout <ms>', 'per-attempt timeout in milliseconds (default 10000)').argParser(milliseconds))
    .addOption(
      new Option(
        '--max-attempts <n>',
        'attempts per call, the first included (default 3); unsafe Actions are never repeated once sent',
      ).argParser(integerIn(1, 100, 'a whole number')),
    )
    .addOption(new Option('--profile <name>', 'credentials from this profile of ~/.aliyun/config.json'));
}

/** The options of one Action call, besides its parameters. */
export function addCallOptions(cmd: Command): Command {
  cmd
    .addOption(new Option('--input <file>', 'the input as a JSON object, from a file or - for stdin; flags override its keys'))
    .addOption(new Option('--dry-run', 'validate and print the signed request (method, URL, form body) instead of sending it'))
    .addOption(new Option('--output <format>', 'json (default) or table (list results)').argParser(lowerChoice(['json', 'table'])))
    .addOption(new Option('--all', 'paged Actions: follow every page, printing one item per line (JSON Lines)'))
    .addOption(new Option('--wait', 'task-submitting Actions: wait for the task and report each detail'))
    .addOption(new Option('--wait-timeout <ms>', 'with --wait: give up after this long (default 600000)').argParser(milliseconds))
    .addOption(new Option('--poll-interval <ms>', 'with --wait: pause between polls (default 5000)').argParser(milliseconds));
  return addClientOptions(cmd);
}

/** The flag of one parameter: `--DomainName <string>`; a boolean may stand alone (`--UseCoupon`). */
export function paramOption(param: ParamMeta): Option {
  const boolean = (param.style ?? 'scalar') === 'scalar' && param.type === 'boolean';
  const option = new Option(boolean ? `--${param.name} [boolean]` : `--${param.name} <${valueLabel(param)}>`);
  if (boolean) option.preset('true');
  return option.argParser((text: string, previous: unknown) => {
    try {
      return addFlagValue(param, text, previous);
    } catch (err) {
      if (err instanceof CoercionError) throw new InvalidArgumentError(err.message);
      throw err;
    }
  });
}

/**
 * The arguments checked and with each parameter flag spelt as on the wire: `--domain-name` and
 * `--domainname` mean `--DomainName` (an exact flag always wins; values are never rewritten).
 * A flag that needs a value may not take the next argument when that starts with `--`:
 * `--UserClientIp --dry-run` would otherwise send the call with UserClientIp "--dry-run".
 * Such a value is written `--UserClientIp=--x`. Unknown flags are left for commander to report.
 */
export function checkedArguments(argv: readonly string[], cmd: Command, params: readonly string[]): string[] {
  const key = (s: string) => s.toLowerCase().replace(/-/g, '');
  const byKey = new Map(params.map((n) => [key(n), n]));
  const options = new Map(cmd.options.filter((o) => o.long !== undefined).map((o) => [o.long!, o]));
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const m = /^--([^=]+)(=.*)?$/s.exec(arg);
    if (!m) {
      out.push(arg);
      continue;
    }
    const exact = `--${m[1]!}`;
    const flag = options.has(exact) ? exact : byKey.has(key(m[1]!)) ? `--${byKey.get(key(m[1]!))!}` : exact;
    out.push(flag + (m[2] ?? ''));
    if (m[2] !== undefined || options.get(flag)?.required !== true) continue;
    const value = argv[i + 1];
    if (value === undefined) continue; // commander reports the missing value
    if (value.startsWith('--') || value === '-h')
      throw new UsageError(`${flag}: expected a value, received the flag ${value} (write ${flag}=${value} if that is the value)`);
    out.push(value);
    i++;
  }
  return out;
}
