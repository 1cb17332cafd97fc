import type {
  DrawnPath,
  LocalMinimaConfig,
  LocalMinimaRow,
  LocalMinimaSummary,
  SineSurface,
} from '@epochlab/experiments';

/** What the page asks the worker: run this study. */
export interface MinimaStart {
  readonly type: 'start';
  readonly runId: number;
  readonly config: LocalMinimaConfig;
}

/** What the worker answers, plain numbers only. */
export type MinimaMessage =
  | {
      readonly type: 'cell';
      readonly runId: number;
      readonly done: number;
      readonly total: number;
      readonly row: LocalMinimaRow;
    }
  | {
      readonly type: 'done';
      readonly runId: number;
      readonly summary: LocalMinimaSummary;
      readonly surface: SineSurface;
      readonly paths: readonly DrawnPath[];
    }
  | { readonly type: 'error'; readonly runId: number; readonly message: string };
