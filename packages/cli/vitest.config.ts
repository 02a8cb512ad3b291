import { defineConfig } from 'vitest/config';

// Tests spawn the built command against emulators and wait for simulated tasks: allow time on a
// loaded machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
