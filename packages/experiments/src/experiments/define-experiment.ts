import {
  COMMON_FIELDS,
  type CommonConfig,
  EARLY_STOPPING_FIELDS,
  type EarlyStoppingConfig,
} from '../config/common-fields.js';
import { ConfigError } from '../config/config-error.js';
import type { ConfigField, ConfigOfFields } from '../config/config-field.js';
import { configSchema } from '../config/config-schema.js';
import { earlyStoppingIssue } from '../config/early-stopping-check.js';
import { type DataScaleConfig, finiteDataIssue } from '../config/finite-data-check.js';
import { parseWithSchema } from '../config/parse-with-schema.js';
import type { ExperimentDefinition } from './experiment-definition.js';
import { drawFitPoints, type FitFunction } from './fit-function.js';

/** The validated config of an experiment with these own fields. */
export type FitConfig<Name extends string, Own extends ConfigField> = {
  readonly experiment: Name;
} & ConfigOfFields<Own> &
  CommonConfig &
  EarlyStoppingConfig;

/** What `defineExperiment` takes: the experiment's function (`FitFunction`), its texts and fields. */
export interface ExperimentSpec<Name extends string, Own extends ConfigField>
  extends FitFunction<Name, FitConfig<Name, Own>> {
  /** `line experiment`: what its config belongs to, in an English sentence. */
  readonly title: string;
  /** One line for `epochlab list`, in English. */
  readonly description: string;
  /** The experiment's own fields (the function's parameters), shown before the common ones. */
  readonly fields: readonly Own[];
}

/**
 * An experiment from its name, texts, own fields and function: the common
 * fields (data size and noise, the MLP, its training, the seed) are added,
 * and its config schema, defaults and data follow. Add one to
 * `EXPERIMENTS` (`experiment-list.ts`), its function to `FIT_FUNCTIONS`
 * (`fit-function-list.ts`), and the CLI, the page, URLs, sweeps and the
 * tests that iterate the list take it up.
 *
 * @example
 * export const lineExperiment = defineExperiment({
 *   ...lineFunction, // name, truth, caption (line-function.ts)
 *   title: 'line experiment', description: 'noisy points from a line',
 *   fields: [slopeField, interceptField],
 * });
 */
export function defineExperiment<const Name extends string, Own extends ConfigField>(
  spec: ExperimentSpec<Name, Own>,
): ExperimentDefinition<Name, FitConfig<Name, Own>, Own> {
  type Config = FitConfig<Name, Own>;
  const fields: readonly ConfigField[] = [
    ...spec.fields,
    ...COMMON_FIELDS,
    ...EARLY_STOPPING_FIELDS,
  ];
  const schema = configSchema(spec.name, spec.title, fields);
  const dataIssue = (config: DataScaleConfig) =>
    finiteDataIssue({ ownFields: spec.fields, truthBound: spec.truthBound }, config as Config);
  const parse = (input: unknown) => {
    const config = parseWithSchema(
      schema,
      input,
      `{"experiment": "${spec.name}"}`,
    ) as unknown as Config;
    const issue = dataIssue(config) ?? earlyStoppingIssue(config);
    if (issue) throw new ConfigError([issue]);
    return config;
  };
  return {
    kind: 'fit',
    name: spec.name,
    title: spec.title,
    description: spec.description,
    ownFields: spec.fields,
    fields,
    parse,
    defaults: () => parse({ experiment: spec.name }),
    truth: (config) => spec.truth(config),
    caption: (config) => spec.caption(config),
    dataIssue,
    data: (config, n, random) => drawFitPoints(spec, config, n, random),
  };
}
