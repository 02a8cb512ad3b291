// What a user's bundler makes of the published entry: an app that calls one Action carries that
// Action's metadata only (the built dist is bundled, as a user's bundler would see it).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function bundle(source: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir: new URL('.', import.meta.url).pathname, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    minify: true,
    splitting: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  return result.outputFiles.find((f) => f.path.endsWith('stdin.js'))!.text;
}

describe('tree shaking from @alidomain/client', () => {
  it('keeps only the Actions a program calls', async () => {
    const code = await bundle(
      "import { checkDomain, DomainClientCore } from '@alidomain/client'; await checkDomain(new DomainClientCore(), { DomainName: 'a.com' });",
    );
    expect(code).toContain('CheckDomain');
    for (const other of ['SaveRegistrantProfile', 'QueryDomainList', 'SaveBatchTaskForCreatingOrderActivate'])
      expect(code).not.toContain(other);
  });

  it('keeps every Action for DomainClient, which has a method per Action', async () => {
    const code = await bundle(
      "import { DomainClient } from '@alidomain/client'; await new DomainClient().checkDomain({ DomainName: 'a.com' });",
    );
    expect(code).toContain('SaveRegistrantProfile');
  });
});
