/** The signals that stop a run and still save it: Ctrl-C, and what `timeout`, `kill` and `docker stop` send. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** One of {@link STOP_SIGNALS}. */
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** The process surface the commands use, so tests can run them in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream;
  /** Calls `handler` on SIGINT and SIGTERM instead of ending the process. */
  onInterrupt(handler: (signal: StopSignal) => void): void;
  offInterrupt(handler: (signal: StopSignal) => void): void;
}

/** The real process: stdout, stderr, SIGINT and SIGTERM. */
export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => {
    for (const signal of STOP_SIGNALS) process.on(signal, handler);
  },
  offInterrupt: (handler) => {
    for (const signal of STOP_SIGNALS) process.off(signal, handler);
  },
};
