import type { Command } from 'commander';
import type { CompareFlags } from '../commands/compare-command.js';
import type { CommandContext } from './command-list.js';

const COMPARE_EXAMPLES = `
Examples:
  epochlab compare runs/lr-0.001 runs/lr-0.01 runs/lr-0.1
  epochlab compare runs/a runs/b --log-scale --out runs/a-vs-b
  epochlab compare runs/a runs/b --json > comparison.json

Writes comparison.json, differences.csv (the config fields that differ), outcomes.csv (best
validation loss and epoch, final losses, time), loss.svg/png and, when the runs drew the same
points, fit.svg/png with every run's final model. What cannot be compared is said ("left out").`;

/** `epochlab compare`: run folders side by side. */
export function defineCompareCommand(command: Command, { io, setExitCode }: CommandContext): void {
  command
    .argument('<run-folder...>', 'two or more folders written by epochlab run')
    .option('--out <dir>', 'folder to write (default runs/compare-<date>-<time>)')
    .option('--log-scale', 'draw the losses on a logarithmic axis')
    .option('--json', 'print the comparison as JSON on stdout and write nothing')
    .option('--quiet', 'print nothing')
    .addHelpText('after', COMPARE_EXAMPLES)
    .action(async (folders: string[], flags: CompareFlags) => {
      const { compareCommand } = await import('../commands/compare-command.js');
      setExitCode(await compareCommand(folders, flags, io));
    });
}
