import { BACKEND_NAMES, type InitBackendOptions, initBackend } from '@epochlab/tensor';
import { batchSizeLabel, resolveBatchSize } from '../batch-size-lab/batch-size-lab-config.js';
import { commonFields } from '../config/common-fields.js';
import { parseExperimentConfig } from '../config/parse-config.js';
import { runExperiment } from '../run/run-experiment.js';
import type { HardwareConfig } from './hardware-config.js';

/** The notebook's hidden layers: the model every measurement times first. */
export const NOTEBOOK_HIDDEN: readonly number[] = commonFields.hidden.default;

/** One timed training: a backend, a model, a batch size. */
export interface HardwareCell {
  /** The backend asked for, and the one that ran (the same, or the run would not count). */
  readonly backend: string;
  /** `notebook` (12,12,16) or `wide` (the config's `hidden`). */
  readonly model: 'notebook' | 'wide';
  readonly hidden: readonly number[];
  readonly parameters: number;
  readonly batchSize: number;
  readonly label: string;
  /** The training path that ran: `fused-wasm-simd`, `fused-js` or `generic`. */
  readonly trainingPath: string;
  readonly epochs: number;
  readonly seconds: number;
  /** Training points processed per second: epochs x n / seconds. */
  readonly samplesPerSecond: number;
  /** Seconds to the end of the first epoch whose mean training loss was at most `targetLoss`; null if none. */
  readonly secondsToTarget: number | null;
  readonly finalTrainLoss: number | null;
}

/** A backend of this platform that could not start, and why (its own message). */
export interface UnavailableBackend {
  readonly backend: string;
  readonly reason: string;
}

/**
 * Where larger batches stop paying off on one backend and model: the
 * smallest batch size whose throughput is at least 90% of the best measured.
 */
export interface ThroughputKnee {
  readonly backend: string;
  readonly model: 'notebook' | 'wide';
  readonly batchSize: number;
  readonly samplesPerSecond: number;
  readonly bestBatchSize: number;
  readonly bestSamplesPerSecond: number;
}

/** What `runBatchSizeHardware` measured. */
export interface HardwareResult {
  readonly config: HardwareConfig;
  /** `node` or `browser`: where the backends were tried. */
  readonly backendsTried: readonly string[];
  readonly unavailable: readonly UnavailableBackend[];
  readonly cells: readonly HardwareCell[];
  readonly knees: readonly ThroughputKnee[];
  readonly status: 'completed' | 'aborted';
}

/** Progress: a cell was measured. */
export interface HardwareCellEvent {
  readonly type: 'cell-end';
  readonly done: number;
  readonly total: number;
  readonly cell: HardwareCell;
}

/** Options of `runBatchSizeHardware`. */
export interface RunHardwareOptions {
  /** Backends to try, in order; default: every backend of the platform (`BACKEND_NAMES` but `auto`). */
  readonly backends?: readonly string[];
  /** Passed to every `initBackend` (the page's wasm file URLs). */
  readonly backendOptions?: InitBackendOptions;
  readonly onEvent?: (event: HardwareCellEvent) => void;
  /** Stops after the current cell; the result holds the cells done, status `aborted`. */
  readonly signal?: AbortSignal;
}

/** The knee of each backend and model: the smallest batch size within 90% of the best throughput. */
export function throughputKnees(cells: readonly HardwareCell[]): ThroughputKnee[] {
  const knees: ThroughputKnee[] = [];
  const keys = [...new Set(cells.map((cell) => `${cell.backend}\u0000${cell.model}`))];
  for (const key of keys) {
    const group = cells
      .filter((cell) => `${cell.backend}\u0000${cell.model}` === key)
      .sort((x, y) => x.batchSize - y.batchSize);
    const best = group.reduce((a, b) => (b.samplesPerSecond > a.samplesPerSecond ? b : a));
    const knee = group.find((cell) => cell.samplesPerSecond >= 0.9 * best.samplesPerSecond) ?? best;
    knees.push({
      backend: knee.backend,
      model: knee.model,
      batchSize: knee.batchSize,
      samplesPerSecond: knee.samplesPerSecond,
      bestBatchSize: best.batchSize,
      bestSamplesPerSecond: best.samplesPerSecond,
    });
  }
  return knees;
}

