/** The process surface the commands use, so tests can run them in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WriteStream;
  onInterrupt(handler: () => void): void;
  offInterrupt(handler: () => void): void;
}

/** The real process: stdout, stderr and SIGINT. */
export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt: (handler) => process.on('SIGINT', handler),
  offInterrupt: (handler) => process.off('SIGINT', handler),
};
