/**
 * @epochlab/data: the notebook's data generators (line, polynomial), datasets,
 * the `DataLoader` and random splits, and tables of points read from CSV or
 * JSON text (`parsePointTable`, `readPointTableBlob`), with PyTorch's `torch.utils.data`
 * semantics on TensorFlow.js.
 */
export { DataLoader, type DataLoaderOptions } from './data-loader.js';
export { type BatchAccess, type Dataset, hasBatchAccess } from './dataset.js';
export { type Collated, type CollatedField, defaultCollate } from './default-collate.js';
export {
  DEFAULT_RANGE,
  DEFAULT_SIGMA,
  type NoisyPoints,
  SAMPLE_STREAMS,
  type SampleFunctionOptions,
  type SamplePolynomialOptions,
  sampleFunctionPoints,
} from './noisy-points.js';
export {
  type NoisySamples,
  type SampleLineOptions,
  sampleFunction,
  sampleLine,
  samplePolynomial,
} from './noisy-samples.js';
export { polynomial } from './polynomial.js';
export { RandomSampler, SHUFFLE_STREAM } from './random-sampler.js';
export { RANDOM_SPLIT_STREAM, randomSplit, subsetSizes } from './random-split.js';
export type { Sampler } from './sampler.js';
export { SequentialSampler } from './sequential-sampler.js';
export {
  type ColumnScaling,
  fitColumnScaling,
  type Standardization,
  scaleColumns,
  unscaleColumns,
} from './standardization.js';
export type { RowBlock, RowStream } from './stream/row-stream.js';
export { RowStreamLoader, type RowStreamLoaderOptions } from './stream/row-stream-loader.js';
export { type SampledRows, sampleRows } from './stream/sample-rows.js';
export { Subset, type SubsetGetBatch } from './subset.js';
export { parsePointTable } from './table/parse-point-table.js';
export type { PointTable, TableReadOptions } from './table/point-table.js';
export {
  PointTableError,
  type PointTableProblem,
  type PointTableProblemCode,
  type TableLocation,
} from './table/point-table-error.js';
export { MAX_TABLE_BYTES, readPointTableBlob } from './table/read-point-table-blob.js';
export { type RowOf, type RowsOf, TensorDataset } from './tensor-dataset.js';
