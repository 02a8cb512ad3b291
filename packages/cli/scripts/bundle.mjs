// Builds dist/ as a bundle: the command starts with a handful of module loads instead of a few
// hundred (module resolution was most of its start-up time), and loads each Action's command and
// validator as a chunk of its own on first use. commander is CommonJS: its require() calls of
// Node's built-ins go through a require made for the bundle (BANNER).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Every chunk gets this require; it is made on first use, since only commander's chunk calls it.
// commander requires node:child_process up front, for executable sub-commands, which alidomain does
// not have: it is handed a stand-in that loads the module only if it is ever used (start-up ~2 ms).
const BANNER = `import { createRequire as __alidomainCreateRequire } from 'node:module';
let __alidomainRequire;
const __alidomainLoad = (id) => (__alidomainRequire ??= __alidomainCreateRequire(import.meta.url))(id);
const require = (id) => id === 'node:child_process' ? new Proxy({}, { get: (_, key) => __alidomainLoad(id)[key] }) : __alidomainLoad(id);`;

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/bin.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: BANNER },
  // Minified: compiling the source is a large part of start-up, and it is proportional to its size.
  minify: true,
  keepNames: false,
  legalComments: 'none',
  logLevel: 'warning',
  // core's chunks import each other bare; it declares no side effects, so dropping those is right.
  logOverride: { 'ignored-bare-import': 'silent' },
});
