// One run per journal at a time: two runs over the same journal would both send the lines
// neither had recorded. The lock file holds the owner's pid; a lock left by a killed run (its
// process gone) is taken over.
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { UsageError } from '../exit-codes.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** Takes the lock of `journal`; the returned function releases it. */
export function lockJournal(journal: string): () => void {
  const path = `${journal}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && alive(owner))
        throw new UsageError(`--journal ${journal}: another batch run (pid ${owner}) is using it; wait for it to finish`);
      rmSync(path, { force: true });
    }
  }
  throw new UsageError(`--journal ${journal}: cannot take its lock file ${path}`);
}
