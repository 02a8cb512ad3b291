// One rule every emitter that prints a field's docs follows: when the document's own text
// already lists each allowed value with its meaning (`create：新购。`), that text is the
// documentation and the structured list is not printed again.
import type { Docs } from './model.js';

/** Whether the description already lists every allowed value with its meaning (`FAILED：…`). */
export function valuesInText(d: Docs): boolean {
  const text = d.description ?? '';
  return !!d.values?.length && d.values.every((v) => text.includes(`${v.value}：`) || text.includes(`${v.value}:`));
}
