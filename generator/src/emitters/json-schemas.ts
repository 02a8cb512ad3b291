// Emits packages/validators/json: every Action's request and response JSON Schema (2020-12) as a
// plain .json file (`<Action>.request.json`, `<Action>.response.json`), for tools outside
// JavaScript (Python's jsonschema, ajv-cli, editors) that cannot import the TypeScript modules.
// They are the model's schemas (model/schemas.ts) as they are, the same objects the validators
// emitter writes into schemas/<Action>.ts, so the two cannot say different things: `$schema`
// names the dialect, `$id` the Action (urn:alidomain:<product>:<version>:<Action>:<side>), and
// each custom format carries its `pattern` (model/patterns.ts).
//
// Written as JSON.stringify writes them (two spaces, one key a line, a final newline): not
// prettier's layout, which packs short arrays onto one line; the directory is in .prettierignore.
import type { Model } from '../model.js';

export function emitJsonSchemas(model: Model): Record<string, string> {
  const files: Record<string, string> = {};
  for (const a of model.actions) {
    for (const side of ['request', 'response'] as const) {
      const schema = a.schemas[side];
      if (typeof schema.$id !== 'string') throw new Error(`json-schemas: the ${side} schema of ${a.name} has no $id`);
      files[`${a.name}.${side}.json`] = `${JSON.stringify(schema, null, 2)}\n`;
    }
  }
  return files;
}
