import { DataLoader, type NoisyPoints } from '@epochlab/data';
import type { Mlp } from '@epochlab/models';
import {
  type BackendChoice,
  type InitBackendOptions,
  initBackend,
  type Tensor,
} from '@epochlab/tensor';
import {
  type GradientBatch,
  type ManyEpochEndEvent,
  measureGradientNoise,
  type TrainingPathName,
  type TrainingResult,
  trainMany,
} from '@epochlab/train';
import { experimentOptimizer } from '../run/experiment-optimizer.js';
import { createExperimentModel, experimentDatasets } from '../run/experiment-setup.js';
import { experimentWorkload } from '../run/experiment-workload.js';
import { bandStatistics, spreadOf } from './band-statistics.js';
import { batchSizeGroupInfos, stepsAfterEpoch } from './batch-size-groups.js';
import { parseBatchSizeLabConfig, resolveBatchSize } from './batch-size-lab-config.js';
import type { BatchSizeLabEvent } from './batch-size-lab-events.js';
import type {
  BatchSizeGroup,
  BatchSizeGroupInfo,
  BatchSizeLabResult,
  GradientNoisePoint,
  LabData,
  LabRun,
} from './batch-size-lab-result.js';
import { labDataConfig } from './lab-data.js';
import { fullBatch, orderedBatches } from './lab-gradient-batches.js';

/** Options of `runBatchSizeLab`. */
export interface RunBatchSizeLabOptions {
  /** Backend name (`auto`, `cpu`, `wasm`, ...), started before training; default `auto`. */
  readonly backend?: string;
  /** Passed to `initBackend` (e.g. `wasmPaths` in browsers). */
  readonly backendOptions?: InitBackendOptions;
  /**
   * Aborting it stops the batch size training (its runs keep the epochs that
   * ran, status `aborted`) and skips the ones after it; the result's status is `aborted`.
   */
  readonly signal?: AbortSignal;
  /** Receives `start`, `progress`, `group-end` and `end` events; the lab waits for a returned promise. */
  readonly onEvent?: (event: BatchSizeLabEvent) => void | Promise<void>;
  /** Minimum milliseconds between two `progress` events; default 100. */
  readonly progressIntervalMs?: number;
}

/** One run's gradient-noise measurements, by epoch. */
type RunNoise = Map<number, { cosine: number; variance: number }>;

function plain(samples: NoisyPoints): { x: number[]; y: number[] } {
  return { x: [...samples.x], y: [...samples.y] };
}

function labRun(seed: number, result: TrainingResult): LabRun {
  const s = result.summary;
  return {
    seed,
    status: result.status,
    history: result.history,
    finalTrainLoss: s.finalTrainLoss ?? Number.NaN,
    finalValLoss: s.finalValidationLoss ?? undefined,
    bestValLoss: s.bestValidationLoss ?? undefined,
    bestValEpoch: s.bestValidationEpoch ?? undefined,
  };
}

function definedValues(values: readonly (number | undefined)[]): number[] {
  return values.filter((value): value is number => value !== undefined && !Number.isNaN(value));
}

/** Per measured epoch (in order), the spread over the runs measured then. */
function noisePoints(
  measurements: readonly RunNoise[],
  stepsPerEpoch: number,
): GradientNoisePoint[] {
  const epochs = new Set<number>();
  for (const run of measurements) for (const epoch of run.keys()) epochs.add(epoch);
  return [...epochs]
    .sort((a, b) => a - b)
    .map((epoch) => {
      const values = measurements.flatMap((run) => {
        const value = run.get(epoch);
        return value === undefined ? [] : [value];
      });
      return {
        epoch,
        step: stepsAfterEpoch(epoch, stepsPerEpoch),
        cosine: spreadOf(values.map((value) => value.cosine)),
        variance: spreadOf(values.map((value) => value.variance)),
      };
    });
}

/**
 * The batch-size lab: trains one dataset and model with every batch size of
 * `config.batchSizes`, `config.seeds` times each, and measures how noisy the
 * mini-batch gradients are, so the trade-off the notebook ends on can be seen.
 *
 * - Data: drawn once from `config.seed`, exactly as the line or polynomial
 *   experiment with that seed draws it; every run trains on the same points
 *   and validates on the same points (in one batch, in order).
 * - Run k of every batch size (seed `seed + k`): initial weights from
 *   `seed + k`'s init stream (the same weights for every batch size) and
 *   shuffling from `seed + k`. Each batch size's runs train together with
 *   `trainMany` (the fused path on cpu and wasm), with the same `lr`.
 * - Gradient noise: after epochs 0, `noiseEvery`, 2 `noiseEvery`, ... and the
 *   last, each run's model compares the full-batch gradient with the
 *   gradients of the next epoch's mini-batches (at most 64) with
 *   `measureGradientNoise`; the group's `noise` holds the spread over seeds of
 *   each run's mean cosine and mean squared distance.
 *
 * Same config, same numbers (bit for bit on one backend). Every tensor it
 * makes is disposed. Bad config: `ConfigError` before any work.
 *
 * @example
 * const lab = await runBatchSizeLab({ experiment: 'batch-size' }, { backend: 'cpu' });
 * for (const group of lab.groups) {
 *   console.log(group.label, group.finalValLoss?.mean, group.noise.at(-1)?.cosine.mean);
 * }
 */
