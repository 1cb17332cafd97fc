/**
 * @epochlab/experiments: the notebook's line and polynomial experiments as one
 * validated config and one `runExperiment`, shared by the CLI and the web app.
 */
export * from './config/config-error.js';
export * from './config/config-fields.js';
export * from './config/experiment-config.js';
export * from './config/parse-config.js';
export * from './run/experiment-data.js';
export * from './run/experiment-events.js';
export * from './run/experiment-summary.js';
export * from './run/run-experiment.js';
export * from './run/run-repeated.js';
