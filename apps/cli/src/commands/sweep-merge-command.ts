import { mergeSweepShards, sweepConfigurations } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { UsageError } from '../config/usage-error.js';
import { readSweepFolder } from '../output/sweep/read-sweep-folder.js';
import { sweepEndText } from '../output/sweep/sweep-text.js';
import { defaultRunFolder, prepareRunFolder } from './run-session.js';
import { writeSweepFolder } from './sweep-command.js';

/** Flags of `epochlab sweep merge`. */
export interface SweepMergeFlags {
  out?: string;
  axes?: string;
  json?: boolean;
  quiet?: boolean;
}

/**
 * `epochlab sweep merge <shard folder>... [--out dir]`: joins the folders of
 * every shard of one sweep (`--shard i/N`) into one sweep folder with the
 * same `sweep.json`, `runs`, `configurations`, `curves` and `best` files, byte
 * for byte, as the sweep run unsharded (`timings.json` adds up the shards'
 * seconds). Shards of other sweeps, missing, repeated or unfinished shards
 * exit 2 with one line, before anything is written.
 */
export async function sweepMergeCommand(
  folders: readonly string[],
  flags: SweepMergeFlags,
  io: CliIo,
): Promise<number> {
  if (folders.length === 0) throw new UsageError('sweep merge needs the shard folders to join');
  const parts = folders.map(readSweepFolder);
  const spec = (parts[0] as (typeof parts)[number]).spec;
  const configurations = sweepConfigurations(spec, { yes: true });
  const finished = mergeSweepShards(parts, configurations);
  const folder = prepareRunFolder(
    { out: flags.out ?? defaultRunFolder(`sweep-${spec.experiment}`) },
    `sweep-${spec.experiment}`,
    io,
  );
  const seconds = finished.reduce((sum, configuration) => sum + configuration.seconds, 0);
  const written = await writeSweepFolder(
    folder,
    { spec, shard: undefined, configurations, finished },
    { workers: null, backend: null, seconds },
    flags.axes,
  );
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ folder: folder.path, configurations: configurations.length, finished: finished.length, runs: finished.length * spec.seeds, best: written.best ?? null }, null, 2)}\n`,
    );
  }
  if (!flags.quiet) {
    (flags.json ? io.stderr : io.stdout).write(
      `merged ${parts.length} shards: ${finished.length} configurations\n${sweepEndText(spec, written.best, written.summaries, folder.path)}`,
    );
  }
  return 0;
}
