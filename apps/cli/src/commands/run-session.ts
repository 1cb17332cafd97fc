import { constants } from 'node:os';
import { join } from 'node:path';
import type { CliIo, StopSignal } from '../cli-io.js';
import type { DataFlags } from '../config/data-flags.js';
import type { FlagValues } from '../config/resolve-config.js';
import { type PrepareOptions, type RunFile, RunFolder } from '../output/run-folder.js';
import {
  createLineReporter,
  createTerminalReporter,
  type ProgressReporter,
  silentReporter,
} from '../progress/progress-reporter.js';

/** Flags of `epochlab run` besides the config fields. */
export interface RunFlags extends FlagValues, DataFlags {
  backend?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Exit code of a run that was interrupted with Ctrl-C (128 + SIGINT), as shells expect. */
export const EXIT_INTERRUPTED = 130;

/** Exit code after a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM), as shells report it. */
export function exitCodeOf(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

function timestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * `runs/<experiment>-<yyyymmdd-hhmmss>`. When several runs start in the same
 * second, the run folder adds `-2`, `-3` as it commits (see `RunFolder.commit`).
 */
export function defaultRunFolder(experiment: string, now = new Date()): string {
  return join('runs', `${experiment}-${timestamp(now)}`);
}

/**
 * Checks `--out` (or the default folder) before training and returns the run
 * folder. Notices (stale staging folders removed, a taken folder renamed) go
 * to stderr as `epochlab: ...` lines.
 */
export function prepareRunFolder(
  flags: Pick<RunFlags, 'out'>,
  experiment: string,
  io: CliIo,
  options: Pick<PrepareOptions, 'expectedBytes'> = {},
): RunFolder {
  const notice = (line: string) => io.stderr.write(`epochlab: ${line}\n`);
  if (flags.out !== undefined) return RunFolder.prepare(flags.out, { ...options, notice });
  return RunFolder.prepare(defaultRunFolder(experiment), {
    ...options,
    notice,
    defaultName: true,
  });
}

/** The progress display for these flags: none, a terminal bar, or plain lines. */
export function reporterFor(flags: RunFlags, io: CliIo): ProgressReporter {
  if (flags.quiet) return silentReporter;
  return io.stderr.isTTY ? createTerminalReporter(io.stderr) : createLineReporter(io.stderr);
}

/**
 * Runs a command's training for `folder`: if it throws, the staging folder
 * is removed and the signal handlers are dropped before the error goes on;
 * the progress line is ended either way. Every command that writes a run
 * folder trains through this, so a failed run leaves nothing behind.
 */
export async function trainForFolder<Result>(
  folder: RunFolder,
  interrupts: InterruptWatch,
  reporter: ProgressReporter,
  train: () => Promise<Result>,
): Promise<Result> {
  try {
    return await train();
  } catch (error) {
    folder.discard();
    interrupts.stop();
    throw error;
  } finally {
    reporter.stop();
  }
}

/** Ctrl-C (SIGINT) and SIGTERM handling of one run. */
export interface InterruptWatch {
  /** Aborted by the first signal during training. */
  readonly signal: AbortSignal;
  /**
   * Training is over, with `status`: a first signal from now on only says
   * that the run is being saved as it is (the status no longer changes).
   */
  trainingEnded(status: string): void;
  /** Exit code of an interrupted run: 130 after SIGINT, 143 after SIGTERM. */
  readonly interruptedExitCode: number;
  /** Stops listening for signals. */
  stop(): void;
}

function again(signal: StopSignal): string {
  return signal === 'SIGINT' ? 'press Ctrl-C again' : 'send SIGTERM again';
}

/**
 * Watches for SIGINT and SIGTERM during a run. The first one during training
 * aborts `signal` (training stops after the current step and the folder is
 * still written, marked interrupted); after training it only says that the
 * run is being saved with the status it has. A second one removes the
 * staging folder and quits at once, with exit code 128 + the signal's number.
 */
export function watchInterrupts(io: CliIo, folder: RunFolder): InterruptWatch {
  const controller = new AbortController();
  let first: StopSignal | undefined;
  let endedWith: string | undefined;
  const onInterrupt = (signal: StopSignal) => {
    if (first === undefined) {
      first = signal;
      const name = signal === 'SIGINT' ? 'interrupted' : 'stopped by SIGTERM';
      if (endedWith === undefined) {
        controller.abort();
        io.stderr.write(
          `\n${name}: saving the run so far (${again(signal)} to quit without saving)\n`,
        );
      } else {
        io.stderr.write(
          `\n${name} after training ended: saving the ${endedWith} run (${again(signal)} to quit without saving)\n`,
        );
      }
      return;
    }
    folder.discard();
    io.stderr.write(`${signal}: quit without saving\n`);
    process.exit(exitCodeOf(signal));
  };
  io.onInterrupt(onInterrupt);
  return {
    signal: controller.signal,
    trainingEnded: (status) => {
      endedWith = status === 'aborted' ? 'interrupted' : status;
    },
    get interruptedExitCode() {
      return exitCodeOf(first ?? 'SIGINT');
    },
    stop: () => io.offInterrupt(onInterrupt),
  };
}

/**
 * Fills the staging folder with `files()` and whatever `stageMore` adds (the
 * model), then renames it into place: the run folder is complete or absent.
 * On any failure the staging folder is removed and the error rethrown; a
 * failed disk write becomes one `RunFolderWriteError` line naming the path.
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
    throw folder.explain(error);
  }
}

/**
 * The end of a run: the summary as JSON on stdout with `--json`, the text
 * summary (on stderr with `--json`) unless `--quiet`, and the exit code: 0
 * completed (or stopped early), 1 diverged, 130/143 interrupted by
 * SIGINT/SIGTERM.
 */
export function finishRun(
  io: CliIo,
  flags: RunFlags,
  run: { readonly summary: unknown; readonly text: () => string; readonly status: string },
  interrupts?: Pick<InterruptWatch, 'interruptedExitCode'>,
): number {
  if (flags.json) io.stdout.write(`${JSON.stringify(run.summary, null, 2)}\n`);
  if (!flags.quiet) (flags.json ? io.stderr : io.stdout).write(run.text());
  if (run.status === 'diverged') return 1;
  if (run.status === 'aborted') return interrupts?.interruptedExitCode ?? EXIT_INTERRUPTED;
  return 0;
}
