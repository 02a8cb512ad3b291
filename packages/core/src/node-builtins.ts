// Node's built-in modules, obtained at run time with process.getBuiltinModule (Node ≥ 20.16)
// rather than static imports, so that a browser bundle of this package never has to resolve a
// `node:` module. Undefined outside Node.
export function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return typeof proc?.getBuiltinModule === 'function' ? (proc.getBuiltinModule(id) as T | undefined) : undefined;
}
