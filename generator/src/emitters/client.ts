// Emits the typed client into packages/client/src/generated: one module per Action
// (types, metadata, a standalone function a bundler can keep alone), the DomainClient
// class with one method per Action, the Action registry and the paginators.
import {
  Project,
  IndentationText,
  QuoteKind,
  NewLineKind,
  VariableDeclarationKind,
  type SourceFile,
  type OptionalKind,
  type PropertySignatureStructure,
} from 'ts-morph';
import type { Action, Model } from '../model.js';
import { docLines, header, propertyName, safe, typeText } from '../print.js';
import { errorsFile } from './errors.js';
import { metaLiteral } from './meta.js';

type Files = Record<string, string>;

function newProject() {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: true,
    },
  });
}

const docs = (lines: string[]) => (lines.length ? [{ description: '\n' + lines.join('\n') }] : []);

export function emitClient(model: Model): Files {
  const project = newProject();
  const files: Files = {};
  const print = (file: SourceFile): string => `${header(model)}\n${file.getFullText().trimEnd()}\n`;
  for (const a of model.actions) files[`actions/${a.name}.ts`] = print(actionFile(project, a));
  files['api.ts'] = print(apiFile(project, model));
  files['client.ts'] = print(clientFile(project, model));
  files['paginators.ts'] = print(paginatorsFile(project, model));
  files['errors.ts'] = errorsFile(model);
  files['index.ts'] = print(indexFile(project, model));
  return files;
}

const requestType = (a: Action) => `${a.name}Request`;
const responseType = (a: Action) => `${a.name}Response`;
const metaName = (a: Action) => `${a.method}Meta`;
const hasRequired = (a: Action) => a.params.some((p) => p.required);

/** The method's JSDoc: what it does, the document's description, retry behaviour, section. */
function actionDoc(a: Action): string[] {
  const lines = [a.summary, '', ...a.description.split('\n'), ...(a.descriptionZh ? ['', ...a.descriptionZh.split('\n')] : [])];
  lines.push('');
  if (a.retry === 'unsafe')
    lines.push(
      `Not retried by the client on its own: a repeat could create a second order, charge money or submit a second task${a.retryReason ? ` (${a.retryReason.replace(/\.$/, '')})` : ''}.`,
    );
  else lines.push(`Retried on throttling, 5xx and network failures (${a.retry === 'safe' ? 'read-only' : 'idempotent'}).`);
  if (a.httpMethod === 'POST') lines.push('Sent with POST, as the document requires.');
  lines.push(a.addition ? `Not in the document: added (${a.addition.reference}).` : `@see Document section ${a.section} (${a.name}).`);
  return lines;
}

/**
 * The DomainClient method's JSDoc: one line pointing at the standalone function, which carries
 * the Action's documentation (description, retry behaviour, section) once.
 */
const methodDoc = (a: Action) => [{ description: `${safe(a.summary).replace(/\.?$/, '.')} See {@link ${a.method}}.` }];

function properties(a: Action): OptionalKind<PropertySignatureStructure>[] {
  return a.params.map((p) => ({
    name: propertyName(p.name),
    hasQuestionToken: !p.required,
    type: typeText(p.type, 'input', ''),
    docs: docs(
      docLines(
        p.docs,
        p.wireName !== p.name
          ? [`Wire form: \`${p.wireName.replace('<Field>', '…')}\` (${p.style}).`]
          : p.style === 'json'
            ? ['Sent as JSON text: pass the value, or a string that is already JSON.']
            : [],
        p.type,
        'input',
      ),
    ),
  }));
}

function actionFile(project: Project, a: Action): SourceFile {
  const file = project.createSourceFile(`actions/${a.name}.ts`, '', { overwrite: true });
  file.addImportDeclaration({
    moduleSpecifier: '@alidomain/core',
    isTypeOnly: true,
    namedImports: ['ActionMeta', 'DomainClientCore', 'SendOptions'],
  });
  file.addImportDeclaration({ moduleSpecifier: '../api.js', namedImports: ['API_VERSION'] });
  file.addInterfaces([
    { name: requestType(a), isExported: true, docs: docs([`Parameters of ${a.name}: ${a.summary}.`]), properties: properties(a) },
    {
      name: responseType(a),
      isExported: true,
      docs: docs([`What ${a.name} returns (the JSON or XML body, in one shape).`]),
      properties: a.response.fields.map((f) => ({
        name: propertyName(f.name),
        hasQuestionToken: true,
        type: typeText(f.type, 'output', ''),
        docs: docs(docLines(f.docs, [], f.type, 'output')),
      })),
    },
  ]);
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs([`Wire metadata of ${a.name} for @alidomain/core.`]),
    declarations: [{ name: metaName(a), type: 'ActionMeta', initializer: metaLiteral(a) }],
  });
  file.addFunction({
    name: a.method,
    isExported: true,
    docs: docs(actionDoc(a)),
    parameters: [
      { name: 'client', type: 'DomainClientCore' },
      { name: 'input', type: requestType(a), ...(hasRequired(a) ? {} : { initializer: '{}' }) },
      { name: 'options', type: 'SendOptions', hasQuestionToken: true },
    ],
    returnType: `Promise<${responseType(a)}>`,
    statements: `return client.send<${requestType(a)}, ${responseType(a)}>(${metaName(a)}, input, options);`,
  });
  return file;
}

