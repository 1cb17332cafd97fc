import { commonFields } from '../config/common-fields.js';
import { findFitExperiment } from '../experiments/experiment-list.js';
import type { ComparedRun } from './compared-run.js';
import { type ConfigDifference, configDifferences } from './config-differences.js';
import { type RunOutcome, runOutcome } from './run-outcome.js';

/** What `compareRuns` finds: the tables, whether one fit chart fits all, and what was left out. */
export interface RunComparison {
  readonly labels: readonly string[];
  /** The config fields that differ, in form order. */
  readonly differences: readonly ConfigDifference[];
  /** One row per run, in the given order. */
  readonly outcomes: readonly RunOutcome[];
  /**
   * Every run drew the same points (same experiment, function, data fields and
   * seed): their models can be drawn over one set of points.
   */
  readonly sameData: boolean;
  /** One English sentence per thing the comparison could not show, and why. */
  readonly leftOut: readonly string[];
}

/** The fields the points depend on, besides the experiment's own (its function's). */
const DATA_KEYS = [
  commonFields.n.key,
  commonFields.valN.key,
  commonFields.sigma.key,
  commonFields.range.key,
  commonFields.seed.key,
];

/** The config fields whose values decide the drawn points of a run's experiment. */
function dataKeys(run: ComparedRun): string[] {
  const own = findFitExperiment(run.config.experiment)?.ownFields.map((field) => field.key) ?? [];
  return ['experiment', ...own, ...DATA_KEYS];
}

/**
 * Compares finished runs: the config fields that differ, each run's outcome
 * (best validation loss and epoch, final losses, time), whether the runs
 * share their data, and what cannot be compared: runs of different
 * experiments or data have no common fit chart, runs of different lengths
 * draw their curves to their own last epoch, runs without validation have
 * no validation curve or best epoch. Throws nothing; the apps check the
 * number of runs.
 */
export function compareRuns(runs: readonly ComparedRun[]): RunComparison {
  const differences = configDifferences(runs.map((run) => run.config));
  const differing = new Set(differences.map((difference) => difference.field));
  const dataFields = [...new Set(runs.flatMap(dataKeys))].filter((key) => differing.has(key));
  const leftOut: string[] = [];
  if (dataFields.length > 0) {
    const experiments = [...new Set(runs.map((run) => run.config.experiment))];
    leftOut.push(
      experiments.length > 1
        ? `fit chart: the runs are of different experiments (${experiments.join(', ')}), so their models are not drawn over one set of points`
        : `fit chart: the runs drew different points (${dataFields.join(', ')} differ), so their models are not drawn over one set of points`,
    );
  }
  const lengths = [...new Set(runs.map((run) => run.summary.epochsRun))];
  if (lengths.length > 1) {
    leftOut.push(
      `loss curves: the runs have different lengths (${lengths.join(', ')} epochs run); each curve ends at its run's last epoch and final losses are not at the same epoch`,
    );
  }
  const withoutValidation = runs.filter((run) => run.history.val.length === 0);
  if (withoutValidation.length > 0) {
    leftOut.push(
      `validation: ${withoutValidation.map((run) => run.label).join(', ')} ${withoutValidation.length > 1 ? 'have' : 'has'} no validation loss, so no validation curve or best epoch`,
    );
  }
  return {
    labels: runs.map((run) => run.label),
    differences,
    outcomes: runs.map(runOutcome),
    sameData: dataFields.length === 0,
    leftOut,
  };
}
