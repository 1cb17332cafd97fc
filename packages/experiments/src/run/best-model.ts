import { createMlpFromWeights, type Mlp } from '@epochlab/models';
import type { ExperimentResult } from './run-experiment.js';

/**
 * The model at the run's best validation epoch, as a new `Mlp` the caller
 * owns and disposes; `undefined` when the run kept no best weights (no
 * validation points, or it ended before the first validation).
 */
export function createBestModel(result: Pick<ExperimentResult, 'model' | 'best'>): Mlp | undefined {
  if (result.best === undefined) return undefined;
  return createMlpFromWeights(result.model.spec, result.best.values);
}
