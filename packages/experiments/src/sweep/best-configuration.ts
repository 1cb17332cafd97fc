import type { ExperimentConfig } from '../experiments/experiment-list.js';
import { experimentOf } from '../experiments/experiment-list.js';
import { runCommandLine } from '../run/run-command-line.js';
import { type ConfigurationSummary, rankedLoss } from './configuration-summary.js';
import type { SweepConfiguration } from './sweep-grid.js';

/** The configuration a sweep recommends: what `best.json` holds. */
export interface BestConfiguration {
  /** Its grid index. */
  readonly index: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** The loss it was ranked by, and its mean and standard deviation over the seeds. */
  readonly rankedBy: 'bestValLoss' | 'finalTrainLoss';
  readonly mean: number;
  readonly std: number;
  /** Its whole config at the sweep's first seed. */
  readonly config: ExperimentConfig;
  /** `epochlab run ...` with that config: run 0 of this configuration, exactly. */
  readonly command: string;
}

/**
 * The configuration with the lowest mean ranked loss (`rankedLoss`: best
 * validation loss, or final training loss without validation points); on a
 * tie, the one with the lower grid index. `undefined` when no configuration
 * has a ranked loss (every run diverged).
 */
export function bestConfiguration(
  configurations: readonly SweepConfiguration[],
  summaries: readonly ConfigurationSummary[],
): BestConfiguration | undefined {
  let best: { summary: ConfigurationSummary; mean: number } | undefined;
  for (const summary of [...summaries].sort((a, b) => a.index - b.index)) {
    const rank = rankedLoss(summary);
    if (rank !== undefined && (best === undefined || rank.mean < best.mean)) {
      best = { summary, mean: rank.mean };
    }
  }
  if (best === undefined) return undefined;
  const { summary } = best;
  const configuration = configurations.find((candidate) => candidate.index === summary.index);
  if (configuration === undefined) return undefined;
  const rank = rankedLoss(summary) as NonNullable<ReturnType<typeof rankedLoss>>;
  const spread = rank.loss === 'bestValLoss' ? summary.bestValLoss : summary.finalTrainLoss;
  const { config } = configuration;
  const definition = experimentOf(config);
  return {
    index: summary.index,
    values: summary.values,
    rankedBy: rank.loss,
    mean: rank.mean,
    std: spread?.std ?? 0,
    config,
    command: runCommandLine(config.experiment, definition.fields, config, definition.defaults()),
  };
}
