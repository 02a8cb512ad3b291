// Spectral, with the ruleset its users get when they name none but OpenAPI's (`extends:
// spectral:oas`, the recommended rules), finds nothing to say about the spec as the package ships
// it: errors, warnings, infos and hints all count, since a user sees every one of them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json, Yaml } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const severities = ['error', 'warning', 'info', 'hint'];

async function lint(file: string): Promise<string[]> {
  const spectral = new Spectral();
  // The ruleset object is a RulesetDefinition, but its declared type is not assignable to one.
  spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
  const text = readFileSync(file, 'utf8');
  const document = file.endsWith('.json') ? new Document(text, Json, file) : new Document(text, Yaml, file);
  const results = await spectral.run(document);
  return results.map((r) => `${r.code} (${severities[r.severity] ?? r.severity}) at ${r.path.join('.')}: ${r.message}`);
}

describe('the spec package under Spectral (spectral:oas, recommended)', () => {
  // Each file on its own: a user lints whichever they downloaded.
  it.each(['openapi.yaml', 'openapi.json'])(
    'finds no problem in %s',
    async (name) => {
      expect(await lint(require.resolve(`@alidomain/spec/${name}`))).toEqual([]);
    },
    120_000,
  );
});
