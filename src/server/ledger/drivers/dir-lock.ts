/**
 * One process per embedded data directory: PGlite has no server to arbitrate, so two processes
 * writing one directory would corrupt it. A lock file holds the owner's pid; a lock left by a
 * process that died (killed, crashed) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'ogone-ledger.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the directory's lock; throws when a live process holds it. Returns the release. */
export function lockDirectory(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        if (ownerOf(path) === process.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = ownerOf(path);
      if (owner !== undefined && alive(owner)) {
        throw new Error(
          `the ledger directory is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''}; an embedded ledger serves one process (use a PostgreSQL server for several)`,
        );
      }
      try {
        unlinkSync(path); // left by a process that is gone
      } catch {
        // Another process took it over first; try again.
      }
    }
  }
  throw new Error('could not take the ledger directory lock');
}
