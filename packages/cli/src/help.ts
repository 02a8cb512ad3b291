// The help texts: `alidomain --help` (every Action, by group, with its summary) and
// `alidomain <Action> --help` (the Action's description, parameters and retry safety), written
// from the generated index and command modules.
import type { ParamMeta, RetryClass } from '@alidomain/core';
import { wireOf } from '@alidomain/core/internal';
import type { ActionCommand, ParamDoc } from './command-types.js';
import { valueLabel } from './coerce.js';
import { actions, API_VERSION, groups, PRODUCT } from './generated/actions.js';
import { toJson } from './terminal.js';

const indent = (text: string, by: string) => text.replace(/^(?=.)/gm, by);

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  2  usage or validation error: nothing was sent
  3  API error (or, with --wait, a task detail failed)
  4  network, timeout or credentials error`;

const CREDENTIALS_HELP = `Credentials, in order: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET
(with ALIBABA_CLOUD_SECURITY_TOKEN for STS); the Alibaba Cloud CLI's ~/.aliyun/config.json (its current
profile, ALIBABA_CLOUD_PROFILE, or --profile NAME). No flag takes a secret.`;

export function topHelp(): string {
  // Names longer than the column put their summary on the next line.
  const width = 46;
  const row = (name: string, summary: string) =>
    name.length + 2 <= width ? `  ${name.padEnd(width)}${summary}` : `  ${name}\n  ${' '.repeat(width)}${summary}`;
  const byGroup = groups.map((g) => {
    const rows = actions.filter((a) => a.group === g.name).map((a) => row(a.name, a.summary));
    return `${g.description ?? g.name}\n${rows.join('\n')}`;
  });
  return `alidomain: the Alibaba Cloud ${PRODUCT} API (${API_VERSION}) from the terminal

Usage:
  alidomain <Action> [--Param value]... [options]  call an Action (CheckDomain, check-domain)
  alidomain <Action> --help                         its parameters, allowed values and retry safety
  alidomain validate <Action> <FILE.json|->         check an input offline (exit 0 or 2)
  alidomain batch <Action> --from ITEMS.jsonl --journal RUN.jsonl [--concurrency 8] [--rate N/s]
                                                    one call per line, resumable
  alidomain completion bash|zsh|fish                a shell completion script

Common options: --input FILE|-, --dry-run, --output json|table, --all, --wait, --endpoint URL,
--format json|xml, --timeout MS, --max-attempts N, --profile NAME (alidomain <Action> --help).

${CREDENTIALS_HELP}

${EXIT_CODES_HELP}

Actions (${actions.length}):

${byGroup.join('\n\n')}
`;
}

/** The retry class in words: what a user needs to know before running the Action twice. */
export function retryText(retry: RetryClass, reason?: string): string {
  const why = reason ? ` ${reason}` : '';
  switch (retry) {
    case 'safe':
      return `safe to retry: read-only. Retried on throttling, 5xx and network failures.${why}`;
    case 'idempotent':
      return `safe to retry: repeating it has no further effect. Retried on throttling, 5xx and network failures.${why}`;
    case 'unsafe':
      return `NOT safe to retry: a repeat could act twice (an order, a charge, a task). Once a request may have reached the server it is never sent again, by retries or by a resumed batch.${why}`;
  }
}

const shown = (v: unknown) => (typeof v === 'string' ? v : toJson(v));

function paramLines(doc: ParamDoc | undefined, head: string, deep: string): string[] {
  const lines = [head];
  if (doc?.description) lines.push(indent(doc.description.replace(/\n{2,}/g, '\n'), deep));
  if (doc?.descriptionZh) lines.push(indent(doc.descriptionZh.replace(/\n{2,}/g, '\n'), deep));
  if (doc?.values?.length)
    lines.push(`${deep}Allowed: ${doc.values.map((v) => (v.meaning ? `${v.value} (${v.meaning})` : String(v.value))).join(', ')}`);
  if (doc?.minimum !== undefined || doc?.maximum !== undefined) lines.push(`${deep}Range: ${doc.minimum ?? '…'} to ${doc.maximum ?? '…'}`);
  if (doc?.default !== undefined) lines.push(`${deep}Default: ${shown(doc.default)}`);
  if (doc?.example !== undefined && !doc.fields) lines.push(`${deep}Example: ${shown(doc.example)}`);
  return lines;
}

function flagHead(p: ParamMeta, doc: ParamDoc | undefined): string {
  const style = p.style ?? 'scalar';
  const notes = [doc?.required ? 'required' : 'optional'];
  if (style === 'repeatList') notes.push(`repeat the flag for each item (sent as ${p.name}.N)`);
  if (style === 'objectList') notes.push(`a JSON object per item, or a JSON array (sent as ${p.name}.N.<Field>)`);
  if (style === 'json') notes.push('JSON text');
  const value = p.type === 'boolean' && style === 'scalar' ? '[true|false]' : `<${valueLabel(p)}>`;
  return `  --${p.name} ${value}  (${notes.join('; ')})`;
}

/** An option of the call as commander holds it: its flags and description. */
export interface OptionHelp {
  readonly flags: string;
  readonly description: string;
}

function optionLines(options: readonly OptionHelp[]): string {
  const width = Math.max(...options.map((o) => o.flags.length)) + 2;
  return options.map((o) => `  ${o.flags.padEnd(width)}${o.description}`).join('\n');
}

export function actionHelp(command: ActionCommand, options: readonly OptionHelp[]): string {
  const wire = wireOf(command.meta);
  const docs = new Map(command.params.map((d) => [d.name, d]));
  const params = wire.params.flatMap((p) => {
    const doc = docs.get(p.name);
    const lines = paramLines(doc, flagHead(p, doc), '      ');
    for (const f of doc?.fields ?? []) {
      const type = p.fields?.[f.name] ?? 'string';
      lines.push(...paramLines(f, `      ${f.name} <${type}>${f.required ? '  (required)' : ''}`, '          '));
    }
    return lines;
  });
  const usage = wire.params.filter((p) => docs.get(p.name)?.required).map((p) => `--${p.name} <${valueLabel(p)}>`);
  const extras: string[] = [];
  if (command.paging) extras.push('Paged: --all follows every page and prints one item per line (JSON Lines).');
  if (command.submitsTask) extras.push('Submits a task: --wait follows it until every detail has finished.');
  if (command.qps) {
    const { perUser, total } = command.qps;
    extras.push(
      `Rate limit: ${[perUser && `${perUser} requests/s per user`, total && `${total} requests/s in total`].filter(Boolean).join(', ')}.`,
    );
  }
  return `${command.name}: ${command.summary}

${[command.description, command.descriptionZh]
  .filter((d) => d !== undefined)
  .map((d) => d.replace(/\n{2,}/g, '\n'))
  .join('\n\n')}

Usage: alidomain ${command.name} ${[...usage, '[options]'].join(' ')}

Parameters:
${params.length ? params.join('\n') : '  (none)'}

Retry: ${retryText(command.meta.retry, command.retryReason)}
${extras.length ? extras.join('\n') + '\n' : ''}
Options:
${optionLines(options)}

${EXIT_CODES_HELP}

Document section ${command.section}.
`;
}
