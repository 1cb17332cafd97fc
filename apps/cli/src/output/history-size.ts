import type { ExperimentConfig } from '@epochlab/experiments';

/** Fewest bytes one epoch takes in history.json (`{"epoch":0,"loss":0},`) and history.csv (`0,0,\n`). */
const MIN_BYTES_PER_EPOCH = 21 + 5;

/** Fewest bytes one validation point adds to history.json and history.csv. */
const MIN_BYTES_PER_VALIDATION = 21 + 1;

/**
 * A lower bound on the bytes `history.json` and `history.csv` of `config`
 * take when training runs to the end: checked against the free space before
 * training, so that a run too long for the disk is refused at once rather
 * than after hours. Real files are about twice as large (losses have ~17
 * digits); a lower bound never refuses a run that would fit.
 */
export function minimumHistoryBytes(
  config: Pick<ExperimentConfig, 'epochs' | 'valN' | 'valEvery'>,
): number {
  const validations = config.valN > 0 ? Math.ceil(config.epochs / config.valEvery) : 0;
  return config.epochs * MIN_BYTES_PER_EPOCH + validations * MIN_BYTES_PER_VALIDATION;
}
