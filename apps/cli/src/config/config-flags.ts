import {
  BATCH_SIZE_LAB,
  BATCH_SIZE_LAB_FIELDS,
  CONFIG_FIELDS,
  type ConfigField,
  defaultBatchSizeLabConfig,
  defaultConfig,
  EXPERIMENTS,
} from '@epochlab/experiments';

/** Every experiment `epochlab run` accepts by name. */
export const RUN_EXPERIMENTS = [...EXPERIMENTS, BATCH_SIZE_LAB] as const;

/** The name of an experiment `epochlab run` accepts. */
export type RunExperimentName = (typeof RUN_EXPERIMENTS)[number];

/** One config flag of `epochlab run`, with the experiments that have its field. */
export interface ConfigFlag {
  /** The flag without dashes (`val-n`). */
  readonly flag: string;
  /** Where commander puts its value (`valN`). */
  readonly attribute: string;
  readonly kind: ConfigField['kind'];
  readonly description: string;
  readonly choices?: readonly string[];
  readonly experiments: readonly RunExperimentName[];
}

/** `val-n` -> `valN`: the property commander stores a flag's value under. */
export function flagAttribute(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The config fields of one experiment, in help order. */
export function fieldsOf(experiment: RunExperimentName): readonly ConfigField[] {
  if (experiment === BATCH_SIZE_LAB) return BATCH_SIZE_LAB_FIELDS;
  return CONFIG_FIELDS.filter(
    (field) => !field.experiments || field.experiments.includes(experiment),
  );
}

/** An experiment's defaults: every field of its config. */
export function experimentDefaults(experiment: RunExperimentName): Record<string, unknown> {
  if (experiment === BATCH_SIZE_LAB) return defaultBatchSizeLabConfig();
  return defaultConfig(experiment);
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
        description: field.description,
        ...(field.choices ? { choices: field.choices } : {}),
        experiments: [experiment],
      });
    }
  }
  return [...byFlag.values()];
}

/**
 * The config flags of `epochlab run` over all experiments: the line and
 * polynomial fields, then the batch-size lab's own (`--batch-sizes`,
 * `--seeds`, ...). A flag shared by several experiments appears once.
 */
export const CONFIG_FLAGS: readonly ConfigFlag[] = collectFlags();
