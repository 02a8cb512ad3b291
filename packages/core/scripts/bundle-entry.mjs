// After tsc: replaces dist/internal.js (an entry importing ~20 modules) with one bundled module,
// so importing the runtime costs one module load, plus a shared chunk. Modules the runtime
// imports on demand (the undici and fetch transports, the CLI config file reader) stay chunks of
// their own behind import(), so a user's bundler can leave them out of the entry too. dist/index.js stays tsc's one-line re-export of
// the public names from ./internal.js: one runtime copy whichever entry a user imports, so a class
// such as DomainApiError is the same class from both. fast-xml-parser stays external and is still
// imported only when an XML response arrives. The .d.ts files are tsc's.
import { buildSync } from 'esbuild';

buildSync({
  entryPoints: ['dist/internal.js'],
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['fast-xml-parser'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
