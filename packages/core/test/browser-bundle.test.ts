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

  it('keeps the XML parser out of the startup code: it is a chunk loaded only when XML arrives', async () => {
    const result = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      splitting: true,
      outdir: 'out',
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const entry = result.outputFiles.find((f) => f.path.endsWith('/index.js'))!;
    expect(entry.text).not.toMatch(/class XMLParser|XMLParser = /);
    expect(result.outputFiles.some((f) => f !== entry && f.text.includes('XMLParser'))).toBe(true);
  });
});
