/** How charts and texts name a batch size: `batch 5`, or `full batch (100)` when it holds all n points. */
export function seriesName(group: { label: string; batchSize: number }, n: number): string {
  return group.batchSize === n ? `full batch (${n})` : `batch ${group.label}`;
}
