import type { NoisySamples } from '@epochlab/data';
import { sampleFunction } from '@epochlab/data';
import type { SeededRandom } from '@epochlab/tensor';
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

/** The validated config of an experiment with these own fields. */
export type FitConfig<Name extends string, Own extends ConfigField> = {
  readonly experiment: Name;
} & ConfigOfFields<Own> &
  CommonConfig &
  EarlyStoppingConfig;

/** What `defineExperiment` takes. */
export interface ExperimentSpec<Name extends string, Own extends ConfigField> {
  readonly name: Name;
  /** `line experiment`: what its config belongs to, in an English sentence. */
  readonly title: string;
  /** One line for `epochlab list`, in English. */
  readonly description: string;
  /** The experiment's own fields (the function's parameters), shown before the common ones. */
  readonly fields: readonly Own[];
  /** The noise-free function of x. */
  truth(config: FitConfig<Name, Own>): (x: number) => number;
  /** The function in a few words, for chart titles: `line y = 1x + 0`. */
  caption(config: FitConfig<Name, Own>): string;
  /**
   * An upper bound of |truth(x)| for |x| <= `range`, so that a config whose
   * data would overflow float32 is refused when it is read (`finiteDataIssue`);
   * without it only x and the noise are checked.
   */
  truthBound?(config: FitConfig<Name, Own>, range: number): number;
  /** The points; default: `truth` at x uniform in [-range, range], noise of std sigma on x and y. */
  data?(config: FitConfig<Name, Own>, n: number, random: SeededRandom): NoisySamples;
}

/**
 * An experiment from its name, texts, own fields and function: the common
 * fields (data size and noise, the MLP, its training, the seed) are added,
 * and its config schema, defaults and data follow. Add one to
 * `EXPERIMENTS` (`experiment-list.ts`) and the CLI, the page, URLs and the
 * tests that iterate the list take it up.
 *
 * @example
 * export const lineExperiment = defineExperiment({
 *   name: 'line', title: 'line experiment', description: 'noisy points from a line',
 *   fields: [slopeField, interceptField],
 *   truth: (config) => polynomial([config.slope, config.intercept]),
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
  const data =
    spec.data ??
    ((config: Config, n: number, random: SeededRandom) =>
      sampleFunction(spec.truth(config), { n, sigma: config.sigma, range: config.range, random }));
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
    data,
  };
}
