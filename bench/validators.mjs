// Bench hook for @alidomain/validators (needs the package built: `npm run build -w @alidomain/validators`).
//   node bench/validators.mjs            prints the figures
//   import { benchValidators } from './validators.mjs'; await benchValidators()   returns them
// Measures: ns per validation of a realistic SaveBatchTaskForCreatingOrderActivate request (3 items)
// with the precompiled validator vs ajv compiling the same schema at run time (and that compile's
// cost), the cold-start cost of importing the package, and the bundle size of one Action's validator.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'packages/validators');
const entry = join(pkgDir, 'dist/index.js');
const require = createRequire(import.meta.url);

/** The package by name when the workspace link exists (after `npm install`), else by path. */
function packageSpecifier() {
  try {
    require.resolve('@alidomain/validators/package.json', { paths: [root] });
    return '@alidomain/validators';
  } catch {
    return pathToFileURL(entry).href;
  }
}

const item = (n) => ({
  DomainName: `example-${n}.com`,
  RegistrantProfileId: 12345678n + BigInt(n),
  SubscriptionDuration: 1,
  AliyunDns: true,
  EnableDomainProxy: true,
  PermitPremiumActivation: false,
  TrademarkDomainActivation: false,
});
export const sampleRequest = {
  OrderActivateParam: [
    item(1),
    { ...item(2), DomainName: '中文域名.中国' },
    { ...item(3), AliyunDns: false, Dns1: 'ns1.example.net', Dns2: 'ns2.example.net' },
  ],
  Lang: 'en',
  UseCoupon: false,
  UsePromotion: false,
};

function nsPerOp(fn, minMs = 300) {
  for (let i = 0; i < 2000; i++) fn(); // warm-up
  let n = 0;
  let iterations = 1000;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < BigInt(minMs) * 1_000_000n) {
    for (let i = 0; i < iterations; i++) fn();
    n += iterations;
    elapsed = process.hrtime.bigint() - start;
  }
  return Number(elapsed) / n;
}

function spawnMs(args, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'pipe' });
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]; // median
}

async function bundleSize() {
  const { build } = await import('esbuild');
  const out = await build({
    stdin: {
      contents: `import { validateCheckDomainRequest } from '${join(pkgDir, 'dist/generated/actions/CheckDomain.js').replace(/\\/g, '/')}'; console.log(validateCheckDomainRequest({}));`,
      resolveDir: pkgDir,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].contents;
  return { minifiedBytes: code.length, minifiedGzipBytes: gzipSync(code).length };
}

export async function benchValidators({ coldRuns = 15 } = {}) {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build @alidomain/validators first`);
  const mod = await import(pathToFileURL(entry).href);
  const precompiled = mod.validateSaveBatchTaskForCreatingOrderActivateRequest;
  if (precompiled(sampleRequest).length) throw new Error(`sample request is invalid: ${precompiled(sampleRequest).join('; ')}`);

  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = mod.schemas.SaveBatchTaskForCreatingOrderActivate.request;
  const compileOnce = () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, messages: false });
    for (const [name, f] of Object.entries(mod.formats)) ajv.addFormat(name, f);
    return ajv.compile(schema);
  };
  const t0 = process.hrtime.bigint();
  const runtime = compileOnce();
  const firstCompileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const compileRuns = 20;
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < compileRuns; i++) compileOnce();
  const compileMs = Number(process.hrtime.bigint() - t1) / 1e6 / compileRuns;
  // ajv's JSON model cannot hold bigint: give it the converted input, as the wrapper does.
  const jsonInput = JSON.parse(JSON.stringify(sampleRequest, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
  if (!runtime(jsonInput)) throw new Error('runtime-compiled validator rejects the sample');

  // Interleaved rounds, median of each: a shared machine's noise hits all three alike.
  const rounds = { precompiled: [], precompiledWithoutBigint: [], runtime: [] };
  for (let r = 0; r < 7; r++) {
    rounds.precompiled.push(nsPerOp(() => precompiled(sampleRequest), 150));
    rounds.precompiledWithoutBigint.push(nsPerOp(() => precompiled(jsonInput), 150));
    rounds.runtime.push(nsPerOp(() => runtime(jsonInput), 150));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const precompiledNs = median(rounds.precompiled);
  const precompiledNoBigintNs = median(rounds.precompiledWithoutBigint);
  const runtimeNs = median(rounds.runtime);

  const specifier = packageSpecifier();
  const importMs = spawnMs(['--input-type=module', '-e', `await import(${JSON.stringify(specifier)})`], coldRuns);
  const oneActionMs = spawnMs(
    [
      '--input-type=module',
      '-e',
      `await import(${JSON.stringify(pathToFileURL(join(pkgDir, 'dist/generated/actions/CheckDomain.js')).href)})`,
    ],
    coldRuns,
  );
  const emptyMs = spawnMs(['-e', ''], coldRuns);

  return {
    request: 'SaveBatchTaskForCreatingOrderActivate, 3 items',
    validateNs: {
      precompiled: Math.round(precompiledNs),
      precompiledWithoutBigint: Math.round(precompiledNoBigintNs),
      runtimeCompiledAjv: Math.round(runtimeNs),
    },
    runtimeCompileMs: { first: +firstCompileMs.toFixed(2), average: +compileMs.toFixed(2) },
    coldStartMs: {
      nodeEmpty: +emptyMs.toFixed(1),
      importPackage: +importMs.toFixed(1),
      importPackageCost: +(importMs - emptyMs).toFixed(1),
      importOneAction: +oneActionMs.toFixed(1),
      importOneActionCost: +(oneActionMs - emptyMs).toFixed(1),
      runs: coldRuns,
      specifier: specifier.startsWith('file:') ? 'dist/index.js (by path)' : specifier,
    },
    bundleCheckDomain: await bundleSize(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await benchValidators();
  console.log(`@alidomain/validators — ${r.request}`);
  console.log(
    `  validate: precompiled ${r.validateNs.precompiled} ns/op (${r.validateNs.precompiledWithoutBigint} ns without bigint conversion), ajv compiled at run time ${r.validateNs.runtimeCompiledAjv} ns/op`,
  );
  console.log(`  ajv compile of the same schema: ${r.runtimeCompileMs.first} ms first, ${r.runtimeCompileMs.average} ms average`);
  console.log(
    `  cold start (median of ${r.coldStartMs.runs}): node -e "" ${r.coldStartMs.nodeEmpty} ms; import package ${r.coldStartMs.importPackage} ms (+${r.coldStartMs.importPackageCost}); import one Action ${r.coldStartMs.importOneAction} ms (+${r.coldStartMs.importOneActionCost})`,
  );
  console.log(
    `  bundle of validateCheckDomainRequest: ${r.bundleCheckDomain.minifiedBytes} B minified, ${r.bundleCheckDomain.minifiedGzipBytes} B min+gzip`,
  );
  console.log(JSON.stringify(r));
}
