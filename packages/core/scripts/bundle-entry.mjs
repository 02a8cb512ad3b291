// After tsc: replaces dist/index.js (an entry importing ~20 modules) with one bundled module, so
// importing the runtime costs one module load. fast-xml-parser stays external and is still
// imported only when an XML response arrives. The .d.ts files are tsc's.
import { buildSync } from 'esbuild';

buildSync({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/index.js',
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
