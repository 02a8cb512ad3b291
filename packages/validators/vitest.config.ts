import { defineConfig } from 'vitest/config';

// The pack test runs npm pack/install and the example suite loads the whole spec: allow time on a loaded machine.
export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
