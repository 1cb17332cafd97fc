import { type Dirent, existsSync, readdirSync, rmSync } from 'node:fs';
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
 * A staging folder holding this file has work a later command resumes (a
 * killed sweep's finished configurations, `sweep --resume`): it is not
 * removed as stale.
 */
export const RESUMABLE_ROWS_FILE = 'finished.jsonl';

/** The staging folders in `folder` whose process is gone (an unreadable folder has none). */
export function deadStagingFolders(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const match = STAGING_NAME.exec(entry.name);
    const pid = Number(match?.[1] ?? match?.[2]);
    if (!match || !Number.isSafeInteger(pid) || pid === process.pid || isAlive(pid)) return [];
    return [join(folder, entry.name)];
  });
}

/**
 * Removes the staging folders in `folder` whose process is gone (killed with
 * SIGKILL, or the machine went down mid-write) and returns their paths, so
 * the caller can say what it cleaned. One with a `RESUMABLE_ROWS_FILE` is
 * kept for the resume that will read it. A folder whose process still runs is
 * another run's work in progress and is left alone. `folder` need not exist
 * (nothing to clean then); a folder that cannot be read or cleaned is skipped.
 */
export function removeStaleStaging(existingAncestor: string, folder: string): string[] {
  if (existingAncestor !== folder) return [];
  const removed: string[] = [];
  for (const path of deadStagingFolders(folder)) {
    if (existsSync(join(path, RESUMABLE_ROWS_FILE))) continue;
    try {
      rmSync(path, { recursive: true, force: true });
      removed.push(path);
    } catch {
      // Not ours to clean (permissions): leave it.
    }
  }
  return removed;
}
