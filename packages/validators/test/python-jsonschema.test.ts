// The .json schemas in Python's jsonschema (Draft202012Validator), which knows none of the custom
// formats and runs the patterns with Python's `re`: the same verdicts as @cfworker/json-schema
// (ECMA-262), so the patterns mean the same in both dialects. Skipped, with a notice, where no
// python3 with jsonschema is installed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, pkgDir } from './helpers.js';
import { patternOf, plainVerdict, type RequestCase } from './lib/plain-json-schema.js';

const script = join(pkgDir, 'test/python/verdicts.py');
const python = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });
const available = python.status === 0;
if (!available)
  console.info(
    'python-jsonschema.test.ts skipped: no python3 with jsonschema here (pip install jsonschema) to check the .json schemas in Python.',
  );

function ask<T>(job: object): T {
  const run = spawnSync('python3', [script], { input: JSON.stringify(job), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`verdicts.py failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

const { cases } = fixture<{ cases: RequestCase[] }>('json-schema-requests.json');

// Requests whose names are generated as in format-patterns.test.ts, fewer of them.
const pick = (chars: string) => fc.constantFrom(...Array.from(chars));
const char = fc.oneof(
  { weight: 8, arbitrary: pick('abcxnz019-') },
  { weight: 2, arbitrary: pick('ABXN') },
  { weight: 3, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) },
  { weight: 1, arbitrary: pick('\u{20000}々\uf900éü\u212a_ ,\u2603\u{1f600}\u3002\n') },
);
const label = fc.array(char, { minLength: 0, maxLength: 8 }).map((cs) => cs.join(''));
const names = fc.sample(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')),
  { numRuns: 600, seed: 15 },
);
const generated = names.flatMap((n, i) => [
  { action: 'CheckDomain', request: { DomainName: n } },
  { action: 'SaveSingleTaskForCreatingOrderActivate', request: { DomainName: 'example.com', Dns1: n } },
  { action: 'SaveSingleTaskForCreatingDnsHost', request: { InstanceId: 'S1', DnsName: n.split('.')[0] } },
  { action: 'SubmitOperationAuditInfo', request: { AuditType: 1, DomainName: `${n},${names[(i + 1) % names.length]}` } },
]);

describe.skipIf(!available)('Python jsonschema on the .json schemas', () => {
  let fixtureVerdicts: boolean[];
  let generatedVerdicts: boolean[];
  beforeAll(() => {
    const dir = join(pkgDir, 'json');
    fixtureVerdicts = ask<boolean[]>({ mode: 'requests', dir, items: cases });
    generatedVerdicts = ask<boolean[]>({ mode: 'requests', dir, items: generated });
  });

  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s: the verdict of a validator without the formats', (_name, c, i) => {
    expect(fixtureVerdicts[i]).toBe(c.onlyFormat ? true : c.valid);
  });

  it('agrees with @cfworker/json-schema on generated domain names, host names, host labels and lists', () => {
    const differ = generated.filter((g, i) => plainVerdict(g.action, g.request) !== generatedVerdicts[i]);
    expect(differ).toEqual([]);
    expect(generatedVerdicts.filter(Boolean).length).toBeGreaterThan(50);
    expect(generatedVerdicts.filter((v) => !v).length).toBeGreaterThan(50);
  });

  it('runs each pattern like ECMA-262 on every code point', () => {
    const patterns = {
      domainName: { pattern: patternOf('CheckDomain', 'DomainName'), template: 'a{}b.com' },
      hostName: { pattern: patternOf('SaveSingleTaskForCreatingOrderActivate', 'Dns1'), template: 'a{}b.com' },
      hostLabel: { pattern: patternOf('SaveSingleTaskForCreatingDnsHost', 'DnsName'), template: 'a{}b' },
      int64: { pattern: patternOf('DeleteRegistrantProfile', 'RegistrantProfileId'), template: '1{}' },
    };
    const inPython = ask<Record<string, string>>({ mode: 'codepoints', patterns });
    for (const [name, { pattern, template }] of Object.entries(patterns)) {
      const re = new RegExp(pattern, 'u');
      const differ: string[] = [];
      const bits = inPython[name]!;
      expect(bits.includes('1') && bits.includes('0'), name).toBe(true);
      for (let cp = 0; cp <= 0x10ffff && differ.length < 20; cp++) {
        const js = re.test(template.replace('{}', String.fromCodePoint(cp)));
        if (js !== (bits[cp] === '1')) differ.push(`U+${cp.toString(16)}: ECMA-262 ${js}`);
      }
      expect(differ, name).toEqual([]);
    }
  });
});
