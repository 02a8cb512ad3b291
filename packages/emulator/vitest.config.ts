import { defineConfig } from 'vitest/config';

// Tests start emulators and wait for simulated tasks: allow time on a loaded machine.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
