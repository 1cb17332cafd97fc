import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CliIo } from '../cli-io.js';
import type { FlagValues } from '../config/resolve-config.js';
import type { RunFile, RunFolder } from '../output/run-folder.js';
import {
  createLineReporter,
  createTerminalReporter,
  type ProgressReporter,
  silentReporter,
} from '../progress/progress-reporter.js';

/** Flags of `epochlab run` besides the config fields. */
export interface RunFlags extends FlagValues {
  backend?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Exit code of a run that was interrupted with Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** `runs/<experiment>-<yyyymmdd-hhmmss>`, with a suffix if that exists already. */
export function defaultRunFolder(experiment: string, now = new Date()): string {
  const base = join('runs', `${experiment}-${timestamp(now)}`);
  let candidate = base;
  for (let i = 2; existsSync(candidate); i++) candidate = `${base}-${i}`;
  return candidate;
}

/** The progress display for these flags: none, a terminal bar, or plain lines. */
export function reporterFor(flags: RunFlags, io: CliIo): ProgressReporter {
  if (flags.quiet) return silentReporter;
  return io.stderr.isTTY ? createTerminalReporter(io.stderr) : createLineReporter(io.stderr);
}

/** Ctrl-C handling of one run. */
export interface InterruptWatch {
  /** Aborted by the first Ctrl-C. */
  readonly signal: AbortSignal;
  /** Stops listening for Ctrl-C. */
  stop(): void;
}

/**
 * Watches for Ctrl-C during a run: the first one aborts `signal` (training
 * stops and the folder is still written, marked interrupted); a second one
 * removes the staging folder and quits at once.
 */
export function watchInterrupts(io: CliIo, folder: RunFolder): InterruptWatch {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts === 1) {
      controller.abort();
      io.stderr.write(
        '\ninterrupted: saving the run so far (press Ctrl-C again to quit without saving)\n',
      );
    } else {
      folder.discard();
      process.exit(EXIT_INTERRUPTED);
    }
  };
  io.onInterrupt(onInterrupt);
  return { signal: controller.signal, stop: () => io.offInterrupt(onInterrupt) };
}

/**
 * Fills the staging folder with `files()` and whatever `stageMore` adds (the
 * model), then renames it into place: the run folder is complete or absent.
 * On any failure the staging folder is removed and the error rethrown.
 */
export async function commitRunFolder(
  folder: RunFolder,
  files: () => Promise<readonly RunFile[]>,
  stageMore?: () => Promise<unknown>,
): Promise<void> {
  try {
    folder.write(await files());
    await stageMore?.();
    folder.commit();
  } catch (error) {
    folder.discard();
    throw error;
  }
}

/**
 * The end of a run: the summary as JSON on stdout with `--json`, the text
 * summary (on stderr with `--json`) unless `--quiet`, and the exit code: 0
 * completed, 1 diverged, 130 interrupted.
 */
export function finishRun(
  io: CliIo,
  flags: RunFlags,
  run: { readonly summary: unknown; readonly text: () => string; readonly status: string },
): number {
  if (flags.json) io.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
  if (!flags.quiet) (flags.json ? io.stderr : io.stdout).write(run.text());
  if (run.status === 'diverged') return 1;
  if (run.status === 'aborted') return EXIT_INTERRUPTED;
  return 0;
}
