import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The registry test on its own (npm run test:registry): it clones the repository, installs it,
// builds and publishes twice, which takes minutes on a small shared machine, so its hooks get
// long timeouts, and `npm test` runs it after the other suites rather than beside them. The root
// stays the test workspace, like the other suites' (and vitest's cache with it).
export default defineConfig({
  test: { root: join(import.meta.dirname, '..'), include: ['registry/*.test.ts'], testTimeout: 300_000, hookTimeout: 1_500_000 },
});
