/**
 * One row of the size table: a network, a data size and a batch size, each trained for a
 * few epochs by epochlab and by PyTorch on the same kind of data (the line y = x with noise,
 * L1 loss, SGD lr 1e-3).
 */
export interface SizeRow {
  /** What the row varies, as the table prints it (`width 128`, `batch 2048`, `n 1e6`). */
  readonly label: string;
  /** Hidden layer widths, first to last. */
  readonly hidden: readonly number[];
  /** Training points. */
  readonly n: number;
  /** Batch size (`n` for the full batch). */
  readonly batch: number;
  /** Epochs timed: enough work for a fraction of a second to a few seconds a side. */
  readonly epochs: number;
}

const NOTEBOOK_HIDDEN = [12, 12, 16];

/**
 * The grid (about four minutes of a quiet two-core machine, three processes a row): the
 * width rows at batch 32 (two hidden layers of 32 to 1024, one of 1024, eight of 32), the
 * notebook's network at batch 1 to the full 10,000 points, and at batch 256 on 1e3 to 1e6
 * points.
 */
export const SIZE_ROWS: readonly SizeRow[] = [
  ...[32, 64, 128, 256].map((width) => ({
    label: `width ${width}x2`,
    hidden: [width, width],
    n: 10_000,
    batch: 32,
    epochs: width <= 64 ? 2 : 1,
  })),
  { label: 'width 1024x1', hidden: [1024], n: 10_000, batch: 32, epochs: 1 },
  { label: 'width 1024x2', hidden: [1024, 1024], n: 10_000, batch: 32, epochs: 1 },
  { label: 'depth 8x32', hidden: Array(8).fill(32), n: 10_000, batch: 32, epochs: 1 },
  ...[1, 8, 64, 512, 2048, 10_000].map((batch) => ({
    label: batch === 10_000 ? 'batch full' : `batch ${batch}`,
    hidden: NOTEBOOK_HIDDEN,
    n: 10_000,
    batch,
    // From a batch of 512, 100 epochs (0.15-0.25 s a side): 20 (50 ms) timed mostly each
    // side's one-off start, and PyTorch's own rate rose by a third from 20 to 100.
    epochs: batch === 1 ? 1 : batch <= 64 ? 3 : 100,
  })),
  ...[1e3, 1e4, 1e5, 1e6].map((n) => ({
    label: `n 1e${Math.log10(n)}`,
    hidden: NOTEBOOK_HIDDEN,
    n,
    batch: 256,
    epochs: Math.max(1, 1e6 / n / 10),
  })),
];
