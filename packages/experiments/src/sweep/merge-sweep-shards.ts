import type { SweepConfiguration } from './sweep-grid.js';
import type { FinishedConfiguration } from './sweep-results.js';
import { type SweepShard, shardItems, shardText } from './sweep-shard.js';
import { type SweepSpec, sweepFileOf } from './sweep-spec.js';
import { SweepSpecError } from './sweep-spec-error.js';

/** One shard's result, as read back from its folder. */
export interface SweepShardPart {
  /** Where it came from (a folder), for messages. */
  readonly name: string;
  readonly spec: SweepSpec;
  readonly shard: SweepShard | undefined;
  readonly finished: readonly FinishedConfiguration[];
}

/**
 * Joins the shards of one sweep into the whole sweep's finished
 * configurations, ascending by grid index: exactly what the unsharded sweep
 * finishes, so its files come out the same. Refuses, as a `SweepSpecError`
 * naming the folder: parts of different sweeps, a part that is not a shard,
 * shards of different counts, a shard twice or missing, a shard with
 * configurations still to run (finish it with `--resume`).
 * `configurations` is the sweep's whole list (`sweepConfigurations(spec)`).
 */
export function mergeSweepShards(
  parts: readonly SweepShardPart[],
  configurations: readonly SweepConfiguration[],
): FinishedConfiguration[] {
  const first = parts[0];
  if (first === undefined) throw new SweepSpecError('sweep merge needs the shard folders to join');
  const sweep = JSON.stringify(sweepFileOf(first.spec));
  const count = first.shard?.count;
  const seen = new Map<number, string>();
  for (const part of parts) {
    if (JSON.stringify(sweepFileOf(part.spec)) !== sweep) {
      throw new SweepSpecError(
        `${part.name} is a shard of another sweep than ${first.name}; merge the shards of one sweep`,
      );
    }
    if (part.shard === undefined || count === undefined) {
      throw new SweepSpecError(`${part.name} is a whole sweep, not a shard (--shard i/N)`);
    }
    if (part.shard.count !== count) {
      throw new SweepSpecError(
        `${part.name} is shard ${shardText(part.shard)} but ${first.name} is one of ${count} shards`,
      );
    }
    const twice = seen.get(part.shard.index);
    if (twice !== undefined) {
      throw new SweepSpecError(`${twice} and ${part.name} are both shard ${shardText(part.shard)}`);
    }
    seen.set(part.shard.index, part.name);
    const expected = shardItems(configurations, part.shard).map((c) => c.index);
    const done = new Set(part.finished.map((c) => c.index));
    const missing = expected.filter((index) => !done.has(index)).length;
    if (missing > 0) {
      throw new SweepSpecError(
        `${part.name} (shard ${shardText(part.shard)}) has ${missing} of its ${expected.length} configurations still to run; finish it with --resume ${part.name}`,
      );
    }
  }
  const absent = Array.from({ length: count ?? 0 }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (absent.length > 0) {
    throw new SweepSpecError(
      `shard${absent.length > 1 ? 's' : ''} ${absent.map((i) => `${i}/${count}`).join(', ')} missing; give every shard's folder`,
    );
  }
  return parts.flatMap((part) => part.finished).sort((a, b) => a.index - b.index);
}
