import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  type Stats,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { EpochlabError } from '@epochlab/tensor';
import { errnoCode, errnoText } from './errno-text.js';
import { checkOutPath, type OutCheck } from './out-path-check.js';
import { removeStaleStaging } from './stale-staging.js';

/**
 * One file of a run folder. Large files (histories) give `chunks`, written
 * piece by piece, so that no file has to fit in one string.
 */
export type RunFile =
  | {
      /** Path inside the run folder (`history.json`). */
      readonly name: string;
      readonly content: string | Uint8Array;
    }
  | {
      readonly name: string;
      /** The file's text, in order; consumed once. */
      readonly chunks: () => Iterable<string>;
    };

/** Prefix of staging folders: `.epochlab-partial-<pid>-<random>`, next to the run folder. */
const STAGING_PREFIX = '.epochlab-partial-';

/** Bytes gathered before one `write` call while streaming a file. */
const WRITE_BUFFER_BYTES = 1 << 20;

const runFolderWriteErrorMarker = 'epochlab.error.RunFolderWriteError';
const runFolderWriteErrorSymbol = Symbol.for(runFolderWriteErrorMarker);

/**
 * Writing the run folder failed on disk (full disk, quota, I/O error): the
 * staging folder is removed and nothing half-written is left. The message is
 * one line naming the path and the cause.
 */
export class RunFolderWriteError extends EpochlabError {
  readonly [runFolderWriteErrorSymbol] = true;

  constructor(
    message: string,
    /** The system error code, such as `ENOSPC`. */
    readonly code: string | undefined,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'RunFolderWriteError';
  }

  /** True for a `RunFolderWriteError` from any copy of this package. */
  static override isInstance(error: unknown): error is RunFolderWriteError {
    return EpochlabError.hasMarker(error, runFolderWriteErrorMarker);
  }
}

/** Options of {@link RunFolder.prepare}. */
export interface PrepareOptions {
  /** The option named in error messages; default `--out`. */
  readonly flag?: string;
  /**
   * The folder was chosen by epochlab (`runs/<experiment>-<time>`), not the
   * user: when another run takes the name first, a `-2`, `-3` suffix is added
   * silently. For a folder the user named, the run is still saved under such
   * a name, and `notice` says so.
   */
  readonly defaultName?: boolean;
  /** Receives one-line notices (stale staging folders removed, a folder renamed). */
  readonly notice?: (line: string) => void;
  /** Bytes the run will write at least (its history), checked against the free space. */
  readonly expectedBytes?: number;
}

/**
 * A run folder written atomically: everything goes into a hidden staging
 * folder next to it (`.epochlab-partial-<pid>-<random>`), which is renamed
 * into place at the end. A rename never replaces a non-empty folder, so a
 * finished run is never deleted, and readers never see a half-written run.
 * When writing fails, the staging folder is removed. Staging folders that a
 * killed process left behind are removed (and reported) by the next run
 * writing next to them.
 */
export class RunFolder {
  /** Where the run is (once committed): the requested folder, or `-2`, `-3` when it was taken. */
  get path(): string {
    return this.target;
  }

  private target: string;
  private readonly staging: string;
  private stagingCreated = false;

  private constructor(
    private readonly check: OutCheck,
    private readonly options: PrepareOptions,
  ) {
    this.target = check.path;
    const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.staging = join(dirname(check.path), `${STAGING_PREFIX}${suffix}`);
  }

  /**
   * Checks, before any training, that `path` can become the run folder: it
   * does not exist yet (or is an empty folder that is not a mount point), its
   * name fits the file system, symbolic links on the way resolve, the nearest
   * existing ancestor is a writable folder with room for `expectedBytes`.
   * Every problem is a `UsageError` naming `flag`. Also removes staging
   * folders of dead processes next to it.
   */
  static prepare(path: string, options: PrepareOptions = {}): RunFolder {
    const check = checkOutPath(path, options.flag ?? '--out', options.expectedBytes ?? 0);
    for (const removed of removeStaleStaging(check.existingAncestor, dirname(check.path))) {
      options.notice?.(`removed ${removed}, left behind by a run that was killed`);
    }
    return new RunFolder(check, options);
  }

  /** The staging folder, for writers that need a directory (the model). */
  stagingPath(name: string): string {
    const target = join(this.staging, name);
    this.guard(target, () => {
      if (!this.stagingCreated) {
        mkdirSync(dirname(this.staging), { recursive: true });
        mkdirSync(this.staging);
        this.stagingCreated = true;
      }
      mkdirSync(dirname(target), { recursive: true });
    });
    return target;
  }

