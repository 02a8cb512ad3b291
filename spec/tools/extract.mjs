#!/usr/bin/env node
// Writes the spec in two stages:
//   1. needs the document: document + spec/overrides/ → spec/document.openapi.yaml
//   2. needs no document:  spec/document.openapi.yaml + spec/additions/ + spec/patches/ (lib/layers/)
//      → spec/openapi.yaml (the OpenAPI 3.1 document) and spec/ERRATA.md (the contradictions)
// Without the document stage 1 is skipped with a notice and stage 2 runs from the committed file.
// `--check` writes nothing and fails when a committed file differs from a fresh run.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDocument } from './lib/document.mjs';
import { buildSpec } from './lib/build.mjs';
import { loadOverrides, OverridesError } from './lib/overrides.mjs';
import { DOCUMENT_SPEC_HEADER, LayerError, renderLayers, specYaml } from './lib/layers/apply.mjs';
import { DOCUMENT, hasDocument, missingDocumentNotice } from './lib/document-path.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const specDir = resolve(here, '..');
export { DOCUMENT };

/**
 * Stage 1, which needs the document: the spec as the document gives it, with the reading
 * corrections of spec/overrides/ (spec/document.openapi.yaml).
 */
export function renderDocument() {
  const spec = buildSpec(loadDocument(DOCUMENT), loadOverrides(join(specDir, 'overrides')));
  return { spec, text: specYaml(spec, DOCUMENT_SPEC_HEADER) };
}

/**
 * Both stages: stage 1 from the document when there is one, else the committed
 * spec/document.openapi.yaml; then stage 2 (additions and patches).
 * @param {{ withDocument?: boolean }} [options]
 * @returns {{ spec: import('./lib/types.js').Schema, files: Record<string, string> }}
 */
export function render({ withDocument = hasDocument() } = {}) {
  /** @type {Record<string, string>} */
  const files = {};
  if (withDocument) files['document.openapi.yaml'] = renderDocument().text;
  // Stage 2 reads stage 1 as YAML text even when it was just built: what it sees is then exactly
  // what the committed file holds, so its output is the same with the document and without it.
  const layered = renderLayers(withDocument ? { baseText: files['document.openapi.yaml'] } : {});
  return { spec: layered.spec, files: { ...files, ...layered.files } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const withDocument = hasDocument();
  // Without the document, stage 2 still runs from the committed stage-1 file.
  if (!withDocument)
    console.log(missingDocumentNotice('stage 1 of spec/tools/extract.mjs') + '; the committed spec/document.openapi.yaml is used');
  let files;
  try {
    ({ files } = render({ withDocument }));
  } catch (e) {
    // A mistake in spec/overrides/, spec/additions/ or spec/patches/ is one line each: the file,
    // the key, what is allowed.
    if (!(e instanceof LayerError) && !(e instanceof OverridesError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  let stale = 0;
  for (const [name, content] of Object.entries(files)) {
    const path = join(specDir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === content) continue;
    if (check) {
      console.error(`spec/${name} is stale: run \`npm run spec:extract\``);
      stale++;
    } else {
      writeFileSync(path, content);
      console.log(`wrote spec/${name}`);
    }
  }
  if (stale) process.exit(1);
  if (check)
    console.log(
      withDocument
        ? 'spec is up to date with the document, overrides, additions, patches and English'
        : 'spec is up to date with spec/document.openapi.yaml, additions, patches and English',
    );
}
