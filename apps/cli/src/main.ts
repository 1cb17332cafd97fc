import { readFileSync } from 'node:fs';
import { PointTableError } from '@epochlab/data';
import { FIT_EXPERIMENTS, SweepSpecError } from '@epochlab/experiments';
import {
  BACKEND_NAMES,
  BackendUnavailableError,
  EpochlabError,
  InvalidArgumentError,
  UnknownBackendError,
} from '@epochlab/tensor';
import { Command, CommanderError, Option } from 'commander';
import { type CliIo, processIo } from './cli-io.js';
import { type CompareFlags, compareCommand } from './commands/compare-command.js';
import { listCommand } from './commands/list-command.js';
import { type RunFlags, runCommand } from './commands/run-command.js';
import { type SweepFlags, sweepCommand } from './commands/sweep-command.js';
import { type SweepMergeFlags, sweepMergeCommand } from './commands/sweep-merge-command.js';
import { CONFIG_FLAGS, type ConfigFlag, RUN_EXPERIMENTS } from './config/config-flags.js';
import { refuseRepeatedFlags } from './config/repeated-flags.js';
import { gridFlagsFromArguments } from './config/sweep-spec-input.js';
import { UsageError } from './config/usage-error.js';
import { listInWords } from './progress/format.js';

/** Exit code for a mistake in how the command was called. */
export const EXIT_USAGE = 2;

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const RUN_EXAMPLES = `
Examples:
  epochlab run line                                the notebook's line, 20000 epochs, validation every 10
  epochlab run line --epochs 2000 --val-n 0        no validation set
  epochlab run line --n 100 --val-n 100 --epochs 2000   more data: no overfitting
  epochlab run line --early-stopping               stop 3000 epochs after the best validation loss
  epochlab run polynomial --coefficients 1,0,-1    y = x^2 - 1
  epochlab run sine --frequency 6                  y = sin(6x), two periods over [-1, 1]
  epochlab run batch-size                          the batch-size lab: batch sizes 1, 5, 25 and full, 8 seeds each
  epochlab run batch-size --batch-sizes 1,10,full --seeds 4 --lr 0.05
  epochlab run local-minima                        y = a sin(w x) from a local valley: who escapes, per batch size and lr
  epochlab run local-minima --lrs 0.3 --seeds 1000
  epochlab run batch-size-hardware                 samples/s and time to a target loss against batch size, every backend
  epochlab run data --data points.csv              your own points: x the first column, y the last
  epochlab run data --data hoja.csv --separator ';' --decimal-comma --x tiempo --y altura
  epochlab run data --data train.csv --val-data val.csv --epochs 5000
  epochlab run my-experiment.json --lr 0.01        a config file, one field overridden
  epochlab run line --json --quiet > summary.json  the summary as JSON on stdout

A run of one model (line, polynomial, sine, data) writes a folder (default runs/<experiment>-<date>-<time>) with
config.json, history.json, history.csv, summary.json, fit.svg/png, loss.svg/png, model/ and, with
validation points, model-best/ (the model at the best validation epoch); a data run adds data.json
(the files' paths, sizes, SHA-256 and rows used), copies of data files under 1 MiB and scaling.json
(the standardisation next to the model). Compare run folders with epochlab compare.
A batch-size lab run writes config.json, summary.json, curves.json/csv, gradient-noise.json/csv,
histories.json/csv, line-view.json, line-paths.csv and the charts loss-by-epoch, loss-by-step,
val-loss-by-epoch, gradient-cosine, gradient-variance and loss-surface (.svg and .png).
A local-minima run writes config.json, summary.json, cells.csv, runs.csv, points.csv, valleys.csv,
paths.json and the charts loss-surface, escape-by-batch-size, escape-by-lr and unsettled-by-lr.
A batch-size-hardware run writes config.json, summary.json, cells.csv and the charts throughput and
time-to-target.
Each experiment's defaults: epochlab list.`;

const COMPARE_EXAMPLES = `
Examples:
  epochlab compare runs/lr-0.001 runs/lr-0.01 runs/lr-0.1
  epochlab compare runs/a runs/b --log-scale --out runs/a-vs-b
  epochlab compare runs/a runs/b --json > comparison.json

Writes comparison.json, differences.csv (the config fields that differ), outcomes.csv (best
validation loss and epoch, final losses, time), loss.svg/png and, when the runs drew the same
points, fit.svg/png with every run's final model. What cannot be compared is said ("left out").`;

function placeholder(flag: ConfigFlag): string {
  switch (flag.kind) {
    case 'integer':
      return '<n>';
    case 'number':
      return '<x>';
    case 'numberList':
    case 'integerList':
    case 'batchSizeList':
      return '<list>';
    default:
      return '<name>';
  }
}

