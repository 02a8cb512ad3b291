// Emits packages/cli/src/generated/: the index of Actions the `alidomain` command lists and looks
// names up in (name, group, summary and a lazy import of the rest), and one command module per
// Action with what its help, coercion and --all/--wait need. How a parameter travels (style,
// scalar type) is not repeated here: the command takes it from the client's ActionMeta, which it
// imports, so the CLI and the client cannot disagree on the wire.
import type { Action, Docs, Field, Model } from '../model.js';
import { valuesInText } from '../docs-values.js';
import { header, literal } from '../print.js';

export function emitCli(model: Model): Record<string, string> {
  const files: Record<string, string> = { 'actions.ts': indexFile(model) };
  for (const a of model.actions) files[`commands/${a.name}.ts`] = commandFile(model, a);
  return files;
}

const data = (v: unknown) => JSON.stringify(v, null, 2);

function indexFile(model: Model): string {
  const groups = model.groups.map((g) => ({ name: g.name, ...(g.description ? { description: g.description } : {}) }));
  const entries = model.actions.map(
    (a) =>
      `  { name: ${literal(a.name)}, group: ${literal(a.group)}, summary: ${JSON.stringify(a.summary)}, load: () => import('./commands/${a.name}.js') }`,
  );
  return `${header(model)}
import type { ActionEntry, GroupEntry } from '../command-types.js';

/** The product, as help and messages name it. */
export const PRODUCT = ${literal(model.product.name)};

/** The API version every call sends. */
export const API_VERSION = ${literal(model.version)};

/** The groups of Actions, in the document's order (the spec's tags). */
export const groups: readonly GroupEntry[] = ${data(groups)};

/** Every Action, in the document's order: what \`alidomain --help\` lists; \`load\` imports the rest. */
export const actions: readonly ActionEntry[] = [
${entries.join(',\n')},
];
`;
}

function commandFile(model: Model, a: Action): string {
  const metaName = `${a.method}Meta`;
  const command: Record<string, unknown> = {
    name: a.name,
    summary: a.summary,
    description: a.description,
    ...(a.descriptionZh ? { descriptionZh: a.descriptionZh } : {}),
    group: a.group,
    section: a.section,
  };
  if (a.retryReason) command.retryReason = a.retryReason;
  if (a.qps) command.qps = a.qps;
  if (a.paging) command.paging = { kind: a.paging.kind, items: a.paging.items, driven: a.paging.driven };
  if (a.submitsTask) command.submitsTask = true;
  command.params = a.params.map((p) => flag(p, itemFields(p)));
  // The validator is a static import: every use of a command but its help validates, and the
  // module loader then reads both at once.
  const validatorName = `validate${a.name}Request`;
  const body = data(command).replace(/^\{\n/, `{\n  meta: ${metaName},\n  validator: ${validatorName},\n`);
  return `${header(model)}
import { ${metaName} } from '@alidomain/client/actions/${a.name}';
import { ${validatorName} } from '@alidomain/validators/actions/${a.name}';
import type { ActionCommand } from '../../command-types.js';

/** ${a.name}: ${a.summary.replaceAll('*/', '*\\/')}. */
export const command: ActionCommand = ${body};
`;
}

function itemFields(p: Field): Field[] | undefined {
  const t = p.type.kind === 'array' ? p.type.items : undefined;
  return t?.kind === 'object' ? t.fields : undefined;
}

/** A parameter's (or an object-list field's) documentation, as help prints it; absent facts are left out. */
function flag(f: Field, fields?: Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = { name: f.name };
  if (f.required) out.required = true;
  Object.assign(out, docsOf(f.docs));
  // A closed set the schema has but the text does not spell out is still worth listing.
  const scalar = f.type.kind === 'array' ? f.type.items : f.type;
  if (out.values === undefined && scalar.kind === 'scalar' && scalar.enum?.length) out.values = scalar.enum.map((value) => ({ value }));
  if (fields) out.fields = fields.map((x) => flag(x));
  return out;
}

function docsOf(d: Docs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (d.description) out.description = d.description;
  if (d.descriptionZh) out.descriptionZh = d.descriptionZh;
  // Where the description already spells out each value's meaning, help lists the values alone.
  const spelt = valuesInText(d);
  if (d.values?.length)
    out.values = d.values.map((v) => (v.meaning && !spelt ? { value: v.value, meaning: v.meaning } : { value: v.value }));
  if (d.default !== undefined) out.default = d.default;
  if (d.example !== undefined) out.example = d.example;
  if (d.minimum !== undefined) out.minimum = d.minimum;
  if (d.maximum !== undefined) out.maximum = d.maximum;
  return out;
}