/**
 * Times training against batch size on every backend that starts here: for
 * each backend, the notebook's MLP (12,12,16) and a wider one (`hidden`), and
 * each batch size, it trains the line experiment (`runExperiment`, `n`
 * points, no validation, on the config's `trainingPath`) for about `seconds`
 * (to the first epoch end past it) and records the samples per second, the
 * seconds to the first epoch with a mean loss at most `targetLoss`, and the
 * backend and training path that actually ran. A backend that cannot start
 * (tensorflow without its native library) is listed with its reason, and so
 * is one that fails a measurement (its cells so far are kept, the next backend
 * is measured).
 */
export async function runBatchSizeHardware(
  config: HardwareConfig,
  options: RunHardwareOptions = {},
): Promise<HardwareResult> {
  const tried = options.backends ?? BACKEND_NAMES.filter((name) => name !== 'auto');
  const unavailable: UnavailableBackend[] = [];
  const usable: string[] = [];
  for (const backend of tried) {
    try {
      await initBackend(backend, options.backendOptions);
      usable.push(backend);
    } catch (error) {
      unavailable.push({ backend, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const models = [
    { model: 'notebook' as const, hidden: NOTEBOOK_HIDDEN },
    { model: 'wide' as const, hidden: config.hidden },
  ];
  const total = usable.length * models.length * config.batchSizes.length;
  const cells: HardwareCell[] = [];
  let status: HardwareResult['status'] = 'completed';
  measure: for (const backend of usable) {
    const before = cells.length;
    try {
      for (const { model, hidden } of models) {
        for (const option of config.batchSizes) {
          if (options.signal?.aborted) {
            status = 'aborted';
            break measure;
          }
          const cell = await timeOne(
            config,
            backend,
            model,
            hidden,
            option,
            options.backendOptions,
          );
          cells.push(cell);
          options.onEvent?.({ type: 'cell-end', done: cells.length, total, cell });
        }
      }
    } catch (error) {
      // A backend that starts can still fail a training (a lost GPU device, a
      // path it cannot run): the others are still worth measuring.
      const message = error instanceof Error ? error.message : String(error);
      unavailable.push({
        backend,
        reason: `failed after ${cells.length - before} measurements: ${message}`,
      });
    }
  }
  return {
    config,
    backendsTried: tried,
    unavailable,
    cells,
    knees: throughputKnees(cells),
    status,
  };
}

async function timeOne(
  config: HardwareConfig,
  backend: string,
  model: 'notebook' | 'wide',
  hidden: readonly number[],
  option: number | 'full',
  backendOptions: InitBackendOptions | undefined,
): Promise<HardwareCell> {
  const batchSize = resolveBatchSize(option, config.n);
  const line = parseExperimentConfig({
    experiment: 'line',
    n: config.n,
    valN: 0,
    hidden: [...hidden],
    lr: config.lr,
    batchSize,
    epochs: 1_000_000,
    seed: config.seed,
    trainingPath: config.trainingPath,
  });
  const stop = new AbortController();
  let lastEpochSeconds = 0;
  let epochs = 0;
  let secondsToTarget: number | null = null;
  const result = await runExperiment(line, {
    backend,
    ...(backendOptions ? { backendOptions } : {}),
    signal: stop.signal,
    beforeEpoch: () => {
      if (lastEpochSeconds >= config.seconds) stop.abort();
    },
    onEvent: (event) => {
      if (event.type !== 'epoch') return;
      epochs = event.epoch + 1;
      lastEpochSeconds = event.elapsedSeconds;
      if (secondsToTarget === null && event.trainLoss <= config.targetLoss) {
        secondsToTarget = event.elapsedSeconds;
      }
    },
  });
  result.model.dispose();
  if (result.backend.name !== backend) {
    throw new Error(`asked for backend ${backend}, ${result.backend.name} ran`);
  }
  return {
    backend: result.backend.name,
    model,
    hidden: [...hidden],
    parameters: result.summary.parameters,
    batchSize,
    label: batchSizeLabel(option, config.n),
    trainingPath: result.summary.trainingPath,
    epochs,
    seconds: lastEpochSeconds,
    samplesPerSecond: lastEpochSeconds > 0 ? (epochs * config.n) / lastEpochSeconds : 0,
    secondsToTarget,
    finalTrainLoss: result.summary.finalTrainLoss,
  };
}
