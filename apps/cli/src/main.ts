import { readFileSync } from 'node:fs';
import { EpochlabError } from '@epochlab/tensor/errors';
import { Command, CommanderError, Help } from 'commander';
import { type CliIo, processIo } from './cli-io.js';
import { refuseRepeatedFlags } from './config/repeated-flags.js';
import { UsageError } from './config/usage-error.js';
import { COMMANDS, type CommandContext, invokedCommand } from './program/command-list.js';

/** Exit code for a mistake in how the command was called. */
export const EXIT_USAGE = 2;

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/**
 * The `epochlab` program with every command named, and only the one `argv` runs defined in
 * full: the others' definitions (and the packages their flags come from) are never loaded.
 */
async function buildProgram(argv: readonly string[], context: CommandContext): Promise<Command> {
  const { io } = context;
  const program: Command = new Command('epochlab')
    .description('Train small neural networks on the notebook experiments, with TensorFlow.js.')
    .version(version)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // One line in the same form as epochlab's own errors.
      outputError: (text, write) => write(`epochlab: ${text.replace(/^error: /, '')}`),
    })
    .configureHelp({
      // A command that is not defined in full still shows its arguments in the overview.
      subcommandTerm: (command): string =>
        COMMANDS.find((entry) => entry.name === command.name() && command.parent === program)
          ?.term ?? new Help().subcommandTerm(command),
    })
    .showSuggestionAfterError(true)
    .enablePositionalOptions(); // options after a subcommand are its own (`sweep merge --out`)

  const invoked = invokedCommand(argv);
  for (const entry of COMMANDS) {
    const command = program.command(entry.name).description(entry.description);
    if (entry === invoked) (await entry.load())(command, context);
  }
  return program;
}

/** A user's mistake (one line, exit 2) rather than a failure (exit 1) or a bug (a stack). */
async function isUserMistake(error: unknown): Promise<boolean> {
  if (UsageError.isInstance(error)) return true;
  if (!EpochlabError.isInstance(error)) return false;
  // Only a command that loaded these packages can have thrown their errors: importing them
  // here costs nothing then, and keeps them out of `epochlab --help`.
  const [data, experiments, tensor] = await Promise.all([
    import('@epochlab/data'),
    import('@epochlab/experiments'),
    import('@epochlab/tensor/errors'),
  ]);
  return (
    experiments.SweepSpecError.isInstance(error) ||
    data.PointTableError.isInstance(error) ||
    tensor.InvalidArgumentError.isInstance(error) ||
    tensor.UnknownBackendError.isInstance(error) ||
    tensor.BackendUnavailableError.isInstance(error)
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
  const context: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  try {
    const program = await buildProgram(argv, context);
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
    if (await isUserMistake(error)) {
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
