import { describeValue } from '@epochlab/tensor/errors';
import { SweepSpecError } from './sweep-spec-error.js';

/** One of `count` parts of a sweep: shard `index` (1 to `count`). */
export interface SweepShard {
  readonly index: number;
  readonly count: number;
}

/** Most shards a sweep splits into. */
export const MAX_SHARDS = 100_000;

/**
 * `2/4` -> `{ index: 2, count: 4 }`: shard numbers start at 1, as in
 * `jest --shard` and `playwright --shard` (a Kubernetes Indexed Job passes
 * `$((JOB_COMPLETION_INDEX + 1))/N`). Anything else is one line naming `name`.
 */
export function parseShard(text: string, name = '--shard'): SweepShard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
    throw new SweepShardError(name, text);
  }
  return { index, count };
}

class SweepShardError extends SweepSpecError {
  constructor(name: string, value: unknown) {
    super(
      `${name} must be i/N with N from 1 to ${MAX_SHARDS} and i from 1 to N, such as 1/4; got ${describeValue(value)}`,
    );
  }
}

/** `2/4`: a shard as `--shard` takes it. */
export function shardText(shard: SweepShard): string {
  return `${shard.index}/${shard.count}`;
}

/**
 * The items of one shard: the ones at positions `index - 1`, `index - 1 +
 * count`, ... (round robin, so neighbouring configurations, which often cost
 * alike, go to different shards). The shards of one count partition the
 * list: every item in exactly one, whatever machine computes it.
 */
export function shardItems<Item>(items: readonly Item[], shard: SweepShard | undefined): Item[] {
  if (shard === undefined) return [...items];
  return items.filter((_, position) => position % shard.count === shard.index - 1);
}
