import type { LossPoint, TrainingHistory, TrainingSummary } from './training-result.js';

/** The lowest loss of a curve and the first epoch that reached it. */
export function lowestLoss(points: readonly LossPoint[]): LossPoint | undefined {
  let best: LossPoint | undefined;
  for (const point of points) {
    if (best === undefined || point.loss < best.loss) best = point;
  }
  return best;
}

/** What a run's summary is computed from. */
export interface SummaryInput {
  readonly history: TrainingHistory;
  readonly epochsPlanned: number;
  readonly seconds: number;
  readonly divergedAtEpoch: number | undefined;
  readonly restoredWeightsFromEpoch: number | undefined;
}

/** Final and best losses, timing and throughput of a run. */
export function summarize(input: SummaryInput): TrainingSummary {
  const { history, seconds } = input;
  const lastTrain = history.train.at(-1);
  const lastValidation = history.val.at(-1);
  const bestTrain = lowestLoss(history.train);
  const bestValidation = lowestLoss(history.val);
  const epochsRun = history.train.length;
  return {
    epochsRun,
    epochsPlanned: input.epochsPlanned,
    finalTrainLoss: lastTrain?.loss ?? null,
    finalValidationLoss: lastValidation?.loss ?? null,
    finalValidationEpoch: lastValidation?.epoch ?? null,
    bestTrainLoss: bestTrain?.loss ?? null,
    bestTrainEpoch: bestTrain?.epoch ?? null,
    bestValidationLoss: bestValidation?.loss ?? null,
    bestValidationEpoch: bestValidation?.epoch ?? null,
    divergedAtEpoch: input.divergedAtEpoch ?? null,
    restoredWeightsFromEpoch: input.restoredWeightsFromEpoch ?? null,
    seconds,
    epochsPerSecond: seconds > 0 ? epochsRun / seconds : 0,
  };
}
