/**
 * @epochlab/cli as a library: run the `epochlab` command in-process, with
 * your own output streams (scripts, tests, notebooks). The command itself is
 * the `epochlab` bin.
 *
 * @example
 * import { main } from '@epochlab/cli';
 * const exitCode = await main(['run', 'line', '--epochs', '100', '--quiet']);
 */
export type { CliIo } from './cli-io.js';
export { EXIT_USAGE, main } from './main.js';
