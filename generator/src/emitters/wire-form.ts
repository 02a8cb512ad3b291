// How a parameter's example value travels, as core serializes and encodes it.
import { formEncode, serializeInput } from '../core.js';
import type { ActionMeta, Param } from '../model.js';
import { paramMeta } from './meta.js';

/** Object lists show their first few wire parameters, then `&…`. */
const SHOWN = 3;

/** The form-encoded wire parameters of one parameter's value (`DomainName.1=a.com&DomainName.2=b.com`). */
export function wireForm(p: Param, value: unknown): string {
  // Serialising needs no version: one is given only because ActionMeta has one.
  const meta: ActionMeta = { action: 'Example', method: 'GET', version: '', retry: 'safe', params: [paramMeta(p)], response: 'any' };
  const { query, body } = serializeInput(meta, { [p.name]: value });
  const pairs = [...query, ...body];
  return pairs.length > SHOWN && p.style === 'objectList' ? `${formEncode(pairs.slice(0, SHOWN))}&…` : formEncode(pairs);
}
