import { formatFieldValue } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import { experimentNamed, RUN_EXPERIMENTS } from '../config/config-flags.js';

/** `epochlab list`: every experiment of the experiment list with its defaults, as flags. */
export function listCommand(io: CliIo): number {
  for (const name of RUN_EXPERIMENTS) {
    const experiment = experimentNamed(name);
    const config = experiment.defaults() as Record<string, unknown>;
    io.stdout.write(`${name}: ${experiment.description}\n`);
    for (const field of experiment.fields) {
      const flag = `--${field.flag}`.padEnd(16);
      const value = formatFieldValue(config[field.key]);
      const column = value.length < 11 ? value.padEnd(12) : `${value}  `;
      io.stdout.write(`  ${flag}${column}${field.help}\n`);
    }
    io.stdout.write('\n');
  }
  io.stdout.write('Run one with: epochlab run <experiment> [flags]   (epochlab run --help)\n');
  return 0;
}
