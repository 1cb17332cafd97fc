import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { DataExperimentResult } from '@epochlab/experiments';
import type { DataFileRecord, DataFromFlags } from '../config/data-flags.js';
import type { RunFile } from './run-folder.js';

/** Files under this size are copied into the run folder (1 MiB); larger ones are referenced. */
export const COPY_LIMIT_BYTES = 1 << 20;

/** What `data.json` says of one file: where it is, its size and hash, the rows used and its copy. */
function fileEntry(record: DataFileRecord, copyName: string) {
  const copied = record.bytes < COPY_LIMIT_BYTES;
  return { ...record, copy: copied ? copyName : null };
}

/**
 * The data experiment's own files in its run folder: `data.json` (the source
 * of the points: path, byte size, SHA-256, rows in the file, the columns
 * read, and the training and validation rows used), copies of the data files
 * under 1 MiB (`data.csv`, `val-data.csv`), and `scaling.json`, the
 * standardisation the model was trained with (next to `model/`, so that its
 * predictions can be brought back to the data's units).
 */
export function dataRunFiles(
  result: DataExperimentResult,
  files: DataFromFlags['files'] | undefined,
): RunFile[] {
  const out: RunFile[] = [];
  const copyName = (role: string, record: DataFileRecord) =>
    `${role}${extname(record.path).toLowerCase() || '.csv'}`;
  const entries: Record<string, unknown> = {};
  if (files !== undefined) {
    for (const [role, record] of [
      ['data', files.data],
      ['val-data', files.valData],
    ] as const) {
      if (record === undefined) continue;
      const name = copyName(role, record);
      entries[role === 'data' ? 'data' : 'valData'] = fileEntry(record, name);
      if (record.bytes < COPY_LIMIT_BYTES) out.push({ name, content: readFileSync(record.path) });
    }
  }
  const source = {
    ...entries,
    ...(files === undefined ? { inline: 'the points were in the config file' } : {}),
    rowsUsed: result.data.rowsUsed,
    validation: validationText(result, files),
  };
  out.push({ name: 'data.json', content: `${JSON.stringify(source, null, 2)}\n` });
  if (result.data.scaling) {
    out.push({
      name: 'scaling.json',
      content: `${JSON.stringify(
        {
          note: 'the model takes (x - inputs.mean) / inputs.std and gives (y - targets.mean) / targets.std',
          ...result.data.scaling,
        },
        null,
        2,
      )}\n`,
    });
  }
  return out;
}

function validationText(
  result: DataExperimentResult,
  files: DataFromFlags['files'] | undefined,
): string {
  if (result.config.validationPoints || files?.valData) return 'given';
  const { valFraction } = result.config;
  if (result.config.points === undefined) {
    return `held out: each row whose hash of (seed, row) falls below valFraction ${valFraction} (the file was streamed)`;
  }
  return `held out: floor(rows * valFraction) rows drawn from the seed (valFraction ${valFraction})`;
}

/**
 * The config as `config.json` records it: for points read from files, without
 * the points themselves (`data.json` says where they came from; run it again
 * with `epochlab run config.json --data <file>`).
 */
export function configForFile(
  config: DataExperimentResult['config'],
  files: DataFromFlags['files'] | undefined,
): Record<string, unknown> {
  if (files === undefined) return config;
  const { points: _points, validationPoints: _validation, ...rest } = config;
  return rest;
}
