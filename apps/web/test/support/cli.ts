import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built `epochlab` command (apps/cli/dist/bin.js, made by `pnpm build`). */
export const CLI_BIN = fileURLToPath(new URL('../../../cli/dist/bin.js', import.meta.url));

/** Runs `epochlab <args>` with the built CLI; resolves with its exit code and output. */
export function runCli(
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI_BIN)) throw new Error(`${CLI_BIN} is missing: run \`pnpm build\` first`);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI_BIN, ...args], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The arguments of a `epochlab run ...` line (it never needs shell quoting). */
export function cliArgs(commandLine: string): string[] {
  const [program, ...args] = commandLine.trim().split(/\s+/);
  if (program !== 'epochlab') throw new Error(`not an epochlab command: ${commandLine}`);
  return args;
}
