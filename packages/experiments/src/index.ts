/**
 * @epochlab/experiments: the notebook's line and polynomial experiments as one
 * validated config and one `runExperiment`, shared by the CLI and the web app;
 * the batch-size lab (`runBatchSizeLab`) and its two-parameter line view.
 */

export * from './batch-size-lab/index.js';
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
