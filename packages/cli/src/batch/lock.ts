// One run per journal at a time: two runs over the same journal would both send the lines
// neither had recorded. The lock file beside the journal holds its owner's pid and a random
// token. It appears whole or not at all (written aside, then hard-linked into place), a lock left
// by a killed run (its process gone) is taken over by renaming it away first (only one run can
// rename a given file), and a run removes the lock only while it still holds its own token.
import { existsSync, linkSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../exit-codes.js';

// node:crypto at first use: this module is in the command's start-up bundle.
const token = (bytes: number) => process.getBuiltinModule('node:crypto').randomBytes(bytes).toString('hex');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

const ownerOf = (content: string) => Number.parseInt(content, 10);

/** The lock's path: beside the journal, named after its real path, so two spellings share one lock. */
function lockPath(journal: string): string {
  const dir = existsSync(dirname(journal)) ? realpathSync(dirname(journal)) : dirname(journal);
  return join(dir, `${basename(journal)}.lock`);
}

/** Takes the lock of `journal`; the returned function releases it. */
export function lockJournal(journal: string): () => void {
  const path = lockPath(journal);
  const mine = `${process.pid} ${token(8)}\n`;
  const aside = `${path}.${token(6)}`;
  writeFileSync(aside, mine);
  try {
    for (let tries = 0; tries < 3; tries++) {
      try {
        linkSync(aside, path);
        return () => {
          if (read(path) === mine) rmSync(path, { force: true });
        };
      } catch (err) {
        if ((err as { code?: string }).code !== 'EEXIST') throw err;
      }
      const held = read(path);
      if (held === undefined) continue; // released meanwhile
      const owner = ownerOf(held);
      if (alive(owner) && owner !== process.pid)
        throw new UsageError(`--journal ${journal}: another batch run (pid ${owner}) is using it; wait for it to finish`);
      // Stale: move it away. If what was moved is not what was judged stale, another run took the
      // lock in between: it goes back, and that run wins.
      const moved = `${path}.stale-${token(6)}`;
      try {
        renameSync(path, moved);
      } catch {
        continue;
      }
      const was = read(moved);
      if (was !== held) {
        try {
          linkSync(moved, path);
        } catch {
          // a third run holds it now
        }
        rmSync(moved, { force: true });
        throw new UsageError(`--journal ${journal}: another batch run is using it; wait for it to finish`);
      }
      rmSync(moved, { force: true });
    }
    throw new UsageError(`--journal ${journal}: cannot take its lock file ${path}`);
  } finally {
    rmSync(aside, { force: true });
  }
}
