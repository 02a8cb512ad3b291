// Which Actions submit a task: unsafe, and answering with a TaskNo.
import { describe, expect, it } from 'vitest';
import { fixture } from '../fixture.js';

const { action } = fixture('two-actions');

describe('submitsTask', () => {
  it('marks an unsafe Action that answers with a TaskNo', () => {
    expect(action('SubmitThing').submitsTask).toBe(true);
  });

  it('leaves a read-only Action unmarked', () => {
    expect(action('ListThings').submitsTask).toBe(false);
  });
});
