import { EXPERIMENT_NAMES, EXPERIMENTS, RUNNABLE_EXPERIMENTS } from '@epochlab/experiments';

/** Every experiment name, in list order. */
export const ALL_NAMES: readonly string[] = EXPERIMENT_NAMES;
/** The experiments that train one model (points drawn or given): those with `--batch-size`. */
export const ONE_MODEL_NAMES: readonly string[] = RUNNABLE_EXPERIMENTS.map((e) => e.name);

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
