import { BACKEND_NAMES } from '@epochlab/tensor';
import { type Command, Option } from 'commander';
import type { RunFlags } from '../commands/run-command.js';
import { CONFIG_FLAGS, type ConfigFlag, RUN_EXPERIMENTS } from '../config/config-flags.js';
import { listInWords } from '../progress/format.js';
import type { CommandContext } from './command-list.js';

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

/** `epochlab run`: a flag per config field of the experiment list, the data and run options. */
export function defineRunCommand(command: Command, { io, setExitCode }: CommandContext): void {
  const run = command
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
      const { runCommand } = await import('../commands/run-command.js');
      setExitCode(await runCommand(experiment, flags, io));
    });
}
