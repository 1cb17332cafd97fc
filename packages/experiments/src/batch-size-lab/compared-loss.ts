import type { Spread } from './band-statistics.js';
import type { LabGroupSummary } from './lab-summary.js';

/** Which final loss a lab compares its batch sizes by. */
export type ComparedLoss = 'validation' | 'training';

/**
 * The loss the lab's table and trade-off reading compare: the final
 * validation loss, or the final training loss when the lab has no
 * validation points (`valN` 0).
 */
export function comparedLoss(lab: { readonly valN: number }): ComparedLoss {
  return lab.valN > 0 ? 'validation' : 'training';
}

/** A batch size's final loss, over seeds, of the kind `comparedLoss` names. */
export function finalComparedLoss(group: LabGroupSummary): Spread {
  return group.finalValLoss ?? group.finalTrainLoss;
}
