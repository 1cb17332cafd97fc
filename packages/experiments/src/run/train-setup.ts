import type { BackendChoice } from '@epochlab/tensor';
import { trainModel } from '@epochlab/train';
import type { RunConfig } from '../experiments/experiment-list.js';
import type { ExperimentData } from './experiment-data.js';
import type {
  DataExperimentEvent,
  ExperimentEvent,
  ExperimentStartEvent,
} from './experiment-events.js';
import type { ExperimentSetup } from './experiment-setup.js';
import { summarizeExperiment } from './experiment-summary.js';
import { experimentTrainSettings } from './experiment-train-settings.js';
import type { GivenData } from './given-data.js';
import type { RunExperimentOptions, RunOutcome } from './run-experiment.js';
import type { StreamedDataConfig } from './streamed-data.js';

/** Trains a prepared run: start event, the training loop with its events, summary, end event. */
export async function trainSetup<Data extends ExperimentData | GivenData>(
  config: RunConfig | StreamedDataConfig,
  backend: BackendChoice,
  setup: ExperimentSetup<Data>,
  options:
    | RunExperimentOptions<never>
    | RunExperimentOptions<ExperimentEvent | DataExperimentEvent>,
): Promise<RunOutcome> {
  const { data, model, train, validation, disposeData } = setup;
  const emit =
    (options.onEvent as ((event: ExperimentEvent | DataExperimentEvent) => void) | undefined) ??
    (() => {});
  try {
    emit({
      type: 'start',
      config,
      backend,
      parameterCount: model.parameterCount,
      data,
      model,
    } as ExperimentStartEvent);

    const result = await trainModel({
      model,
      train,
      ...(validation ? { validation } : {}),
      ...experimentTrainSettings(config),
      // Every run with validation keeps its best epoch's weights: the model before overfitting.
      ...(validation ? { keepBestWeights: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.beforeEpoch ? { beforeEpoch: options.beforeEpoch } : {}),
      throttle: { minIntervalMs: options.progressIntervalMs ?? 100 },
      callbacks: {
        onEpochEnd: (event) => {
          const lastValidation = event.history.val.at(-1);
          emit({
            type: 'epoch',
            epoch: event.epoch,
            epochs: event.epochs,
            trainLoss: event.trainLoss,
            valLoss: lastValidation?.loss,
            valEpoch: lastValidation?.epoch,
            elapsedSeconds: event.elapsedSeconds,
            epochsPerSecond: event.epochsPerSecond,
          });
        },
      },
    });

    const summary = summarizeExperiment(config, backend.name, model.parameterCount, result);
    emit({ type: 'end', status: result.status, summary });
    return {
      backend,
      status: result.status,
      history: result.history,
      summary,
      model,
      ...(result.divergence ? { divergence: result.divergence } : {}),
      ...(result.bestWeights ? { best: result.bestWeights } : {}),
    };
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    disposeData();
  }
}
