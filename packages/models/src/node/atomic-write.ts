import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file to write: where it goes and what it holds. */
export interface FileContent {
  readonly path: string;
  readonly data: string | Uint8Array;
}

/** A hidden temporary name next to `path`, unique per process and call. */
function temporaryPath(path: string): string {
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

async function writeAndSync(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes every file to a temporary file in its own directory, flushes them to disk, then
 * renames each into place in the order given. A reader sees either the old or the new
 * version of each file, never a half-written one, and a failure before the renames leaves
 * the existing files untouched and no temporary file behind.
 */
export async function writeFilesAtomically(files: readonly FileContent[]): Promise<void> {
  const pending = files.map((file) => ({ ...file, temporary: temporaryPath(file.path) }));
  try {
    for (const file of pending) await writeAndSync(file.temporary, file.data);
    for (const file of pending) await rename(file.temporary, file.path);
  } catch (error) {
    await Promise.all(pending.map((file) => rm(file.temporary, { force: true })));
    throw error;
  }
}
