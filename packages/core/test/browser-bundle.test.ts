import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('browser safety', () => {
  it('bundles for the browser without resolving any node: module', async () => {
    const result = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/from\s*["']node:/);
    expect(code).not.toMatch(/import\(\s*["']node:/);
    expect(code).not.toMatch(/require\(\s*["']node:/);
  });
});
