// The CLI's generated index and command modules: one command per Action, loaded lazily, with the
// help facts of each parameter and nothing of the wire (the client's ActionMeta is imported).
import { describe, expect, it } from 'vitest';
import { emitCli } from '../../src/emitters/cli.js';
import { fixture } from '../fixture.js';

const { model } = fixture('two-actions');
const files = emitCli(model);

describe('emitCli', () => {
  it('writes the index and one command module per Action', () => {
    expect(Object.keys(files).sort()).toEqual(['actions.ts', 'commands/ListThings.ts', 'commands/SubmitThing.ts']);
  });

  it('indexes each Action with a lazy import of its command', () => {
    expect(files['actions.ts']).toContain("load: () => import('./commands/SubmitThing.js')");
  });

  it("imports the client's metadata and the Action's validator", () => {
    const command = files['commands/SubmitThing.ts']!;
    expect(command).toContain("import { submitThingMeta } from '@alidomain/client/actions/SubmitThing';");
    expect(command).toContain("import { validateSubmitThingRequest } from '@alidomain/validators/actions/SubmitThing';");
    expect(command).toContain('validator: validateSubmitThingRequest,');
  });

  it('marks a task-submitting Action and a paged one', () => {
    expect(files['commands/SubmitThing.ts']).toContain('"submitsTask": true');
    expect(files['commands/ListThings.ts']).toMatch(/"paging": \{\n\s+"kind": "page"/);
  });

  it('says no wire style or type of a parameter (the ActionMeta does)', () => {
    expect(files['commands/SubmitThing.ts']).not.toMatch(/"style"|"in":|"type":/);
  });
});
