import { RestartableWorker } from './restartable-worker.js';

/** What every worker message carries: its kind and the run it belongs to. */
export interface RunMessage {
  readonly type: string;
  readonly runId: number;
}

/** The messages of a union whose `type` may be `Kind` (a member may carry several kinds). */
type MessageOfKind<Message, Kind> = Message extends { readonly type: infer Type }
  ? Kind extends Type
    ? Message
    : never
  : never;

/** One handler per message kind, each given that kind's message type. */
export type MessageHandlers<Message extends RunMessage> = {
  readonly [Kind in Message['type']]: (message: MessageOfKind<Message, Kind>) => void;
};

/**
 * The page side of a worker that runs one thing at a time (a training run, a
 * lab, a study): each run gets a new id, and only the current run's messages
 * reach the handlers, routed by their `type`, so a run that was reset or
 * replaced cannot draw over the next one. A worker that dies as a whole
 * (script error, unreadable message) is reported once to `onWorkerFailure`
 * (the page then shows its failed status) and restarted by the next command.
 * The three pages share this instead of each keeping run ids and a `switch`.
 */
export class WorkerSession<Command, Message extends RunMessage> {
  private readonly worker: RestartableWorker<Command, Message>;
  private runId = 0;

  /**
   * @param create Builds the worker (`new Worker(new URL(...))`, kept in the
   *   page so the bundler finds the worker script).
   * @param handlers What to do with each kind of message of the current run.
   * @param onWorkerFailure The worker itself failed, with the browser's reason.
   */
  constructor(
    create: () => Worker,
    private readonly handlers: MessageHandlers<Message>,
    onWorkerFailure: (reason: string) => void,
  ) {
    this.worker = new RestartableWorker<Command, Message>(
      create,
      (message) => this.route(message),
      onWorkerFailure,
    );
  }

  /** The id of the current run (0 before the first). */
  get currentRunId(): number {
    return this.runId;
  }

  /**
   * Starts a new run: `command` is built with its fresh id and sent; messages
   * of earlier runs are ignored from now on. Returns the new id.
   */
  start(command: (runId: number) => Command): number {
    this.runId++;
    this.worker.post(command(this.runId));
    return this.runId;
  }

  /** Sends a command to the current run (pause, step, stop...). */
  send(command: Command): void {
    this.worker.post(command);
  }

  /** Forgets the current run: whatever it still sends is ignored. */
  abandon(): void {
    this.runId++;
  }

  /** Abandons the current run and ends the worker; the next command starts a new one. */
  terminate(): void {
    this.abandon();
    this.worker.terminate();
  }

  private route(message: Message): void {
    if (message.runId !== this.runId) return; // from a run that was reset or replaced
    const handler = this.handlers[message.type as Message['type']] as (message: Message) => void;
    handler(message);
  }
}
