import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FinishedConfiguration,
  parseShard,
  parseSweepSpec,
  type SweepRun,
  type SweepShardPart,
  SweepSpecError,
} from '@epochlab/experiments';
import { UsageError } from '../../config/usage-error.js';
import type { SweepRecord } from './sweep-files.js';

function readJson(folder: string, name: string): unknown {
  const path = join(folder, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `it has no ${name}` : `cannot read ${name} (${code})`;
    throw new UsageError(`${folder} is not a sweep folder: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${folder} is not a sweep folder: ${name} is not valid JSON`);
  }
}

function arrayIn(folder: string, name: string): Record<string, unknown>[] {
  const value = readJson(folder, name);
  if (!Array.isArray(value))
    throw new UsageError(`${folder} is not a sweep folder: ${name} is not a list`);
  return value as Record<string, unknown>[];
}

/**
 * A sweep folder read back (for `--resume` and `sweep merge`): its sweep
 * (`sweep.json`, validated again), its shard and its finished configurations
 * (`runs.json`, `curves.json`, `timings.json`). A folder that is not a sweep
 * folder is a `UsageError` naming it and the file.
 */
export function readSweepFolder(folder: string): SweepShardPart {
  const record = readJson(folder, 'sweep.json') as Partial<SweepRecord> | null;
  if (record === null || typeof record !== 'object' || record.sweep === undefined) {
    throw new UsageError(`${folder} is not a sweep folder: sweep.json has no sweep`);
  }
  let spec: SweepShardPart['spec'];
  let shard: SweepShardPart['shard'];
  try {
    spec = parseSweepSpec(record.sweep);
    shard = typeof record.shard === 'string' ? parseShard(record.shard, 'shard') : undefined;
  } catch (error) {
    if (!SweepSpecError.isInstance(error)) throw error;
    throw new UsageError(`${folder}/sweep.json: ${error.message}`);
  }
  const runs = arrayIn(folder, 'runs.json');
  const curves = arrayIn(folder, 'curves.json');
  const timings = readJson(folder, 'timings.json') as {
    configurations?: { configuration: number; seconds: number }[];
  };
  const seconds = new Map(
    (timings?.configurations ?? []).map((entry) => [entry.configuration, entry.seconds]),
  );
  const finished: FinishedConfiguration[] = curves.map((curve) => {
    const index = curve.configuration as number;
    return {
      index,
      runs: runs
        .filter((row) => row.configuration === index)
        .map(
          (row): SweepRun => ({
            configuration: index,
            seed: row.seed as number,
            status: row.status as SweepRun['status'],
            epochsRun: row.epochsRun as number,
            bestValLoss: row.bestValLoss as number | null,
            bestValEpoch: row.bestValEpoch as number | null,
            finalTrainLoss: row.finalTrainLoss as number | null,
            finalValLoss: row.finalValLoss as number | null,
          }),
        ),
      curve: {
        loss: curve.loss as 'val' | 'train',
        points: curve.points as FinishedConfiguration['curve']['points'],
      },
      seconds: seconds.get(index) ?? 0,
    };
  });
  return { name: folder, spec, shard, finished };
}
