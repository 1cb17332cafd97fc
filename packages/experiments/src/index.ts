/**
 * @epochlab/experiments: the experiments as a list of definitions
 * (`EXPERIMENTS`: line, polynomial, sine, your own data, the batch-size lab), each field declared
 * once with its flag, group, bounds and help; one validated config and one
 * `runExperiment` shared by the CLI and the web app; the batch-size lab
 * (`runBatchSizeLab`) and its two-parameter line view; sweeps over any field
 * (`parseSweepSpec`, `sweepConfigurations`, `runSweepBatch`, their shards and merge).
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
export { compareRuns, type RunComparison } from './compare/compare-runs.js';
export type { ComparedRun } from './compare/compared-run.js';
export { type ConfigDifference, configDifferences } from './compare/config-differences.js';
export type { RunOutcome } from './compare/run-outcome.js';
export {
  type CommonConfig,
  commonFields,
  type EarlyStoppingConfig,
  earlyStoppingFields,
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
export {
  inputCount,
  MAX_INLINE_POINTS,
  type PointLists,
  pointCount,
} from './config/points-schema.js';
export { batchSizeHardwareExperiment } from './experiments/batch-size-hardware-experiment.js';
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
export { localMinimaExperiment } from './experiments/local-minima-experiment.js';
export { polynomialExperiment } from './experiments/polynomial-experiment.js';
export { sineExperiment } from './experiments/sine-experiment.js';
export {
  BATCH_SIZE_HARDWARE,
  defaultHardwareConfig,
  type HardwareConfig,
  parseHardwareConfig,
} from './hardware/hardware-config.js';
export { HARDWARE_FIELDS } from './hardware/hardware-fields.js';
export {
  type HardwareCell,
  type HardwareCellEvent,
  type HardwareResult,
  NOTEBOOK_HIDDEN,
  type RunHardwareOptions,
  runBatchSizeHardware,
  type ThroughputKnee,
  throughputKnees,
  type UnavailableBackend,
} from './hardware/run-batch-size-hardware.js';
export {
  type ThroughputChartPoint,
  throughputChartPoints,
} from './hardware/throughput-points.js';
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
  type EscapeStatistics,
  escapeStatistics,
  hasSettled,
  SETTLE_TOLERANCE,
} from './local-minima/escape-statistics.js';
export {
  type DrawnPath,
  drawnPaths,
  escapeShareSeries,
  type SharePoint,
  type ShareSeries,
  unsettledShareSeries,
} from './local-minima/local-minima-chart-data.js';
export {
  defaultLocalMinimaConfig,
  LOCAL_MINIMA,
  type LocalMinimaConfig,
  parseLocalMinimaConfig,
} from './local-minima/local-minima-config.js';
export {
  localMinimaPoints,
  TRUE_AMPLITUDE,
  TRUE_FREQUENCY,
} from './local-minima/local-minima-data.js';
export { LOCAL_MINIMA_FIELDS } from './local-minima/local-minima-fields.js';
export {
  type LocalMinimaRow,
  type LocalMinimaSummary,
  localMinimaRow,
  localMinimaSummary,
  type PathEnd,
} from './local-minima/local-minima-summary.js';
export {
  type LocalMinimaCell,
  type LocalMinimaCellEvent,
  type LocalMinimaResult,
  MAX_FREQUENCY,
  type RunLocalMinimaOptions,
  runLocalMinima,
} from './local-minima/run-local-minima.js';
export {
  bestAmplitude,
  type SineGradient,
  type SinePoints,
  type SineWeights,
  sineFitGradient,
  sineFitLoss,
} from './local-minima/sine-fit.js';
export {
  globalValley,
  type SineValley,
  sineValleys,
  valleyIndexOf,
} from './local-minima/sine-fit-valleys.js';
export {
  DIVERGENCE_LIMIT,
  type SineSgdOptions,
  type SineSgdRun,
  sineSgdRun,
} from './local-minima/sine-sgd.js';
export { type SineSurface, sineSurface, sineSurfaceArea } from './local-minima/sine-surface.js';
export { wilsonInterval } from './local-minima/wilson-interval.js';
export { createBestModel } from './run/best-model.js';
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
export {
  type ExperimentTrainSettings,
  experimentTrainSettings,
} from './run/experiment-train-settings.js';
export { experimentWorkload } from './run/experiment-workload.js';
export type { GivenData } from './run/given-data.js';
export { type InputRange, inputRanges } from './run/input-ranges.js';
export {
  type PredictedActualSet,
  type PredictedActualSource,
  predictedActual,
} from './run/predicted-actual.js';
export { runCommandLine } from './run/run-command-line.js';
export {
  type BestWeights,
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
  checkStreamedRows,
  parseStreamedDataConfig,
  runStreamedDataExperiment,
  type StreamedData,
  type StreamedDataConfig,
} from './run/streamed-data.js';
export { type BestConfiguration, bestConfiguration } from './sweep/best-configuration.js';
export {
  type ConfigurationSummary,
  rankedLoss,
  summarizeConfiguration,
} from './sweep/configuration-summary.js';
export { mergeSweepShards, type SweepShardPart } from './sweep/merge-sweep-shards.js';
export {
  MAX_RANDOM_CONFIGURATIONS,
  MAX_SWEEP_SEEDS,
  parseSweepSpec,
  type SweepNaming,
} from './sweep/parse-sweep-spec.js';
export { CURVE_POINTS, type RunSweepBatchOptions, runSweepBatch } from './sweep/run-sweep-batch.js';
export { batchShape, DEFAULT_RUNS_PER_BATCH, sweepBatches } from './sweep/sweep-batches.js';
export {
  configurationCount,
  configurationText,
  gridSize,
  LARGE_SWEEP_RUNS,
  type SweepConfiguration,
  sweepConfigurations,
  sweepRunCount,
} from './sweep/sweep-grid.js';
export { heatmapAxes, type SweepHeatmap, sweepHeatmap } from './sweep/sweep-heatmap.js';
export type { FinishedConfiguration, SweepCurve, SweepRun } from './sweep/sweep-results.js';
export {
  MAX_SHARDS,
  parseShard,
  type SweepShard,
  shardItems,
  shardText,
} from './sweep/sweep-shard.js';
export { type SweepAxis, type SweepFile, type SweepSpec, sweepFileOf } from './sweep/sweep-spec.js';
export { SweepSpecError } from './sweep/sweep-spec-error.js';
export { sweepValuesFromText, sweepValueText } from './sweep/sweep-values-text.js';
