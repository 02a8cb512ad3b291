// Formats generated files with prettier, in-process, using the repository's .prettierrc.json,
// so the committed output reads like hand-written code and stays byte-for-byte deterministic
// (prettier is pinned by package-lock.json; options come from .prettierrc.json and .editorconfig,
// read as the prettier CLI reads them, so `prettier --check` agrees with the generator).
import { join } from 'node:path';
import { format, resolveConfig, type Options } from 'prettier';

/**
 * Only TypeScript is formatted. Markdown and HTML are left as their emitters write them (one
 * table row, one block per line): prettier pads every Markdown table cell to its column's width
 * (+20 % bytes, a whole-table diff for a one-cell change) and indents the HTML (+47 % bytes
 * shipped, and inline whitespace in <code>/<pre> is meaning). The site's CSS and JS are
 * hand-written files, formatted where they live, and copied as they are.
 */
export async function formatFiles(root: string, files: Record<string, string>): Promise<Record<string, string>> {
  const config: Options =
    (await resolveConfig(join(root, 'generated.ts'), { config: join(root, '.prettierrc.json'), editorconfig: true })) ?? {};
  const entries = await Promise.all(
    Object.entries(files).map(
      // babel-ts, not prettier's default typescript parser for .ts: the same output for this code
      // (`prettier --check`, which uses the default, agrees in CI) in about half the time.
      async ([name, text]) =>
        [name, name.endsWith('.ts') ? await format(text, { ...config, filepath: name, parser: 'babel-ts' }) : text] as const,
    ),
  );
  return Object.fromEntries(entries);
}
