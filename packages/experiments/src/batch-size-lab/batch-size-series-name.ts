/**
 * How a batch size is named in legends, tables and readings: the full batch
 * (one batch of all `n` points, so plain gradient descent) by that name,
 * any other batch size by its label. Apps turn it into text in their
 * language by `kind`; `batchSizeSeriesNameText` gives the English one.
 */
export type BatchSizeSeriesName =
  | { readonly kind: 'full-batch'; readonly n: number }
  | { readonly kind: 'batch'; readonly label: string };

/**
 * The name of a batch size of a lab on `n` points. A batch size equal to `n`
 * is the full batch whether it was written `full` or as the number.
 *
 * @example
 * batchSizeSeriesName({ label: '5', batchSize: 5 }, 100); // { kind: 'batch', label: '5' }
 * batchSizeSeriesName({ label: '100', batchSize: 100 }, 100); // { kind: 'full-batch', n: 100 }
 */
export function batchSizeSeriesName(
  size: { readonly label: string; readonly batchSize: number },
  n: number,
): BatchSizeSeriesName {
  return size.batchSize === n ? { kind: 'full-batch', n } : { kind: 'batch', label: size.label };
}

/**
 * The English text of a series name: `batch 5`, `full batch (100)`.
 *
 * @example
 * batchSizeSeriesNameText({ kind: 'full-batch', n: 100 }); // 'full batch (100)'
 */
export function batchSizeSeriesNameText(name: BatchSizeSeriesName): string {
  return name.kind === 'full-batch' ? `full batch (${name.n})` : `batch ${name.label}`;
}
