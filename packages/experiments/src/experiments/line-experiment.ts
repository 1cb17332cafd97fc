import { numberField } from '../config/config-field.js';
import { defineExperiment } from './define-experiment.js';
import { lineFunction } from './line-function.js';

/** The notebook's first experiment: noisy points from y = slope * x + intercept. */
export const lineExperiment = defineExperiment({
  ...lineFunction,
  title: 'line experiment',
  description: "noisy points from a line y = m x + b (the notebook's first experiment)",
  fields: [
    numberField({
      key: 'slope',
      group: 'data',
      help: 'slope m of the line y = m x + b',
      rule: { code: 'finiteNumber' },
      default: 1,
    }),
    numberField({
      key: 'intercept',
      group: 'data',
      help: 'intercept b of the line',
      rule: { code: 'finiteNumber' },
      default: 0,
    }),
  ],
});
