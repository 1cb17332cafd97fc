import type { NoisyPoints } from '@epochlab/data';
import type { SeededRandom } from '@epochlab/tensor';
import type { ConfigIssue } from '../config/config-error.js';
import type { ConfigField } from '../config/config-field.js';
import type { DataScaleConfig } from '../config/finite-data-check.js';

/**
 * What every entry of the experiment list has: enough for the CLI's flags and
 * `epochlab list`, URLs, forms and config files, whatever the experiment runs.
 */
export interface DefinitionBase<Name extends string = string, Config = unknown> {
  /**
   * `fit`: one model fitted to noisy points drawn from a function
   * (`runExperiment`); `given`: one model fitted to points the user gives
   * (`runExperiment` too, without a true function); `lab`: the batch-size lab.
   */
  readonly kind: 'fit' | 'given' | 'lab';
  /** `experiment` in configs and URLs, and `epochlab run <name>`. */
  readonly name: Name;
  /** What the config belongs to, in an English sentence: `line experiment`, `batch-size lab`. */
  readonly title: string;
  /** One line for `epochlab list`, in English. */
  readonly description: string;
  /** Every field but `experiment`, in help and form order. */
  readonly fields: readonly ConfigField[];
  /** Validates a config and fills in the defaults; throws `ConfigError` naming each bad field. */
  parse(input: unknown): Config;
  /** Every field at its default. */
  defaults(): Config;
}

/**
 * An experiment that fits one MLP to noisy points drawn from a function of
 * x: what `runExperiment` runs and the web page's main form offers.
 */
export interface ExperimentDefinition<
  Name extends string = string,
  Config = unknown,
  Own extends ConfigField = ConfigField,
> extends DefinitionBase<Name, Config> {
  readonly kind: 'fit';
  /** The fields of its function (the line's slope and intercept), first in `fields`. */
  readonly ownFields: readonly Own[];
  /** The noise-free function the points come from (drawn as the true curve). */
  truth(config: Config): (x: number) => number;
  /** The function in a few words, for chart titles: `line y = 1x + 0`, `polynomial [2, 1, 0]`. */
  caption(config: Config): string;
  /**
   * Why data drawn with these values (`sigma`, `range` and the function's own
   * fields) could hold numbers beyond float32, or `undefined` when they fit;
   * `parse` refuses such a config, and the batch-size lab checks its dataset
   * with it.
   */
  dataIssue(config: DataScaleConfig): ConfigIssue | undefined;
  /**
   * `n` noisy points of one data set (training or validation), all drawn from
   * `random` (the caller passes each set its own stream).
   */
  data(config: Config, n: number, random: SeededRandom): NoisyPoints;
}

/** An experiment of its own kind, with its own runner (the batch-size lab: `runBatchSizeLab`). */
export interface LabDefinition<Name extends string = string, Config = unknown>
  extends DefinitionBase<Name, Config> {
  readonly kind: 'lab';
}

/**
 * An experiment over points the user gives (a file, pasted or drawn points)
 * instead of points drawn from a function: no true function, no noise or
 * range fields. Its config carries the points; `fields` are the ones a flag
 * or form sets (the split, standardisation, the model and its training),
 * while the points come from the data itself (the CLI's `--data`, the page's
 * file or drawing).
 */
export interface GivenDataDefinition<Name extends string = string, Config = unknown>
  extends DefinitionBase<Name, Config> {
  readonly kind: 'given';
  /** The config keys that hold the data itself (no flag or form field: `points`...). */
  readonly dataKeys: readonly string[];
  /** Example data under those keys, enough for a valid config (what `defaults` uses). */
  readonly exampleData: Readonly<Record<string, unknown>>;
}
