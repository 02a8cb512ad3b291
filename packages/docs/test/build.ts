// Builds the docs from the spec with the generator's own emitters, into a fresh directory.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { loadSpec } from '../../../generator/src/load.js';
import { buildModel, type Model } from '../../../generator/src/model.js';
import { emitDocsMarkdown } from '../../../generator/src/emitters/docs-markdown.js';
import { emitDocsSite } from '../../../generator/src/emitters/docs-site.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const packageRoot = resolve(import.meta.dirname, '..');

let model: Model | undefined;
export function getModel(): Model {
  model ??= buildModel(loadSpec(join(repoRoot, 'spec/openapi.yaml')).document);
  return model;
}

function write(files: Record<string, string>, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const siteFiles = () => emitDocsSite(getModel());
export const markdownFiles = () => emitDocsMarkdown(getModel());
/** Builds the site into a new temporary directory and returns it. */
export const buildSite = () => write(siteFiles(), 'alidomain-docs-site-');
export const buildMarkdown = () => write(markdownFiles(), 'alidomain-docs-md-');

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
export const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] ?? '');
