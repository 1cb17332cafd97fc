import type { ConfigField } from '../config/config-field.js';

/** One swept field: its values in the order given (a single value fixes the field). */
export interface SweepAxis {
  /** The config key (`batchSize`). */
  readonly key: string;
  /** Its CLI flag without dashes (`batch-size`), for messages, tables and command lines. */
  readonly flag: string;
  /** Each value validated by the field's own schema; no value twice. */
  readonly values: readonly unknown[];
}

/**
 * A validated sweep: one experiment, a grid of field values (or a random
 * sample of it) and a number of seeds per configuration. Made by
 * `parseSweepSpec`; `sweepConfigurations` lists what it runs.
 */
export interface SweepSpec {
  /** A fit experiment of the list (`line`, `polynomial`, `sine`). */
  readonly experiment: string;
  readonly axes: readonly SweepAxis[];
  /** Runs per configuration: seeds `seed`, `seed + 1`, ..., `seed + seeds - 1`. */
  readonly seeds: number;
  /** The first seed (the experiment's default seed unless given). */
  readonly seed: number;
  /** Random search: `count` configurations drawn from the grid without repeats, from `seed`. */
  readonly random?: { readonly count: number; readonly seed: number };
}

/**
 * The sweep as plain JSON, the form a sweep file holds (and `sweep.json`
 * records): `{ "experiment": "line", "grid": { "lr": [0.001, 0.01] },
 * "seeds": 8 }`, with `seed`, `random` and `randomSeed` when given.
 */
export interface SweepFile {
  readonly experiment: string;
  readonly grid: Readonly<Record<string, readonly unknown[]>>;
  readonly seeds: number;
  readonly seed: number;
  readonly random?: number;
  readonly randomSeed?: number;
}

/** The sweep file of a spec: `parseSweepSpec(sweepFileOf(spec))` gives the same spec back. */
export function sweepFileOf(spec: SweepSpec): SweepFile {
  return {
    experiment: spec.experiment,
    grid: Object.fromEntries(spec.axes.map((axis) => [axis.key, axis.values])),
    seeds: spec.seeds,
    seed: spec.seed,
    ...(spec.random ? { random: spec.random.count, randomSeed: spec.random.seed } : {}),
  };
}

/** The fields a sweep never varies: it runs one experiment, and seeds come from `seeds`. */
export function fixedFieldReason(field: Pick<ConfigField, 'key'>): string | undefined {
  if (field.key === 'experiment')
    return 'a sweep runs one experiment; start one sweep per experiment';
  if (field.key === 'seed') {
    return 'runs differ in seed through --seeds N (seeds seed to seed+N-1); give one --seed to start from';
  }
  return undefined;
}
