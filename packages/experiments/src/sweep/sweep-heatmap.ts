import { type ConfigurationSummary, rankedLoss } from './configuration-summary.js';
import type { SweepAxis, SweepSpec } from './sweep-spec.js';
import { SweepSpecError } from './sweep-spec-error.js';
import { sweepValueText } from './sweep-values-text.js';

/** The heatmap of a sweep: the best ranked loss for each pair of values of two swept fields. */
export interface SweepHeatmap {
  readonly x: SweepAxis;
  /** Absent when the sweep varies one field only: one row. */
  readonly y: SweepAxis | undefined;
  /** What the cells hold: the mean best validation loss (or final training loss without validation). */
  readonly loss: 'bestValLoss' | 'finalTrainLoss';
  /** One cell per pair of values, rows (y) then columns (x) in axis order. */
  readonly cells: readonly {
    readonly x: string;
    readonly y: string;
    /** The lowest mean over the configurations with these two values; `null` when none has one. */
    readonly value: number | null;
    /** The grid index of that configuration. */
    readonly index: number | null;
  }[];
}

/**
 * The two fields a heatmap shows: `requested` (keys or flags, such as
 * `['lr', 'batch-size']`), else the first two fields the sweep varies (with
 * more than one value). `[]` when it varies none. A requested name that is
 * not a varied field is a `SweepSpecError` naming `name`.
 */
export function heatmapAxes(
  spec: SweepSpec,
  requested?: readonly string[],
  name = '--axes',
): SweepAxis[] {
  const varied = spec.axes.filter((axis) => axis.values.length > 1);
  if (requested === undefined) return varied.slice(0, 2);
  const choices = varied.map((axis) => axis.flag).join(', ') || 'none';
  const axes = requested.map((wanted) =>
    varied.find((axis) => axis.key === wanted || axis.flag === wanted),
  );
  if (requested.length !== 2 || axes.some((axis) => axis === undefined) || axes[0] === axes[1]) {
    throw new SweepSpecError(
      `${name} must be two different fields the sweep varies, such as lr,batch-size (this sweep varies: ${choices}); got ${requested.join(',')}`,
    );
  }
  return axes as SweepAxis[];
}

/**
 * The heatmap's cells over `axes` (from `heatmapAxes`): for each pair of
 * values, the configuration with the lowest ranked loss among those with
 * these values (the best over every other swept field); `undefined` without
 * an axis or without a ranked loss.
 */
export function sweepHeatmap(
  axes: readonly SweepAxis[],
  summaries: readonly ConfigurationSummary[],
): SweepHeatmap | undefined {
  const [x, y] = axes;
  if (x === undefined) return undefined;
  const ranked = summaries.flatMap((summary) => {
    const rank = rankedLoss(summary);
    return rank === undefined ? [] : [{ summary, rank }];
  });
  const loss = ranked[0]?.rank.loss;
  if (loss === undefined) return undefined;
  const cells: SweepHeatmap['cells'][number][] = [];
  for (const yValue of y?.values ?? [undefined]) {
    for (const xValue of x.values) {
      let best: (typeof ranked)[number] | undefined;
      for (const entry of ranked) {
        const values = entry.summary.values;
        if (sweepValueText(values[x.key]) !== sweepValueText(xValue)) continue;
        if (y !== undefined && sweepValueText(values[y.key]) !== sweepValueText(yValue)) continue;
        if (best === undefined || entry.rank.mean < best.rank.mean) best = entry;
      }
      cells.push({
        x: sweepValueText(xValue),
        y: y === undefined ? 'all' : sweepValueText(yValue),
        value: best?.rank.mean ?? null,
        index: best?.summary.index ?? null,
      });
    }
  }
  return { x, y, loss, cells };
}
