/**
 * A page's Web Worker that may fail as a whole: its script does not load, it
 * throws outside a run, or a message cannot be read (`error` / `messageerror`
 * on the worker). Such a worker is dead, so it is ended, the page is told once
 * (to leave its "running" state and say so), and the next command starts a
 * fresh worker: the user can simply train again.
 */
export class RestartableWorker<Command, Message> {
  private worker: Worker | undefined;

  /**
   * @param create Builds the worker. The page keeps the `new Worker(new URL(...))`
   *   call so the bundler still finds and bundles the worker script.
   * @param onMessage Receives the current worker's messages.
   * @param onFailure Called once per failed worker with what the browser said;
   *   the next `post` starts a new one.
   */
  constructor(
    private readonly create: () => Worker,
    private readonly onMessage: (message: Message) => void,
    private readonly onFailure: (reason: string) => void,
  ) {
    this.current();
  }

  /** Sends a command to the worker, starting a fresh one after a failure. */
  post(command: Command): void {
    this.current().postMessage(command);
  }

  /**
   * Ends the worker now (its run, if any, stops mid-step); the next `post`
   * starts a fresh one. Its remaining messages are dropped.
   */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  private current(): Worker {
    if (this.worker) return this.worker;
    const worker = this.create();
    worker.addEventListener('message', (event: MessageEvent<Message>) => {
      if (this.worker === worker) this.onMessage(event.data);
    });
    const fail = (event: Event) => {
      event.preventDefault(); // handled here: the page says what happened
      if (this.worker !== worker) return;
      const reason = event instanceof ErrorEvent ? event.message : event.type;
      console.error('worker failed', reason);
      worker.terminate();
      this.worker = undefined;
      this.onFailure(reason);
    };
    worker.addEventListener('error', fail);
    worker.addEventListener('messageerror', fail);
    this.worker = worker;
    return worker;
  }
}
