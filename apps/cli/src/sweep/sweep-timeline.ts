/**
 * When a worker thread did what, for `timings.json`: where a sweep's time
 * goes besides training (threads starting and loading their modules, the
 * backend starting, threads waiting at the end while the last batch runs).
 */

/** Milliseconds since the Unix epoch, comparable across threads (each has its own `timeOrigin`). */
export function epochMilliseconds(): number {
  return performance.timeOrigin + performance.now();
}

/** One batch as a worker thread ran it; times in milliseconds since the Unix epoch. */
export interface BatchTiming {
  /** The worker thread's id (`worker_threads.threadId`). */
  readonly thread: number;
  /** When the thread had loaded its modules, before its first batch. */
  readonly loadedAt: number;
  /** When the thread received the batch. */
  readonly receivedAt: number;
  /** When its backend was ready and training began (later than `receivedAt` on a first batch). */
  readonly trainingStartedAt: number;
  readonly endedAt: number;
  /** The grid indices of the batch's configurations. */
  readonly configurations: readonly number[];
  readonly runs: number;
}

/** One worker thread's life in seconds since the pool started (and with it, the thread). */
export interface ThreadTimeline {
  readonly thread: number;
  /** Modules loaded: the thread's start-up cost. */
  readonly loaded: number;
  /** Its first batch's training began: modules and backend ready. */
  readonly firstTraining: number;
  readonly lastEnded: number;
  readonly batches: number;
  /** Seconds spent training its batches. */
  readonly busy: number;
  /** Seconds from its last batch's end to the pool's end: waiting for the other threads. */
  readonly idleAtEnd: number;
}

/** One batch in seconds since the pool started. */
export interface BatchTimeline {
  readonly thread: number;
  readonly configurations: readonly number[];
  readonly runs: number;
  readonly started: number;
  readonly seconds: number;
}

/** What `timings.json` records of the pool: each thread's life and each batch, in start order. */
export interface SweepTimeline {
  /** Seconds from the pool's start to its last batch's end. */
  readonly seconds: number;
  readonly threads: ThreadTimeline[];
  readonly batches: BatchTimeline[];
}

const seconds = (milliseconds: number) => Math.round(milliseconds) / 1000;

/** The timeline of batches that ran on a pool started at `startedAt` and ended at `endedAt`. */
export function sweepTimeline(
  batches: readonly BatchTiming[],
  startedAt: number,
  endedAt: number,
): SweepTimeline {
  const since = (at: number) => seconds(at - startedAt);
  const byThread = new Map<number, BatchTiming[]>();
  for (const batch of batches) {
    byThread.set(batch.thread, [...(byThread.get(batch.thread) ?? []), batch]);
  }
  const threads = [...byThread.entries()].map(([thread, own]): ThreadTimeline => {
    const first = own.reduce((a, b) => (b.receivedAt < a.receivedAt ? b : a));
    const lastEnded = Math.max(...own.map((batch) => batch.endedAt));
    return {
      thread,
      loaded: since(first.loadedAt),
      firstTraining: since(first.trainingStartedAt),
      lastEnded: since(lastEnded),
      batches: own.length,
      busy: seconds(own.reduce((sum, b) => sum + (b.endedAt - b.trainingStartedAt), 0)),
      idleAtEnd: seconds(endedAt - lastEnded),
    };
  });
  return {
    seconds: since(endedAt),
    threads: threads.sort((a, b) => a.thread - b.thread),
    batches: [...batches]
      .sort((a, b) => a.trainingStartedAt - b.trainingStartedAt)
      .map((batch) => ({
        thread: batch.thread,
        configurations: batch.configurations,
        runs: batch.runs,
        started: since(batch.trainingStartedAt),
        seconds: seconds(batch.endedAt - batch.trainingStartedAt),
      })),
  };
}
