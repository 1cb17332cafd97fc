import { SeededRandom } from '@epochlab/tensor/random';
import { ConfigError, formatIssue } from '../config/config-error.js';
import { type ExperimentConfig, findFitExperiment } from '../experiments/experiment-list.js';
import type { SweepSpec } from './sweep-spec.js';
import { SweepSpecError } from './sweep-spec-error.js';
import { sweepValueText } from './sweep-values-text.js';

/** Most runs (configurations x seeds) a sweep starts without being told yes. */
export const LARGE_SWEEP_RUNS = 100_000;

/** One configuration of a sweep: a point of the grid and its validated config. */
export interface SweepConfiguration {
  /** Its position in the whole grid (last axis fastest), the same in every shard and resume. */
  readonly index: number;
  /** The swept fields' values, by key, in axis order. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The experiment's config at the first seed; run k uses `seed + k`. */
  readonly config: ExperimentConfig;
}

/** The number of grid points: the product of the axes' lengths (1 without axes). */
export function gridSize(spec: SweepSpec): number {
  return spec.axes.reduce((size, axis) => size * axis.values.length, 1);
}

/** The number of configurations the sweep runs: the grid, or the random search's draw from it. */
export function configurationCount(spec: SweepSpec): number {
  const size = gridSize(spec);
  return spec.random === undefined ? size : Math.min(spec.random.count, size);
}

/** Every run of the sweep: configurations x seeds. */
export function sweepRunCount(spec: SweepSpec): number {
  return configurationCount(spec) * spec.seeds;
}

/**
 * `count` distinct grid indices out of `size`, ascending, drawn from `seed`
 * (Floyd's algorithm: `count` draws whatever the grid's size, no list of the grid).
 */
function sampleIndices(size: number, count: number, seed: number): number[] {
  const random = new SeededRandom(seed).stream('sweep-random-search');
  const chosen = new Set<number>();
  for (let j = size - count; j < size; j++) {
    const pick = random.integer(0, j + 1);
    chosen.add(chosen.has(pick) ? j : pick);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The values of grid point `index` (mixed radix, last axis fastest, like itertools.product). */
function valuesAt(spec: SweepSpec, index: number): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let rest = index;
  for (let a = spec.axes.length - 1; a >= 0; a--) {
    const axis = spec.axes[a] as SweepSpec['axes'][number];
    values[axis.key] = axis.values[rest % axis.values.length];
    rest = Math.floor(rest / axis.values.length);
  }
  return Object.fromEntries(spec.axes.map((axis) => [axis.key, values[axis.key]]));
}

/**
 * `lr 0.01, batch-size 1`: a configuration in words, for messages, progress
 * lines and legends: the fields the sweep varies (every swept field when it
 * varies none).
 */
export function configurationText(
  spec: Pick<SweepSpec, 'axes'>,
  values: Readonly<Record<string, unknown>>,
): string {
  const varied = spec.axes.filter((axis) => axis.values.length > 1);
  const shown = varied.length > 0 ? varied : spec.axes;
  if (shown.length === 0) return 'the default configuration';
  return shown.map((axis) => `${axis.flag} ${sweepValueText(values[axis.key])}`).join(', ');
}

/**
 * The configurations a sweep runs, ascending by grid index: the whole grid,
 * or with `random` a draw of that many distinct points (the same for the
 * same `random.seed`). Each is validated by the experiment as a whole, so a
 * combination that no single value shows (data beyond float32) is refused
 * here, before anything runs. Above `LARGE_SWEEP_RUNS` runs it refuses
 * unless `yes` is true (the CLI's `--yes`).
 */
export function sweepConfigurations(
  spec: SweepSpec,
  options: { readonly yes?: boolean } = {},
): SweepConfiguration[] {
  const runs = sweepRunCount(spec);
  if (runs > LARGE_SWEEP_RUNS && options.yes !== true) {
    throw new SweepSpecError(
      `the sweep has ${configurationCount(spec)} configurations x ${spec.seeds} seeds = ${runs} runs, over ${LARGE_SWEEP_RUNS}; add --yes to run them all, or --random N to draw N configurations`,
    );
  }
  const experiment = findFitExperiment(spec.experiment);
  if (experiment === undefined) {
    throw new SweepSpecError(`${spec.experiment} is not an experiment a sweep runs`);
  }
  const size = gridSize(spec);
  const indices =
    spec.random === undefined
      ? Array.from({ length: size }, (_, index) => index)
      : sampleIndices(size, configurationCount(spec), spec.random.seed);
  return indices.map((index) => {
    const values = valuesAt(spec, index);
    try {
      const config = experiment.parse({
        experiment: spec.experiment,
        ...values,
        seed: spec.seed,
      }) as ExperimentConfig;
      return { index, values, config };
    } catch (error) {
      if (!ConfigError.isInstance(error)) throw error;
      const issue = error.issues[0];
      const why = issue === undefined ? error.message : formatIssue(issue);
      throw new SweepSpecError(
        `the configuration ${configurationText(spec, values)} is not valid: ${why}`,
      );
    }
  });
}
