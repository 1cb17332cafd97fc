import { type ExperimentConfig, findFitExperiment } from '../experiments/experiment-list.js';
import type { BatchSizeLabConfig } from './batch-size-lab-config.js';

/**
 * The config of the lab's dataset experiment (line or polynomial), with the
 * lab's values for every field they share and `batchSize` `n`: drawing its
 * data (`experimentDatasets`) gives the lab's points, the same ones
 * `runExperiment` draws with this config.
 */
export function labDataConfig(config: BatchSizeLabConfig): ExperimentConfig {
  const experiment = findFitExperiment(config.dataset);
  if (experiment === undefined) throw new Error(`no experiment ${config.dataset}`);
  const values = config as unknown as Record<string, unknown>;
  return experiment.parse({
    experiment: experiment.name,
    ...Object.fromEntries(
      experiment.fields.map((field) => [
        field.key,
        field.key === 'batchSize' ? config.n : values[field.key],
      ]),
    ),
  }) as ExperimentConfig;
}
