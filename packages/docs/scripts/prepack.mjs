// prepack: refuses to pack without the generated Markdown and site. They are committed and CI
// checks they are current (`npm run generate -- --check`), so a missing entry page means a broken
// checkout or an interrupted generator run, not a build to start here.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const here = join(import.meta.dirname, '..');
const missing = ['markdown/README.md', 'site/index.html'].find((file) => !existsSync(join(here, file)));
if (missing) {
  console.error(`@alidomain/docs: ${missing} is missing; run \`npm run generate\` at the repository root, then pack again.`);
  process.exit(1);
}
