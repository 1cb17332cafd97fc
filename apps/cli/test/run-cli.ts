import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, as users run it. */
export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

/** What a finished `epochlab` process left. */
export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to start the process besides its arguments. */
export interface CliProcessOptions {
  /** Options for `node` itself, before the script (`--import ./simulated-disk.mjs`). */
  readonly nodeArgs?: readonly string[];
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `node dist/bin.js ...args` in `cwd`, with stdout and stderr piped (not a TTY). */
export function startCli(
  args: readonly string[],
  cwd: string,
  options: CliProcessOptions = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd,
    env: { ...process.env, FORCE_COLOR: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** Runs the command to the end. */
export function runCli(
  args: readonly string[],
  cwd: string,
  options: CliProcessOptions = {},
): Promise<CliRun> {
  return startCli(args, cwd, options).done;
}
