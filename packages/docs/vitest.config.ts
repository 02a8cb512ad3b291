import { defineConfig } from 'vitest/config';

// Building the site from the whole spec and driving Chromium take a while on a loaded machine.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
