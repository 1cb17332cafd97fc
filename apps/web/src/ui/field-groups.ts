/**
 * The fieldset of the data and model fields, shared by the main form and the
 * lab's form; a field not listed goes in `training` unless a form says otherwise.
 */
export const DATA_AND_MODEL_GROUPS: Readonly<Record<string, 'data' | 'model'>> = {
  slope: 'data',
  intercept: 'data',
  coefficients: 'data',
  n: 'data',
  valN: 'data',
  sigma: 'data',
  range: 'data',
  seed: 'data',
  hidden: 'model',
  activation: 'model',
  init: 'model',
};
