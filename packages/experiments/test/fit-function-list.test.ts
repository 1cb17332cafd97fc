import { SeededRandom } from '@epochlab/tensor';
import { describe, expect, it } from 'vitest';
import { FIT_FUNCTIONS } from '../dist/experiments/fit-function-list.js';
import {
  type ExperimentConfig,
  type ExperimentDefinition,
  FIT_EXPERIMENTS,
  generateExperimentData,
} from '../dist/index.js';

describe('the drawn-data experiments and their functions', () => {
  it('list the same experiments in the same order', () => {
    expect(FIT_FUNCTIONS.map((fit) => fit.name)).toEqual(FIT_EXPERIMENTS.map((e) => e.name));
  });

  it.each(FIT_EXPERIMENTS.map((experiment) => [experiment.name, experiment] as const))(
    '%s: the definition draws the points its function draws, which the runs train on',
    (_name, anyExperiment) => {
      // Typed for any config, as runExperiment reads a definition.
      const experiment = anyExperiment as unknown as ExperimentDefinition<string, ExperimentConfig>;
      const config = experiment.defaults();
      const fromDefinition = experiment.data(
        config,
        config.n,
        new SeededRandom(3).stream('train-data'),
      );
      const runData = generateExperimentData(config, new SeededRandom(3));
      expect(runData.train.x).toEqual(fromDefinition.x);
      expect(runData.train.y).toEqual(fromDefinition.y);
      // The true curve is the definition's: compare it at a few x.
      for (const x of [-1, -0.25, 0, 0.5, 1]) {
        expect(runData.truth(x)).toBe(experiment.truth(config)(x));
      }
    },
  );
});
