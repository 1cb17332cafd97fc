import { formatFieldValue } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';
import {
  experimentDefaults,
  fieldsOf,
  RUN_EXPERIMENTS,
  type RunExperimentName,
} from '../config/config-flags.js';

const DESCRIPTIONS: Record<RunExperimentName, string> = {
  line: "noisy points from a line y = m x + b (the notebook's first experiment)",
  polynomial: 'noisy points from a polynomial, coefficients highest degree first',
  'batch-size':
    "the batch-size lab: one dataset trained with several batch sizes and seeds, gradient noise and the loss surface of a line (the notebook's closing lesson)",
};

/** `epochlab list`: every experiment with its defaults, as flags. */
export function listCommand(io: CliIo): number {
  for (const name of RUN_EXPERIMENTS) {
    const config = experimentDefaults(name);
    io.stdout.write(`${name}: ${DESCRIPTIONS[name]}\n`);
    for (const field of fieldsOf(name)) {
      const flag = `--${field.flag}`.padEnd(16);
      const value = formatFieldValue(config[field.key]);
      const column = value.length < 11 ? value.padEnd(12) : `${value}  `;
      io.stdout.write(`  ${flag}${column}${field.description}\n`);
    }
    io.stdout.write('\n');
  }
  io.stdout.write('Run one with: epochlab run <experiment> [flags]   (epochlab run --help)\n');
  return 0;
}
