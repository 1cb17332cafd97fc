/** A data row of a chart dataset, e.g. `{ epoch, loss }` or `{ x, y }`. */
export type ChartRow = Readonly<Record<string, unknown>>;

/** What happens to one dataset at the next render: optionally clear it, then insert rows. */
export interface DatasetUpdate {
  readonly dataset: string;
  /** Remove every row the dataset holds before inserting. */
  readonly replace: boolean;
  readonly insert: ChartRow[];
}

/**
 * Collects the updates that arrive between two frames and merges them per
 * dataset, so a frame applies one change per dataset however many calls came
 * in. Appends pile up in order; a replace drops what was queued before it for
 * that dataset. Rows are copied on arrival: the caller may reuse its objects,
 * and Vega's bookkeeping never touches them.
 */
export class UpdateQueue {
  readonly #pending = new Map<string, { replace: boolean; insert: ChartRow[] }>();

  /** Queues rows to add after the dataset's current rows. */
  append(dataset: string, rows: readonly ChartRow[]): void {
    let entry = this.#pending.get(dataset);
    if (!entry) {
      entry = { replace: false, insert: [] };
      this.#pending.set(dataset, entry);
    }
    for (const row of rows) entry.insert.push({ ...row });
  }

  /** Queues the dataset's new contents, replacing all it holds. */
  replace(dataset: string, rows: readonly ChartRow[]): void {
    this.#pending.set(dataset, { replace: true, insert: rows.map((row) => ({ ...row })) });
  }

  /** True when nothing is queued. */
  get isEmpty(): boolean {
    return this.#pending.size === 0;
  }

  /** Returns the merged updates, in the order their datasets were first touched, and empties the queue. */
  take(): DatasetUpdate[] {
    const updates = [...this.#pending].map(([dataset, entry]) => ({ dataset, ...entry }));
    this.#pending.clear();
    return updates;
  }
}
