import type { ComparedRun } from './compared-run.js';

/** What a run came to, as one row of a comparison's outcome table. */
export interface RunOutcome {
  readonly label: string;
  readonly experiment: string;
  readonly status: string;
  readonly epochs: number;
  readonly epochsRun: number;
  /** The lowest validation loss and its epoch; `null` without validation. */
  readonly bestValLoss: number | null;
  readonly bestValEpoch: number | null;
  readonly finalTrainLoss: number | null;
  readonly finalValLoss: number | null;
  /** Wall-clock seconds of training. */
  readonly seconds: number;
}

/** The outcome row of one run, from its summary. */
export function runOutcome(run: ComparedRun): RunOutcome {
  const s = run.summary;
  return {
    label: run.label,
    experiment: run.config.experiment,
    status: s.status,
    epochs: s.epochs,
    epochsRun: s.epochsRun,
    bestValLoss: s.bestValLoss,
    bestValEpoch: s.bestValEpoch,
    finalTrainLoss: s.finalTrainLoss,
    finalValLoss: s.finalValLoss,
    seconds: s.seconds,
  };
}
