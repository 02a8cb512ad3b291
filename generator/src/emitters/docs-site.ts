// Emits packages/docs/site: a static HTML reference that works from the file system or any
// static host. No framework: plain HTML pages (index, signing, one per Action), one stylesheet
// and one small script, both hand-written files in generator/assets/docs-site/ copied as they
// are. The data the script needs, the search index, is a classic script this emitter writes
// (`search-index.js`), not JSON, because fetch() of file:// URLs fails; the sidebar and every
// page work without JavaScript.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  firstSentence,
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

/** generator/assets/docs-site, found from this module in src/emitters/ or its compiled copy under dist/. */
const ASSETS = (function find(dir: string): string {
  const candidate = join(dir, 'assets/docs-site');
  if (existsSync(join(candidate, 'search.js'))) return candidate;
  if (dirname(dir) === dir) throw new Error('docs-site: generator/assets/docs-site not found');
  return find(dirname(dir));
})(dirname(fileURLToPath(import.meta.url)));

/** A hand-written asset, copied as it is under a line saying where it comes from. */
const asset = (name: string, comment: string) =>
  `${comment.replace('%s', `Copied by @alidomain/generator from generator/assets/docs-site/${name}: edit that file, then run \`npm run generate\`.`)}\n${readFileSync(join(ASSETS, name), 'utf8')}`;

/** Escapes text for HTML content and double-quoted attributes. */
export const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An Action name with line-break opportunities between its words (`Query<wbr>Domain<wbr>List`). */
const wbr = (name: string) => esc(name).replace(/([a-z0-9])(?=[A-Z])/g, '$1<wbr>');

/** Escaped prose where `code spans` become <code>. */
const inline = (s: string) =>
  s
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');

/** Paragraphs of a description; single line breaks kept, the document's notes (说明 …, Note: …) set apart. */
const prose = (text: string | undefined) =>
  paragraphs(text)
    .map((p) =>
      /^(说明|注意)\s|^Note:/.test(p)
        ? `<p class="note">${inline(p).replace(/\n/g, '<br>')}</p>`
        : `<p>${inline(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');

const HAN = /\p{Script=Han}/u;

/** A value's meaning after its code: English and Chinese as a pair where the spec has both. */
const meaningHtml = (v: { meaning?: string | undefined; meaningZh?: string | undefined }) =>
  v.meaningZh
    ? ` <span class="pair" lang="en">${esc(v.meaning ?? '')}</span><span class="pair" lang="zh"> ${esc(v.meaningZh)}</span>`
    : v.meaning
      ? ` ${esc(v.meaning)}`
      : '';

/**
 * A description as the page shows it: the English (lang="en"), then the document's Chinese
 * (lang="zh") it was translated from, the two a `pair` the language switch (language.js) chooses
 * between; a text the spec has only in one language, in that one, always shown.
 */
const bilingual = (text: string | undefined, zh: string | undefined) =>
  zh
    ? `<div class="text pair" lang="en">${prose(text)}</div>\n<div class="text pair original" lang="zh">${prose(zh)}</div>`
    : text
      ? `<div class="text" lang="${HAN.test(text) ? 'zh' : 'en'}">${prose(text)}</div>`
      : '';

/**
 * A code block. Focusable (tabindex="0") so that one wider than the screen scrolls from the
 * keyboard, and so a named region: the label says what it is and must be unique on its page.
 */
const codeBlock = (lang: string, text: string, label: string) =>
  `<pre class="code" data-lang="${esc(lang)}" tabindex="0" role="region" aria-label="${esc(label)}"><code>${esc(text.replace(/\n+$/, ''))}</code></pre>`;

interface PageOptions {
  title: string;
  description: string;
  /** Path from the page to the site root: '' or '../'. */
  root: string;
  /** The Action whose page this is, for the sidebar. */
  current?: string;
  /** The other top-level page, for the sidebar. */
  currentPage?: 'index' | 'signing';
  body: string;
}

export function emitDocsSite(model: Model): Files {
  const files: Files = {};
  files['assets/style.css'] = asset('style.css', '/* %s */');
  files['assets/search.js'] = asset('search.js', '// %s');
  files['assets/language.js'] = asset('language.js', '// %s');
  files['assets/search-index.js'] = searchIndex(model);
  files['index.html'] = page(model, {
    title: `${model.title} ${model.version}`,
    description: `Reference of all ${model.actions.length} Actions of the ${model.title} ${model.version}.`,
    root: '',
    currentPage: 'index',
    body: indexBody(model),
  });
  files['signing.html'] = page(model, {
    title: 'Signing and common parameters',
    description: 'Signature v1.0, common parameters, error codes, domain name rules and credential types.',
    root: '',
    currentPage: 'signing',
    body: signingBody(model),
  });
  model.actions.forEach((a, i) => {
    files[`actions/${a.name}.html`] = page(model, {
      title: a.name,
      description: a.summary,
      root: '../',
      current: a.name,
      body: actionBody(model, a, model.actions[i - 1], model.actions[i + 1]),
    });
  });
  return files;
}

function page(model: Model, o: PageOptions): string {
  const title = o.currentPage === 'index' ? o.title : `${o.title} · ${model.title} ${model.version}`;
  return `<!doctype html>
${generatedNote(model)}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<meta name="description" content="${esc(o.description)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${o.root}assets/style.css">
<script>document.documentElement.className += ' js'; try { document.documentElement.dataset.show = localStorage.getItem('alidomain-docs-lang') || 'both'; } catch (e) {}</script>
</head>
<body data-root="${o.root}">
<a class="skip" href="#content">Skip to content</a>
<header class="topbar">
<button id="nav-toggle" class="nav-toggle" type="button" aria-controls="sidebar" aria-expanded="false" title="All Actions"><span aria-hidden="true">☰</span><span class="sr">All Actions</span></button>
<a class="brand" href="${o.root}index.html">alidomain <span class="brand-sub">${esc(model.product.name)} API ${esc(model.version)}</span></a>
<div class="search" role="search">
<input id="search" type="search" role="combobox" placeholder="Search Actions and parameters (/)" autocomplete="off" spellcheck="false" aria-label="Search Actions and parameters" aria-controls="search-results" aria-autocomplete="list" aria-expanded="false">
<div id="search-popup" class="search-results" tabindex="-1" hidden><div id="search-results" role="listbox" aria-label="Search results"></div><p id="search-note" hidden></p></div>
<p id="search-status" class="sr" role="status" aria-live="polite"></p>
</div>
<div id="lang-switch" class="lang-switch" role="group" aria-label="Language of the descriptions" hidden>
<button type="button" value="en" lang="en">English</button><button type="button" value="zh" lang="zh">中文</button><button type="button" value="both" lang="en">Both</button>
</div>
</header>
<div class="layout">
<main id="content">
${o.body}
</main>
${sidebar(model, o)}
</div>
<script src="${o.root}assets/search-index.js"></script>
<script src="${o.root}assets/search.js"></script>
<script src="${o.root}assets/language.js"></script>
</body>
</html>
`;
}

function sidebar(model: Model, o: PageOptions): string {
  const cur = (yes: boolean) => (yes ? ' aria-current="page"' : '');
  const groups = model.groups
    .map((g) => {
      const label = groupLabel(g);
      const items = g.actions
        .map((a) => `<li><a href="${o.root}actions/${a.name}.html"${cur(a.name === o.current)}>${wbr(a.name)}</a></li>`)
        .join('\n');
      return `<section>\n<h2>${esc(g.name)}${label ? ` <small>${esc(label)}</small>` : ''}</h2>\n<ul>\n${items}\n</ul>\n</section>`;
    })
    .join('\n');
  return `<nav id="sidebar" class="sidebar" aria-label="All Actions">
<ul class="pages">
<li><a href="${o.root}index.html"${cur(o.currentPage === 'index')}>Overview</a></li>
<li><a href="${o.root}signing.html"${cur(o.currentPage === 'signing')}>Signing &amp; common parameters</a></li>
</ul>
${groups}
</nav>`;
}

function searchIndex(model: Model): string {
  const data = {
    groups: model.groups.map((g) => g.name),
    actions: model.actions.map((a) => ({
      n: a.name,
      s: a.summary,
      d: firstSentence(a.description),
      ...(a.descriptionZh ? { z: firstSentence(a.descriptionZh) } : {}),
      g: model.groups.findIndex((g) => g.name === a.group),
      p: paramRows(a).map((r) => [r.id, r.wireName]),
    })),
  };
  return `// Generated by @alidomain/generator from spec/openapi.yaml. Do not edit: run \`npm run generate\`.
// The search index: a script rather than JSON so that the site works from file:// URLs.
window.ALIDOMAIN_SEARCH = ${JSON.stringify(data)};
`;
}

function retryBadge(a: Action): string {
  const label =
    a.retry === 'unsafe' ? 'not safe to retry' : a.retry === 'safe' ? 'safe to retry · read-only' : 'safe to retry · idempotent';
  return `<span class="badge retry-${a.retry}">${label}</span>`;
}

function indexBody(model: Model): string {
  // The index's example call: the first read-only Action, so that trying it changes nothing.
  const first = model.actions.find((a) => a.retry === 'safe') ?? model.actions[0];
  const groups = model.groups
    .map((g, gi) => {
      const rows = g.actions
        .map(
          (a) =>
            `<tr><td data-label="Action"><a href="actions/${a.name}.html"><code class="name">${wbr(a.name)}</code></a></td><td data-label="Summary">${esc(a.summary)}</td><td data-label="Method">${a.httpMethod}</td><td data-label="Retry">${retryBadge(a)}</td></tr>`,
        )
        .join('\n');
      return `<section id="${groupAnchor(gi)}">
<h2>${esc(g.name)}${groupLabel(g) ? ` <small>${esc(groupLabel(g)!)}</small>` : ''}</h2>
${g.description ? `<p>${esc(g.description)}</p>` : ''}
<div class="table-wrap"><table class="list cards">
<thead><tr><th>Action</th><th>Summary</th><th>Method</th><th>Retry</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>`;
    })
    .join('\n');
  return `<h1>${esc(model.title)} <span class="muted">${esc(model.version)}</span></h1>
<p class="lead">Reference of all ${model.actions.length} Actions, generated from the OpenAPI description of the API (<code>spec/openapi.yaml</code>). Each page gives the request parameters, the response fields, the document's examples, the errors, whether a retry is safe and a call with <code>@alidomain/client</code>.</p>
<ul class="toc">
${model.groups.map((g, gi) => `<li><a href="#${groupAnchor(gi)}">${esc(g.name)}</a> (${g.actions.length})</li>`).join('\n')}
<li><a href="signing.html">Signing and common parameters</a></li>
</ul>
${first ? codeBlock('ts', tsExample(model, first), `Example call of ${first.name} in TypeScript`) : ''}
${groups}`;
}

function valuesCell(d: Docs, ref: { anchor: string; label: string } | undefined, root: string): string {
  const parts: string[] = [];
  const link = ref ? `<a href="${root}signing.html#${ref.anchor}">see ${esc(ref.label)}</a>` : '';
  if (ref?.anchor === REF_ANCHORS.IdentityCredentialType.anchor) parts.push(link);
  else if (d.values?.length)
    parts.push(`<ul class="values">${d.values.map((v) => `<li><code>${esc(String(v.value))}</code>${meaningHtml(v)}</li>`).join('')}</ul>`);
  else if (ref) parts.push(link);
  const range = rangeText(d);
  if (range) parts.push(`<span class="range">range ${esc(range)}</span>`);
  return parts.join(' ') || EMPTY;
}

const EMPTY = '<span class="muted">—</span>';
const valueCell = (v: unknown) => (v === undefined ? EMPTY : `<code>${esc(valueText(v))}</code>`);
/** A card-able table cell; empty ones are left out of the phone layout. */
const td = (label: string, html: string) => `<td data-label="${esc(label)}"${html === EMPTY ? ' class="empty"' : ''}>${html}</td>`;

function paramTable(a: Action): string {
  const rows = paramRows(a);
  if (!rows.length) return '<p>This Action takes no parameters of its own.</p>';
  const body = rows
    .map(
      (r) => `<tr id="${esc(r.id)}"${r.depth ? ' class="sub"' : ''}>
<td data-label="Wire name"><a class="anchor" href="#${esc(r.id)}" aria-label="Link to ${esc(r.wireName)}">#</a><code class="wire">${esc(r.wireName).replaceAll('.', '.<wbr>')}</code></td>
<td data-label="Type">${esc(r.type)}</td>
<td data-label="Required" class="req-cell">${r.required ? '<span class="badge req">required</span>' : '<span class="badge opt">optional</span>'}</td>
${td('Allowed values', valuesCell(r.docs, r.typeRef, '../'))}
${td('Default', valueCell(r.docs.default))}
${td('Example', r.param.style === 'objectList' && !r.depth ? '<span class="muted">per field, below</span>' : valueCell(r.docs.example))}
${td('Description', bilingual(r.docs.description, r.docs.descriptionZh) || EMPTY)}
</tr>`,
    )
    .join('\n');
  return `<div class="table-wrap"><table class="params cards">
<thead><tr><th>Wire name</th><th>Type</th><th>Required</th><th>Allowed values</th><th>Default</th><th>Example</th><th>Description</th></tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}

function tree(nodes: FieldNode[]): string {
  if (!nodes.length) return '';
  const items = nodes
    .map((n) => {
      const extra: string[] = [];
      if (n.docs.values?.length && !valuesInText(n.docs))
        extra.push(
          `<ul class="values">${n.docs.values.map((v) => `<li><code>${esc(String(v.value))}</code>${meaningHtml(v)}</li>`).join('')}</ul>`,
        );
      const range = rangeText(n.docs);
      if (range) extra.push(`<p class="range">range ${esc(range)}</p>`);
      if (n.typeRef) extra.push(`<p><a href="../signing.html#${n.typeRef.anchor}">see ${esc(n.typeRef.label)}</a></p>`);
      if (n.docs.example !== undefined && !n.children.length)
        extra.push(`<p class="example">Example: <code>${esc(valueText(n.docs.example))}</code></p>`);
      return `<li id="${esc(n.id)}">
<div class="field"><a class="anchor" href="#${esc(n.id)}" aria-label="Link to ${esc(n.path)}">#</a><code class="wire">${esc(n.name)}</code> <span class="type">${esc(n.type)}</span></div>
<div class="field-doc">${bilingual(n.docs.description, n.docs.descriptionZh)}${extra.join('')}</div>
${tree(n.children)}</li>`;
    })
    .join('\n');
  return `<ul class="tree">\n${items}\n</ul>`;
}

function errorsTable(model: Model): string {
  return `<div class="table-wrap"><table class="list cards">
<thead><tr><th>Code</th><th>HTTP status</th><th>Message</th><th>Meaning</th></tr></thead>
<tbody>
${errorRows(model)
  .map(
    (e) =>
      `<tr><td data-label="Code"><code>${esc(e.code)}</code></td><td data-label="HTTP status">${esc(e.status)}</td><td data-label="Message">${esc(e.message)}</td><td data-label="Meaning">${bilingual(e.description, e.descriptionZh)}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table></div>`;
}

function actionBody(model: Model, a: Action, prev: Action | undefined, next: Action | undefined): string {
  const gi = model.groups.findIndex((g) => g.name === a.group);
  const errata = errataOf(a);
  const paging = tsPagingExample(model, a);
  const examples: string[] = [];
  if (a.examples.request)
    examples.push(
      `<h3>Request</h3>\n<p class="muted">As the document gives it.</p>\n${codeBlock('text', a.examples.request, 'Request example')}`,
    );
  if (a.examples.json !== undefined) {
    examples.push(
      `<h3>JSON response</h3>\n${a.examples.jsonValid ? '' : '<p class="note">As printed in the document: it disagrees with the response table (see <a href="#errata">Document errata</a>).</p>\n'}${codeBlock('json', jsonExampleText(a.examples.json), 'JSON response example')}`,
    );
  }
  if (a.examples.xml !== undefined) examples.push(`<h3>XML response</h3>\n${codeBlock('xml', a.examples.xml, 'XML response example')}`);
  const errataHtml = errata.length
    ? `<p>Where the reference document contradicts itself about this Action (the table wins):</p>
<ul class="errata">
${errata
  .map(
    (e) =>
      `<li>${e.target ? `<a href="#${esc(e.target.id)}"><code>${esc(e.target.label)}</code></a> — ` : ''}<code>${esc(e.kind)}</code> <span class="muted">(${esc(e.source)}${e.line !== undefined ? `, line ${e.line}` : ''})</span>: ${inline(e.detail)}</li>`,
  )
  .join('\n')}
</ul>`
    : '<p>None recorded.</p>';
  return `<article class="action">
<p class="crumbs"><a href="../index.html#${groupAnchor(gi)}">${esc(a.group)}</a></p>
<h1>${wbr(a.name)}</h1>
<p class="lead">${esc(a.summary)}</p>
<dl class="facts">
<div><dt>HTTP method</dt><dd>${esc(methodText(a))}</dd></div>
<div><dt>Retry</dt><dd>${retryBadge(a)}</dd></div>
<div><dt>Client method</dt><dd><code>client.${esc(a.method)}()</code></dd></div>
<div><dt>Source</dt><dd>${esc(sourceText(a))}</dd></div>
</dl>
<nav class="toc" aria-label="On this page"><a href="#description">Description</a> <a href="#parameters">Parameters</a> <a href="#response">Response</a> <a href="#examples">Examples</a> <a href="#errors">Errors</a> <a href="#retry">Retry</a> <a href="#typescript">TypeScript</a> <a href="#errata">Errata${errata.length ? ` (${errata.length})` : ''}</a></nav>
<section id="description">
<h2>Description</h2>
${bilingual(a.description, a.descriptionZh)}
${a.httpMethod === 'POST' && a.methodEvidence ? `<p class="note">Sent with POST. The document: <span lang="zh">“${esc(a.methodEvidence)}”</span></p>` : ''}
</section>
<section id="parameters">
<h2>Request parameters</h2>
${paramTable(a)}
<p>Every request also carries <code>Action=${esc(a.name)}</code> and the <a href="../signing.html#common-parameters">common parameters</a>.</p>
</section>
<section id="response">
<h2>Response fields</h2>
${a.responseDocs.description ? prose(a.responseDocs.description) : ''}
${tree(responseTree(a))}
</section>
<section id="examples">
<h2>Examples</h2>
${examples.length ? examples.join('\n') : `<p class="muted">${esc(NO_EXAMPLES)}</p>`}
</section>
<section id="errors">
<h2>Errors</h2>
<p>${inline(ERRORS_INTRO)}</p>
${errorsTable(model)}
</section>
<section id="retry">
<h2>Retry</h2>
<p>${retryBadge(a)} <strong>${esc(retryTitle(a))}.</strong> ${esc(retryText(a))}</p>
</section>
<section id="typescript">
<h2>TypeScript</h2>
${codeBlock('ts', tsExample(model, a), `Call of ${a.name} in TypeScript`)}
${paging ? `<p>${esc(pagingText(a)!)}</p>\n${codeBlock('ts', paging, 'Paging through every result in TypeScript')}` : ''}
</section>
<section id="errata">
<h2>Document errata</h2>
${errataHtml}
</section>
<nav class="pager" aria-label="Previous and next Action">
${prev ? `<a class="prev" href="${prev.name}.html">← ${esc(prev.name)}</a>` : '<span></span>'}
${next ? `<a class="next" href="${next.name}.html">${esc(next.name)} →</a>` : '<span></span>'}
</nav>
</article>`;
}

function signingBody(model: Model): string {
  const common = model.common
    .map(
      (p) => `<tr id="common-${esc(p.name)}">
<td data-label="Name"><a class="anchor" href="#common-${esc(p.name)}" aria-label="Link to ${esc(p.name)}">#</a><code class="wire">${esc(p.name)}</code></td>
<td data-label="Type">${esc(p.type.kind === 'scalar' ? p.type.type : p.type.kind)}</td>
<td data-label="Required" class="req-cell">${p.required ? '<span class="badge req">required</span>' : '<span class="badge opt">optional</span>'}</td>
${td('Allowed values', valuesCell(p.docs, undefined, ''))}
${td('Default', valueCell(p.docs.default))}
<td data-label="Description">${bilingual(p.docs.description, p.docs.descriptionZh)}</td>
</tr>`,
    )
    .join('\n');
  const details = (model.signature.details ?? {}) as Record<string, unknown> & { example?: Record<string, unknown> };
  const { example, ...recipe } = details;
  const recipeRows = Object.entries(recipe)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td><code>${esc(valueText(v))}</code></td></tr>`)
    .join('\n');
  const rules = Object.entries(model.domainName.rules ?? {})
    .map(
      ([k, v]) =>
        `<tr><th scope="row">${esc(k)}</th><td>${esc(typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean | undefined))}</td></tr>`,
    )
    .join('\n');
  const users = model.actions.filter((a) => a.params.some((p) => p.name === 'IdentityCredentialType'));
  return `<h1>Signing and common parameters</h1>
<p class="lead">${inline(signingLead(model))}</p>
<nav class="toc" aria-label="On this page"><a href="#common-parameters">Common parameters</a> <a href="#signature">Signature</a> <a href="#errors">Errors</a> <a href="#${REF_ANCHORS.DomainName.anchor}">Domain name rules</a> <a href="#${REF_ANCHORS.IdentityCredentialType.anchor}">Identity credential types</a></nav>
<section id="common-parameters">
<h2>Common parameters</h2>
<div class="table-wrap"><table class="params cards">
<thead><tr><th>Name</th><th>Type</th><th>Required</th><th>Allowed values</th><th>Default</th><th>Description</th></tr></thead>
<tbody>
${common}
</tbody>
</table></div>
</section>
<section id="signature">
<h2>Signature</h2>
${model.signature.description ? `<p>${esc(model.signature.description)}</p>` : ''}
${recipeRows ? `<div class="table-wrap"><table class="kv"><tbody>\n${recipeRows}\n</tbody></table></div>` : ''}
${
  example
    ? `<h3>The document's worked example</h3>\n${codeBlock(
        'text',
        Object.entries(example)
          .map(([k, v]) => `${k}: ${valueText(v)}`)
          .join('\n'),
        "The document's worked example of a signature",
      )}`
    : ''
}
</section>
<section id="errors">
<h2>Errors</h2>
<p>${inline(ERRORS_INTRO)}</p>
${errorsTable(model)}
</section>
<section id="${REF_ANCHORS.DomainName.anchor}">
<h2>Domain name rules</h2>
${bilingual(model.domainName.description, model.domainName.descriptionZh)}
${rules ? `<div class="table-wrap"><table class="kv"><tbody>\n${rules}\n</tbody></table></div>` : ''}
</section>
<section id="${REF_ANCHORS.IdentityCredentialType.anchor}">
<h2>Identity credential types</h2>
<div class="table-wrap"><table class="list">
<thead><tr><th>Code</th><th>Meaning</th><th>Holder</th></tr></thead>
<tbody>
${model.credentialTypes.map((c) => `<tr><td><code>${esc(c.code)}</code></td><td lang="zh">${esc(c.meaning)}</td><td>${esc(c.holder ?? '—')}</td></tr>`).join('\n')}
</tbody>
</table></div>
${users.length ? `<p>Used by ${users.map((a) => `<a href="actions/${a.name}.html"><code>${esc(a.name)}</code></a>`).join(', ')}.</p>` : ''}
</section>`;
}
