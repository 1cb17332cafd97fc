import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  type ComparedRun,
  ConfigError,
  FIT_EXPERIMENTS,
  findExperiment,
  parseExperimentConfig,
} from '@epochlab/experiments';
import { UsageError } from '../../config/usage-error.js';

/** A run folder read for a comparison: the run and where its final model is, if saved. */
export interface RunFolderContents {
  readonly run: ComparedRun;
  /** The folder's `model/`, when the run saved one. */
  readonly modelPath: string | undefined;
}

/** The files every single-model run folder holds (see `epochlab run`). */
const RUN_FILES = ['config.json', 'summary.json', 'history.json'] as const;

function readJsonFile(folder: string, name: string): unknown {
  const path = join(folder, name);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `${folder} is not a readable run folder: ${name} ${error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read'}`,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLossList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(
      (point) =>
        isObject(point) && typeof point.epoch === 'number' && typeof point.loss === 'number',
    )
  );
}

/**
 * Reads one run folder written by `epochlab run` for a single-model
 * experiment. A missing path, a file, a folder without the run files, a
 * batch-size lab folder or unreadable contents is a `UsageError` naming the
 * folder: compare checks every folder before it writes anything.
 */
export function readRunFolder(folder: string, label = basename(folder)): RunFolderContents {
  if (!existsSync(folder)) throw new UsageError(`${folder} does not exist`);
  if (!statSync(folder).isDirectory()) {
    throw new UsageError(`${folder} is not a run folder: it is a file`);
  }
  const missing = RUN_FILES.filter((name) => !existsSync(join(folder, name)));
  if (missing.length > 0) {
    throw new UsageError(
      `${folder} is not a run folder: no ${missing.join(', ')} (compare takes folders written by epochlab run)`,
    );
  }
  const configInput = readJsonFile(folder, 'config.json');
  const experiment = isObject(configInput) ? findExperiment(configInput.experiment) : undefined;
  if (experiment !== undefined && experiment.kind !== 'fit') {
    throw new UsageError(
      `${folder} is a ${experiment.title} run; compare takes runs of ${FIT_EXPERIMENTS.map((e) => e.name).join(', ')}`,
    );
  }
  let config: ComparedRun['config'];
  try {
    config = parseExperimentConfig(configInput);
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    throw new UsageError(`${folder}/config.json: ${error.message}`);
  }
  const summary = readJsonFile(folder, 'summary.json');
  const history = readJsonFile(folder, 'history.json');
  if (
    !isObject(summary) ||
    typeof summary.epochsRun !== 'number' ||
    !isObject(history) ||
    !isLossList(history.train) ||
    !isLossList(history.val)
  ) {
    throw new UsageError(
      `${folder} is not a readable run folder: its summary or history is not a run's`,
    );
  }
  const modelPath = join(folder, 'model');
  return {
    run: {
      label,
      config,
      summary: summary as unknown as ComparedRun['summary'],
      history: history as unknown as ComparedRun['history'],
    },
    modelPath: existsSync(join(modelPath, 'model.json')) ? modelPath : undefined,
  };
}
