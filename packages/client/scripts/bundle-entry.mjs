// After tsc: replaces dist/index.js (an entry that imports ~120 modules) with one bundled
// module, so that importing the client costs one module load. The per-Action files stay in
// dist/generated/actions/ for `@alidomain/client/actions/<Action>`; the .d.ts files are tsc's.
import { buildSync } from 'esbuild';

buildSync({
  entryPoints: ['dist/index.js'],
  outfile: 'dist/index.js',
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['@alidomain/core', '@alidomain/validators', '@alidomain/validators/*'],
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
