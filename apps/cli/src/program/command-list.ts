import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

/** What a command's definition needs from `main`: where to write, and where its exit code goes. */
export interface CommandContext {
  readonly io: CliIo;
  readonly setExitCode: (code: number) => void;
}

/** Adds a command's arguments, options, help text and action to its (already named) command. */
export type DefineCommand = (command: Command, context: CommandContext) => void;

/**
 * One `epochlab` command as the top-level help shows it, and how to load the rest of it.
 *
 * The rest (flags derived from the experiment list, backend names, the action) lives in a module
 * of its own that `main` imports only for the command being run: `epochlab --help` and
 * `epochlab list` then never load TensorFlow.js or Vega, which take most of a second to start.
 */
export interface CommandEntry {
  readonly name: string;
  readonly description: string;
  /** How the top-level help names it, with its arguments (`run [options] <experiment>`). */
  readonly term: string;
  readonly load: () => Promise<DefineCommand>;
}

/** Every command of `epochlab`, in help order. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    description: 'train on an experiment and write its run folder',
    term: 'run [options] <experiment>',
    load: async () => (await import('./run-definition.js')).defineRunCommand,
  },
  {
    name: 'sweep',
    description: 'train a grid of configurations over seeds on every core and write a sweep folder',
    term: 'sweep [options] <experiment>',
    load: async () => (await import('./sweep-definition.js')).defineSweepCommand,
  },
  {
    name: 'compare',
    description:
      'put finished runs side by side: loss curves, fits, what differed and how they ended',
    term: 'compare [options] <run-folder...>',
    load: async () => (await import('./compare-definition.js')).defineCompareCommand,
  },
  {
    name: 'list',
    description: 'show the experiments and their defaults',
    term: 'list',
    load: async () => (await import('./list-definition.js')).defineListCommand,
  },
];

/**
 * The command `argv` runs, or `undefined` (no command, an unknown one, or only `--help` or
 * `--version`). `help run` counts as `run`: its help needs the whole definition.
 */
export function invokedCommand(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((entry) => entry.name === name);
}