export async function runBatchSizeLab(
  configInput: unknown,
  options: RunBatchSizeLabOptions = {},
): Promise<BatchSizeLabResult> {
  const config = parseBatchSizeLabConfig(configInput);
  // The largest batch size's group is the heaviest step `auto` must weigh.
  const largestBatch = Math.max(
    ...config.batchSizes.map((size) => resolveBatchSize(size, config.n)),
  );
  const backend: BackendChoice = await initBackend(options.backend ?? 'auto', {
    workload: experimentWorkload(config, largestBatch, config.seeds),
    ...options.backendOptions,
  });
  const startedAt = performance.now();
  const elapsedSeconds = () => (performance.now() - startedAt) / 1000;
  const emit = async (event: BatchSizeLabEvent) => {
    await options.onEvent?.(event);
  };
  const progressIntervalMs = options.progressIntervalMs ?? 100;
  const { signal } = options;

  const { data: samples, datasets } = experimentDatasets(labDataConfig(config));
  const data: LabData = {
    train: plain(samples.train),
    validation: samples.validation === undefined ? undefined : plain(samples.validation),
  };
  const full = fullBatch(data.train.x, data.train.y);
  const groups = batchSizeGroupInfos(config);
  const optimizer = experimentOptimizer(config);

  const results: BatchSizeGroup[] = [];
  let trainingPath: TrainingPathName = 'generic';
  let aborted = false;
  try {
    const trainSet = datasets.train;
    const validationLoader =
      datasets.validation === undefined
        ? undefined
        : new DataLoader(datasets.validation, { batchSize: config.valN });

    await emit({ type: 'start', config, backend, data, groups });

    for (let index = 0; index < groups.length; index++) {
      if (index > 0 && signal?.aborted) {
        aborted = true;
        break;
      }
      const info = groups[index] as BatchSizeGroupInfo;
      const seeds = Array.from({ length: config.seeds }, (_, k) => config.seed + k);
      const models: Mlp[] = [];
      try {
        const loaders = seeds.map((seed) => {
          models.push(createExperimentModel(config, seed));
          return new DataLoader(trainSet, {
            batchSize: info.batchSize,
            shuffle: config.shuffle,
            seed,
          });
        });
        const measurements: RunNoise[] = seeds.map(() => new Map());
        let measuringSeconds = 0;
        let lastProgressAt = Number.NEGATIVE_INFINITY;
        const onEpochEnd = async (event: ManyEpochEndEvent) => {
          const measuringFrom = performance.now();
          event.runs.forEach((run, k) => {
            if (run.history.train.at(-1)?.epoch !== event.epoch) return;
            const loader = loaders[k] as DataLoader<[Tensor, Tensor]>;
            const batches: GradientBatch[] = orderedBatches(
              full,
              loader.sampler.order(event.epoch + 1),
              info.batchSize,
            );
            const noise = measureGradientNoise(models[k] as Mlp, {
              loss: config.loss,
              full,
              batches,
            });
            (measurements[k] as RunNoise).set(event.epoch, {
              cosine: noise.meanCosine,
              variance: noise.meanSquaredDistance,
            });
          });
          const now = performance.now();
          measuringSeconds += (now - measuringFrom) / 1000;
          const last = event.epoch === event.epochs - 1;
          if (last || now - lastProgressAt >= progressIntervalMs) {
            lastProgressAt = now;
            await emit({
              type: 'progress',
              group: index,
              epoch: event.epoch,
              epochs: event.epochs,
              elapsedSeconds: elapsedSeconds(),
            });
          }
        };

        const groupStartedAt = performance.now();
        const many = await trainMany(
          models.map((model, k) => ({
            model,
            train: loaders[k] as DataLoader<[Tensor, Tensor]>,
            ...(validationLoader ? { validation: validationLoader } : {}),
          })),
          {
            epochs: config.epochs,
            loss: config.loss,
            optimizer,
            validationInterval: config.valEvery,
            trainingPath: config.trainingPath,
            throttle: { everyEpochs: config.noiseEvery },
            onEpochEnd,
            ...(signal ? { signal } : {}),
          },
        );
        const groupSeconds = (performance.now() - groupStartedAt) / 1000 - measuringSeconds;
        trainingPath = many.trainingPath;
        const runs = many.results.map((result, k) => labRun(seeds[k] as number, result));
        const hasValidation = validationLoader !== undefined;
        const group: BatchSizeGroup = {
          ...info,
          runs,
          train: bandStatistics(
            runs.map((run) => run.history.train.map((p) => ({ x: p.epoch, y: p.loss }))),
          ),
          val: bandStatistics(
            runs.map((run) => run.history.val.map((p) => ({ x: p.epoch, y: p.loss }))),
          ),
          noise: noisePoints(measurements, info.stepsPerEpoch),
          finalTrainLoss: spreadOf(definedValues(runs.map((run) => run.finalTrainLoss))),
          finalValLoss: hasValidation
            ? spreadOf(definedValues(runs.map((run) => run.finalValLoss)))
            : undefined,
          bestValLoss: hasValidation
            ? spreadOf(definedValues(runs.map((run) => run.bestValLoss)))
            : undefined,
          secondsPerRun: groupSeconds / seeds.length,
        };
        results.push(group);
        await emit({ type: 'group-end', group: index, result: group });
        if (runs.some((run) => run.status === 'aborted')) {
          aborted = true;
          break;
        }
      } finally {
        for (const model of models) model.dispose();
      }
    }
  } finally {
    datasets.dispose();
  }

  const diverged = results.some((group) => group.runs.some((run) => run.status === 'diverged'));
  const result: BatchSizeLabResult = {
    config,
    backend,
    trainingPath,
    data,
    groups: results,
    seconds: elapsedSeconds(),
    status: aborted ? 'aborted' : diverged ? 'diverged' : 'completed',
  };
  await emit({ type: 'end', result });
  return result;
}
