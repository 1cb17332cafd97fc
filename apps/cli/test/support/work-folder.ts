import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** One entry of history.json. */
export interface LossPoint {
  epoch: number;
  loss: number;
}

/** A JSON file of a run folder, parsed. */
export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * A temporary folder for the test file's runs, made before its tests and
 * removed after them; call at the top of the file and read `.path` in tests.
 */
export function useWorkFolder(prefix: string): { readonly path: string } {
  const folder = { path: '' };
  beforeAll(() => {
    folder.path = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(folder.path, { recursive: true, force: true });
  });
  return folder;
}
