import type { Points } from '@epochlab/experiments';

/** The file names the page saves the two sets under, and the CLI line reads them from. */
export const POINTS_FILES = {
  train: 'training-points.csv',
  validation: 'validation-points.csv',
} as const;

/**
 * Points as CSV text with an `x,y` header, each number in JavaScript's
 * shortest exact form: the file `epochlab run data --data` reads to train
 * on the very same points.
 */
export function pointsToCsv(points: Points): string {
  const rows = ['x,y'];
  for (let i = 0; i < points.x.length; i++) rows.push(`${points.x[i]},${points.y[i]}`);
  return `${rows.join('\n')}\n`;
}
