import { defineConfig } from 'vitest/config';

// Whole-spec generation takes seconds on a loaded 2-core machine.
export default defineConfig({ test: { testTimeout: 120_000 } });
