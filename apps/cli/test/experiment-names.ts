import { EXPERIMENT_NAMES, EXPERIMENTS, FIT_EXPERIMENTS } from '@epochlab/experiments';

/** Every experiment name, in list order, and those that train one model. */
export const ALL_NAMES: readonly string[] = EXPERIMENT_NAMES;
export const FIT_NAMES: readonly string[] = FIT_EXPERIMENTS.map((experiment) => experiment.name);

/** The experiments, in list order, that have a field with this flag (`seeds`). */
export function namesWithFlag(flag: string): string[] {
  return EXPERIMENTS.filter((experiment) =>
    experiment.fields.some((field) => field.flag === flag),
  ).map((experiment) => experiment.name);
}

/** `a, b and c`: names as an English sentence lists them. */
export function inWords(names: readonly string[], conjunction = 'and'): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}

/** `text` as a pattern in which any space may be a line break (help output wraps). */
export function loosely(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
}
