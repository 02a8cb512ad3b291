// Emits packages/docs/site: a static HTML reference that works from the file system or any
// static host. No framework: plain HTML pages (index, signing, one per Action), one stylesheet
// and one small script. The search index is a classic script (`search-index.js`), not JSON,
// because fetch() of file:// URLs fails; the sidebar and every page work without JavaScript.
import type { Action, Docs, Model } from '../model.js';
import {
  GENERATED,
  REF_ANCHORS,
  errataOf,
  errorRows,
  firstSentence,
  groupAnchor,
  groupLabel,
  jsonExampleText,
  methodText,
  pagingText,
  paragraphs,
  paramRows,
  rangeText,
  responseTree,
  retryText,
  retryTitle,
  tsExample,
  tsPagingExample,
  valueText,
  valuesInText,
  type FieldNode,
} from './docs-shared.js';

type Files = Record<string, string>;


/** Escapes text for HTML content and double-quoted attributes. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** An Action name with line-break opportunities between its words (`Query<wbr>Domain<wbr>List`). */
const wbr = (name: string) => esc(name).replace(/([a-z0-9])(?=[A-Z])/g, '$1<wbr>');

/** Escaped prose where `code spans` become <code>. */
const inline = (s: string) =>
  s
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');

/** Paragraphs of a description; single line breaks kept, the document's notes (说明 …) set apart. */
const prose = (text: string | undefined) =>
  paragraphs(text)
    .map((p) => (/^(说明|注意)\s/.test(p) ? `<p class="note">${inline(p).replace(/\n/g, '<br>')}</p>` : `<p>${inline(p).replace(/\n/g, '<br>')}</p>`))
    .join('\n');

const codeBlock = (lang: string, text: string) => `<pre class="code" data-lang="${esc(lang)}"><code>${esc(text.replace(/\n+$/, ''))}</code></pre>`;

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
  files['assets/style.css'] = STYLE;
  files['assets/search.js'] = SCRIPT;
  files['assets/search-index.js'] = searchIndex(model);
  files['index.html'] = page(model, { title: `${model.title} ${model.version}`, description: `Reference of all ${model.actions.length} Actions of the ${model.title} ${model.version}.`, root: '', currentPage: 'index', body: indexBody(model) });
  files['signing.html'] = page(model, { title: 'Signing and common parameters', description: 'Signature v1.0, common parameters, error codes, domain name rules and credential types.', root: '', currentPage: 'signing', body: signingBody(model) });
  model.actions.forEach((a, i) => {
    files[`actions/${a.name}.html`] = page(model, { title: a.name, description: a.summary, root: '../', current: a.name, body: actionBody(model, a, model.actions[i - 1], model.actions[i + 1]) });
  });
  return files;
}

function page(model: Model, o: PageOptions): string {
  const title = o.currentPage === 'index' ? o.title : `${o.title} · ${model.title} ${model.version}`;
  return `<!doctype html>
${GENERATED}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<meta name="description" content="${esc(o.description)}">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${o.root}assets/style.css">
<script>document.documentElement.className += ' js';</script>
</head>
<body data-root="${o.root}">
<a class="skip" href="#content">Skip to content</a>
<header class="topbar">
<button id="nav-toggle" class="nav-toggle" type="button" aria-controls="sidebar" aria-expanded="false" title="All Actions"><span aria-hidden="true">☰</span><span class="sr">All Actions</span></button>
<a class="brand" href="${o.root}index.html">alidomain <span class="brand-sub">Domain API ${esc(model.version)}</span></a>
<div class="search" role="search">
<input id="search" type="search" placeholder="Search Actions and parameters (/)" autocomplete="off" spellcheck="false" aria-label="Search Actions and parameters" aria-controls="search-results" aria-autocomplete="list">
<div id="search-results" class="search-results" role="listbox" aria-label="Search results" hidden></div>
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
</body>
</html>
`;
}

