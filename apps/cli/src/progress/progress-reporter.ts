import cliProgress from 'cli-progress';
import { formatDuration, formatRate } from './format.js';

/** What the reporter is told after each reported epoch. */
export interface ProgressUpdate {
  /** Epochs finished so far. */
  readonly done: number;
  readonly total: number;
  readonly elapsedSeconds: number;
  /** Shown after the counts: `loss 0.0513 val 0.1720`, `batch size 5 (2/4)`. */
  readonly detail: string;
}

/** Shows training progress on stderr. */
export interface ProgressReporter {
  update(progress: ProgressUpdate): void;
  stop(): void;
}

/**
 * A tqdm-like line on a terminal:
 * ` 42% |████████░░░░░░░░| 8400/20000 [0:05<0:07, 1650 epochs/s] loss 0.0513 val 0.1720`.
 * Built on cli-progress, which handles redrawing, terminal width and the cursor.
 */
export function createTerminalReporter(stream: NodeJS.WriteStream): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        '{percent}% |{bar}| {value}/{total} [{elapsedText}<{remainingText}, {rateText} epochs/s] {detail}',
      barCompleteChar: '\u2588',
      barIncompleteChar: '\u2591',
      barsize: 24,
      hideCursor: true,
      fps: 12,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const payload = payloadFor(progress);
      if (!started) {
        bar.start(progress.total, progress.done, payload);
        started = true;
      } else bar.update(progress.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * Plain lines for logs and pipes: one at every tenth of the run, at least one
 * every `maxSeconds`, never more than one every `minSeconds`, and one at the end.
 */
export function createLineReporter(
  stream: NodeJS.WritableStream,
  minSeconds = 1,
  maxSeconds = 10,
): ProgressReporter {
  let nextTenth = 1;
  let lastLineAt = 0;
  let last: ProgressUpdate | undefined;
  let lastWritten: ProgressUpdate | undefined;
  const write = (progress: ProgressUpdate) => {
    const p = payloadFor(progress);
    stream.write(
      `epoch ${progress.done}/${progress.total} (${p.percent}%) elapsed ${p.elapsedText} remaining ${p.remainingText} ${p.rateText} epochs/s ${p.detail}\n`,
    );
    lastWritten = progress;
    lastLineAt = progress.elapsedSeconds;
  };
  return {
    update(progress) {
      last = progress;
      const tenth = Math.floor((progress.done / progress.total) * 10);
      const sinceLast = progress.elapsedSeconds - lastLineAt;
      if ((tenth >= nextTenth && sinceLast >= minSeconds) || sinceLast >= maxSeconds) {
        nextTenth = Math.max(nextTenth, tenth + 1);
        write(progress);
      }
    },
    stop() {
      if (last && last !== lastWritten) write(last);
    },
  };
}

/** A reporter that shows nothing (`--quiet`). */
export const silentReporter: ProgressReporter = { update() {}, stop() {} };

function payloadFor(progress: ProgressUpdate) {
  const rate = progress.elapsedSeconds > 0 ? progress.done / progress.elapsedSeconds : Number.NaN;
  const remaining = rate > 0 ? (progress.total - progress.done) / rate : Number.NaN;
  return {
    percent: String(Math.floor((progress.done / progress.total) * 100)).padStart(3),
    elapsedText: formatDuration(progress.elapsedSeconds),
    remainingText: formatDuration(remaining),
    rateText: formatRate(rate),
    detail: progress.detail,
  };
}
