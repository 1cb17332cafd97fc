import { batchSizeHardwareExperiment } from './batch-size-hardware-experiment.js';
import { batchSizeLabExperiment } from './batch-size-lab-experiment.js';
import { type DataExperimentConfig, dataExperiment } from './data-experiment.js';
import type { ExperimentDefinition } from './experiment-definition.js';
import { lineExperiment } from './line-experiment.js';
import { localMinimaExperiment } from './local-minima-experiment.js';
import { polynomialExperiment } from './polynomial-experiment.js';
import { sineExperiment } from './sine-experiment.js';

/**
 * Every experiment epochlab knows, in the order lists and menus show them.
 * The CLI's `run` and `list`, its flags and help, the web page's experiment
 * menu, form and URLs, and the tests that cover every experiment all read
 * this list: adding an experiment is one definition file and one line here.
 */
export const EXPERIMENTS = [
  lineExperiment,
  polynomialExperiment,
  sineExperiment,
  dataExperiment,
  batchSizeLabExperiment,
  localMinimaExperiment,
  batchSizeHardwareExperiment,
] as const;

/** Any entry of `EXPERIMENTS`. */
export type AnyExperiment = (typeof EXPERIMENTS)[number];

/** An experiment that fits one model to noisy points (what `runExperiment` runs). */
export type FitExperiment = Extract<AnyExperiment, { kind: 'fit' }>;

/** An experiment `runExperiment` runs: points drawn from a function, or given (`data`). */
export type RunnableExperiment = Extract<AnyExperiment, { kind: 'fit' | 'given' }>;

/** A validated config `runExperiment` runs: a drawn-data experiment's or the data experiment's. */
export type RunConfig = ExperimentConfig | DataExperimentConfig;

/** The name of an experiment that draws its points from a function: `line`, `polynomial`... */
export type ExperimentName = FitExperiment['name'];

/** A complete, validated config of an experiment that draws its points (all defaults filled in). */
export type ExperimentConfig = ReturnType<FitExperiment['defaults']>;

/** What a user may write: any field but `experiment` may be left out and takes its default. */
export type ExperimentConfigInput = ExperimentConfig extends infer Config
  ? Config extends { experiment: infer Name }
    ? { readonly experiment: Name } & Partial<Omit<Config, 'experiment'>>
    : never
  : never;

function isFit(experiment: AnyExperiment): experiment is FitExperiment {
  return experiment.kind === 'fit';
}

/** The experiments that draw their points from a function, in list order. */
export const FIT_EXPERIMENTS: readonly FitExperiment[] = EXPERIMENTS.filter(isFit);

/** Every experiment name, in list order. */
export const EXPERIMENT_NAMES: readonly AnyExperiment['name'][] = EXPERIMENTS.map((e) => e.name);

/** The experiment with this name, if any. */
export function findExperiment(name: unknown): AnyExperiment | undefined {
  return EXPERIMENTS.find((experiment) => experiment.name === name);
}

/** The experiments `runExperiment` runs, in list order: drawn points and given points. */
export const RUNNABLE_EXPERIMENTS: readonly RunnableExperiment[] = EXPERIMENTS.filter(
  (experiment): experiment is RunnableExperiment => experiment.kind !== 'lab',
);

/** The fit experiment with this name, if any. */
export function findFitExperiment(name: unknown): FitExperiment | undefined {
  return FIT_EXPERIMENTS.find((experiment) => experiment.name === name);
}

/**
 * The definition of a validated config's experiment, typed for any config:
 * what `runExperiment` and the data preview use.
 */
export function experimentOf(
  config: ExperimentConfig,
): ExperimentDefinition<string, ExperimentConfig> {
  return findFitExperiment(config.experiment) as unknown as ExperimentDefinition<
    string,
    ExperimentConfig
  >;
}

/** A config's function in a few words, for chart titles: `line y = 1x + 0`. */
export function experimentCaption(config: ExperimentConfig): string {
  return experimentOf(config).caption(config);
}
