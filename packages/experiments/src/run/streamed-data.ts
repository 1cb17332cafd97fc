import type { Standardization } from '@epochlab/data';
import { initBackend } from '@epochlab/tensor';
import type { BatchSource } from '@epochlab/train';
import { ConfigError, type ConfigIssue } from '../config/config-error.js';
import { earlyStoppingIssue } from '../config/early-stopping-check.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import {
  DATA_EXPERIMENT,
  type DataExperimentConfig,
  dataSchema,
} from '../experiments/data-experiment.js';
import type { Points } from './experiment-data.js';
import type { DataExperimentEvent } from './experiment-events.js';
import { createExperimentModel } from './experiment-setup.js';
import type { DataExperimentResult, RunExperimentOptions } from './run-experiment.js';
import { trainSetup } from './train-setup.js';

/**
 * The data experiment's config for points the caller streams (a file larger
 * than memory): every field but the points themselves.
 */
export type StreamedDataConfig = Omit<DataExperimentConfig, 'points' | 'validationPoints'> & {
  readonly points?: undefined;
  readonly validationPoints?: undefined;
};

/** Points the caller streams instead of putting them in the config. */
export interface StreamedData {
  /** Batches of the training rows, already standardised with `scaling` when it is set. */
  readonly train: BatchSource;
  readonly validation: BatchSource | undefined;
  readonly rowsUsed: { readonly train: number; readonly validation: number };
  /** The standardisation the batches went through, fit on the training rows. */
  readonly scaling: Standardization | undefined;
  /**
   * A bounded sample of the points in the user's units, for charts and the
   * curve's x range; its `inputNames` (several inputs) set the model's input width.
   */
  readonly sample: { readonly train: Points; readonly validation: Points | undefined };
}

const streamedSchema = dataSchema.omit({ points: true, validationPoints: true });

/**
 * Validates a data experiment config without points. With `rowsUsed` (the
 * rows a checking pass of the files found) it also checks the config against
 * them, see {@link checkStreamedRows}.
 */
export function parseStreamedDataConfig(
  input: unknown,
  rowsUsed?: StreamedData['rowsUsed'],
): StreamedDataConfig {
  const config = parseWithSchema(
    streamedSchema,
    input,
    `{"experiment": "${DATA_EXPERIMENT}"}`,
  ) as unknown as StreamedDataConfig;
  if (rowsUsed) checkStreamedRows(config, rowsUsed);
  return config;
}

/**
 * Throws a `ConfigError` when the streamed files cannot serve `config`:
 * `batchSize` above the training rows, or early stopping with no validation
 * rows (the same rule as for points in the config).
 */
export function checkStreamedRows(
  config: StreamedDataConfig,
  rowsUsed: StreamedData['rowsUsed'],
): void {
  const issues: ConfigIssue[] = [];
  if (config.batchSize > rowsUsed.train) {
    issues.push({
      field: 'batchSize',
      problem: { code: 'batchSizeAboveRows', rows: rowsUsed.train },
      value: config.batchSize,
    });
  }
  const early = earlyStoppingIssue({ ...config, valN: rowsUsed.validation }, 'givenData');
  if (early) issues.push(early);
  if (issues.length > 0) throw new ConfigError(issues);
}

/**
 * `runExperiment` for the data experiment over streamed points: the same
 * model, training, events and result, with batches from `data` (a file read
 * in chunks, never whole) instead of the config's points. The result's
 * `data` holds the sample for charts and the rows used.
 */
export async function runStreamedDataExperiment(
  configInput: unknown,
  data: StreamedData,
  options: RunExperimentOptions<DataExperimentEvent> = {},
): Promise<DataExperimentResult> {
  const config = parseStreamedDataConfig(configInput, data.rowsUsed);
  const backend = await initBackend(options.backend ?? 'auto', options.backendOptions);
  const given = {
    train: data.sample.train,
    validation: data.sample.validation,
    scaling: data.scaling,
    rowsUsed: data.rowsUsed,
  };
  const setup = {
    data: given,
    model: createExperimentModel(config, config.seed, data.sample.train.inputNames?.length ?? 1),
    train: data.train,
    validation: data.validation,
    disposeData: () => {},
  };
  const outcome = await trainSetup(config, backend, setup, options);
  return { config, data: given, ...outcome };
}
