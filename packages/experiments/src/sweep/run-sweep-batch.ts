import type { TrainingResult } from '@epochlab/train';
import { trainMany } from '@epochlab/train';
import { bandStatistics, type Curve } from '../batch-size-lab/band-statistics.js';
import type { ExperimentConfig } from '../experiments/experiment-list.js';
import { type ExperimentSetup, setUpExperiment } from '../run/experiment-setup.js';
import { experimentTrainSettings } from '../run/experiment-train-settings.js';
import type { SweepConfiguration } from './sweep-grid.js';
import type { FinishedConfiguration, SweepCurve, SweepRun } from './sweep-results.js';

/** Most points of a configuration's band in `curves.json` and the band chart. */
export const CURVE_POINTS = 200;

/** Options of `runSweepBatch`. */
export interface RunSweepBatchOptions {
  /** Aborting it stops the batch; its configurations are then not returned (none finished). */
  readonly signal?: AbortSignal;
}

function sweepRun(configuration: number, seed: number, result: TrainingResult): SweepRun {
  const s = result.summary;
  return {
    configuration,
    seed,
    status: result.status,
    epochsRun: s.epochsRun,
    bestValLoss: s.bestValidationLoss,
    bestValEpoch: s.bestValidationEpoch,
    finalTrainLoss: s.finalTrainLoss,
    finalValLoss: s.finalValidationLoss,
  };
}

/** Every k-th point so that at most `CURVE_POINTS` remain, the last one always kept. */
function thinned<Point>(points: readonly Point[]): Point[] {
  if (points.length <= CURVE_POINTS) return [...points];
  const step = Math.ceil(points.length / CURVE_POINTS);
  const kept = points.filter((_, i) => i % step === 0);
  if ((points.length - 1) % step !== 0) kept.push(points.at(-1) as Point);
  return kept;
}

function curveOf(config: ExperimentConfig, results: readonly TrainingResult[]): SweepCurve {
  const loss = config.valN > 0 ? 'val' : 'train';
  const curves: Curve[] = results.map((result) =>
    result.history[loss].map((point) => ({ x: point.epoch, y: point.loss })),
  );
  return { loss, points: thinned(bandStatistics(curves)) };
}

/**
 * Trains a batch of configurations of one shape (`sweepBatches`) in one
 * `trainMany` loop: every configuration's `seeds` runs, run k with seed
 * `config.seed + k`. Run k is exactly `runExperiment({ ...config, seed:
 * config.seed + k })`: the same data, weights and shuffling from that seed,
 * the same numbers (bit for bit on cpu). The backend must be started
 * (`initBackend`) before; every tensor made is disposed.
 */
export async function runSweepBatch(
  configurations: readonly SweepConfiguration[],
  seeds: number,
  options: RunSweepBatchOptions = {},
): Promise<FinishedConfiguration[]> {
  const first = configurations[0];
  if (first === undefined) return [];
  const startedAt = performance.now();
  const setups: { configuration: SweepConfiguration; seed: number; setup: ExperimentSetup }[] = [];
  try {
    for (const configuration of configurations) {
      for (let k = 0; k < seeds; k++) {
        const seed = configuration.config.seed + k;
        setups.push({
          configuration,
          seed,
          setup: setUpExperiment({ ...configuration.config, seed }),
        });
      }
    }
    // Every field but the per-run ones is the same across a batch (`batchShape`): the first
    // configuration's settings are the batch's.
    const { epochs, loss, validationInterval, trainingPath, optimizer, earlyStopping } =
      experimentTrainSettings(first.config);
    const many = await trainMany(
      setups.map(({ configuration, setup }) => ({
        model: setup.model,
        train: setup.train,
        ...(setup.validation ? { validation: setup.validation } : {}),
        optimizer: experimentTrainSettings(configuration.config).optimizer,
      })),
      {
        epochs,
        loss,
        optimizer,
        validationInterval,
        trainingPath,
        ...(earlyStopping ? { earlyStopping } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    if (many.results.some((result) => result.status === 'aborted')) return [];
    const seconds = (performance.now() - startedAt) / 1000 / configurations.length;
    return configurations.map((configuration, c) => {
      const results = many.results.slice(c * seeds, (c + 1) * seeds);
      return {
        index: configuration.index,
        runs: results.map((result, k) =>
          sweepRun(configuration.index, configuration.config.seed + k, result),
        ),
        curve: curveOf(configuration.config, results),
        seconds,
      };
    });
  } finally {
    for (const { setup } of setups) {
      setup.model.dispose();
      setup.disposeData();
    }
  }
}
