import type { HardwareCell } from './run-batch-size-hardware.js';
import { throughputKnees } from './run-batch-size-hardware.js';

/**
 * One point of the throughput chart: plain numbers, for `@epochlab/plot`'s
 * `throughputChart`. A type, not an interface, so that a live chart takes the
 * rows as plain records.
 */
export type ThroughputChartPoint = {
  readonly series: string;
  readonly batchSize: number;
  readonly samplesPerSecond: number;
};

/**
 * The throughput chart's data from the cells measured so far: a point per
 * cell and each series' knee (`throughputKnees`), with the series named by
 * `seriesName` (the CLI writes `cpu, notebook`, the page its own language).
 * Both apps draw the same points from it, live or at the end.
 */
export function throughputChartPoints(
  cells: readonly HardwareCell[],
  seriesName: (backend: string, model: HardwareCell['model']) => string,
): { points: ThroughputChartPoint[]; knees: ThroughputChartPoint[] } {
  return {
    points: cells.map((cell) => ({
      series: seriesName(cell.backend, cell.model),
      batchSize: cell.batchSize,
      samplesPerSecond: cell.samplesPerSecond,
    })),
    knees: throughputKnees(cells).map((knee) => ({
      series: seriesName(knee.backend, knee.model),
      batchSize: knee.batchSize,
      samplesPerSecond: knee.samplesPerSecond,
    })),
  };
}
