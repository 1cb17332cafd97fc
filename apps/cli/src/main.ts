import { readFileSync } from 'node:fs';
import { PointTableError } from '@epochlab/data';
import {
  BACKEND_NAMES,
  BackendUnavailableError,
  EpochlabError,
  InvalidArgumentError,
  UnknownBackendError,
} from '@epochlab/tensor';
import { Command, CommanderError, Option } from 'commander';
import { type CliIo, processIo } from './cli-io.js';
import { listCommand } from './commands/list-command.js';
import { type RunFlags, runCommand } from './commands/run-command.js';
import { CONFIG_FLAGS, type ConfigFlag, RUN_EXPERIMENTS } from './config/config-flags.js';
import { refuseRepeatedFlags } from './config/repeated-flags.js';
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
  epochlab run polynomial --coefficients 1,0,-1    y = x^2 - 1
  epochlab run sine --frequency 6                  y = sin(6x), two periods over [-1, 1]
  epochlab run batch-size                          the batch-size lab: batch sizes 1, 5, 25 and full, 8 seeds each
  epochlab run batch-size --batch-sizes 1,10,full --seeds 4 --lr 0.05
  epochlab run data --data points.csv              your own points: x the first column, y the last
  epochlab run data --data hoja.csv --separator ';' --decimal-comma --x tiempo --y altura
  epochlab run data --data train.csv --val-data val.csv --epochs 5000
  epochlab run my-experiment.json --lr 0.01        a config file, one field overridden
  epochlab run line --json --quiet > summary.json  the summary as JSON on stdout

A run of one model (line, polynomial, sine, data) writes a folder (default runs/<experiment>-<date>-<time>) with
config.json, history.json, history.csv, summary.json, fit.svg/png, loss.svg/png and model/; a data run
adds data.json (the files' paths, sizes, SHA-256 and rows used), copies of data files under 1 MiB and
scaling.json (the standardisation next to the model).
A batch-size lab run writes config.json, summary.json, curves.json/csv, gradient-noise.json/csv,
histories.json/csv, line-view.json, line-paths.csv and the charts loss-by-epoch, loss-by-step,
val-loss-by-epoch, gradient-cosine, gradient-variance and loss-surface (.svg and .png).
Each experiment's defaults: epochlab list.`;

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
    .showSuggestionAfterError(true);

  const run = program
    .command('run')
    .description('train on an experiment and write its run folder')
    .argument('<experiment>', `${RUN_EXPERIMENTS.join(', ')}, or a path to a config .json file`)
    .addHelpText('after', RUN_EXAMPLES);
  run.optionsGroup('Config options (defaults: epochlab list):');
  for (const flag of CONFIG_FLAGS) {
    if (flag.kind === 'boolean') continue;
    const choices = flag.choices ? ` (${flag.choices.join(', ')})` : '';
    run.option(`--${flag.flag} ${placeholder(flag)}`, `${flag.help}${choices}${appliesTo(flag)}`);
  }
  run
    .addOption(new Option('--shuffle', 'shuffle the training data every epoch (default)'))
    .addOption(new Option('--no-shuffle', 'keep the training data in order'));
  for (const flag of CONFIG_FLAGS) {
    if (flag.kind !== 'boolean' || flag.flag === 'shuffle') continue;
    run
      .addOption(new Option(`--${flag.flag}`, `${flag.help} (default)${appliesTo(flag)}`))
      .addOption(new Option(`--no-${flag.flag}`, `do not: ${flag.help}${appliesTo(flag)}`));
  }
  run
    .optionsGroup('Data options (the data experiment):')
    .option('--data <file>', 'CSV or JSON file of the points to train on')
    .option(
      '--val-data <file>',
      'CSV or JSON file of validation points (instead of --val-fraction)',
    )
    .option('--x <column>', 'input column, by name or 0-based index (default: the first)')
    .option('--y <column>', 'target column, by name or 0-based index (default: the last)')
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

  program
    .command('list')
    .description('show the experiments and their defaults')
    .action(() => {
      setExitCode(listCommand(io));
    });
  return program;
}

function isUserMistake(error: unknown): boolean {
  return (
    UsageError.isInstance(error) ||
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
