import { type BatchSizeLabEvent, runBatchSizeLab } from '@epochlab/experiments';
import { countTensors } from '@epochlab/tensor';
import { failedRunMessage } from '../worker/serve-commands.js';
import type { LabCommand, LabMessage, LabStartCommand } from './lab-protocol.js';

/** Sends a message to the page (`postMessage` in the worker, a recorder in tests). */
export type PostLabMessage = (message: LabMessage) => void;

interface ActiveLab {
  readonly runId: number;
  readonly controller: AbortController;
  readonly finished: Promise<void>;
}

/**
 * The lab worker's side of the protocol: runs one batch-size lab at a time
 * through `runBatchSizeLab` (the function the CLI calls) and turns its events
 * into messages tagged with the run id. Independent of the worker global, so
 * tests drive it directly.
 */
export class LabSession {
  private active: ActiveLab | undefined;

  constructor(
    private readonly post: PostLabMessage,
    private readonly run: typeof runBatchSizeLab = runBatchSizeLab,
  ) {}

  /** Handles one command. Resolves when it has been acted on (a start: when the lab ends). */
  async handle(command: LabCommand): Promise<void> {
    await this.stopActive();
    if (command.type === 'start') await this.start(command);
  }

  private async stopActive(): Promise<void> {
    const active = this.active;
    if (!active) return;
    active.controller.abort();
    await active.finished;
  }

  private start(command: LabStartCommand): Promise<void> {
    const { runId } = command;
    const controller = new AbortController();
    const onEvent = (event: BatchSizeLabEvent) => {
      switch (event.type) {
        case 'start':
          this.post({
            type: 'started',
            runId,
            config: event.config,
            backend: event.backend,
            data: event.data,
            groups: event.groups,
          });
          return;
        case 'progress':
          this.post({
            type: 'progress',
            runId,
            group: event.group,
            epoch: event.epoch,
            epochs: event.epochs,
            elapsedSeconds: event.elapsedSeconds,
          });
          return;
        case 'group-end':
          this.post({ type: 'group-done', runId, group: event.group, result: event.result });
          return;
        case 'end':
          return; // posted as `done` once the lab's promise resolves
      }
    };
    const finished = (async () => {
      try {
        const result = await this.run(command.config, {
          backend: command.backend,
          ...(command.wasmPaths ? { backendOptions: { wasmPaths: { ...command.wasmPaths } } } : {}),
          signal: controller.signal,
          onEvent,
          progressIntervalMs: command.progressIntervalMs ?? 100,
        });
        this.post({ type: 'done', runId, result, tensorsAfter: countTensors() });
      } catch (error) {
        this.post(failedRunMessage(runId, error));
      } finally {
        if (this.active?.runId === runId) this.active = undefined;
      }
    })();
    this.active = { runId, controller, finished };
    return finished;
  }
}
