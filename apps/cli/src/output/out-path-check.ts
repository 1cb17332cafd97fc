import {
  accessSync,
  constants,
  lstatSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  type Stats,
  statfsSync,
  statSync,
} from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { UsageError } from '../config/usage-error.js';
import { errnoCode, errnoText } from './errno-text.js';

/** Longest file or folder name (in bytes) that Linux, macOS and Windows file systems accept. */
export const MAX_NAME_BYTES = 255;

/** What {@link checkOutPath} found out about a run folder's path. */
export interface OutCheck {
  /** Absolute path of the run folder, a symbolic link at its end resolved. */
  readonly path: string;
  /** The nearest folder on the way that exists already (the parent, usually). */
  readonly existingAncestor: string;
  /** When the run folder exists already as an empty folder: its mode and group, to keep. */
  readonly existingEmptyFolder: Stats | undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    // ENOTDIR: a file on the way; the walk up to the nearest existing folder names it.
    const code = errnoCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The target of a symbolic link, resolved, or a `UsageError` for a dangling link or a loop. */
function followLink(link: string, shown: string): string {
  try {
    return realpathSync(link);
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ELOOP') {
      throw new UsageError(
        `${shown}: ${link} is a symbolic link that leads back to itself (ELOOP)`,
      );
    }
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError(
        `${shown}: ${link} is a symbolic link to ${readlinkSync(link)}, which does not exist`,
      );
    }
    throw new UsageError(`${shown}: cannot follow the symbolic link ${link}: ${errnoText(error)}`);
  }
}

/**
 * Checks, before any training, that `path` can become a run folder, so that
 * nothing learned is lost to a problem known in advance: every name fits in
 * 255 bytes; symbolic links resolve (a link at the end is followed: the run
 * goes where it points); the folder does not exist or is an empty folder that
 * is not a mount point (a run folder is renamed into place, which a mount
 * point refuses); the nearest existing folder on the way is writable and
 * has `expectedBytes` free. Reads the disk, writes nothing. Every problem is
 * a `UsageError` naming `flag`.
 */
export function checkOutPath(path: string, flag: string, expectedBytes: number): OutCheck {
  const shown = `${flag} ${path}`;
  let absolute = resolve(path);
  for (const name of absolute.split(sep)) {
    const bytes = Buffer.byteLength(name);
    if (bytes > MAX_NAME_BYTES) {
      throw new UsageError(
        `${shown}: a folder name can be at most ${MAX_NAME_BYTES} bytes long; "${name.slice(0, 20)}..." has ${bytes}`,
      );
    }
  }
  try {
    let stats = lstatOrUndefined(absolute);
    if (stats?.isSymbolicLink()) {
      absolute = followLink(absolute, shown);
      stats = lstatSync(absolute);
    }
    let existingEmptyFolder: Stats | undefined;
    if (stats) {
      if (!stats.isDirectory() || readdirSync(absolute).length > 0) {
        throw new UsageError(`${shown} already exists; choose a new folder`);
      }
      if (lstatSync(dirname(absolute)).dev !== stats.dev) {
        throw new UsageError(
          `${shown} is a mount point, which cannot take a run folder (it is renamed into place); give a folder inside it, such as ${path.replace(/\/+$/, '')}/run`,
        );
      }
      existingEmptyFolder = stats;
    }
    const existingAncestor = nearestExistingFolder(dirname(absolute), shown);
    try {
      accessSync(existingAncestor, constants.W_OK);
    } catch (error) {
      throw new UsageError(
        `${shown} cannot be written: ${errnoText(error)} in ${existingAncestor}`,
      );
    }
    checkFreeSpace(existingAncestor, expectedBytes, shown);
    return { path: absolute, existingAncestor, existingEmptyFolder };
  } catch (error) {
    if (UsageError.isInstance(error)) throw error;
    throw new UsageError(`${shown} cannot be written: ${errnoText(error)}`);
  }
}

/** The nearest folder on the way to `start` that exists, links followed. */
function nearestExistingFolder(start: string, shown: string): string {
  let ancestor = start;
  let stats = lstatOrUndefined(ancestor);
  while (!stats && dirname(ancestor) !== ancestor) {
    ancestor = dirname(ancestor);
    stats = lstatOrUndefined(ancestor);
  }
  if (stats?.isSymbolicLink()) {
    followLink(ancestor, shown);
    stats = statSync(ancestor);
  }
  if (!stats?.isDirectory())
    throw new UsageError(`${shown} cannot be written: ${ancestor} is a file`);
  return ancestor;
}

function checkFreeSpace(folder: string, expectedBytes: number, shown: string): void {
  if (expectedBytes <= 0) return;
  const stats = statfsSync(folder);
  const free = stats.bavail * stats.bsize;
  if (free < expectedBytes) {
    throw new UsageError(
      `${shown}: the run's history needs at least ${formatBytes(expectedBytes)} and ${folder} has ${formatBytes(free)} free`,
    );
  }
}

/** `812 kB`, `12.5 MB`, `3.1 GB`: sizes for messages. */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toPrecision(3)} ${units[unit]}`;
}
