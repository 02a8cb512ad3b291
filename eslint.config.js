// Lint for the hand-written code: typescript-eslint's strict, type-checked rules and its stylistic
// ones, with the style rules that prettier owns turned off (eslint-config-prettier). `npm run lint`
// runs this and `prettier --check`. Every rule turned off or relaxed below says why, next to it.
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/.turbo/',
    'test/artifacts/',
    // User programs typed by code their tests generate beside them (tsc checks them there).
    'test/openapi-fetch/fixtures/',
    // Generated: by the generator (packages/*/src/generated, the docs) and by the extractor.
    'packages/*/src/generated/',
    'packages/docs/markdown/',
    'packages/docs/site/',
    'spec/openapi.yaml',
    // Unformatted on purpose: generator/test/format.test.ts formats it.
    'generator/test/fixtures/format/',
  ]),
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked with the tsconfig.json nearest to it (tsconfig.base.json's rules).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans read well in messages (`item ${i + 1}`, `found ${n}`); objects,
      // undefined and null stay flagged, since those print as [object Object] or "undefined".
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // A shorthand callback that returns a void call (`(k) => seen.add(k)`, `() => void p`) is
      // idiomatic; a void value used anywhere else stays flagged.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // noUncheckedIndexedAccess types every indexed read `T | undefined`. After a bounds check
      // (`i < out.length`, `m[1]` of a match) `!` states what the code already proved, at no cost
      // on the hot paths (canonical.ts, the signer); a fallback value there would hide a bug.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `send<I, O>`, `fixtureJson<T>`: the generic carries the type the generated code knows from
      // the spec to the untyped wire or file. It is the public signature of the client.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
      // `_`-prefixed names and rest siblings are how the code drops a field (`{ $ref: _r, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The validators' walk signals a value it cannot check with a plain object, not an Error:
      // it is caught a few frames up, and a stack trace per value would slow the hot path.
      '@typescript-eslint/only-throw-error': [
        'error',
        { allow: [{ from: 'file', name: 'Unwalkable', path: 'packages/validators/src/check.ts' }] },
      ],
      // `a || b` on strings treats an empty string as absent, which is what these checks mean.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
    },
  },
  {
    // The extractor is plain JS typed through JSDoc (npm run typecheck:spec checks it). What it
    // reads (the document's text, YAML, JSON) is `any` at the parse call and checked by the
    // extractor's own shape checks and its golden --check, not by annotations at every access.
    files: ['spec/tools/**/*.mjs'],
    rules: {
      // noUncheckedIndexedAccess is off there (spec/tools/tsconfig.json says why), so an indexed
      // read is typed as present: the `?? ''` after an optional regex group or a missing table
      // cell is needed at run time although the types call it unnecessary.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // JavaScript outside a tsconfig (scripts, vitest configs' neighbours, the docs site's browser
    // script): no type information, so the rules that need it are off; the rest apply.
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['spec/tools/**'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['generator/assets/docs-site/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/test/**', 'test/**'],
    rules: {
      // Tests read the spec document and fixtures as untyped JSON and assert on what they find:
      // a wrong shape fails the assertion itself, and typing every fixture would restate the spec.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Stubs stand in for async interfaces (`sleep: async () => {}`, a transport that answers at once).
      '@typescript-eslint/no-empty-function': 'off',
      '@typescript-eslint/require-await': 'off',
      // Hooks guard what a failed beforeAll left unset (`server?.close()`), and the fault tests
      // probe values whose declared type the hostile input breaks (`e?.message` of a thrown null).
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  prettier,
);
