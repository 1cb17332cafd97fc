/**
 * @epochlab/experiments: the notebook's line and polynomial experiments as one
 * validated config and one `runExperiment`, shared by the CLI and the web app;
 * the batch-size lab (`runBatchSizeLab`) and its two-parameter line view.
 */

export {
  type BatchSizeSeriesName,
  batchSizeSeriesName,
  batchSizeSeriesNameText,
} from './batch-size-lab/batch-size-series-name.js';
export {
  type ComparedLoss,
  comparedLoss,
  finalComparedLoss,
} from './batch-size-lab/compared-loss.js';
export * from './batch-size-lab/index.js';
export {
  type LabBandAxis,
  type LabBandKind,
  type LabBandPoint,
  labBandPoints,
} from './batch-size-lab/lab-band-points.js';
export {
  type LabLineViewSettings,
  type LineViewBatchSize,
  labLineView,
  lineViewBatchSizes,
} from './batch-size-lab/lab-line-view.js';
export {
  type LabLineViewFile,
  labLineViewFile,
} from './batch-size-lab/lab-line-view-file.js';
export {
  type LabGroupSummary,
  type LabSummary,
  labGroupSummary,
  labRunStatus,
  labSummary,
} from './batch-size-lab/lab-summary.js';
export {
  type TradeOffBatch,
  type TradeOffFinding,
  type TradeOffReading,
  tradeOffReading,
} from './batch-size-lab/trade-off-reading.js';
export {
  tradeOffFindingText,
  tradeOffReadingText,
} from './batch-size-lab/trade-off-reading-text.js';
export * from './config/config-error.js';
export * from './config/config-fields.js';
export * from './config/experiment-config.js';
export {
  type DataScaleConfig,
  FLOAT32_MAX,
  finiteDataIssue,
  MAX_NORMAL_DRAW,
} from './config/finite-data-check.js';
export * from './config/parse-config.js';
export * from './line-view/index.js';
export * from './run/experiment-data.js';
export * from './run/experiment-events.js';
export * from './run/experiment-summary.js';
export * from './run/run-experiment.js';
export * from './run/run-repeated.js';
