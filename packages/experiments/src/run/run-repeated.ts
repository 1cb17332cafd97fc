import {
  type BackendChoice,
  type InitBackendOptions,
  InvalidArgumentError,
  initBackend,
} from '@epochlab/tensor';
import {
  type ManyRun,
  type TrainingHistory,
  type TrainingPathName,
  type TrainingResult,
  type TrainingStatus,
  trainMany,
} from '@epochlab/train';
import type { ExperimentConfig } from '../config/experiment-config.js';
import { parseExperimentConfig } from '../config/parse-config.js';
import { experimentOptimizer } from './experiment-optimizer.js';
import { type ExperimentSetup, setUpExperiment } from './experiment-setup.js';
import { type ExperimentSummary, summarizeExperiment } from './experiment-summary.js';

/** Options of `runRepeated`. */
export interface RunRepeatedOptions {
  /** How many runs: seeds `config.seed`, `config.seed + 1`, ...; a whole number from 1 to 1000. */
  readonly repeats: number;
  /** Backend name (`auto`, `cpu`, `wasm`, ...), started before training; default `auto`. */
  readonly backend?: string;
  /** Passed to `initBackend` (e.g. `wasmPaths` in browsers). */
  readonly backendOptions?: InitBackendOptions;
  /** Aborting it stops every run; each keeps the epochs that ran, with status `aborted`. */
  readonly signal?: AbortSignal;
}

/** One run of `runRepeated`: the experiment with one seed. */
export interface RepeatedRun {
  readonly seed: number;
  readonly status: TrainingStatus;
  readonly history: TrainingHistory;
  readonly summary: ExperimentSummary;
}

/** What `runRepeated` returns: one entry per seed, for a spread of curves or final losses. */
export interface RepeatedResult {
  readonly config: ExperimentConfig;
  readonly backend: BackendChoice;
  /** The training path every run took (`fused-wasm-simd` or `fused-js` on cpu and wasm). */
  readonly trainingPath: TrainingPathName;
  readonly runs: readonly RepeatedRun[];
}

/**
 * Runs one experiment `repeats` times with seeds `config.seed`,
 * `config.seed + 1`, ... (each its own data, initial weights and shuffling,
 * exactly as `runExperiment` with that seed), trained side by side with
 * `trainMany`: each run's history equals `runExperiment`'s for its seed. The
 * models are disposed; use `runExperiment` for a model to keep.
 *
 * @example
 * const { runs } = await runRepeated({ experiment: 'line', epochs: 2000 }, { repeats: 16 });
 * runs.map((run) => run.summary.finalValLoss); // the spread over seeds
 */
export async function runRepeated(
  configInput: unknown,
  options: RunRepeatedOptions,
): Promise<RepeatedResult> {
  const { repeats } = options;
  if (!Number.isSafeInteger(repeats) || repeats < 1 || repeats > 1000) {
    throw new InvalidArgumentError('repeats', 'a whole number from 1 to 1000', repeats);
  }
  const config = parseExperimentConfig(configInput);
  const backend = await initBackend(options.backend ?? 'auto', options.backendOptions);
  const setups: ExperimentSetup[] = [];
  const seeds = Array.from({ length: repeats }, (_, k) => config.seed + k);
  try {
    const runs: ManyRun[] = seeds.map((seed) => {
      const setup = setUpExperiment({ ...config, seed });
      setups.push(setup);
      const { model, train, validation } = setup;
      return { model, train, ...(validation ? { validation } : {}) };
    });
    const many = await trainMany(runs, {
      epochs: config.epochs,
      loss: config.loss,
      optimizer: experimentOptimizer(config),
      validationInterval: config.valEvery,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return {
      config,
      backend,
      trainingPath: many.trainingPath,
      runs: many.results.map((result: TrainingResult, k) => {
        const seed = seeds[k] as number;
        const parameters = setups[k]?.model.parameterCount ?? 0;
        return {
          seed,
          status: result.status,
          history: result.history,
          summary: summarizeExperiment({ ...config, seed }, backend.name, parameters, result),
        };
      }),
    };
  } finally {
    for (const setup of setups) {
      setup.model.dispose();
      setup.disposeData();
    }
  }
}
