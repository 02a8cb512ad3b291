import { defineConfig } from 'vitest/config';

// End-to-end tests start local servers and child processes; the machine is small and shared.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
