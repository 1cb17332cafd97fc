/**
 * Stop training when the monitored loss has not improved for `patience` epochs.
 *
 * The monitored loss improves when it drops below `best - minDelta`. It is
 * checked whenever it is measured (every epoch for `train`, every validation
 * epoch for `val`), and training stops at the first check where
 * `epoch - bestEpoch >= patience`. With validation every 10 epochs and
 * `patience: 25`, a best at epoch 100 stops training after epoch 130.
 */
export interface EarlyStoppingOptions {
  /**
   * `val` (the validation loss) or `train` (the mean step loss). Default: `val`
   * when a validation source is given, otherwise `train`.
   */
  readonly monitor?: 'val' | 'train';
  /**
   * Epochs without improvement before stopping: a whole number >= 1, or
   * `Infinity` to never stop but still track (and restore) the best weights.
   */
  readonly patience: number;
  /** How much lower than the best a loss must be to count as better; default 0. */
  readonly minDelta?: number;
  /**
   * Put back the weights of the best epoch:
   * - `false` (default): never;
   * - `true`: when early stopping ends the run, or when it diverges;
   * - `'always'`: whenever the run ends, also after all epochs ran or an abort.
   */
  readonly restoreBestWeights?: boolean | 'always';
}