function clientFile(project: Project, model: Model): SourceFile {
  const file = project.createSourceFile('client.ts', '', { overwrite: true });
  file.addImportDeclaration({ moduleSpecifier: '@alidomain/core', isTypeOnly: true, namedImports: ['ActionMeta', 'SendOptions'] });
  file.addImportDeclaration({ moduleSpecifier: '../action-meta.js', namedImports: ['actionMetaOf'] });
  file.addImportDeclaration({
    moduleSpecifier: '../validation.js',
    namedImports: ['ValidatingClient', { name: 'DomainClientConfig', isTypeOnly: true }],
  });
  file.addImportDeclaration({ moduleSpecifier: './api.js', namedImports: ['API_ENDPOINT'] });
  for (const a of model.actions) {
    // The function is imported for its JSDoc only: each method's one line links to it.
    file.addImportDeclaration({
      moduleSpecifier: `./actions/${a.name}.js`,
      namedImports: [
        metaName(a),
        { name: a.method, isTypeOnly: true },
        { name: requestType(a), isTypeOnly: true },
        { name: responseType(a), isTypeOnly: true },
      ],
    });
  }
  file.addInterface({
    name: 'ActionTypes',
    isExported: true,
    docs: docs(['Request and response types of every Action, by Action name.']),
    properties: model.actions.map((a) => ({ name: a.name, type: `{ request: ${requestType(a)}; response: ${responseType(a)} }` })),
  });
  // One ActionName for both packages: the validators' (the client depends on them, not the reverse).
  file.addImportDeclaration({ moduleSpecifier: '@alidomain/validators', isTypeOnly: true, namedImports: ['ActionName'] });
  file.addExportDeclaration({ isTypeOnly: true, namedExports: ['ActionName'] });
  file.addVariableStatement({
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs(['Wire metadata of every Action, by name.']),
    declarations: [
      {
        name: 'actionMetas',
        type: 'Readonly<Record<ActionName, ActionMeta>>',
        initializer: `{\n${model.actions.map((a) => `  ${a.name}: ${metaName(a)},`).join('\n')}\n}`,
      },
    ],
  });
  const { client } = model.product;
  const first = model.actions[0];
  file.addClass({
    name: client,
    isExported: true,
    extends: 'ValidatingClient',
    docs: docs([
      `Client of the ${model.title} (${model.version}): one method per Action.`,
      '',
      'Credentials come from the options, the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, …) or ~/.aliyun/config.json.',
      'Input is checked against the spec before sending (`validation: false` turns it off); invalid input is never sent.',
      ...(first
        ? ['@example', `const client = new ${client}();`, `const res = await client.${first.method}(${hasRequired(first) ? '{ … }' : ''});`]
        : []),
    ]),
    ctors: [
      {
        docs: docs([`Calls API_ENDPOINT (${model.product.endpoint}) unless \`endpoint\` says otherwise.`]),
        parameters: [{ name: 'options', type: 'DomainClientConfig', initializer: '{}' }],
        statements: 'super({ ...options, endpoint: options.endpoint ?? API_ENDPOINT });',
      },
    ],
    methods: [
      ...model.actions.map((a) => ({
        name: a.method,
        docs: methodDoc(a),
        parameters: [
          { name: 'input', type: requestType(a), ...(hasRequired(a) ? {} : { initializer: '{}' }) },
          { name: 'options', type: 'SendOptions', hasQuestionToken: true },
        ],
        returnType: `Promise<${responseType(a)}>`,
        statements: `return this.send<${requestType(a)}, ${responseType(a)}>(${metaName(a)}, input, options);`,
      })),
      {
        name: 'call',
        isAsync: true,
        typeParameters: [{ name: 'A', constraint: 'ActionName' }],
        docs: docs([
          'Calls any Action by name, typed by the name. An unknown name rejects with DomainValidationError, naming the nearest Actions.',
          '@example',
          "await client.call('CheckDomain', { DomainName: 'example.com' });",
        ]),
        parameters: [
          { name: 'action', type: 'A' },
          { name: 'input', type: "ActionTypes[A]['request']" },
          { name: 'options', type: 'SendOptions', hasQuestionToken: true },
        ],
        returnType: "Promise<ActionTypes[A]['response']>",
        statements:
          "return this.send<ActionTypes[A]['request'], ActionTypes[A]['response']>(actionMetaOf(actionMetas, action), input, options);",
      },
    ],
  });
  return file;
}

