import { FIT_EXPERIMENTS } from '@epochlab/experiments';
import { BACKEND_NAMES } from '@epochlab/tensor';
import type { Command } from 'commander';
import type { SweepFlags } from '../commands/sweep-command.js';
import type { SweepMergeFlags } from '../commands/sweep-merge-command.js';
import type { CommandContext } from './command-list.js';

const SWEEP_EXAMPLES = `
Examples:
  epochlab sweep line --lr 1e-3,1e-2,1e-1 --batch-size 1,5 --seeds 8
  epochlab sweep line --hidden "12,12,16;32,32" --lr 1e-3,1e-2      list fields: values split by ;
  epochlab sweep line --lr 1e-4,3e-4,1e-3,3e-3,1e-2 --momentum 0,0.9 --random 4 --seeds 4
  epochlab sweep my-sweep.json                  {"experiment": "line", "grid": {"lr": [0.001, 0.01]}, "seeds": 8}
  epochlab sweep line --lr 1e-3,1e-2 --shard 1/2 --out shard-1    one machine's half
  epochlab sweep merge shard-1 shard-2 --out sweep                 join the halves

Any field of the experiment is a sweep flag taking a list (epochlab list shows them):
${FIT_EXPERIMENTS.map((experiment) => `  ${experiment.name}: ${experiment.fields.map((field) => `--${field.flag}`).join(' ')}`).join('\n')}

A sweep writes a folder (default runs/sweep-<experiment>-<date>-<time>) with sweep.json, runs.json/csv
(one row per run), configurations.json/csv (mean and std over the seeds), curves.json, best.json (the best
configuration and its epochlab run command), timings.json and heatmap.svg/png, bands.svg/png.
Ctrl-C writes the finished configurations; --resume <folder> skips them next time.`;

/** `epochlab sweep` (any field of a fit experiment as a list) and `epochlab sweep merge`. */
export function defineSweepCommand(command: Command, { io, setExitCode }: CommandContext): void {
  command
    .argument(
      '<experiment>',
      `${FIT_EXPERIMENTS.map((e) => e.name).join(', ')}, or a sweep .json file`,
    )
    .allowUnknownOption()
    .allowExcessArguments()
    .enablePositionalOptions()
    .option('--seeds <n>', 'runs per configuration, seeds seed to seed+n-1 (default 1)')
    .option('--random <n>', 'random search: draw n configurations of the grid')
    .option('--random-seed <n>', 'the seed of the random search (default 0)')
    .option('--workers <n>', 'worker threads (default: every core)')
    .option('--shard <i/N>', 'run shard i of N (a deterministic part of the configurations)')
    .option('--resume <folder>', 'skip the configurations that folder finished')
    .option('--yes', 'run a sweep of more than 100000 runs')
    .option('--axes <a,b>', 'the two fields of the heatmap (default: the first two swept)')
    .option('--backend <name>', `backend: ${BACKEND_NAMES.join(', ')}`, 'auto')
    .option('--out <dir>', 'sweep folder to write (default runs/sweep-<experiment>-<date>-<time>)')
    .option('--json', 'print the outcome and the best configuration as JSON on stdout')
    .option('--quiet', 'no progress lines and no summary text')
    .addHelpText('after', SWEEP_EXAMPLES)
    .action(async (experiment: string, flags: SweepFlags, sweep: Command) => {
      const [{ gridFlagsFromArguments }, { sweepCommand }] = await Promise.all([
        import('../config/sweep-spec-input.js'),
        import('../commands/sweep-command.js'),
      ]);
      const grid = gridFlagsFromArguments(sweep.args.slice(1));
      setExitCode(await sweepCommand(experiment, grid, flags, io));
    });
  command
    .command('merge')
    .description('join the folders of every shard of one sweep into one sweep folder')
    .argument('<folders...>', 'the shard folders (--shard 1/N ... N/N)')
    .option('--out <dir>', 'sweep folder to write (default runs/sweep-<experiment>-<date>-<time>)')
    .option('--axes <a,b>', 'the two fields of the heatmap (default: the first two swept)')
    .option('--json', 'print the outcome and the best configuration as JSON on stdout')
    .option('--quiet', 'no summary text')
    .action(async (folders: string[], flags: SweepMergeFlags) => {
      const { sweepMergeCommand } = await import('../commands/sweep-merge-command.js');
      setExitCode(await sweepMergeCommand(folders, flags, io));
    });
}
