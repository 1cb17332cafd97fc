import { BATCH_SIZE_HARDWARE, LOCAL_MINIMA } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { resolveConfig } from '../config/resolve-config.js';
import { runBatchSizeLabCommand } from './batch-size-lab-run.js';
import { runExperimentCommand } from './experiment-run.js';
import { runHardwareCommand } from './hardware-run.js';
import { runLocalMinimaCommand } from './local-minima-run.js';
import type { RunFlags } from './run-session.js';

export { defaultRunFolder, EXIT_INTERRUPTED, type RunFlags } from './run-session.js';

/**
 * `epochlab run <experiment|file> [flags]`: resolves the config, then trains
 * one model (an experiment of kind `fit`, or `given`: the user's points from `--data`) or runs a
 * study of kind `lab` (the batch-size lab, the local-minima study, the batch-size hardware
 * measurement), and writes the
 * run folder. Returns the exit code: 0 when training completed (or stopped
 * early), 1 when it diverged, 130 when interrupted.
 */
export async function runCommand(
  experimentOrFile: string,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const resolved = resolveConfig(experimentOrFile, flags);
  if (resolved.kind === 'lab') {
    const config = resolved.config;
    if (config.experiment === LOCAL_MINIMA) return runLocalMinimaCommand(config, flags, io);
    if (config.experiment === BATCH_SIZE_HARDWARE) return runHardwareCommand(config, flags, io);
    return runBatchSizeLabCommand(config, flags, io);
  }
  if (resolved.kind === 'given') {
    return runExperimentCommand(resolved.config, flags, io, resolved.files);
  }
  if (resolved.kind === 'given-stream') {
    const { data, files } = resolved.streams;
    return runExperimentCommand(resolved.config, flags, io, files, data);
  }
  return runExperimentCommand(resolved.config, flags, io);
}
