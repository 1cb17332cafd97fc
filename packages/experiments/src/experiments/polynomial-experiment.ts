import { z } from 'zod';
import { configField } from '../config/config-field.js';
import { problemMessage } from '../config/config-problem.js';
import { finiteNumber } from '../config/field-schemas.js';
import { defineExperiment } from './define-experiment.js';
import { polynomialFunction } from './polynomial-function.js';

const MAX_COEFFICIENTS = 11;
const listProblem = { code: 'coefficientList', example: '2,1,0' } as const;

/** The notebook's polynomial: noisy points on both x and y, coefficients highest degree first. */
export const polynomialExperiment = defineExperiment({
  ...polynomialFunction,
  title: 'polynomial experiment',
  description: 'noisy points from a polynomial, coefficients highest degree first',
  fields: [
    configField({
      key: 'coefficients',
      kind: 'numberList',
      group: 'data',
      help: 'polynomial coefficients, highest degree first ("2,1,0" is 2x^2 + x)',
      schema: z
        .array(finiteNumber(listProblem), { error: problemMessage(listProblem) })
        .min(1, { error: problemMessage({ code: 'tooFewCoefficients', example: '2,1,0' }) })
        .max(MAX_COEFFICIENTS, {
          error: problemMessage({ code: 'tooManyCoefficients', max: MAX_COEFFICIENTS }),
        }),
      default: [2, 1, 0],
    }),
  ],
});
