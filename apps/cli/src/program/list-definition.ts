import type { Command } from 'commander';
import type { CommandContext } from './command-list.js';

/** `epochlab list`: the experiments and their defaults. */
export function defineListCommand(command: Command, { io, setExitCode }: CommandContext): void {
  command.action(async () => {
    const { listCommand } = await import('../commands/list-command.js');
    setExitCode(listCommand(io));
  });
}
