import {
  type AnyExperiment,
  type ConfigField,
  EXPERIMENT_NAMES,
  findExperiment,
} from '@epochlab/experiments';

/** Every experiment `epochlab run` accepts by name: the experiment list's names. */
export const RUN_EXPERIMENTS = EXPERIMENT_NAMES;

/** The name of an experiment `epochlab run` accepts. */
export type RunExperimentName = AnyExperiment['name'];

/** The definition of a known experiment name. */
export function experimentNamed(name: RunExperimentName): AnyExperiment {
  return findExperiment(name) as AnyExperiment;
}

/** One config flag of `epochlab run`, with the experiments that have its field. */
export interface ConfigFlag {
  /** The flag without dashes (`val-n`). */
  readonly flag: string;
  /** Where commander puts its value (`valN`). */
  readonly attribute: string;
  readonly kind: ConfigField['kind'];
  readonly help: string;
  readonly choices?: readonly string[];
  readonly experiments: readonly RunExperimentName[];
}

/** `val-n` -> `valN`: the property commander stores a flag's value under. */
export function flagAttribute(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The config fields of one experiment, in help order. */
export function fieldsOf(experiment: RunExperimentName): readonly ConfigField[] {
  return experimentNamed(experiment).fields;
}

/** An experiment's defaults: every field of its config. */
export function experimentDefaults(experiment: RunExperimentName): Record<string, unknown> {
  return experimentNamed(experiment).defaults() as Record<string, unknown>;
}

function collectFlags(): ConfigFlag[] {
  const byFlag = new Map<string, ConfigFlag>();
  for (const experiment of RUN_EXPERIMENTS) {
    for (const field of fieldsOf(experiment)) {
      const known = byFlag.get(field.flag);
      if (known) {
        byFlag.set(field.flag, { ...known, experiments: [...known.experiments, experiment] });
        continue;
      }
      byFlag.set(field.flag, {
        flag: field.flag,
        attribute: flagAttribute(field.flag),
        kind: field.kind,
        help: field.help,
        ...(field.choices ? { choices: field.choices } : {}),
        experiments: [experiment],
      });
    }
  }
  return [...byFlag.values()];
}

/**
 * The config flags of `epochlab run` over all experiments, in list order:
 * the first experiment's fields, then each later one's new flags (the
 * polynomial's `--coefficients`, the batch-size lab's `--batch-sizes`...).
 * A flag shared by several experiments appears once.
 */
export const CONFIG_FLAGS: readonly ConfigFlag[] = collectFlags();
