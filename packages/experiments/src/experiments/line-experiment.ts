import { polynomial } from '@epochlab/data';
import { numberField } from '../config/config-field.js';
import { defineExperiment } from './define-experiment.js';

/** The notebook's first experiment: noisy points from y = slope * x + intercept. */
export const lineExperiment = defineExperiment({
  name: 'line',
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
  truth: (config) => polynomial([config.slope, config.intercept]),
  caption: (config) => `line y = ${config.slope}x + ${config.intercept}`,
  truthBound: (config, range) => Math.abs(config.slope) * range + Math.abs(config.intercept),
});
