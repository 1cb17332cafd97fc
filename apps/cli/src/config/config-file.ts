import { readFileSync } from 'node:fs';
import { UsageError } from './usage-error.js';

/**
 * Reads a config file: a JSON object such as `{"experiment": "line", "epochs": 100}`.
 * A missing file, a folder, bad JSON or anything but an object is a `UsageError`.
 */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code;
    throw new UsageError(`cannot read config file ${path}: ${why}`);
  }
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
