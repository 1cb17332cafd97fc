import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/** Largest config file read: a config is a few hundred bytes; this leaves room for comments-as-fields and long lists. */
export const MAX_CONFIG_FILE_BYTES = 1024 * 1024;

/** The byte order mark some editors (Notepad) put first in UTF-8 files. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads at most `MAX_CONFIG_FILE_BYTES + 1` bytes of a regular file, so that
 * a device such as /dev/zero or a huge file is refused instead of read
 * without end.
 */
function readBounded(path: string): string {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).isDirectory()) {
      throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    }
    if (!fstatSync(fd).isFile()) {
      throw new UsageError(`config file ${path} must be a regular file (it is a device or a pipe)`);
    }
    const buffer = Buffer.alloc(MAX_CONFIG_FILE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > MAX_CONFIG_FILE_BYTES) {
      throw new UsageError(
        `config file ${path} is larger than ${MAX_CONFIG_FILE_BYTES / 1024 / 1024} MB; a config is a small JSON object such as {"experiment": "line"}`,
      );
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a config file: a JSON object such as `{"experiment": "line", "epochs": 100}`,
 * in UTF-8 with or without a byte order mark, of at most 1 MB. A missing
 * file, a folder, a device, a larger file, bad JSON or anything but an object
 * is a `UsageError`.
 */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readBounded(path);
  } catch (error) {
    if (UsageError.isInstance(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new UsageError(`cannot read config file ${path}: ${why}`);
  }
  if (text.startsWith(BYTE_ORDER_MARK)) text = text.slice(BYTE_ORDER_MARK.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError(
      `config file ${path} must hold a JSON object such as {"experiment": "line"}`,
    );
  }
  return parsed as Record<string, unknown>;
}
