import { describeValue } from '@epochlab/tensor/errors';
import { MAX_SEED } from '@epochlab/tensor/random';
import { ConfigError, formatIssue } from '../config/config-error.js';
import type { ConfigField } from '../config/config-field.js';
import { FIT_EXPERIMENTS, findFitExperiment } from '../experiments/experiment-list.js';
import { fixedFieldReason, type SweepAxis, type SweepSpec } from './sweep-spec.js';
import { SweepSpecError } from './sweep-spec-error.js';
import { sweepValueText } from './sweep-values-text.js';

/** How messages name fields: as CLI flags (`--batch-size`) or as sweep-file keys (`grid.batchSize`). */
export type SweepNaming = 'flag' | 'key';

/** Most seeds per configuration. */
export const MAX_SWEEP_SEEDS = 1000;

/** Most configurations a random search draws. */
export const MAX_RANDOM_CONFIGURATIONS = 1_000_000;

function nameOf(field: Pick<ConfigField, 'key' | 'flag'>, naming: SweepNaming): string {
  return naming === 'flag' ? `--${field.flag}` : `grid.${field.key}`;
}

function optionName(option: 'seeds' | 'seed' | 'random' | 'randomSeed', naming: SweepNaming) {
  if (naming === 'key') return option;
  return `--${option === 'randomSeed' ? 'random-seed' : option}`;
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SweepSpecError(
      `${name} must be a whole number from ${min} to ${max}; got ${describeValue(value)}`,
    );
  }
  return value;
}

/** One value of `field` checked by the experiment's own schema, or one line naming it. */
function checkValue(
  experiment: (typeof FIT_EXPERIMENTS)[number],
  field: ConfigField,
  value: unknown,
  name: string,
): void {
  try {
    experiment.parse({ experiment: experiment.name, [field.key]: value });
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const issue = error.issues.find((candidate) => candidate.field.startsWith(field.key));
    if (issue === undefined) return; // a clash with another field's default: the grid check names it
    throw new SweepSpecError(formatIssue({ ...issue, value }, name));
  }
}

/**
 * Validates a sweep: `experiment` must be a fit experiment of the list;
 * `grid` maps each swept field (its key or its flag) to a non-empty list of
 * values, each validated by that field's own schema, none twice; `seeds`
 * (default 1) runs per configuration from `seed` (default the experiment's);
 * `random` draws that many configurations of the grid (from `randomSeed`,
 * default 0). Any field of the experiment can be swept, so a field added to
 * the list joins sweeps by itself; `experiment` and `seed` cannot vary.
 *
 * Throws `SweepSpecError`, one line naming the field as `naming` says
 * (`--lr` for the CLI's flags, `grid.lr` for a sweep file).
 */
export function parseSweepSpec(input: unknown, naming: SweepNaming = 'key'): SweepSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SweepSpecError(
      `a sweep must be an object such as {"experiment": "line", "grid": {"lr": [0.001, 0.01]}, "seeds": 8}; got ${describeValue(input)}`,
    );
  }
  const raw = input as Record<string, unknown>;
  const known = ['experiment', 'grid', 'seeds', 'seed', 'random', 'randomSeed'];
  const unknown = Object.keys(raw).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    throw new SweepSpecError(`${unknown} is not part of a sweep; a sweep has ${known.join(', ')}`);
  }
  const experiment = findFitExperiment(raw.experiment);
  if (experiment === undefined) {
    const names = FIT_EXPERIMENTS.map((candidate) => candidate.name).join(', ');
    throw new SweepSpecError(
      `a sweep runs one of the experiments ${names}; got ${describeValue(raw.experiment)}`,
    );
  }
  const grid = raw.grid ?? {};
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid)) {
    throw new SweepSpecError(
      `grid must be an object of lists such as {"lr": [0.001, 0.01]}; got ${describeValue(grid)}`,
    );
  }
  const defaults = experiment.defaults() as Record<string, unknown>;
  let seed = defaults.seed as number;
  const axes: SweepAxis[] = [];
  for (const [name, values] of Object.entries(grid as Record<string, unknown>)) {
    const field = experiment.fields.find(
      (candidate) => candidate.key === name || candidate.flag === name,
    );
    if (field === undefined) {
      const reason = fixedFieldReason({ key: name });
      if (reason !== undefined)
        throw new SweepSpecError(
          `${naming === 'flag' ? `--${name}` : `grid.${name}`} cannot vary: ${reason}`,
        );
      const fields = experiment.fields.map((candidate) =>
        naming === 'flag' ? `--${candidate.flag}` : candidate.key,
      );
      throw new SweepSpecError(
        `${naming === 'flag' ? `--${name}` : `grid.${name}`} is not a field of the ${experiment.title}; its fields: ${fields.join(', ')}`,
      );
    }
    const fieldName = nameOf(field, naming);
    if (axes.some((axis) => axis.key === field.key)) {
      throw new SweepSpecError(`${fieldName} is given twice; give its values in one list`);
    }
    if (!Array.isArray(values)) {
      throw new SweepSpecError(
        `${fieldName} must be a list of values; got ${describeValue(values)}`,
      );
    }
    if (values.length === 0) {
      const example = sweepValueText(field.default);
      throw new SweepSpecError(
        `${fieldName} has an empty list; give at least one value, such as ${example}`,
      );
    }
    const reason = fixedFieldReason(field);
    if (reason !== undefined) {
      if (field.key !== 'seed' || values.length > 1) {
        throw new SweepSpecError(`${fieldName} cannot vary: ${reason}`);
      }
      checkValue(experiment, field, values[0], fieldName);
      seed = values[0] as number;
      continue;
    }
    const seen = new Set<string>();
    values.forEach((value, index) => {
      checkValue(
        experiment,
        field,
        value,
        values.length > 1 ? `${fieldName}[${index}]` : fieldName,
      );
      const text = JSON.stringify(value);
      if (seen.has(text)) {
        throw new SweepSpecError(
          `${fieldName} lists ${sweepValueText(value)} twice; give each value once`,
        );
      }
      seen.add(text);
    });
    axes.push({ key: field.key, flag: field.flag, values: [...values] });
  }
  if (raw.seed !== undefined) seed = wholeNumber(raw.seed, optionName('seed', naming), 0, MAX_SEED);
  const seeds =
    raw.seeds === undefined
      ? 1
      : wholeNumber(raw.seeds, optionName('seeds', naming), 1, MAX_SWEEP_SEEDS);
  if (seed + seeds - 1 > MAX_SEED) {
    throw new SweepSpecError(
      `${optionName('seeds', naming)} ${seeds} from seed ${seed} passes the largest seed ${MAX_SEED}`,
    );
  }
  if (raw.random === undefined && raw.randomSeed !== undefined) {
    throw new SweepSpecError(
      `${optionName('randomSeed', naming)} needs ${optionName('random', naming)} N`,
    );
  }
  const random =
    raw.random === undefined
      ? undefined
      : {
          count: wholeNumber(
            raw.random,
            optionName('random', naming),
            1,
            MAX_RANDOM_CONFIGURATIONS,
          ),
          seed:
            raw.randomSeed === undefined
              ? 0
              : wholeNumber(raw.randomSeed, optionName('randomSeed', naming), 0, MAX_SEED),
        };
  return { experiment: experiment.name, axes, seeds, seed, ...(random ? { random } : {}) };
}