/** ` [line only]`, ` [batch-size only]`: where a flag applies, when not everywhere. */
function appliesTo(flag: ConfigFlag): string {
  if (flag.experiments.length === RUN_EXPERIMENTS.length) return '';
  return ` [${listInWords(flag.experiments)} only]`;
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('epochlab')
    .description('Train small neural networks on the notebook experiments, with TensorFlow.js.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line in the same form as epochlab's own errors.
      outputError: (text, write) => write(`epochlab: ${text.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true)
    .enablePositionalOptions(); // options after a subcommand are its own (`sweep merge --out`)

  const run = program
    .command('run')
    .description('train on an experiment and write its run folder')
    .argument('<experiment>', `${RUN_EXPERIMENTS.join(', ')}, or a path to a config .json file`)
    .addHelpText('after', RUN_EXAMPLES);
  run.optionsGroup('Config options (defaults: epochlab list):');
  for (const flag of CONFIG_FLAGS) {
    if (flag.kind === 'boolean') {
      run
        .addOption(new Option(`--${flag.flag}`, `${flag.help}${appliesTo(flag)}`))
        .addOption(new Option(`--no-${flag.flag}`, `turn --${flag.flag} off`));
      continue;
    }
    const choices = flag.choices ? ` (${flag.choices.join(', ')})` : '';
    run.option(`--${flag.flag} ${placeholder(flag)}`, `${flag.help}${choices}${appliesTo(flag)}`);
  }
  run
    .optionsGroup('Data options (the data experiment):')
    .option('--data <file>', 'CSV or JSON file of the points to train on')
    .option(
      '--val-data <file>',
      'CSV or JSON file of validation points (instead of --val-fraction)',
    )
    .option(
      '--x <columns>',
      'input column(s), by name or 0-based index, several separated by commas (default: the first)',
    )
    .option('--y <column>', 'the one target column, by name or 0-based index (default: the last)')
    .option('--separator <char>', "CSV separator: ',', ';' or tab (default: detected)")
    .option('--decimal-comma', 'numbers are written 0,5 (Spanish spreadsheets)');
  run
    .optionsGroup('Run options:')
    .option('--backend <name>', `backend: ${BACKEND_NAMES.join(', ')}`, 'auto')
    .option('--out <dir>', 'run folder to write (default runs/<experiment>-<date>-<time>)')
    .option('--json', 'print the summary as JSON on stdout (and nothing else)')
    .option('--quiet', 'no progress line and no summary text')
    .action(async (experiment: string, flags: RunFlags) => {
      setExitCode(await runCommand(experiment, flags, io));
    });

  addSweepCommand(program, io, setExitCode);

  program
    .command('compare')
    .description(
      'put finished runs side by side: loss curves, fits, what differed and how they ended',
    )
    .argument('<run-folder...>', 'two or more folders written by epochlab run')
    .option('--out <dir>', 'folder to write (default runs/compare-<date>-<time>)')
    .option('--log-scale', 'draw the losses on a logarithmic axis')
    .option('--json', 'print the comparison as JSON on stdout and write nothing')
    .option('--quiet', 'print nothing')
    .addHelpText('after', COMPARE_EXAMPLES)
    .action(async (folders: string[], flags: CompareFlags) => {
      setExitCode(await compareCommand(folders, flags, io));
    });

  program
    .command('list')
    .description('show the experiments and their defaults')
    .action(() => {
      setExitCode(listCommand(io));
    });
  return program;
}

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

function addSweepCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const sweep = program
    .command('sweep')
    .description('train a grid of configurations over seeds on every core and write a sweep folder')
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
    .action(async (experiment: string, flags: SweepFlags, command: Command) => {
      const grid = gridFlagsFromArguments(command.args.slice(1));
      setExitCode(await sweepCommand(experiment, grid, flags, io));
    });
  sweep
    .command('merge')
    .description('join the folders of every shard of one sweep into one sweep folder')
    .argument('<folders...>', 'the shard folders (--shard 1/N ... N/N)')
    .option('--out <dir>', 'sweep folder to write (default runs/sweep-<experiment>-<date>-<time>)')
    .option('--axes <a,b>', 'the two fields of the heatmap (default: the first two swept)')
    .option('--json', 'print the outcome and the best configuration as JSON on stdout')
    .option('--quiet', 'no summary text')
    .action(async (folders: string[], flags: SweepMergeFlags) => {
      setExitCode(await sweepMergeCommand(folders, flags, io));
    });
}

function isUserMistake(error: unknown): boolean {
  return (
    UsageError.isInstance(error) ||
    SweepSpecError.isInstance(error) ||
    InvalidArgumentError.isInstance(error) ||
    PointTableError.isInstance(error) ||
    UnknownBackendError.isInstance(error) ||
    BackendUnavailableError.isInstance(error)
  );
}

/**
 * Runs the `epochlab` command with `argv` (without `node` and the script) and
 * returns the exit code: 0 success (training completed or stopped early), 1
 * failure (training diverged, or the run folder could not be written), 2 usage
 * or config error (nothing trained, nothing written), 130/143 interrupted by
 * SIGINT/SIGTERM (the run so far is saved). User mistakes print one line; only
 * real bugs print a stack.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    refuseRepeatedFlags(argv);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed its message (or the help/version text).
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (isUserMistake(error)) {
      io.stderr.write(`epochlab: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    if (EpochlabError.isInstance(error)) {
      io.stderr.write(`epochlab: ${error.message}\n`);
      return 1;
    }
    io.stderr.write(`epochlab: unexpected error\n${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}
