import { CONFIG_FIELDS, defaultConfig, EXPERIMENTS, formatFieldValue } from '@epochlab/experiments';
import type { CliIo } from '../cli-io.js';

const DESCRIPTIONS = {
  line: "noisy points from a line y = m x + b (the notebook's first experiment)",
  polynomial: 'noisy points from a polynomial, coefficients highest degree first',
} as const;

/** `epochlab list`: every experiment with its defaults, as flags. */
export function listCommand(io: CliIo): number {
  for (const name of EXPERIMENTS) {
    const config = defaultConfig(name) as Record<string, unknown>;
    io.stdout.write(`${name}: ${DESCRIPTIONS[name]}\n`);
    for (const field of CONFIG_FIELDS) {
      if (field.experiments && !field.experiments.includes(name)) continue;
      const flag = `--${field.flag}`.padEnd(16);
      io.stdout.write(
        `  ${flag}${formatFieldValue(config[field.key]).padEnd(12)}${field.description}\n`,
      );
    }
    io.stdout.write('\n');
  }
  io.stdout.write('Run one with: epochlab run <experiment> [flags]   (epochlab run --help)\n');
  return 0;
}