function paginatorsFile(project: Project, model: Model): SourceFile {
  const file = project.createSourceFile('paginators.ts', '', { overwrite: true });
  const paged = model.actions.filter((a) => a.paging);
  file.addImportDeclaration({ moduleSpecifier: '@alidomain/core', isTypeOnly: true, namedImports: ['DomainClientCore', 'SendOptions'] });
  const helpers = { page: 'paginatePages', scroll: 'paginateScroll', cursor: 'paginateCursor' } as const;
  file.addImportDeclaration({
    moduleSpecifier: '../paginate.js',
    namedImports: [...new Set(paged.map((a) => helpers[a.paging!.kind]))].sort(),
  });
  for (const a of paged) {
    file.addImportDeclaration({
      moduleSpecifier: `./actions/${a.name}.js`,
      namedImports: [metaName(a), { name: requestType(a), isTypeOnly: true }, { name: responseType(a), isTypeOnly: true }],
    });
  }
  for (const a of paged) {
    const paging = a.paging!;
    const itemType = paging.items.reduce((t, key) => `NonNullable<${t}[${JSON.stringify(key)}]>`, responseType(a)) + '[number]';
    // The paginator sets these itself; the caller may give a starting point.
    const driven = paging.driven;
    const input =
      paging.kind === 'cursor'
        ? requestType(a)
        : `Omit<${requestType(a)}, '${driven[0]}'> & { ${driven[0]}?: ${paging.kind === 'page' ? 'number' : 'string'} }`;
    const all = !a.params.some((p) => p.required && !driven.includes(p.name));
    const items = JSON.stringify(paging.items);
    const config =
      paging.kind === 'page'
        ? `{ items: ${items}${paging.hasNext ? `, hasNext: '${paging.hasNext}'` : ''}${paging.total ? `, total: '${paging.total}'` : ''} }`
        : paging.kind === 'scroll'
          ? `{ items: ${items} }`
          : `{ items: ${items}, cursors: ${JSON.stringify(paging.cursors)} }`;
    const how =
      paging.kind === 'page'
        ? 'PageNum from 1, or the one given'
        : paging.kind === 'scroll'
          ? 'following ScrollId'
          : `filling ${driven.join(' and ')} from each response's NextPageCursor`;
    file.addFunction({
      name: `paginate${a.name}`,
      isExported: true,
      docs: docs([
        `Iterates over every item of ${a.name}, fetching page after page (${how}).`,
        '@example',
        `for await (const item of paginate${a.name}(client${all ? '' : ', { … }'})) console.log(item);`,
      ]),
      parameters: [
        { name: 'client', type: 'DomainClientCore' },
        { name: 'input', type: input, ...(all ? { initializer: '{}' } : {}) },
        { name: 'options', type: 'SendOptions', hasQuestionToken: true },
      ],
      returnType: `AsyncGenerator<${itemType}, void, undefined>`,
      statements: `return ${helpers[paging.kind]}<${requestType(a)}, ${responseType(a)}, ${itemType}>(client, ${metaName(a)}, input as ${requestType(a)}, ${config}, options);`,
    });
  }
  return file;
}

/** The API's constants, as the spec gives them: said once, imported by every Action's metadata. */
function apiFile(project: Project, model: Model): SourceFile {
  const file = project.createSourceFile('api.ts', '', { overwrite: true });
  const constant = (name: string, value: string, doc: string) =>
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: docs([doc]),
      declarations: [{ name, initializer: `'${value}'` }],
    });
  constant('API_VERSION', model.version, `The ${model.title} version every request of this client sends as \`Version\`.`);
  constant('API_ENDPOINT', model.product.endpoint, "The endpoint the client calls unless told otherwise (the spec's first server).");
  return file;
}

function indexFile(project: Project, model: Model): SourceFile {
  const file = project.createSourceFile('index.ts', '', { overwrite: true });
  for (const a of model.actions) {
    file.addExportDeclaration({
      moduleSpecifier: `./actions/${a.name}.js`,
      namedExports: [a.method, metaName(a), { name: requestType(a), isTypeOnly: true }, { name: responseType(a), isTypeOnly: true }],
    });
  }
  file.addExportDeclaration({
    moduleSpecifier: './client.js',
    namedExports: [
      model.product.client,
      'actionMetas',
      { name: 'ActionName', isTypeOnly: true },
      { name: 'ActionTypes', isTypeOnly: true },
    ],
  });
  file.addExportDeclaration({ moduleSpecifier: './api.js', namedExports: ['API_ENDPOINT', 'API_VERSION'] });
  file.addExportDeclaration({ moduleSpecifier: './paginators.js' });
  return file;
}
