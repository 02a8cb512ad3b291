#!/usr/bin/env node
// npm run bench: every figure in one run, each against its peers measured in the same run.
// Not a test: nothing here passes or fails; targets are read from the printed ratios.
import { benchSigning, printSigning } from './signing.mjs';
import { benchThroughput, printThroughput } from './throughput.mjs';
import { benchEmulator, printEmulator } from './emulator.mjs';
import { benchSize, benchImport, printSize } from './size.mjs';
import { benchFirstCall, printFirstCall } from './first-call.mjs';
import { benchGenerate, printGenerate } from './generate.mjs';
import { benchCli, printCli } from './cli.mjs';

console.log(`alidomain benchmarks — node ${process.version}, ${new Date().toISOString()}`);
printSigning(benchSigning());
printSize(await benchSize(), benchImport());
printFirstCall(await benchFirstCall());
printThroughput(await benchThroughput());
printEmulator(await benchEmulator());
printGenerate(benchGenerate());
printCli(benchCli());
try {
  const validators = await import('./validators.mjs');
  const figures = await validators.benchValidators();
  if (validators.printValidators) validators.printValidators(figures);
  else console.log('\nValidators', figures);
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
}
