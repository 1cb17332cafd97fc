import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  type FinishedConfiguration,
  parseShard,
  parseSweepSpec,
  type SweepShard,
  type SweepShardPart,
  type SweepSpec,
  SweepSpecError,
  shardText,
  sweepFileOf,
} from '@epochlab/experiments';
import type { RunFolder } from '../run-folder.js';
import { deadStagingFolders, RESUMABLE_ROWS_FILE } from '../stale-staging.js';

/**
 * The file in a sweep's staging folder that holds every finished
 * configuration as it ends, one JSON line each, after a first line naming
 * the sweep and its folder. A process killed outright (SIGKILL, out of
 * memory) never writes its sweep folder; `--resume` then reads this file
 * from the staging folder it left behind. Removed before the folder is
 * committed: the finished folder has the usual files instead.
 */
export const FINISHED_ROWS_FILE = RESUMABLE_ROWS_FILE;

/** The first line of the file: what a resume checks before it reuses the rows. */
interface FinishedRowsHeader {
  readonly sweep: ReturnType<typeof sweepFileOf>;
  readonly shard: string | null;
  /** The sweep folder asked for, absolute: how a resume of that folder finds this file. */
  readonly out: string;
}

/** Appends finished configurations to `finished.jsonl` in a sweep's staging folder. */
export interface FinishedRowsWriter {
  /** Writes one configuration as a line and flushes it to disk before returning. */
  append(configuration: FinishedConfiguration): void;
  /** Removes the file (the folder is about to be committed with its usual files). */
  remove(): void;
}

function writeLine(path: string, value: unknown): void {
  const fd = openSync(path, 'a');
  try {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Starts `finished.jsonl` in `folder`'s staging folder with its header and
 * the configurations already finished (a resume's), so that a kill from now
 * on loses at most the batches still training.
 */
export function startFinishedRows(
  folder: RunFolder,
  spec: SweepSpec,
  shard: SweepShard | undefined,
  finished: readonly FinishedConfiguration[],
): FinishedRowsWriter {
  const path = folder.stagingPath(FINISHED_ROWS_FILE);
  const header: FinishedRowsHeader = {
    sweep: sweepFileOf(spec),
    shard: shard === undefined ? null : shardText(shard),
    out: resolve(folder.path),
  };
  const append = (value: unknown) => {
    try {
      writeLine(path, value);
    } catch (error) {
      throw folder.explain(error);
    }
  };
  append(header);
  for (const configuration of finished) append(configuration);
  return {
    append,
    remove: () => rmSync(path, { force: true }),
  };
}

/**
 * Reads a `finished.jsonl` back: its sweep, its shard and every complete
 * line (a line the kill cut short is left out: its configuration runs again).
 * Returns `undefined` when the file is missing or its header unreadable.
 */
function readFinishedRows(path: string): (SweepShardPart & { readonly out: string }) | undefined {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const complete = lines.slice(0, -1); // the text after the last newline was cut short, or is empty
  const parsed: unknown[] = [];
  for (const line of complete) {
    try {
      parsed.push(JSON.parse(line));
    } catch {
      break;
    }
  }
  const [header, ...finished] = parsed as [
    FinishedRowsHeader | undefined,
    ...FinishedConfiguration[],
  ];
  if (header === undefined || typeof header.out !== 'string' || header.sweep === undefined) {
    return undefined;
  }
  try {
    const spec = parseSweepSpec(header.sweep);
    const shard = typeof header.shard === 'string' ? parseShard(header.shard, 'shard') : undefined;
    return { name: dirname(path), spec, shard, finished, out: header.out };
  } catch (error) {
    if (SweepSpecError.isInstance(error)) return undefined;
    throw error;
  }
}

function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** What a killed sweep left: its finished configurations, and the staging folder they are in. */
export interface KilledSweep {
  readonly part: SweepShardPart;
  readonly stagingFolder: string;
}

/**
 * The finished configurations a killed sweep of `out` left in its staging
 * folder (next to `out`, its process gone), the most recent if several;
 * `out` may also name such a staging folder itself. `undefined` when there
 * is none.
 */
export function killedSweep(out: string): KilledSweep | undefined {
  const direct = readFinishedRows(join(out, FINISHED_ROWS_FILE));
  if (direct !== undefined) return { part: direct, stagingFolder: out };
  const wanted = resolve(out);
  const found = deadStagingFolders(dirname(wanted))
    .map((path) => ({ path, rows: readFinishedRows(join(path, FINISHED_ROWS_FILE)) }))
    .filter((candidate) => candidate.rows?.out === wanted)
    .sort((a, b) => modifiedAt(b.path) - modifiedAt(a.path))[0];
  if (found?.rows === undefined) return undefined;
  return { part: { ...found.rows, name: out }, stagingFolder: found.path };
}
