// Reading the layer files (spec/additions/*.yaml, spec/patches/*.yaml) strictly: every mistake is
// one line naming the file and the key, `<file>: <key path>: <what is wrong>; allowed: <list>`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A mistake in a layer file; its message is the whole report (no stack needed). */
export class LayerError extends Error {
  /**
   * @param {string} file
   * @param {string} path the key path, dotted (`actions.SetupDomainAutoRenew.parameters.InstanceId`)
   * @param {string} what
   * @param {string} allowed
   */
  constructor(file, path, what, allowed) {
    super(`${file}: ${path || '(top level)'}: ${what}; allowed: ${allowed}`);
    this.name = 'LayerError';
  }
}

/**
 * The file as reports name it: relative to the repository when inside it.
 * @param {string} file
 */
export function displayName(file) {
  const rel = relative(repository, resolve(file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/**
 * The `.yaml` files of a layer directory, sorted; none when the directory does not exist.
 * @param {string | undefined} dir
 * @returns {string[]}
 */
export function layerFiles(dir) {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * One layer file, parsed. Duplicate keys are reported with their key path (the yaml library's own
 * message names neither), and an empty file is an empty map.
 * @param {string} file
 * @returns {import('../types.js').LayerFile}
 */
export function loadLayerFile(file) {
  const name = displayName(file);
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: false, lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const line = lineCounter.linePos(e.pos[0]).line;
    throw new LayerError(name, `line ${line}`, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), 'YAML maps and lists');
  }
  findDuplicates(doc.contents, [], name, lineCounter);
  const data = doc.toJS() ?? {};
  if (!isMap(data)) throw new LayerError(name, '', 'the file is not a map', 'a map of keys');
  return { file: name, data };
}

/**
 * @param {unknown} node
 * @param {string[]} path
 * @param {string} file
 * @param {InstanceType<typeof YAML.LineCounter>} lineCounter
 */
function findDuplicates(node, path, file, lineCounter) {
  if (YAML.isMap(node)) {
    /** @type {Map<string, number>} */
    const seen = new Map();
    for (const pair of node.items) {
      const key = YAML.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const at = YAML.isNode(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 0;
      const first = seen.get(key);
      if (first !== undefined)
        throw new LayerError(file, [...path, key].join('.'), `duplicate key (lines ${first} and ${at})`, 'each key once per map');
      seen.set(key, at);
      findDuplicates(pair.value, [...path, key], file, lineCounter);
    }
  } else if (YAML.isSeq(node)) {
    node.items.forEach((item, i) => findDuplicates(item, [...path, String(i)], file, lineCounter));
  }
}

/**
 * @param {unknown} v
 * @returns {v is Record<string, any>}
 */
export function isMap(v) {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Fails on the first key of `entry` that is not allowed, and on a missing required key.
 * @param {Record<string, unknown>} entry
 * @param {{ file: string, path: string, allowed: readonly string[], required?: readonly string[] }} where
 */
export function checkKeys(entry, { file, path, allowed, required = [] }) {
  const list = allowed.join(', ');
  /** @param {string} key */
  const at = (key) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(entry)) if (!allowed.includes(key)) throw new LayerError(file, at(key), `unknown key ${key}`, list);
  for (const key of required)
    if (entry[key] === undefined || entry[key] === null || entry[key] === '')
      throw new LayerError(file, at(key), `${key} is missing`, requiredHint(key));
}

/** @param {string} key */
function requiredHint(key) {
  if (key === 'reason') return 'a sentence saying why (every addition and patch needs one)';
  if (key === 'reference') return 'where the fact comes from (a URL, a document and section, a ticket)';
  return `a value for ${key}`;
}

/**
 * The entry at `path`, which must be a map.
 * @param {unknown} value
 * @param {string} file
 * @param {string} path
 * @param {string} allowed
 * @returns {Record<string, any>}
 */
export function mapAt(value, file, path, allowed) {
  if (!isMap(value)) throw new LayerError(file, path, 'not a map', allowed);
  return value;
}
