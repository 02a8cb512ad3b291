import { readFileSync } from 'node:fs';

/** Reads a fixture file as text. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
}

export function fixtureJson<T>(path: string): T {
  return JSON.parse(fixtureText(path)) as T;
}