  /** Writes files into the staging folder, each flushed to disk. */
  write(files: readonly RunFile[]): void {
    for (const file of files) {
      const path = this.stagingPath(file.name);
      this.guard(path, () => writeRunFile(path, file));
    }
  }

  /**
   * Moves the finished folder into place with one rename. When the run was
   * asked to go into an existing empty folder, that folder's mode and group
   * (setgid included) carry over. When another process filled the target in
   * the meantime, the run goes to the first free `<path>-2`, `<path>-3`, ...
   */
  commit(): void {
    this.stagingPath('.'); // an empty run still commits a folder
    const existing = this.check.existingEmptyFolder;
    if (existing) this.guard(this.target, () => carryOverOwnership(this.staging, existing));
    this.guard(this.staging, () => fsyncFolder(this.staging));
    const requested = this.target;
    for (let attempt = 1; ; attempt++) {
      const candidate = attempt === 1 ? requested : `${requested}-${attempt}`;
      try {
        if (attempt > 1 && exists(candidate)) continue;
        renameSync(this.staging, candidate);
        this.target = candidate;
        break;
      } catch (error) {
        const code = errnoCode(error);
        // Taken meanwhile: a folder with files (ENOTEMPTY, EEXIST) or a file (ENOTDIR).
        const taken = code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR';
        if (taken && attempt < 1000) continue;
        throw this.writeError(candidate, error);
      }
    }
    if (this.target !== requested && !this.options.defaultName) {
      this.options.notice?.(
        `${requested} was filled by someone else during the run; this run is saved in ${this.target}`,
      );
    }
    try {
      fsyncFolder(dirname(this.target));
    } catch {
      // The run is in place; flushing its parent's entry is only extra safety.
    }
  }

  /** Removes the staging folder (after a failure); never throws, so the first error stays visible. */
  discard(): void {
    try {
      rmSync(this.staging, { recursive: true, force: true });
    } catch {
      // The error that led here is the one to report.
    }
  }

  /**
   * `error` as it should reach the user: a failed file operation (it has an
   * errno code) becomes a `RunFolderWriteError` naming the run folder;
   * anything else comes back unchanged.
   */
  explain(error: unknown): unknown {
    if (EpochlabError.isInstance(error) || errnoCode(error) === undefined) return error;
    const path = (error as { path?: unknown }).path;
    return this.writeError(typeof path === 'string' ? path : this.staging, error);
  }

  private guard<T>(path: string, action: () => T): T {
    try {
      return action();
    } catch (error) {
      if (EpochlabError.isInstance(error)) throw error;
      throw this.writeError(path, error);
    }
  }

  private writeError(path: string, error: unknown): RunFolderWriteError {
    const shown = path.startsWith(this.staging)
      ? join(this.target, path.slice(this.staging.length))
      : path;
    return new RunFolderWriteError(
      `cannot write the run folder ${this.target}: ${errnoText(error)} (writing ${shown}); nothing was saved`,
      errnoCode(error),
      { cause: error },
    );
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function writeRunFile(path: string, file: RunFile): void {
  const fd = openSync(path, 'wx');
  try {
    if ('content' in file) {
      writeAll(fd, typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
    } else {
      let pending: string[] = [];
      let pendingLength = 0;
      for (const chunk of file.chunks()) {
        pending.push(chunk);
        pendingLength += chunk.length;
        if (pendingLength >= WRITE_BUFFER_BYTES) {
          writeAll(fd, Buffer.from(pending.join('')));
          pending = [];
          pendingLength = 0;
        }
      }
      writeAll(fd, Buffer.from(pending.join('')));
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
}

function fsyncFolder(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Gives the staging folder the mode and group of the empty folder it replaces. */
function carryOverOwnership(staging: string, existing: Stats): void {
  chmodSync(staging, existing.mode & 0o7777);
  if (lstatSync(staging).gid === existing.gid) return;
  const walk = (path: string) => {
    try {
      chownSync(path, -1, existing.gid);
    } catch {
      return; // not a member of that group: keep ours
    }
    if (lstatSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
    }
  };
  walk(staging);
  chmodSync(staging, existing.mode & 0o7777); // chown clears setgid on some systems
}
