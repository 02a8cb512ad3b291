import { defineConfig } from 'vitest/config';

// Whole-spec generation takes seconds on a loaded 2-core machine; the scratch-package tests
// (generate, then tsc a client and its validators) take a minute there, in their beforeAll.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 300_000 } });
