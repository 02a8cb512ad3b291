// The input of a call: a JSON object from --input (a file, or - for stdin), then the parameter
// flags on top of it.
// node:fs, not node:fs/promises: the promises module loads readline with it, a tenth of the
// command's start-up, for one read of a small file.
import { readFileSync } from 'node:fs';
import { UsageError } from './exit-codes.js';

export async function readText(source: string, what: string): Promise<string> {
  try {
    if (source !== '-') return readFileSync(source, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UsageError(
      `${what} ${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`,
    );
  }
}

/** A JSON object read from `source`, or a UsageError naming the flag and what was wrong. */
export async function readInputObject(source: string, what: string): Promise<Record<string, unknown>> {
  const text = await readText(source, what);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (err) {
    throw new UsageError(`${what} ${source}: expected a JSON object, but the text is not JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UsageError(
      `${what} ${source}: expected a JSON object of parameters, received ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`,
    );
  return value as Record<string, unknown>;
}
