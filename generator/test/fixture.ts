// Loads a fixture spec (test/fixtures/*.yaml) and builds its model, as the CLI does for the real spec.
import { join } from 'node:path';
import { loadSpec } from '../src/load.js';
import { buildModel, type Action, type Param } from '../src/model.js';
import type { Document } from '../src/openapi.js';

export function fixture(name: string) {
  const { document } = loadSpec(join(import.meta.dirname, 'fixtures', `${name}.yaml`));
  const model = buildModel(document);
  const action = (n: string): Action => {
    const a = model.actions.find((x) => x.name === n);
    if (!a) throw new Error(`fixture ${name}: no Action ${n}`);
    return a;
  };
  const param = (a: string, p: string): Param => {
    const found = action(a).params.find((x) => x.name === p);
    if (!found) throw new Error(`fixture ${name}: no parameter ${p} in ${a}`);
    return found;
  };
  return { document, model, action, param };
}

/** A copy of a fixture document, changed by `edit`: for the cases that a spec is malformed. */
export function edited(name: string, edit: (doc: Document) => void): Document {
  const { document } = loadSpec(join(import.meta.dirname, 'fixtures', `${name}.yaml`));
  edit(document);
  return document;
}
