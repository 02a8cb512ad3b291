// Emits packages/docs/markdown: README.md (every Action, grouped as the document groups them),
// one page per Action (actions/<Name>.md) and signing.md (signature, common parameters, error
// catalogue, domain name rules, credential types). Anchors are explicit `<a id>` elements so
// links work the same on any renderer.
import type { Action, Docs, Model } from '../model.js';
import {
  ERRORS_INTRO,
  NO_EXAMPLES,
  generatedNote,
  methodText,
  pagingText,
  retryText,
  retryTitle,
  signingLead,
  sourceText,
} from './docs-prose.js';
import {
  REF_ANCHORS,
  errataOf,
  errorRows,
  groupAnchor,
  groupLabel,
  jsonExampleText,
  paragraphs,
  paramRows,
  rangeText,
  responseTree,
  tsExample,
  tsPagingExample,
  valueText,
  valuesInText,
  type FieldNode,
} from './docs-view-model.js';

type Files = Record<string, string>;

/** Escapes Markdown in prose, keeping `code spans` as they are. */
export function mdText(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\*_[\]<>#|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))))
    .join('');
}

/** Prose for a table cell: escaped, `|` escaped, line breaks as <br>. */
const cell = (text: string) => mdText(text).replaceAll('|', '\\|').replace(/\n+/g, '<br>');

