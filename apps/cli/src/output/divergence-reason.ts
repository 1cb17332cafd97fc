import type { ExperimentResult } from '@epochlab/experiments';

type Divergence = NonNullable<ExperimentResult['divergence']>;

function lossText(loss: number): string {
  return Number.isNaN(loss) ? 'NaN' : loss > 0 ? 'infinite' : 'minus infinity';
}

/** What went wrong, for people: `the training loss became NaN`. */
export function divergenceCause(divergence: Divergence): string {
  const phase = divergence.phase === 'train' ? 'training' : 'validation';
  return `the ${phase} loss became ${lossText(divergence.loss)}`;
}

/** Why a run stopped, for people: `the training loss became NaN at epoch 12`. */
export function divergenceReason(divergence: Divergence): string {
  return `${divergenceCause(divergence)} at epoch ${divergence.epoch}`;
}
