/**
 * @epochlab/experiments: the experiments as a list of definitions
 * (`EXPERIMENTS`: line, polynomial, sine, your own data, the batch-size lab), each field declared
 * once with its flag, group, bounds and help; one validated config and one
 * `runExperiment` shared by the CLI and the web app; the batch-size lab
 * (`runBatchSizeLab`) and its two-parameter line view.
 */

export {
  type BandPoint,
  bandStatistics,
  type Curve,
  meanBand,
  type Spread,
  spreadOf,
} from './batch-size-lab/band-statistics.js';
export { batchSizeGroupInfos, stepsAfterEpoch } from './batch-size-lab/batch-size-groups.js';
export {
  BATCH_SIZE_LAB,
  type BatchSizeLabConfig,
  type BatchSizeLabConfigInput,
  batchSizeLabel,
  defaultBatchSizeLabConfig,
  parseBatchSizeLabConfig,
  resolveBatchSize,
} from './batch-size-lab/batch-size-lab-config.js';
export type { BatchSizeLabEvent } from './batch-size-lab/batch-size-lab-events.js';
export {
  BATCH_SIZE_LAB_FIELDS,
  type BatchSizeOption,
  LAB_DATASET_OF_FIELD,
  type LabDataset,
} from './batch-size-lab/batch-size-lab-fields.js';
export type {
  BatchSizeGroup,
  BatchSizeGroupInfo,
  BatchSizeLabResult,
  GradientNoisePoint,
  LabData,
  LabRun,
} from './batch-size-lab/batch-size-lab-result.js';
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
export {
  type LabBandAxis,
  type LabBandKind,
  type LabBandPoint,
  labBandPoints,
} from './batch-size-lab/lab-band-points.js';
export { labDataConfig } from './batch-size-lab/lab-data.js';
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
  type RunBatchSizeLabOptions,
  runBatchSizeLab,
} from './batch-size-lab/run-batch-size-lab.js';
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
export {
  type CommonConfig,
  commonFields,
  TRAINING_PATH_OPTIONS,
} from './config/common-fields.js';
export { ConfigError, type ConfigIssue, formatIssue } from './config/config-error.js';
export {
  booleanField,
  type ConfigField,
  type ConfigOfFields,
  choiceField,
  configField,
  type FieldGroup,
  type FieldKind,
  integerField,
  numberField,
} from './config/config-field.js';
export {
  type ConfigProblem,
  type ConfigProblemCode,
  type ConfigProblemOf,
  type ProblemWording,
  problemText,
  wordProblem,
} from './config/config-problem.js';
export { formatFieldValue, parseFieldText } from './config/field-text.js';
export {
  type DataScaleConfig,
  FLOAT32_MAX,
  finiteDataIssue,
  MAX_NORMAL_DRAW,
} from './config/finite-data-check.js';
export { defaultConfig, parseExperimentConfig, parseRunConfig } from './config/parse-config.js';
export { MAX_INLINE_POINTS, type PointLists } from './config/points-schema.js';
export { batchSizeLabExperiment } from './experiments/batch-size-lab-experiment.js';
export {
  type DataExperimentConfig,
  type DataExperimentConfigInput,
  dataExperiment,
} from './experiments/data-experiment.js';
export {
  defineExperiment,
  type ExperimentSpec,
  type FitConfig,
} from './experiments/define-experiment.js';
export type {
  DefinitionBase,
  ExperimentDefinition,
  GivenDataDefinition,
  LabDefinition,
} from './experiments/experiment-definition.js';
export {
  type AnyExperiment,
  EXPERIMENT_NAMES,
  EXPERIMENTS,
  type ExperimentConfig,
  type ExperimentConfigInput,
  type ExperimentName,
  experimentCaption,
  FIT_EXPERIMENTS,
  type FitExperiment,
  findExperiment,
  findFitExperiment,
  RUNNABLE_EXPERIMENTS,
  type RunConfig,
  type RunnableExperiment,
} from './experiments/experiment-list.js';
export { lineExperiment } from './experiments/line-experiment.js';
export { polynomialExperiment } from './experiments/polynomial-experiment.js';
export { sineExperiment } from './experiments/sine-experiment.js';
export {
  DEFAULT_SURFACE_RESOLUTION,
  type DescentPathOptions,
  descentPath,
  type LineFitData,
  type LinePoint,
  type LineView,
  type LineViewOptions,
  type LineViewPath,
  type LossSurface,
  type LossSurfaceOptions,
  lineLoss,
  lineLossGradient,
  lineView,
  lossMinimum,
  lossSurface,
  MAX_SURFACE_RESOLUTION,
} from './line-view/index.js';
export {
  type ExperimentData,
  generateExperimentData,
  type Points,
} from './run/experiment-data.js';
export type {
  DataExperimentEvent,
  DataExperimentStartEvent,
  ExperimentEndEvent,
  ExperimentEpochEvent,
  ExperimentEvent,
  ExperimentStartEvent,
} from './run/experiment-events.js';
export type { ExperimentSummary, TrainingStatus } from './run/experiment-summary.js';
export type { GivenData } from './run/given-data.js';
export {
  type DataExperimentResult,
  type ExperimentResult,
  type FitCurveSource,
  fitCurve,
  predictInUserUnits,
  type RunEventOf,
  type RunExperimentOptions,
  type RunResultOf,
  runExperiment,
} from './run/run-experiment.js';
export {
  parseStreamedDataConfig,
  runStreamedDataExperiment,
  type StreamedData,
  type StreamedDataConfig,
} from './run/streamed-data.js';
