import { numberField } from '../config/config-field.js';
import { defineExperiment } from './define-experiment.js';
import { sineFunction } from './sine-function.js';

/**
 * Noisy points from y = a sin(f x), with the notebook's noise on x and on y:
 * a curve the notebook's MLP must bend twice to follow (with `range` 1 and
 * `f` 3, x covers about one period).
 */
export const sineExperiment = defineExperiment({
  ...sineFunction,
  title: 'sine experiment',
  description: 'noisy points from a sine y = a sin(f x)',
  fields: [
    numberField({
      key: 'amplitude',
      group: 'data',
      help: 'amplitude a of the sine y = a sin(f x)',
      rule: { code: 'finiteNumber' },
      default: 1,
    }),
    numberField({
      key: 'frequency',
      group: 'data',
      help: 'frequency f of the sine, in radians per unit of x',
      rule: { code: 'numberAboveAtMost', min: 0, max: 100 },
      default: 3,
    }),
  ],
});