/** A code span that survives any content (and `|` inside tables). */
export function code(text: string, inTable = false): string {
  const body = inTable ? text.replaceAll('|', '\\|') : text;
  const ticks = '`'.repeat(Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${body.replace(/\n/g, ' ')}${pad}${ticks}`;
}

export function fence(lang: string, text: string): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text.replace(/\n+$/, '')}\n${ticks}`;
}

const anchor = (id: string) => `<a id="${id}"></a>`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function emitDocsMarkdown(model: Model): Files {
  const files: Files = {};
  files['README.md'] = index(model);
  files['signing.md'] = signing(model);
  model.actions.forEach((a, i) => {
    files[`actions/${a.name}.md`] = actionPage(model, a, model.actions[i - 1], model.actions[i + 1]);
  });
  return files;
}

function index(model: Model): string {
  const out = [
    generatedNote(model),
    '',
    `# ${model.title} ${model.version}`,
    '',
    `Reference of all ${model.actions.length} Actions of the ${mdText(model.title)} (version ${model.version}), generated from the`,
    'OpenAPI description in `spec/openapi.yaml`. Each page gives the parameters, the response fields, the',
    "document's examples, the errors, whether a retry is safe and a call with `@alidomain/client`.",
    '',
    `- [Signing and common parameters](signing.md): the signature recipe, the common parameters, the error catalogue,`,
    '  the domain name rules and the identity credential types.',
    '',
  ];
  model.groups.forEach((g, gi) => {
    out.push(anchor(groupAnchor(gi)), '', `## ${mdText(g.name)}${groupLabel(g) ? ` — ${mdText(groupLabel(g)!)}` : ''}`, '');
    if (g.description) out.push(mdText(g.description), '');
    out.push(
      table(
        ['Action', 'Summary', 'Method', 'Retry'],
        g.actions.map((a) => [`[${a.name}](actions/${a.name}.md)`, cell(a.summary), a.httpMethod, a.retry]),
      ),
      '',
    );
  });
  return out.join('\n').trimEnd() + '\n';
}

function allowedValues(d: Docs, ref?: { anchor: string; label: string }, prefix = ''): string {
  const parts: string[] = [];
  if (ref?.anchor === REF_ANCHORS.IdentityCredentialType.anchor) parts.push(`see [${ref.label}](${prefix}signing.md#${ref.anchor})`);
  else if (d.values?.length)
    parts.push(
      d.values
        .map(
          (v) => `${code(String(v.value), true)}${v.meaning ? ` ${cell(v.meaning)}` : ''}${v.meaningZh ? ` (${cell(v.meaningZh)})` : ''}`,
        )
        .join('<br>'),
    );
  else if (ref) parts.push(`see [${ref.label}](${prefix}signing.md#${ref.anchor})`);
  const range = rangeText(d);
  if (range) parts.push(`range ${range}`);
  return parts.join('<br>') || '—';
}

const valueCell = (v: unknown) => (v === undefined ? '—' : code(valueText(v), true));

function tree(nodes: FieldNode[], depth = 0): string[] {
  const lines: string[] = [];
  for (const n of nodes) {
    const pad = '  '.repeat(depth);
    const parts = [`${anchor(n.id)}${code(n.name)}: ${n.type}`];
    for (const text of [n.docs.description, n.docs.descriptionZh]) {
      const desc = paragraphs(text).join(' ').replace(/\n+/g, ' ');
      if (desc) parts.push(mdText(desc));
    }
    if (n.docs.values?.length && !valuesInText(n.docs))
      parts.push(
        `Values: ${n.docs.values.map((v) => `${code(String(v.value))}${v.meaning ? ` ${mdText(v.meaning)}` : ''}${v.meaningZh ? ` (${mdText(v.meaningZh)})` : ''}`).join(', ')}.`,
      );
    const range = rangeText(n.docs);
    if (range) parts.push(`Range ${range}.`);
    if (n.docs.example !== undefined && n.children.length === 0) parts.push(`Example: ${code(valueText(n.docs.example))}.`);
    lines.push(`${pad}- ${parts.join(' — ')}`);
    lines.push(...tree(n.children, depth + 1));
  }
  return lines;
}

function actionPage(model: Model, a: Action, prev: Action | undefined, next: Action | undefined): string {
  const groupIndex = model.groups.findIndex((g) => g.name === a.group);
  const out = [
    generatedNote(model),
    '',
    `# ${a.name}`,
    '',
    `> ${mdText(a.summary)}`,
    '',
    table(
      ['', ''],
      [
        ['Group', `[${mdText(a.group)}](../README.md#${groupAnchor(groupIndex)})`],
        ['HTTP method', cell(methodText(a))],
        ['Retry', `${retryTitle(a)} — ${code(a.retry)}`],
        ['Client method', code(`client.${a.method}()`)],
        ['Source', mdText(sourceText(a))],
      ],
    ),
    '',
    '## Description',
    '',
    ...[a.description, a.descriptionZh].flatMap((text) => paragraphs(text).flatMap((p) => [mdText(p).replace(/\n/g, '  \n'), ''])),
  ];
  if (a.httpMethod === 'POST' && a.methodEvidence) out.push(`Sent with POST. The document: “${mdText(a.methodEvidence)}”`, '');

  out.push('## Request parameters', '');
  const rows = paramRows(a);
  if (rows.length) {
    out.push(
      table(
        ['Wire name', 'Type', 'Required', 'Allowed values', 'Default', 'Example', 'Description'],
        rows.map((r) => [
          `${anchor(r.id)}${r.depth ? '↳ ' : ''}${code(r.wireName, true)}`,
          cell(r.type),
          r.required ? '**required**' : 'optional',
          allowedValues(r.docs, r.typeRef, '../'),
          valueCell(r.docs.default),
          r.param.style === 'objectList' && !r.depth ? 'per field, below' : valueCell(r.docs.example),
          cell([r.docs.description, r.docs.descriptionZh].flatMap((text) => paragraphs(text)).join('\n')) || '—',
        ]),
      ),
      '',
    );
  } else {
    out.push('This Action takes no parameters of its own.', '');
  }
  out.push(`Every request also carries \`Action=${a.name}\` and the [common parameters](../signing.md#common-parameters).`, '');

  out.push('## Response fields', '');
  if (a.responseDocs.description) out.push(mdText(a.responseDocs.description), '');
  out.push(...tree(responseTree(a)), '');

  out.push('## Examples', '');
  if (a.examples.request) out.push('Request, as the document gives it:', '', fence('text', a.examples.request), '');
  if (a.examples.json !== undefined) {
    out.push(
      a.examples.jsonValid
        ? 'JSON response:'
        : 'JSON response, as printed in the document (it disagrees with the response table; see [Document errata](#document-errata)):',
      '',
    );
    out.push(fence('json', jsonExampleText(a.examples.json)), '');
  }
  if (a.examples.xml !== undefined) out.push('XML response:', '', fence('xml', a.examples.xml), '');
  if (!a.examples.request && a.examples.json === undefined && a.examples.xml === undefined) out.push(NO_EXAMPLES, '');

  out.push('## Errors', '');
  out.push(...errorsTable(model));

  out.push('## Retry', '', `**${retryTitle(a)}.** ${mdText(retryText(a))}`, '');

  out.push('## TypeScript', '', fence('ts', tsExample(model, a)), '');
  const paging = tsPagingExample(model, a);
  if (paging) out.push(mdText(pagingText(a)!), '', fence('ts', paging), '');

  const errata = errataOf(a);
  out.push(anchor('document-errata'), '', '## Document errata', '');
  if (errata.length) {
    out.push('Where the reference document contradicts itself about this Action (the table wins):', '');
    for (const e of errata) {
      const where = e.target ? `[${code(e.target.label)}](#${e.target.id}) — ` : '';
      const line = e.line !== undefined ? `, line ${e.line}` : '';
      out.push(`- ${where}${code(e.kind)} (${e.source}${line}): ${mdText(e.detail)}`);
    }
    out.push('');
  } else {
    out.push('None recorded.', '');
  }

  const nav = [
    prev ? `← [${prev.name}](${prev.name}.md)` : '',
    '[Index](../README.md)',
    next ? `[${next.name}](${next.name}.md) →` : '',
  ].filter(Boolean);
  out.push('---', '', nav.join(' · '), '');
  return out.join('\n').trimEnd() + '\n';
}

function signing(model: Model): string {
  const out = [generatedNote(model), '', '# Signing and common parameters', '', '[← Index](README.md)', ''];
  out.push(mdText(signingLead(model)), '');
  out.push(anchor('common-parameters'), '', '## Common parameters', '');
  out.push(
    table(
      ['Name', 'Type', 'Required', 'Allowed values', 'Default', 'Description'],
      model.common.map((p) => [
        `${anchor(`common-${p.name}`)}${code(p.name, true)}`,
        cell(p.type.kind === 'scalar' ? p.type.type : p.type.kind),
        p.required ? '**required**' : 'optional',
        allowedValues(p.docs),
        valueCell(p.docs.default),
        cell(paragraphs(p.docs.description).join('\n')) || '—',
      ]),
    ),
    '',
  );
  out.push(anchor('signature'), '', '## Signature', '');
  if (model.signature.description) out.push(mdText(model.signature.description), '');
  const d = model.signature.details ?? {};
  const { example, ...recipe } = d as Record<string, unknown> & { example?: Record<string, unknown> };
  if (Object.keys(recipe).length) {
    out.push(
      table(
        ['', ''],
        Object.entries(recipe).map(([k, v]) => [k, code(valueText(v), true)]),
      ),
      '',
    );
  }
  if (example) {
    out.push(
      "The document's worked example:",
      '',
      fence(
        'text',
        Object.entries(example)
          .map(([k, v]) => `${k}: ${valueText(v)}`)
          .join('\n'),
      ),
      '',
    );
  }
  out.push(anchor('errors'), '', '## Errors', '');
  out.push(...errorsTable(model));
  out.push(anchor(REF_ANCHORS.DomainName.anchor), '', '## Domain name rules', '');
  for (const text of [model.domainName.description, model.domainName.descriptionZh])
    if (text) out.push(...paragraphs(text).map((p) => mdText(p).replace(/\n/g, '  \n')), '');
  if (model.domainName.rules) {
    out.push(
      table(
        ['Rule', 'Value'],
        Object.entries(model.domainName.rules).map(([k, v]) => [
          k,
          cell(typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean | undefined)),
        ]),
      ),
      '',
    );
  }
  out.push(anchor(REF_ANCHORS.IdentityCredentialType.anchor), '', '## Identity credential types', '');
  out.push(
    table(
      ['Code', 'Meaning', 'Holder'],
      model.credentialTypes.map((c) => [code(c.code, true), cell(c.meaning), c.holder ?? '—']),
    ),
    '',
  );
  out.push(
    `Used by ${model.actions
      .filter((a) => a.params.some((p) => p.name === 'IdentityCredentialType'))
      .map((a) => `[${a.name}](actions/${a.name}.md)`)
      .join(', ')}.`,
    '',
  );
  return out.join('\n').trimEnd() + '\n';
}

/** The common error codes: the intro and the table (each Action page and the signing page show it). */
function errorsTable(model: Model): string[] {
  return [
    mdText(ERRORS_INTRO),
    '',
    table(
      ['Code', 'HTTP status', 'Message', 'Meaning'],
      errorRows(model).map((e) => [
        code(e.code, true),
        e.status,
        cell(e.message),
        cell([e.description, e.descriptionZh].filter(Boolean).join('\n')),
      ]),
    ),
    '',
  ];
}
