import type { RunComparison } from '@epochlab/experiments';
import type { RunFile } from '../run-folder.js';
import { csvFile as csv } from '../table-files.js';

/** The columns of `outcomes.csv`, in order: the keys of `RunOutcome`. */
const OUTCOME_COLUMNS = [
  'label',
  'experiment',
  'status',
  'epochs',
  'epochsRun',
  'bestValLoss',
  'bestValEpoch',
  'finalTrainLoss',
  'finalValLoss',
  'seconds',
] as const;

/**
 * The comparison as data: `comparison.json` (everything, indented for
 * people), `differences.csv` (one row per config field that differs, one
 * column per run) and `outcomes.csv` (one row per run).
 */
export function compareTableFiles(comparison: RunComparison): RunFile[] {
  return [
    { name: 'comparison.json', content: `${JSON.stringify(comparison, null, 2)}\n` },
    csv(
      'differences.csv',
      ['field', ...comparison.labels],
      comparison.differences.map((difference) => [difference.field, ...difference.values]),
    ),
    csv(
      'outcomes.csv',
      OUTCOME_COLUMNS,
      comparison.outcomes.map((outcome) => OUTCOME_COLUMNS.map((column) => outcome[column])),
    ),
  ];
}
