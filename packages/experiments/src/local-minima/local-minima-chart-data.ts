import type { LocalMinimaRow } from './local-minima-summary.js';
import type { LocalMinimaResult } from './run-local-minima.js';
import type { SineWeights } from './sine-fit.js';

/** A point of a share chart: the share, and the band around it. */
export interface SharePoint {
  readonly x: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** One line of a share chart, named by the caller (in its language). */
export interface ShareSeries {
  readonly name: string;
  readonly points: readonly SharePoint[];
}

/** Rows grouped by a key, in first-seen order. */
function groupRows(rows: readonly LocalMinimaRow[], key: (row: LocalMinimaRow) => string) {
  const groups = new Map<string, LocalMinimaRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.values()];
}

/**
 * The share of runs in the global valley with its 95% interval as the band:
 * a line per learning rate over the batch size (`over: 'batchSize'`), or a
 * line per batch size over the learning rate (`over: 'lr'`). `name` names a
 * line from its first row.
 */
export function escapeShareSeries(
  rows: readonly LocalMinimaRow[],
  over: 'batchSize' | 'lr',
  name: (row: LocalMinimaRow) => string,
): ShareSeries[] {
  const lineKey = (row: LocalMinimaRow) => (over === 'batchSize' ? `${row.lr}` : row.label);
  return groupRows(rows, lineKey).map((group) => ({
    name: name(group[0] as LocalMinimaRow),
    points: group.map((row) => ({
      x: over === 'batchSize' ? row.batchSize : row.lr,
      mean: row.globalShare,
      low: row.globalShareInterval[0],
      high: row.globalShareInterval[1],
    })),
  }));
}

/** The share of runs that diverged or did not settle, a line per batch size over the learning rate. */
export function unsettledShareSeries(
  rows: readonly LocalMinimaRow[],
  name: (row: LocalMinimaRow) => string,
): ShareSeries[] {
  return groupRows(rows, (row) => row.label).map((group) => ({
    name: name(group[0] as LocalMinimaRow),
    points: group.map((row) => {
      const share = row.divergedShare + row.unsettledShare;
      return { x: row.lr, mean: share, low: share, high: share };
    }),
  }));
}

/** A path to draw on the surface: the full batch, or one SGD run (by its seed). */
export interface DrawnPath {
  readonly kind: 'full-batch' | 'sgd';
  readonly seed: number;
  readonly points: readonly SineWeights[];
}

/**
 * The paths worth drawing: every SGD path at one point per epoch (the start,
 * each epoch's end and the last point: a batch-1 path has n steps per epoch,
 * too many lines to read), then the full-batch path with every step, last so
 * that it is drawn on top.
 */
export function drawnPaths(result: LocalMinimaResult): DrawnPath[] {
  const stepsPerEpoch = Math.ceil(result.config.n / result.config.pathBatchSize);
  const thin = (path: readonly SineWeights[]) => {
    const kept = path.filter((_, step) => step % stepsPerEpoch === 0);
    const last = path.at(-1);
    if (last !== undefined && kept.at(-1) !== last) kept.push(last);
    return kept;
  };
  return [
    ...result.sgdPaths.map((run) => ({
      kind: 'sgd' as const,
      seed: run.seed,
      points: thin(run.path ?? []),
    })),
    {
      kind: 'full-batch' as const,
      seed: result.fullBatchPath.seed,
      points: result.fullBatchPath.path ?? [],
    },
  ];
}
