import type {
  HardwareCell,
  HardwareConfig,
  ThroughputKnee,
  UnavailableBackend,
} from '@epochlab/experiments';

/** What the page asks the worker: time these backends, or stop after the current cell. */
export type HardwareCommand =
  | {
      readonly type: 'start';
      readonly runId: number;
      readonly config: HardwareConfig;
      readonly backends: readonly string[];
      /** The wasm binaries' URLs in the build (`ui/wasm-paths.ts`). */
      readonly wasmPaths: Readonly<Record<string, string>>;
    }
  | { readonly type: 'stop'; readonly runId: number };

/** What the worker answers, plain numbers only. */
export type HardwareMessage =
  | {
      readonly type: 'cell';
      readonly runId: number;
      readonly done: number;
      readonly total: number;
      readonly cell: HardwareCell;
    }
  | {
      readonly type: 'done';
      readonly runId: number;
      readonly status: 'completed' | 'aborted';
      readonly unavailable: readonly UnavailableBackend[];
      readonly knees: readonly ThroughputKnee[];
    }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
