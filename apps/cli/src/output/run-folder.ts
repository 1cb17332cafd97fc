import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../config/usage-error.js';

/** One file of a run folder. */
export interface RunFile {
  /** Path inside the run folder (`history.json`). */
  readonly name: string;
  readonly content: string | Uint8Array;
}

/**
 * A run folder written atomically: everything goes into a hidden sibling
 * folder first, which is renamed into place at the end. Readers never see a
 * half-written run; when writing fails, the hidden folder is removed.
 */
export class RunFolder {
  /** Where the run will be once committed. */
  readonly path: string;
  private readonly staging: string;

  private constructor(path: string) {
    this.path = path;
    this.staging = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  }

  /**
   * Checks, before any training and without touching the disk, that `path`
   * can be created: it does not exist yet (or is an empty folder), and its
   * nearest existing ancestor is a writable folder. `flag` names the option
   * for the error message.
   */
  static prepare(path: string, flag = '--out'): RunFolder {
    const absolute = resolve(path);
    if (existsSync(absolute)) {
      const isEmptyFolder = statSync(absolute).isDirectory() && readdirSync(absolute).length === 0;
      if (!isEmptyFolder) {
        throw new UsageError(`${flag} ${path} already exists; choose a new folder`);
      }
    }
    let ancestor = dirname(absolute);
    while (!existsSync(ancestor) && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
    if (!statSync(ancestor).isDirectory()) {
      throw new UsageError(`${flag} ${path} cannot be written: ${ancestor} is a file`);
    }
    try {
      accessSync(ancestor, constants.W_OK);
    } catch {
      throw new UsageError(`${flag} ${path} cannot be written: permission denied`);
    }
    return new RunFolder(absolute);
  }

  /** The staging folder, for writers that need a directory (the model). */
  stagingPath(name: string): string {
    const target = join(this.staging, name);
    mkdirSync(dirname(target), { recursive: true });
    return target;
  }

  /** Writes files into the staging folder. */
  write(files: readonly RunFile[]): void {
    for (const file of files) writeFileSync(this.stagingPath(file.name), file.content);
  }

  /** Moves the finished folder into place. */
  commit(): void {
    if (existsSync(this.path)) rmSync(this.path, { recursive: true }); // the empty folder checked in prepare
    renameSync(this.staging, this.path);
  }

  /** Removes the staging folder (after a failure). */
  discard(): void {
    rmSync(this.staging, { recursive: true, force: true });
  }
}
