import type { CliIo } from '../cli-io.js';
import type { RunFile } from '../output/run-folder.js';
import {
  commitRunFolder,
  finishRun,
  prepareRunFolder,
  type RunFlags,
  reporterFor,
  trainForFolder,
  watchInterrupts,
} from './run-session.js';

/** Reports one finished cell of a study: cells done, cells in all, what it was. */
export type CellProgress = (done: number, total: number, detail: string) => void;

/** A study that runs cell by cell (a grid of settings) and writes its own files. */
export interface Study<Result extends { readonly status: string }, Summary> {
  /** The experiment's name: the default run folder's prefix. */
  readonly experiment: string;
  /** Runs every cell; stops between cells when `signal` aborts (status `aborted`). */
  run(signal: AbortSignal, progress: CellProgress): Promise<Result>;
  /** What `summary.json` and `--json` hold. */
  summary(result: Result): Summary;
  /** Every file of the folder but `summary.json` (config, tables, charts). */
  files(result: Result, summary: Summary): Promise<RunFile[]>;
  /** The text printed at the end. */
  text(result: Result, summary: Summary, folder: string): string;
}

/**
 * `epochlab run <study>` for studies that go cell by cell: one progress bar
 * over the cells, Ctrl-C between cells, then the run folder written
 * atomically and the summary printed. Returns the exit code: 0 completed,
 * 130/143 interrupted.
 */
export async function runStudyCommand<Result extends { readonly status: string }, Summary>(
  study: Study<Result, Summary>,
  flags: RunFlags,
  io: CliIo,
): Promise<number> {
  const folder = prepareRunFolder(flags, study.experiment, io);
  const interrupts = watchInterrupts(io, folder);
  const reporter = reporterFor(flags, io);
  const startedAt = performance.now();
  const result = await trainForFolder(folder, interrupts, reporter, () =>
    study.run(interrupts.signal, (done, total, detail) =>
      reporter.update({
        done,
        total,
        elapsedSeconds: (performance.now() - startedAt) / 1000,
        detail,
      }),
    ),
  );
  interrupts.trainingEnded(result.status);
  const summary = study.summary(result);
  try {
    await commitRunFolder(folder, async () => [
      { name: 'summary.json', content: `${JSON.stringify(summary, null, 2)}\n` },
      ...(await study.files(result, summary)),
    ]);
  } finally {
    interrupts.stop();
  }
  return finishRun(
    io,
    flags,
    { summary, text: () => study.text(result, summary, folder.path), status: result.status },
    interrupts,
  );
}
