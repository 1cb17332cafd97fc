import { type Dirent, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Staging folders this version writes (`.epochlab-partial-<pid>-<random>`) and older ones (`.<name>.partial-<pid>`). */
const STAGING_NAME = /^(?:\.epochlab-partial-(\d+)-[0-9a-f]+|\..+\.partial-(\d+))$/;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders in `folder` whose process is gone (killed with
 * SIGKILL, or the machine went down mid-write) and returns their paths, so
 * the caller can say what it cleaned. A folder whose process still runs is
 * another run's work in progress and is left alone. `folder` need not exist
 * (nothing to clean then); a folder that cannot be read or cleaned is skipped.
 */
export function removeStaleStaging(existingAncestor: string, folder: string): string[] {
  if (existingAncestor !== folder) return [];
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const match = STAGING_NAME.exec(entry.name);
    const pid = Number(match?.[1] ?? match?.[2]);
    if (!match || !Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    const path = join(folder, entry.name);
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Not ours to clean (permissions): leave it.
    }
  }
  return removed;
}