function sidebar(model: Model, o: PageOptions): string {
  const cur = (yes: boolean) => (yes ? ' aria-current="page"' : '');
  const groups = model.groups
    .map((g) => {
      const label = groupLabel(g);
      const items = g.actions.map((a) => `<li><a href="${o.root}actions/${a.name}.html"${cur(a.name === o.current)}>${wbr(a.name)}</a></li>`).join('\n');
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
  const label = a.retry === 'unsafe' ? 'not safe to retry' : a.retry === 'safe' ? 'safe to retry · read-only' : 'safe to retry · idempotent';
  return `<span class="badge retry-${a.retry}">${label}</span>`;
}

function indexBody(model: Model): string {
  const groups = model.groups
    .map((g, gi) => {
      const rows = g.actions
        .map((a) => `<tr><td data-label="Action"><a href="actions/${a.name}.html"><code class="name">${wbr(a.name)}</code></a></td><td data-label="Summary">${esc(a.summary)}</td><td data-label="Method">${a.httpMethod}</td><td data-label="Retry">${retryBadge(a)}</td></tr>`)
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
${codeBlock('ts', "import { DomainClient } from '@alidomain/client';\n\nconst client = new DomainClient(); // credentials from the environment or ~/.aliyun/config.json\nconst { Avail } = await client.checkDomain({ DomainName: 'example.com' });")}
${groups}`;
}

function valuesCell(d: Docs, ref: { anchor: string; label: string } | undefined, root: string): string {
  const parts: string[] = [];
  const link = ref ? `<a href="${root}signing.html#${ref.anchor}">see ${esc(ref.label)}</a>` : '';
  if (ref && ref.anchor === REF_ANCHORS.IdentityCredentialType.anchor) parts.push(link);
  else if (d.values?.length) parts.push(`<ul class="values">${d.values.map((v) => `<li><code>${esc(String(v.value))}</code>${v.meaning ? ` ${esc(v.meaning)}` : ''}</li>`).join('')}</ul>`);
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
${td('Description', prose(r.docs.description) || EMPTY)}
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
      if (n.docs.values?.length && !valuesInText(n.docs)) extra.push(`<ul class="values">${n.docs.values.map((v) => `<li><code>${esc(String(v.value))}</code>${v.meaning ? ` ${esc(v.meaning)}` : ''}</li>`).join('')}</ul>`);
      const range = rangeText(n.docs);
      if (range) extra.push(`<p class="range">range ${esc(range)}</p>`);
      if (n.typeRef) extra.push(`<p><a href="../signing.html#${n.typeRef.anchor}">see ${esc(n.typeRef.label)}</a></p>`);
      if (n.docs.example !== undefined && !n.children.length) extra.push(`<p class="example">Example: <code>${esc(valueText(n.docs.example))}</code></p>`);
      return `<li id="${esc(n.id)}">
<div class="field"><a class="anchor" href="#${esc(n.id)}" aria-label="Link to ${esc(n.path)}">#</a><code class="wire">${esc(n.name)}</code> <span class="type">${esc(n.type)}</span></div>
<div class="field-doc">${prose(n.docs.description)}${extra.join('')}</div>
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
  .map((e) => `<tr><td data-label="Code"><code>${esc(e.code)}</code></td><td data-label="HTTP status">${esc(e.status)}</td><td data-label="Message">${esc(e.message)}</td><td data-label="Meaning">${esc(e.description)}</td></tr>`)
  .join('\n')}
</tbody>
</table></div>`;
}

function actionBody(model: Model, a: Action, prev: Action | undefined, next: Action | undefined): string {
  const gi = model.groups.findIndex((g) => g.name === a.group);
  const errata = errataOf(a);
  const paging = tsPagingExample(a);
  const examples: string[] = [];
  if (a.examples.request) examples.push(`<h3>Request</h3>\n<p class="muted">As the document gives it.</p>\n${codeBlock('text', a.examples.request)}`);
  if (a.examples.json !== undefined) {
    examples.push(
      `<h3>JSON response</h3>\n${a.examples.jsonValid ? '' : '<p class="note">As printed in the document: it disagrees with the response table (see <a href="#errata">Document errata</a>).</p>\n'}${codeBlock('json', jsonExampleText(a.examples.json))}`,
    );
  }
  if (a.examples.xml !== undefined) examples.push(`<h3>XML response</h3>\n${codeBlock('xml', a.examples.xml)}`);
  const errataHtml = errata.length
    ? `<p>Where the reference document contradicts itself about this Action (the table wins):</p>
<ul class="errata">
${errata
  .map((e) => `<li>${e.target ? `<a href="#${esc(e.target.id)}"><code>${esc(e.target.label)}</code></a> — ` : ''}<code>${esc(e.kind)}</code> <span class="muted">(${esc(e.source)}${e.line !== undefined ? `, line ${e.line}` : ''})</span>: ${inline(e.detail)}</li>`)
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
<div><dt>Document section</dt><dd>${esc(a.section)}</dd></div>
</dl>
<nav class="toc" aria-label="On this page"><a href="#description">Description</a> <a href="#parameters">Parameters</a> <a href="#response">Response</a> <a href="#examples">Examples</a> <a href="#errors">Errors</a> <a href="#retry">Retry</a> <a href="#typescript">TypeScript</a> <a href="#errata">Errata${errata.length ? ` (${errata.length})` : ''}</a></nav>
<section id="description">
<h2>Description</h2>
<div lang="zh">${prose(a.description)}</div>
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
${examples.join('\n')}
</section>
<section id="errors">
<h2>Errors</h2>
<p>A failed call returns <code>RequestId</code>, <code>HostId</code>, <code>Code</code> and <code>Message</code>. The common error codes:</p>
${errorsTable(model)}
</section>
<section id="retry">
<h2>Retry</h2>
<p>${retryBadge(a)} <strong>${esc(retryTitle(a))}.</strong> ${esc(retryText(a))}</p>
</section>
<section id="typescript">
<h2>TypeScript</h2>
${codeBlock('ts', tsExample(a))}
${paging ? `<p>${esc(pagingText(a)!)}</p>\n${codeBlock('ts', paging)}` : ''}
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
<td data-label="Description" lang="zh">${prose(p.docs.description)}</td>
</tr>`,
    )
    .join('\n');
  const details = (model.signature.details ?? {}) as Record<string, unknown> & { example?: Record<string, unknown> };
  const { example, ...recipe } = details;
  const recipeRows = Object.entries(recipe)
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td><code>${esc(valueText(v))}</code></td></tr>`)
    .join('\n');
  const rules = Object.entries(model.domainName.rules ?? {})
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(typeof v === 'object' ? JSON.stringify(v) : String(v))}</td></tr>`)
    .join('\n');
  const users = model.actions.filter((a) => a.params.some((p) => p.name === 'IdentityCredentialType'));
  return `<h1>Signing and common parameters</h1>
<p class="lead">Every Action is a GET or POST to <code>https://domain.aliyuncs.com/</code>, chosen by the <code>Action</code> parameter. Next to it, each request carries the common parameters below and a signature of all of them. <code>@alidomain/client</code> does all of this for you; this page is for reading the wire or writing another client.</p>
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
${example ? `<h3>The document's worked example</h3>\n${codeBlock('text', Object.entries(example).map(([k, v]) => `${k}: ${valueText(v)}`).join('\n'))}` : ''}
</section>
<section id="errors">
<h2>Errors</h2>
<p>A failed call returns <code>RequestId</code>, <code>HostId</code>, <code>Code</code> and <code>Message</code>. The common codes:</p>
${errorsTable(model)}
</section>
<section id="${REF_ANCHORS.DomainName.anchor}">
<h2>Domain name rules</h2>
<div lang="zh">${prose(model.domainName.description)}</div>
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

// ---- assets -------------------------------------------------------------------------------

const STYLE = `/* Generated by @alidomain/generator. Do not edit: run \`npm run generate\`. */
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0969da;
  --code-bg: #f6f8fa; --zebra: #f6f8fa; --side-bg: #f6f8fa; --hover: #eaeef2; --target: #fff8c5;
  --req-bg: #ffebe9; --req-fg: #a40e26; --opt-bg: #eff2f5; --opt-fg: #59636e;
  --safe-bg: #dafbe1; --safe-fg: #116329; --idem-bg: #ddf4ff; --idem-fg: #0a3069; --unsafe-bg: #fff1e5; --unsafe-fg: #953800;
  --note-bg: #f1f8ff; --note-border: #54aeff; --shadow: 0 8px 24px rgba(140, 149, 159, 0.25);
  --top: 3.25rem;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #4493f8;
    --code-bg: #161b22; --zebra: #151b23; --side-bg: #010409; --hover: #262c36; --target: #3b2e00;
    --req-bg: #4a1016; --req-fg: #ffa198; --opt-bg: #262c36; --opt-fg: #9198a1;
    --safe-bg: #12361d; --safe-fg: #7ee787; --idem-bg: #0c2d6b; --idem-fg: #a5d6ff; --unsafe-bg: #4a2500; --unsafe-fg: #ffa657;
    --note-bg: #0c1d33; --note-border: #1f6feb; --shadow: 0 8px 24px rgba(1, 4, 9, 0.85);
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: calc(var(--top) + 0.75rem); }
body {
  margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "PingFang SC", "Microsoft YaHei", sans-serif;
}
code, pre, .wire, input[type=search] { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
code { font-size: 0.875em; background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; overflow-wrap: anywhere; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { line-height: 1.25; }
h1 { font-size: 1.9rem; margin: 0.2rem 0 0.5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
h2 small, h1 .muted { font-weight: 400; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 0.5rem; }
.muted, small { color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; z-index: 100; background: var(--bg); padding: 0.5rem; }
.skip:focus { left: 0.5rem; }

/* top bar */
.topbar {
  position: sticky; top: 0; z-index: 20; height: var(--top); display: flex; align-items: center; gap: 0.75rem;
  padding: 0 1rem; background: var(--bg); border-bottom: 1px solid var(--border);
}
.brand { font-weight: 700; color: var(--fg); white-space: nowrap; }
.brand-sub { font-weight: 400; color: var(--muted); margin-left: 0.25rem; }
.nav-toggle {
  display: none; align-items: center; justify-content: center; width: 2.25rem; height: 2.25rem; font-size: 1.2rem;
  border: 1px solid var(--border); border-radius: 6px; background: var(--code-bg); color: var(--fg); cursor: pointer;
}
.search { position: relative; flex: 1; max-width: 32rem; margin-left: auto; }
.search input {
  width: 100%; height: 2.25rem; padding: 0 0.75rem; font-size: 0.9rem; color: var(--fg); background: var(--code-bg);
  border: 1px solid var(--border); border-radius: 6px; outline: none;
}
.search input:focus { border-color: var(--accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--accent) 25%, transparent); }
.search-results {
  position: absolute; top: calc(100% + 0.35rem); right: 0; width: 100%; min-width: 22rem; max-height: 70vh; overflow-y: auto;
  background: var(--bg); border: 1px solid var(--border); border-radius: 8px; box-shadow: var(--shadow); padding: 0.25rem 0;
}
.search-results[hidden] { display: none; }
.search-results a { display: block; padding: 0.4rem 0.75rem; color: var(--fg); text-decoration: none; border-left: 3px solid transparent; }
.search-results a.active, .search-results a:hover { background: var(--hover); border-left-color: var(--accent); }
.search-results .kind { float: right; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); margin-left: 0.5rem; }
.search-results .name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9rem; font-weight: 600; overflow-wrap: anywhere; }
.search-results .desc { display: block; font-size: 0.8rem; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.search-results mark { background: var(--target); color: inherit; border-radius: 2px; }
.search-results .empty, .search-results .more { padding: 0.5rem 0.75rem; color: var(--muted); font-size: 0.85rem; }

/* layout: content first in the source, the sidebar placed left */
.layout { display: grid; grid-template-columns: 17.5rem minmax(0, 1fr); }
.sidebar {
  grid-column: 1; grid-row: 1; position: sticky; top: var(--top); height: calc(100vh - var(--top)); overflow-y: auto;
  background: var(--side-bg); border-right: 1px solid var(--border); padding: 0.75rem 0.5rem 2rem; font-size: 0.85rem;
}
main { grid-column: 2; grid-row: 1; min-width: 0; max-width: 68rem; padding: 1.25rem 2rem 4rem; }
.sidebar ul { list-style: none; margin: 0; padding: 0; }
.sidebar h2 { font-size: 0.8rem; margin: 1.1rem 0.5rem 0.3rem; padding: 0; border: 0; }
.sidebar h2 small { display: block; font-weight: 400; }
.sidebar a { display: block; padding: 0.15rem 0.5rem; border-radius: 4px; color: var(--fg); overflow-wrap: anywhere; }
.sidebar section a { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.78rem; }
.sidebar a:hover { background: var(--hover); text-decoration: none; }
.sidebar a[aria-current] { background: var(--accent); color: #fff; }
.pages a { font-weight: 600; }

/* content */
.lead { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
.crumbs { margin: 0; font-size: 0.85rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 1rem 0; }
.facts div { min-width: 8rem; }
.facts dt { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.facts dd { margin: 0; }
.toc { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0.5rem 0; font-size: 0.9rem; list-style: none; margin: 0.5rem 0; }
ul.toc { padding-left: 0; }
.note { background: var(--note-bg); border-left: 4px solid var(--note-border); padding: 0.5rem 0.75rem; border-radius: 0 6px 6px 0; }
.badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0.05rem 0.5rem; border-radius: 999px; white-space: nowrap; }
.badge.req { background: var(--req-bg); color: var(--req-fg); }
.badge.opt { background: var(--opt-bg); color: var(--opt-fg); font-weight: 400; }
.retry-safe { background: var(--safe-bg); color: var(--safe-fg); }
.retry-idempotent { background: var(--idem-bg); color: var(--idem-fg); }
.retry-unsafe { background: var(--unsafe-bg); color: var(--unsafe-fg); }
pre.code { background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; overflow-x: auto; font-size: 0.85rem; line-height: 1.45; }
pre.code code { background: none; padding: 0; font-size: inherit; overflow-wrap: normal; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.pager a { min-width: 0; overflow-wrap: anywhere; }
.pager .next { text-align: right; margin-left: auto; }

/* tables */
.table-wrap { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border: 1px solid var(--border); }
thead th { background: var(--code-bg); font-weight: 600; white-space: nowrap; }
tbody tr:nth-child(even) { background: var(--zebra); }
td p { margin: 0 0 0.4rem; }
td p:last-child { margin-bottom: 0; }
td .note { padding: 0.25rem 0.5rem; }
code.wire { overflow-wrap: normal; }
table.params tr.sub td:first-child { padding-left: 1.6rem; }
code.name { overflow-wrap: normal; }
table.params td[data-label=Default], table.params td[data-label=Example] { min-width: 5rem; }
table.params td[data-label=Description] { min-width: 14rem; }
table.params tr.sub td:first-child::after { content: none; }
.values { margin: 0; padding: 0; list-style: none; }
table.kv th { width: 12rem; background: var(--code-bg); }
tr:target, li:target > .field { background: var(--target); }
.anchor { color: var(--muted); margin-right: 0.3rem; opacity: 0.35; font-weight: 400; }
tr:hover .anchor, .field:hover .anchor, .anchor:focus { opacity: 1; }

/* response tree */
.tree { list-style: none; margin: 0; padding-left: 0; }
.tree .tree { margin-left: 0.55rem; padding-left: 1rem; border-left: 1px solid var(--border); }
.tree li { margin: 0.4rem 0; }
.field { padding: 0.1rem 0.25rem; border-radius: 4px; }
.field .wire { font-weight: 600; }
.field .type { color: var(--muted); font-size: 0.85rem; }
.field-doc { margin-left: 1.35rem; font-size: 0.9rem; }
.field-doc p { margin: 0.15rem 0; }
.field-doc .values li { display: inline; margin-right: 0.75rem; }
.errata li { margin: 0.4rem 0; }
main p, .errata li, .field-doc, .lead { overflow-wrap: anywhere; }

/* phones: the sidebar becomes a menu, tables become cards */
@media (max-width: 700px) {
  body { font-size: 15px; }
  .topbar { padding: 0 0.6rem; gap: 0.5rem; }
  .nav-toggle { display: inline-flex; }
  html:not(.js) .nav-toggle { display: none; }
  .brand-sub { display: none; }
  .search { max-width: none; }
  .search-results { position: fixed; top: calc(var(--top) + 0.25rem); left: 0.5rem; right: 0.5rem; width: auto; min-width: 0; }
  .layout { display: block; }
  main { padding: 1rem 0.9rem 3rem; }
  .sidebar { position: static; height: auto; border-right: 0; border-top: 1px solid var(--border); }
  html.js .sidebar { display: none; }
  html.js body.nav-open .sidebar { display: block; position: fixed; top: var(--top); left: 0; right: 0; bottom: 0; height: auto; z-index: 15; border-top: 0; }
  h1 { font-size: 1.5rem; }
  table.cards thead { display: none; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards tr { border: 1px solid var(--border); border-radius: 8px; margin-bottom: 0.75rem; padding: 0.35rem 0; }
  table.cards td { border: 0; padding: 0.25rem 0.75rem; white-space: normal !important; overflow-wrap: anywhere; }
  table.cards td::before { content: attr(data-label); display: block; font-size: 0.7rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
  table.cards td:first-child::before { display: none; }
  table.cards td.empty { display: none; }
  code.wire { overflow-wrap: anywhere; }
  .search input { font-size: 16px; }
  table.cards td:first-child { font-size: 1rem; }
  table.params tr.sub { margin-left: 1rem; width: calc(100% - 1rem); }
  table.params tr.sub td:first-child { padding-left: 0.75rem; }
  .field-doc { margin-left: 0.5rem; }
}
`;

const SCRIPT = `// Generated by @alidomain/generator. Do not edit: run \`npm run generate\`.
// Search as you type over window.ALIDOMAIN_SEARCH (assets/search-index.js): Actions by name,
// summary and parameter names; parameters by wire name. Results are plain links. Also the
// sidebar toggle on narrow screens. No dependencies; a classic script, so file:// works.
(function () {
  'use strict';
  var data = window.ALIDOMAIN_SEARCH;
  var root = document.body.getAttribute('data-root') || '';
  var input = document.getElementById('search');
  var box = document.getElementById('search-results');
  var toggle = document.getElementById('nav-toggle');
  var sidebar = document.getElementById('sidebar');
  var MAX = 50;

  if (toggle && sidebar) {
    toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', String(open));
    });
    sidebar.addEventListener('click', function (e) {
      if (e.target.closest('a')) document.body.classList.remove('nav-open');
    });
    var current = sidebar.querySelector('section a[aria-current]');
    if (current) sidebar.scrollTop = current.offsetTop - sidebar.clientHeight / 2;
  }
  if (!data || !input || !box) return;

  var actions = data.actions.map(function (a) {
    return { a: a, name: a.n.toLowerCase(), text: (a.s + ' ' + a.d).toLowerCase(), params: a.p.map(function (p) { return p[1].toLowerCase(); }) };
  });
  var links = [];
  var active = -1;

  function rank(hay, q) {
    if (hay === q) return 0;
    var i = hay.indexOf(q);
    return i === 0 ? 1 : i > 0 ? 2 : -1;
  }

  function search(q) {
    var terms = q.split(/\\s+/).filter(Boolean);
    var out = [];
    actions.forEach(function (x, i) {
      var r = rank(x.name, q);
      if (r < 0) {
        var all = terms.every(function (t) {
          return x.name.indexOf(t) >= 0 || x.text.indexOf(t) >= 0 || x.params.some(function (p) { return p.indexOf(t) >= 0; });
        });
        if (all) r = 5;
      }
      if (r >= 0) out.push({ score: r, order: i * 1000, kind: 'Action', name: x.a.n, desc: x.a.s, href: 'actions/' + x.a.n + '.html' });
      x.params.forEach(function (p, j) {
        var pr = rank(p, q);
        if (pr < 0) return;
        out.push({ score: pr + 3, order: i * 1000 + j + 1, kind: 'Parameter', name: x.a.p[j][1], desc: 'in ' + x.a.n, href: 'actions/' + x.a.n + '.html#' + x.a.p[j][0] });
      });
    });
    out.sort(function (a, b) { return a.score - b.score || a.order - b.order; });
    return out;
  }

  function highlight(el, text, q) {
    var i = text.toLowerCase().indexOf(q);
    if (i < 0 || !q) { el.textContent = text; return; }
    el.appendChild(document.createTextNode(text.slice(0, i)));
    var m = document.createElement('mark');
    m.textContent = text.slice(i, i + q.length);
    el.appendChild(m);
    el.appendChild(document.createTextNode(text.slice(i + q.length)));
  }

  function setActive(i) {
    if (active >= 0 && links[active]) { links[active].classList.remove('active'); links[active].setAttribute('aria-selected', 'false'); }
    active = i;
    if (active >= 0 && links[active]) {
      links[active].classList.add('active');
      links[active].setAttribute('aria-selected', 'true');
      links[active].scrollIntoView({ block: 'nearest' });
    }
  }

  function hide() { box.hidden = true; input.setAttribute('aria-expanded', 'false'); }

  function render() {
    var q = input.value.trim().toLowerCase();
    box.textContent = '';
    links = [];
    active = -1;
    if (!q) { hide(); return; }
    var results = search(q);
    results.slice(0, MAX).forEach(function (r) {
      var a = document.createElement('a');
      a.href = root + r.href;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.className = 'result result-' + r.kind.toLowerCase();
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = r.kind;
      var name = document.createElement('span');
      name.className = 'name';
      highlight(name, r.name, q);
      var desc = document.createElement('span');
      desc.className = 'desc';
      desc.textContent = r.desc;
      a.appendChild(kind);
      a.appendChild(name);
      a.appendChild(desc);
      a.addEventListener('click', hide);
      box.appendChild(a);
      links.push(a);
    });
    var note = document.createElement('div');
    if (!results.length) { note.className = 'empty'; note.textContent = 'No Action or parameter matches.'; box.appendChild(note); }
    else if (results.length > MAX) { note.className = 'more'; note.textContent = MAX + ' of ' + results.length + ' results: type more to narrow.'; box.appendChild(note); }
    box.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  input.addEventListener('input', render);
  input.addEventListener('focus', function () { if (input.value.trim()) render(); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive(Math.min(active + 1, links.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive(Math.max(active - 1, 0)); }
    else if (e.key === 'Enter') {
      var target = links[active >= 0 ? active : 0];
      if (target) { e.preventDefault(); hide(); window.location.href = target.href; }
    } else if (e.key === 'Escape') { input.value = ''; hide(); }
  });
  document.addEventListener('click', function (e) {
    if (!e.target.closest('.search')) hide();
  });
  document.addEventListener('keydown', function (e) {
    var tag = (e.target && e.target.tagName) || '';
    if (e.key === '/' && tag !== 'INPUT' && tag !== 'TEXTAREA') { e.preventDefault(); input.focus(); input.select(); }
  });
})();
`;
